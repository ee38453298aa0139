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
        /// The file's bytes, when they are not `yaml` as UTF-8.
        var bytes: [UInt8]? = nil
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
        // Numbers that are not numbers, or far out of range.
        Case(label: "NaN", yaml: scenario([("0.055", ".nan")]),
             expected: ["scenario.yaml:13:29: platforms.facebook.feed.base_visibility: .nan is not a finite number: allowed 0...1 (probability)"]),
        Case(label: "infinity", yaml: scenario([("hours_per_week: 5", "hours_per_week: .inf")]),
             expected: ["scenario.yaml:5:24: team.hours_per_week: .inf is not a finite number: allowed 0...2000 (hours per week)"]),
        Case(label: "negative infinity", yaml: scenario([("hours_per_week: 5", "hours_per_week: -.inf")]),
             expected: ["scenario.yaml:5:24: team.hours_per_week: -.inf is not a finite number"]),
        Case(label: "1e400", yaml: scenario([("0.055", "1e400")]),
             expected: ["scenario.yaml:13:29: platforms.facebook.feed.base_visibility: 1e400 is out of range: allowed 0...1"]),
        Case(label: "negative followers", yaml: scenario([("followers: 300", "followers: -5")]),
             expected: ["scenario.yaml:12:16: platforms.facebook.followers: -5 is out of range: allowed 0...2000000000"]),
        Case(label: "negative replicates", yaml: scenario([("replicates: 2", "replicates: -1")]),
             expected: ["scenario.yaml:3:13: replicates: -1 is out of range: allowed 1...1000000"]),
        Case(label: "negative audience", yaml: scenario([("size: 2000", "size: -10")]),
             expected: ["scenario.yaml:7:9: audience.size: -10 is out of range: allowed 1...50000000"]),
        Case(label: "horizon of 0 weeks", yaml: scenario([("horizon_weeks: 2", "horizon_weeks: 0")]),
             expected: ["scenario.yaml:2:16: horizon_weeks: 0 is out of range: allowed 1...520"]),
        Case(label: "horizon of 10^9 weeks", yaml: scenario([("horizon_weeks: 2", "horizon_weeks: 1000000000")]),
             expected: ["scenario.yaml:2:16: horizon_weeks: 1000000000 is out of range: allowed 1...520"]),
        Case(label: "10^15 agents", yaml: scenario([("size: 2000", "size: 1000000000000000")]),
             expected: ["scenario.yaml:7:9: audience.size: 1000000000000000 is out of range: allowed 1...50000000"]),
        Case(label: "1e15 agents", yaml: scenario([("size: 2000", "size: 1e15")]),
             expected: ["scenario.yaml:7:9: audience.size: 1e15 is out of range: allowed 1...50000000"]),
        Case(label: "seed beyond 64 bits", yaml: scenario([("seed: 1", "seed: 18446744073709551616")]),
             expected: ["scenario.yaml:4:7: seed: 18446744073709551616 is out of range: allowed 0...18446744073709551615"]),
        Case(label: "fractional count", yaml: scenario([("replicates: 2", "replicates: 2.5")]),
             expected: ["scenario.yaml:3:13: replicates: expected a whole number in 1...1000000, found 2.5"]),
        Case(label: "hexadecimal", yaml: scenario([("replicates: 2", "replicates: 0x10")]),
             expected: ["found 0x10 (write it in decimal digits)"]),
        Case(label: "empty value", yaml: scenario([("replicates: 2", "replicates:")]),
             expected: ["scenario.yaml:3:12: replicates: expected a whole number in 1...1000000, found an empty value"]),
        // Empty and oversized collections.
        Case(label: "empty segment list", yaml: scenario([("segments:\n    - {name: everyone, age: 25-34, share: 1}", "segments: []")]),
             expected: ["scenario.yaml:8:13: audience.segments: expected at least one item, found an empty list"]),
        Case(label: "empty posting hours", yaml: scenario([("{image: 2}}", "{image: 2}, posting_hours: []}")]),
             expected: ["platforms.facebook.plan.posting_hours: expected at least one item, found an empty list"]),
        Case(label: "no platform", yaml: scenario([]).components(separatedBy: "platforms:")[0] + "platforms: {}\n",
             expected: ["scenario.yaml:10:12: platforms: at least one platform is required"]),
        Case(label: "33 platforms", yaml: scenario([]).components(separatedBy: "platforms:")[0] + "platforms:\n"
                + (0..<33).map { "  p\($0): {preset: x, followers: 1, plan: {posts_per_week: {text: 1}}}\n" }.joined(),
             expected: ["scenario.yaml:11:3: platforms: at most 32 platforms"]),
        Case(label: "23 hourly weights", yaml: scenario([("size: 2000", "size: 2000\n  hourly_profile: [" + Array(repeating: "1", count: 23).joined(separator: ", ") + "]")]),
             expected: ["audience.hourly_profile: expected 24 values (hours 0 to 23), found 23"]),
        // YAML features.
        Case(label: "duplicate key", yaml: scenario([("replicates: 2", "replicates: 2\nreplicates: 3")]),
             expected: ["scenario.yaml:4:1: replicates: duplicate key 'replicates' (first at line 3)"]),
        Case(label: "duplicate platform", yaml: scenario([]) + "\n  facebook:\n    followers: 3\n    plan: {posts_per_week: {image: 1}}\n",
             expected: ["scenario.yaml:16:3: platforms.facebook: duplicate key 'facebook' (first at line 11)"]),
        Case(label: "merge key", yaml: scenario([("feed: {base_visibility: 0.055}", "feed: {<<: {base_visibility: 0.055}}")]),
             expected: ["scenario.yaml:13:12: platforms.facebook.feed: merge keys (<<) are not supported; write the keys out"]),
        Case(label: "bad value through an alias", yaml: scenario([("seed: 1", "seed: &big 5000"), ("hours_per_week: 5", "hours_per_week: *big")]),
             expected: ["scenario.yaml:4:7: team.hours_per_week: 5000 is out of range: allowed 0...2000 (hours per week) (reached through the alias under 'hours_per_week' at line 5)"]),
        Case(label: "undefined alias", yaml: scenario([("feed: {base_visibility: 0.055}", "feed: *nowhere")]),
             expected: ["scenario.yaml:13:11: alias '*nowhere' refers to no anchor (&name) defined before it"]),
        Case(label: "unknown tag", yaml: scenario([("replicates: 2", "replicates: !big 2")]),
             expected: ["scenario.yaml:3:13: replicates: the tag '!big' is not supported; remove it"]),
        Case(label: "two documents", yaml: scenario([]) + "\n---\nname: other\n",
             expected: ["scenario.yaml:16:1: a second YAML document starts here; a file holds exactly one"]),
        Case(label: "empty file", yaml: "", expected: ["scenario.yaml:1:1: the document is empty: expected YAML content"]),
        Case(label: "tab indentation", yaml: scenario([("  size: 2000", "\tsize: 2000")]),
             expected: ["scenario.yaml:7:1: syntax error: found character that cannot start any token; tabs cannot indent YAML, use spaces"]),
        Case(label: "nested 100,000 deep", yaml: "a: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
             expected: ["scenario.yaml:1:5: syntax error: lists and mappings nested too deeply (libyaml stops at 1,000 levels)"]),
        Case(label: "NUL byte", yaml: scenario([("replicates: 2", "replicates: 2\u{0}")]),
             expected: ["scenario.yaml:3:14: invalid character: control characters are not allowed"]),
        Case(label: "not UTF-8", yaml: "", bytes: Array("name: caf".utf8) + [0xE9] + Array("\n".utf8),
             expected: ["scenario.yaml:1: cannot read: the file is not UTF-8 text"]),
        // Edge lists.
        Case(label: "empty edge list", yaml: scenario([], graph: "{generator: edge_list, path: edges.csv}"),
             files: ["edges.csv": ""], expected: ["edges.csv: no edges: the file is empty"]),
        Case(label: "binary edge list", yaml: scenario([], graph: "{generator: edge_list, path: edges.csv}"),
             files: ["edges.csv": "1,2\n3,\u{0}4\n"], expected: ["edges.csv:2: a NUL byte: this looks like a binary file, not a text edge list"]),
        Case(label: "truncated edge list", yaml: scenario([], graph: "{generator: edge_list, path: edges.csv}"),
             files: ["edges.csv": "1,2\n2,3\n3,"],
             expected: ["edges.csv:3: expected two node ids separated by a comma, tab or space, found an empty id in \"3,\""]),
        Case(label: "edge list larger than the audience", yaml: scenario([], graph: "{generator: edge_list, path: edges.csv}"),
             files: ["edges.csv": (0..<2_000).map { "\($0),\($0 + 1)\n" }.joined()],
             expected: ["edges.csv: the edge list has 2001 accounts but only", "agents use facebook"]),
    ]

    @Test(arguments: cases)
    func badInputIsRefusedClearly(_ c: Case) throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(c.bytes ?? Array(c.yaml.utf8)).write(to: dir.appendingPathComponent("scenario.yaml"))
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
