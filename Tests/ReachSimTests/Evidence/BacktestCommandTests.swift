import Foundation
import Testing
@testable import ReachSim

/// `reachsim backtest` end to end on the synthetic history of Fixtures/backtest (30 posts of
/// x/museum, 2 January - 9 March 2024; followers on 1 January, 1 February and 1 March).
@Suite struct BacktestCommandTests {
    static var fixtures: URL { TestScenarios.packageRoot.appendingPathComponent("Tests/ReachSimTests/Fixtures/backtest") }
    static var history: String { fixtures.appendingPathComponent("history").path }
    static var scenario: String { fixtures.appendingPathComponent("museum-x.yaml").path }

    /// The files are there, say they are not fitted, and the summary's coverage and MAPE are
    /// those recomputed from backtest.csv's own columns.
    @Test(arguments: ["last", "spread"])
    func writesScoresConsistentWithItsRows(_ holdout: String) throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CommandRunner.run(["backtest", Self.scenario, "--history", Self.history, "--train-until", "2024-01-31",
                                            "--out", dir.path, "--replicates", "6", "--threads", "2", "--holdout", holdout])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("NOT FITTED"))
        for name in ["backtest.csv", "backtest_summary.csv", "posts_quantiles.csv", "rates.csv", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(name)")
        }
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("manifest.json")))
            as? [String: Any]
        #expect(manifest?["fitted"] as? Bool == false)
        #expect(manifest?["holdout"] as? String == holdout)

        let rows = try CSVTable.rows(url: dir.appendingPathComponent("backtest.csv"), required: BacktestTables.header)
        let summary = try CSVTable.rows(url: dir.appendingPathComponent("backtest_summary.csv"),
                                        required: BacktestTables.summaryHeader)
        #expect(!summary.isEmpty)
        #expect(summary.allSatisfy { $0["fitted"] == "false" })
        let kinds = Set(summary.map { $0["periods"] })
        #expect(kinds == (holdout == "last" ? ["month", "week"] : ["week"]))
        #expect(summary.contains { $0["metric"] == "impressions" })
        for s in summary {
            let mine = rows.filter {
                $0["account"] == s["account"] && $0["metric"] == s["metric"]
                    && ($0["period"].hasPrefix("w") ? "week" : "month") == s["periods"]
            }
            #expect(mine.count == Int(s["n"]))
            let actual = mine.map { $0.double("actual") }, median = mine.map { $0.double("median") }
            let in80 = mine.filter { $0.double("low80") <= $0.double("actual") && $0.double("actual") <= $0.double("high80") }
            let in95 = mine.filter { $0.double("low95") <= $0.double("actual") && $0.double("actual") <= $0.double("high95") }
            #expect(abs(s.double("coverage80") - Double(in80.count) / Double(mine.count)) < 1e-9)
            #expect(abs(s.double("coverage95") - Double(in95.count) / Double(mine.count)) < 1e-9)
            let ape = zip(median, actual).filter { $0.1 > 0 }.map { abs($0.0 - $0.1) / $0.1 }
            if ape.isEmpty {
                #expect(s["mape"].isEmpty)
            } else {
                #expect(abs(s.double("mape") - ape.reduce(0, +) / Double(ape.count)) < 1e-9)
            }
            // The 80 % range lies inside the 95 % one, around the median.
            for r in mine {
                #expect(r.double("low95") <= r.double("low80") && r.double("low80") <= r.double("median"))
                #expect(r.double("median") <= r.double("high80") && r.double("high80") <= r.double("high95"))
            }
        }
        // Held-out posts: the observed quantiles are those of the history's posts after the cut-off.
        let posts = try CSVTable.rows(url: dir.appendingPathComponent("posts_quantiles.csv"), required: BacktestTables.postsHeader)
        let impressions = posts.filter { $0["metric"] == "impressions" }
        #expect(impressions.map { $0.double("quantile") } == [0.1, 0.25, 0.5, 0.75, 0.9])
        let observedCount = Int(impressions[0]["observed_posts"])!
        #expect(Int(impressions[0]["simulated_posts"]) == 6 * observedCount)
        if holdout == "last" {
            let history = try ObservedHistory.read(directory: Self.history)
            let paris = try PostingClock()
            let after = history.posts.filter { paris.local($0.publishedAt!).date > ObservedDate(year: 2024, month: 1, day: 31)! }
            #expect(observedCount == after.count)
            let median = Statistics.quantiles(after.map { Double($0.impressions!) }, at: [0.5])[0]
            #expect(abs(impressions[2].double("observed") - median) < 1e-9)
            // Monthly impressions: the actual is the sum over the month's posts.
            let feb = try #require(rows.first { $0["metric"] == "impressions" && $0["period"] == "2024-02" })
            let febPosts = after.filter { paris.local($0.publishedAt!).date.month == 2 }
            #expect(feb.double("actual") == Double(febPosts.reduce(0) { $0 + $1.impressions! }))
            // Followers at the end of February: the row of 1 March (1,021).
            let followers = try #require(rows.first { $0["metric"] == "followers" && $0["period"] == "2024-02" })
            #expect(followers.double("actual") == 1021)
        }
    }

    /// A history whose account the scenario does not have is refused (exit 65), naming both lists,
    /// and nothing is written; so are bad dates and a folder without the history's files.
    @Test func badInputIsRefusedWithNothingWritten() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let other = Self.fixtures.appendingPathComponent("other-account.yaml").path
        let cases: [([String], String)] = [
            (["backtest", other, "--history", Self.history, "--train-until", "2024-01-31", "--out", out],
             "x/museum are not in the scenario backtest-fixture, whose accounts are x/main, instagram/main"),
            (["backtest", Self.scenario, "--history", Self.history, "--train-until", "2024-02-30", "--out", out],
             "--train-until 2024-02-30: expected a day written YYYY-MM-DD"),
            (["backtest", Self.scenario, "--history", Self.history, "--train-until", "2024-06-01", "--out", out],
             "leaves no test period"),
            (["backtest", Self.scenario, "--history", dir.path, "--train-until", "2024-01-31", "--out", out],
             "no observed_posts.csv in the folder"),
            (["backtest", Self.scenario, "--history", Self.history, "--train-until", "2024-01-31", "--out", out,
              "--timezone", "Nowhere/City"], "unknown time zone"),
        ]
        for (arguments, message) in cases {
            let result = try CommandRunner.run(arguments)
            #expect(result.status == 65, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"))
            #expect(!FileManager.default.fileExists(atPath: out + "/manifest.json"))
        }
    }

    /// A malformed row of the history is named by file, row and column.
    @Test func aMalformedHistoryRowIsPositioned() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOfFile: Self.history + "/observed_posts.csv", encoding: .utf8)
            .replacingOccurrences(of: "2024-01-04T11:14:00Z", with: "4 January")
        try text.write(to: dir.appendingPathComponent("observed_posts.csv"), atomically: true, encoding: .utf8)
        #expect {
            try ObservedHistory.read(directory: dir.path)
        } throws: { error in
            "\(error)".contains("observed_posts.csv:3: published_at") && "\(error)".contains("'4 January'")
        }
    }
}
