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
        #expect(result.stdout.contains("Saturation of reach (all platforms)"))
        for name in ["sweep.csv", "saturation.csv", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name))
        }
        // What a boost must do, read from sweep.csv (platform facebook, means over replicates):
        // no budget spends nothing and buys nothing; every replicate spends at most the budget
        // (6 weeks × €/week: p95 ≤ the budget); more budget buys more paid views and, with the
        // same random numbers, reaches more people in all (paid reach dwarfs the noise that new
        // followers bring to the organic path at 3 replicates).
        let text = try String(contentsOfFile: out + "/sweep.csv", encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name), "sweep.csv has \(name)") }
        let budgetColumn = try column("platforms.facebook.boost.budget_per_week")
        let platform = try column("platform"), metric = try column("metric"), mean = try column("mean"), p95 = try column("p95")
        func values(_ p: String, _ m: String, _ c: Int) -> [Double: Double] {
            var out: [Double: Double] = [:]
            for row in lines.dropFirst() where row[platform] == p && row[metric] == m { out[Double(row[budgetColumn])!] = Double(row[c])! }
            return out
        }
        let budgets = [0.0, 10, 20, 30]
        let spend = values("facebook", "spend", mean), spendHigh = values("facebook", "spend", p95)
        let paid = values("facebook", "impressions_paid", mean), reach = values("all", "reach_cumulative", mean)
        #expect(budgets.allSatisfy { spend[$0] != nil && paid[$0] != nil && reach[$0] != nil }, "\(text)")
        #expect(spend[0] == 0 && paid[0] == 0)
        for b in budgets { #expect((spendHigh[b] ?? .infinity) <= 6 * b + 1e-9, "spend within the budget at \(b)") }
        for (low, high) in zip(budgets, budgets.dropFirst()) {
            #expect((spend[high] ?? 0) > (spend[low] ?? 0), "spend grows from \(low) to \(high)")
            #expect((paid[high] ?? 0) > (paid[low] ?? 0), "paid views grow from \(low) to \(high)")
            #expect((reach[high] ?? 0) > (reach[low] ?? 0), "reach grows from \(low) to \(high)")
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
