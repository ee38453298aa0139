import Foundation
import Testing
@testable import ReachSim

/// The UCI page end to end (`../shared/data/facebook-posts-uci`, scenarios/uci-facebook-page.yaml):
/// dates reconstructed by the import, a fit on reach (Meta's people reached: the model's views are
/// people) without the boosted posts, and a back-test that scores reach, not impressions.
@Suite struct FacebookEvidenceTests {
    @Test func uciPageIsFittedOnOrganicReachAndBackTested() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = ImportFixtures.shared.appendingPathComponent("facebook-posts-uci").path
        let history = dir.appendingPathComponent("uci").path
        let scenario = TestScenarios.packageRoot.appendingPathComponent("scenarios/uci-facebook-page.yaml").path
        let imported = try CommandRunner.run(["import", data, "--account", "brand", "--out", history])
        #expect(imported.status == 0, "\(imported.stderr)")

        let observed = try ObservedHistory.read(directory: history)
        let clock = try PostingClock(timeZone: "UTC")
        let until = ObservedDate(year: 2014, month: 9, day: 30)!
        let options = FitPipeline.Options(scenarioPath: scenario, historyDirectory: history, until: until, weeks: 26,
                                          replicates: 4, threads: 2, bootstrap: 100, clock: clock)
        var s = try ScenarioLoader.load(path: scenario)
        s.audience.scale = 50      // coarser agents keep the test short; the fit is the same machinery
        s.audience.size = 8_000
        let fit = try FitPipeline.fit(s, history: observed, options: options)
        // The window's organic posts with reach (boosted ones left out of the moments).
        let from = fit.from
        let organic = observed.posts.filter {
            guard let t = $0.publishedAt?.date else { return false }
            return from <= t && t <= until && $0.paid != .paid
        }
        let base = try #require(fit.estimates.first { $0.parameter == .baseVisibility })
        #expect(base.posts == organic.count)
        #expect(base.estimate != nil && base.source.contains("median views per post"))
        #expect(fit.estimates.first { $0.parameter == .reachSpread }?.estimate != nil)
        // Page likes are counts without gains: follows and churn are not identifiable.
        #expect(fit.estimates.first { $0.parameter == .follow }?.estimate == nil)
        #expect(fit.estimates.first { $0.parameter == .churn }?.estimate == nil)

        let out = dir.appendingPathComponent("backtest").path
        let backtest = try CommandRunner.run(["backtest", scenario, "--history", history, "--train-until", "2014-09-30",
                                              "--timezone", "UTC", "--out", out, "--replicates", "4", "--threads", "2"])
        #expect(backtest.status == 0, "\(backtest.stderr)")
        #expect((backtest.stdout + backtest.stderr).contains("boosted posts are simulated as organic and left out of the scores"))
        let summary = try CSVTable.rows(url: URL(fileURLWithPath: out).appendingPathComponent("backtest_summary.csv"),
                                        required: BacktestTables.summaryHeader)
        let metrics = Set(summary.map { $0["metric"] })
        #expect(metrics.contains("reach") && !metrics.contains("impressions"))
        // Actual reach of October 2014 = the sum over its organic posts, recomputed here.
        let rows = try CSVTable.rows(url: URL(fileURLWithPath: out).appendingPathComponent("backtest.csv"),
                                     required: BacktestTables.header)
        let october = try #require(rows.first { $0["metric"] == "reach" && $0["period"] == "2014-10" })
        let expected = observed.posts.filter { $0.paid != .paid && $0.publishedAt?.date.month == 10 }.compactMap(\.reach).reduce(0, +)
        #expect(Double(october["actual"]) == Double(expected))
    }
}
