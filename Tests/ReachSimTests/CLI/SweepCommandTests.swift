import Foundation
import Testing

/// `reachsim sweep` end to end: output files, the printed table, exit codes for bad input.
@Suite struct SweepCommandTests {
    @Test func sweepRunsAndPrintsTheCurve() throws {
        let (dir, path) = try SweepPipelineTests.write(PaidBoostTests.museumYAML(boost: "    boost: {budget_per_week: 0}"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let result = try CommandRunner.run(["sweep", path, "--set", "platforms.facebook.boost.budget_per_week=0:30:10",
                                            "--replicates", "3", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("budget_per_week"))
        #expect(result.stdout.contains("Hill curve of reach"))
        for name in ["sweep.csv", "hill.csv", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name))
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        let set: String
        let platform: String
        let status: Int32
        let expected: [String]
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "malformed --set", set: "platforms.facebook.boost.budget_per_week", platform: "facebook",
             status: 64, expected: ["expected KEY=VALUES"]),
        Case(label: "bad range", set: "platforms.facebook.boost.budget_per_week=0:100", platform: "facebook",
             status: 64, expected: ["start:stop:step"]),
        Case(label: "value out of range", set: "platforms.facebook.boost.budget_per_week=-1", platform: "facebook",
             status: 65, expected: ["s.yaml:14:", "-1 is out of range", "set by --set"]),
        Case(label: "boost on mastodon", set: "platforms.mastodon.boost.budget_per_week=50", platform: "mastodon",
             status: 65, expected: ["s.yaml:14:5:", "mastodon has no ad market"]),
    ]

    @Test(arguments: cases)
    func badInput(_ c: Case) throws {
        let (dir, path) = try SweepPipelineTests.write(BoostLoaderTests.yaml(c.platform, boost: "{budget_per_week: 50}"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let result = try CommandRunner.run(["sweep", path, "--set", c.set, "--replicates", "2", "--out", out])
        #expect(result.status == c.status, "\(result.stderr)")
        for fragment in c.expected { #expect(result.stderr.contains(fragment), "\(result.stderr)") }
        #expect(!FileManager.default.fileExists(atPath: out + "/manifest.json"))
    }
}
