import Foundation
import Testing

/// Bad input → one clear message naming file, line and column, exit 65, and no output written.
@Suite struct BadInputTests {
    static let good = """
        name: bad-input-test
        horizon_weeks: 2
        replicates: 2
        seed: 1
        team: {hours_per_week: 5}
        audience:
          size: 2000
          segments:
            - {name: everyone, age: 25-34, share: 1}
        platforms:
          facebook:
            followers: 300
            feed: {base_visibility: 0.055}
            graph: GRAPH
            plan: {posts_per_week: {image: 2}}
        """

    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        let yaml: String
        /// Extra files beside the scenario.
        var files: [String: String] = [:]
        /// Fragments the error line must contain, in addition to the file name.
        let expected: [String]
        var testDescription: String { label }
    }

    static func scenario(_ replace: [(String, String)], graph: String = "{generator: chung_lu, mean_degree: 5}") -> String {
        var s = good.replacingOccurrences(of: "GRAPH", with: graph)
        for (a, b) in replace { s = s.replacingOccurrences(of: a, with: b) }
        return s
    }

    static let cases: [Case] = [
        Case(label: "malformed YAML", yaml: scenario([("segments:\n", "segments: [\n")]),
             expected: ["scenario.yaml:", "syntax error"]),
        Case(label: "wrong type", yaml: scenario([("horizon_weeks: 2", "horizon_weeks: two")]),
             expected: ["scenario.yaml:2:16:", "horizon_weeks", "expected a whole number", "two"]),
        Case(label: "unknown key", yaml: scenario([("base_visibility", "base_visiblity")]),
             expected: ["scenario.yaml:13:", "unknown key 'base_visiblity'", "did you mean 'base_visibility'?"]),
        Case(label: "probability 1.5", yaml: scenario([("0.055", "1.5")]),
             expected: ["scenario.yaml:13:", "platforms.facebook.feed.base_visibility", "1.5 is out of range", "0...1"]),
        Case(label: "shares do not sum to 1", yaml: scenario([("share: 1}", "share: 0.7}")]),
             expected: ["scenario.yaml:9:", "audience.segments", "sum to 1"]),
        Case(label: "missing graph file", yaml: scenario([], graph: "{generator: edge_list, path: nowhere.csv}"),
             expected: ["scenario.yaml:14:", "platforms.facebook.graph.path", "cannot read edge list 'nowhere.csv'"]),
        Case(label: "bad line in an edge list", yaml: scenario([], graph: "{generator: edge_list, path: edges.csv}"),
             files: ["edges.csv": "source,target\n1,2\n2,3\n3\n4,5\n"],
             expected: ["edges.csv:4:"]),
        Case(label: "more followers than users", yaml: scenario([("followers: 300", "followers: 1900")]),
             expected: ["scenario.yaml:12:", "platforms.facebook.followers", "1900 followers"]),
        Case(label: "unknown preset", yaml: scenario([("facebook:\n", "facebok:\n")]),
             expected: ["scenario.yaml:", "platforms.facebok", "not a preset"]),
    ]

    @Test(arguments: cases)
    func badInputIsRefusedClearly(_ c: Case) throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try c.yaml.write(to: dir.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        for (name, text) in c.files {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let out = dir.appendingPathComponent("out")
        let result = try CommandRunner.run(["run", "scenario.yaml", "--out", out.path], in: dir)
        #expect(result.status == 65, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line, no stack trace: \(result.stderr)")
        for fragment in c.expected {
            #expect(result.stderr.contains(fragment), "missing '\(fragment)' in: \(result.stderr)")
        }
        let written = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        #expect(written.isEmpty, "wrote \(written)")
    }

    /// `validate` checks without running and reports the same errors.
    @Test func validateReportsAndExits65() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.scenario([("0.055", "1.5")]).write(to: dir.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        try Self.scenario([]).write(to: dir.appendingPathComponent("good.yaml"), atomically: true, encoding: .utf8)
        let ok = try CommandRunner.run(["validate", "good.yaml"], in: dir)
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("good.yaml: ok"))
        let bad = try CommandRunner.run(["validate", "good.yaml", "bad.yaml"], in: dir)
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("bad.yaml:13:"))
    }

    /// Usage errors exit 64, distinct from bad input.
    @Test func usageErrorsExit64() throws {
        let result = try CommandRunner.run(["run", "x.yaml", "--replicates", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--replicates"))
    }

    /// An output path that cannot be a directory: exit 74, clear message, nothing written.
    @Test func unwritableOutputExits74() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.scenario([]).write(to: dir.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        try "x".write(to: dir.appendingPathComponent("file"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["run", "s.yaml", "--out", "file/out"], in: dir)
        #expect(result.status == 74)
        #expect(result.stderr.contains("file/out"))
    }
}

@Suite struct CommandOutputTests {
    /// `--format json` prints one JSON document for pipelines.
    @Test func runPrintsJSON() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try BadInputTests.scenario([]).write(to: dir.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["run", "s.yaml", "--out", "o", "--format", "json"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let platforms = json?["platforms"] as? [[String: Any]]
        #expect(platforms?.map { $0["platform"] as? String } == ["facebook", "all"])
        #expect(json?["files"] as? [String] == ["weekly.csv", "summary.csv", "accounts.csv", "scenario.yaml", "manifest.json"])
    }

    @Test func reportOfAnEmptyDirectoryExits65() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CommandRunner.run(["report", dir.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("no summary.csv"))
    }
}

/// `reachsim presets`: list, show with units, ranges and sources, and a typo.
@Suite struct PresetsCommandTests {
    @Test func listAndShow() throws {
        let list = try CommandRunner.run(["presets", "list"])
        #expect(list.status == 0)
        for name in ["facebook", "tiktok", "twitch", "pinterest"] { #expect(list.stdout.contains(name)) }
        let show = try CommandRunner.run(["presets", "show", "tiktok"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("feed.first_batch"))
        #expect(show.stdout.contains("300  (people [1...10,000,000])"))
        #expect(show.stdout.contains("folklore"))
    }

    @Test func unknownPresetSuggestsTheNearest() throws {
        let r = try CommandRunner.run(["presets", "show", "tiktk"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("Did you mean 'tiktok'?"))
    }
}

/// `reachsim calibrate` refuses meaningless options before running anything.
@Suite struct CalibrateCommandTests {
    @Test func tooFewReplicatesIsAUsageError() throws {
        let r = try CommandRunner.run(["calibrate", "--replicates", "1"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--replicates must be between 2 and 100000"))
    }
}
