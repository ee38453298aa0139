import Foundation
import Testing
@testable import ReachSim

/// `reachsim fit`: recovers known parameters from histories the simulator itself produced, says
/// which parameters the data cannot identify, and writes a fitted scenario that loads.
@Suite struct FitPipelineTests {
    static let prior = """
        name: fit-synthetic
        horizon_weeks: 26
        replicates: 10
        seed: 11
        team: {hours_per_week: 100}
        audience:
          size: 4000
          outside: none
          segments:
            - {name: fans, age: 25-34, share: 1, sessions_per_day: 5, uses: {x: 0.8}}
        platforms:
          x:
            followers: 1000
            plan: {posts_per_week: {text: 5}, posting_hours: [9, 13, 17]}
        """

    /// The truth: the prior's X with these factors (discovery per view kept, as the fit assumes)
    /// and a reach spread (σ; the prior's is 0).
    static let truth: [FitParameter: Double] = [.baseVisibility: 1.3, .like: 4, .comment: 40, .share: 6, .follow: 2]
    static let truthSpread = 0.6

    static let start = ObservedDate(year: 2024, month: 1, day: 1)!

    /// One replicate of the truth scenario with `seed`, as the exports would give it: every post
    /// with its time, impressions and actions, and a follower row at the end of each week.
    static func history(seed: UInt64, impressions: Bool = true) throws -> ObservedHistory {
        let prior = try ScenarioLoader.parse(Self.prior, file: "prior.yaml")
        var truth = prior
        for (parameter, factor) in Self.truth { parameter.scale(&truth.platforms[0], by: factor) }
        FitParameter.keepDiscoveryPerView(&truth.platforms[0], prior: prior.platforms[0])
        FitParameter.setReachSpread(&truth.platforms[0], truthSpread)
        truth.seed = seed
        truth.replicates = 1
        let catalog = PostCatalog(truth).entries
        truth.postsRecorded = catalog.count
        let result = Simulation.run(try World.build(truth), replicates: 1, threads: 2)
        let l = result.layout
        var posts: [ObservedPost] = []
        for (k, entry) in catalog.enumerated() {
            func v(_ m: PostMetric) -> Int { Int(result.values[l.postIndex(post: k, metric: m)]) }
            let day = ObservedDate(daysSinceEpoch: start.daysSinceEpoch + 7 * entry.week + (entry.day ?? 0))
            let views = v(.impressionsOrganic) + v(.impressionsShares) + v(.impressionsDiscovery)
            posts.append(ObservedPost(platform: .x, account: "main", postID: "\(k)",
                                      publishedAt: ObservedTime(date: day, hour: entry.hour, minute: 0, second: 0),
                                      impressions: impressions ? views : nil, likes: v(.likes), comments: v(.comments),
                                      shares: v(.shares), source: SourcePosition(file: "synthetic", line: k + 2)))
        }
        let followers = (0..<l.weeks).map { w in
            func a(_ m: Metric) -> Int { Int(result.values[l.accountIndex(week: w, account: 0, metric: m)]) }
            return ObservedFollowers(platform: .x, account: "main", date: ObservedDate(daysSinceEpoch: start.daysSinceEpoch + 7 * w + 6),
                                     followers: a(.followers), gained: a(.followersGained), lost: a(.followersLost),
                                     source: SourcePosition(file: "synthetic", line: w + 2))
        }
        return ObservedHistory(directory: "synthetic", posts: posts, followers: followers)
    }

    static func options() throws -> FitPipeline.Options {
        FitPipeline.Options(scenarioPath: "prior.yaml", historyDirectory: "synthetic", weeks: 24, replicates: 10, threads: 2,
                            bootstrap: 300, clock: try PostingClock(timeZone: "UTC"))
    }

    /// Six histories of the truth (six seeds): each fit's 90% interval holds the true value of
    /// every estimated parameter (the reach spread included) at least 4 times in 6 (with a calibrated 90% interval, fewer
    /// than 4 happens with probability 1.6%), and the estimates average within 15% of the truth.
    @Test func recoversKnownParametersWithinTheirIntervals() throws {
        let prior = try ScenarioLoader.parse(Self.prior, file: "prior.yaml")
        var covered: [FitParameter: Int] = [:], ratios: [FitParameter: [Double]] = [:]
        let seeds: [UInt64] = [101, 202, 303, 404, 505, 606]
        for seed in seeds {
            let fit = try FitPipeline.fit(prior, history: try Self.history(seed: seed), options: try Self.options())
            for (parameter, factor) in Self.truth.merging([.reachSpread: 1]) { $1 } {
                let e = try #require(fit.estimates.first { $0.parameter == parameter })
                let truth = parameter == .reachSpread ? Self.truthSpread : try #require(parameter.value(in: prior.platforms[0])) * factor
                let (estimate, low, high) = (try #require(e.estimate), try #require(e.low), try #require(e.high))
                #expect(low <= estimate && estimate <= high, "\(parameter): \(low) \(estimate) \(high)")
                if low <= truth && truth <= high { covered[parameter, default: 0] += 1 }
                ratios[parameter, default: []].append(estimate / truth)
            }
        }
        for parameter in Self.truth.keys + [.reachSpread] {
            #expect(covered[parameter, default: 0] >= 4, "\(parameter): covered \(covered[parameter, default: 0]) of \(seeds.count)")
            let mean = ratios[parameter]!.reduce(0, +) / Double(seeds.count)
            #expect(abs(mean - 1) < 0.15, "\(parameter): estimate / truth \(ratios[parameter]!)")
        }
    }

    /// Without impressions (Mastodon and Bluesky give none) reach and the rates per viewer are not
    /// identifiable: no number, a reason; follows and churn still come from the follower history.
    @Test func withoutImpressionsReachAndRatesAreNotIdentifiable() throws {
        let prior = try ScenarioLoader.parse(Self.prior, file: "prior.yaml")
        let fit = try FitPipeline.fit(prior, history: try Self.history(seed: 7, impressions: false), options: try Self.options())
        for parameter in [FitParameter.baseVisibility, .like, .comment, .share] {
            let e = try #require(fit.estimates.first { $0.parameter == parameter })
            #expect(e.estimate == nil && e.low == nil)
            #expect(e.source.hasPrefix("not identifiable: "), "\(e.source)")
        }
        #expect(fit.estimates.first { $0.parameter == .follow }?.estimate != nil)
        #expect(fit.estimates.first { $0.parameter == .churn }?.estimate != nil)
        // The unidentified parameters keep the prior's values.
        #expect(FitParameter.baseVisibility.value(in: fit.scenario.platforms[0]) == FitParameter.baseVisibility.value(in: prior.platforms[0]))
    }

    /// Follower rows: gains and losses cover the days since the previous row; losses come from
    /// the counts when the history has none; followers on a day are interpolated.
    @Test func followerHistoryByHand() throws {
        func row(_ d: Int, _ f: Int?, _ g: Int?, _ l: Int? = nil) -> ObservedFollowers {
            ObservedFollowers(platform: .x, account: "a", date: ObservedDate(year: 2024, month: 1, day: d)!, followers: f,
                              gained: g, lost: l, source: SourcePosition(file: "f", line: d))
        }
        let days = [row(1, 1_000, nil), row(11, 1_100, 150), row(21, nil, 40, 5), row(31, 1_200, 90)]
        let rows = FitPipeline.rows(days, from: ObservedDate(year: 2024, month: 1, day: 5)!, until: ObservedDate(year: 2024, month: 1, day: 31)!)
        #expect(rows.count == 3)
        #expect(rows[0].days == 10 && rows[0].gained == 150 && rows[0].lost == 50 && rows[0].followers == 1_050)
        #expect(rows[1].days == 10 && rows[1].lost == 5 && rows[1].followers == nil)
        #expect(rows[2].days == 10 && rows[2].lost == nil)   // the previous row has no count
        #expect(FitPipeline.followers(on: ObservedDate(year: 2024, month: 1, day: 6)!, days) == 1_050)
        #expect(FitPipeline.followers(on: ObservedDate(year: 2024, month: 2, day: 6)!, days) == 1_200)
        // gained per day over rows with gains: (150 + 40 + 90) / 30; churn: 50 + 5 lost over
        // 10 days × 1,050 followers (the only row with both), per week.
        let o = FitPipeline.Observed(posts: [], rows: rows)
        #expect(abs(FitPipeline.moment(.follow, o, weeks: []) - 280.0 / 30) < 1e-12)
        #expect(abs(FitPipeline.moment(.churn, o, weeks: []) - 50.0 / (10 * 1_050) * 7) < 1e-12)
    }

    /// A back-test (and a fit) starts the history's accounts with the history's followers on the
    /// first simulated day, not the scenario's (here a stale 5).
    @Test func startsWithTheHistorysFollowers() throws {
        let history = try Self.history(seed: 5)
        var scenario = try ScenarioLoader.parse(Self.prior, file: "prior.yaml")
        scenario.platforms[0].accounts[0].followers = 5
        let day = ObservedDate(daysSinceEpoch: Self.start.daysSinceEpoch + 30)
        #expect(FitPipeline.startFollowers(&scenario, history: history, on: day).isEmpty)
        let expected = try #require(FitPipeline.followers(on: day, history.followers))
        #expect(scenario.platforms[0].accounts[0].followers == Int(expected.rounded()))
        #expect(expected > 500 && expected < 2_000)   // the truth starts at 1,000
        let none = ObservedHistory(directory: "h", posts: history.posts, followers: [])
        #expect(FitPipeline.startFollowers(&scenario, history: none, on: day).count == 1)
    }

    /// `reachsim fit` end to end: fit.csv has every parameter, fitted.yaml loads and carries each
    /// fitted value with its comment; `backtest --fit` says it was fitted and writes fit.csv.
    @Test func writesFitCSVAndAFittedScenarioThatLoads() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = dir.appendingPathComponent("prior.yaml")
        try Self.prior.replacingOccurrences(of: "followers: 1000", with: "accounts: [{name: main, followers: 1000, plan: {posts_per_week: {text: 5}, posting_hours: [9, 13, 17]}}]")
            .replacingOccurrences(of: "\n    plan: {posts_per_week: {text: 5}, posting_hours: [9, 13, 17]}", with: "")
            .write(to: scenario, atomically: true, encoding: .utf8)
        let history = try Self.history(seed: 9)
        let historyDir = dir.appendingPathComponent("history")
        try FileManager.default.createDirectory(at: historyDir, withIntermediateDirectories: true)
        try Data(ObservedTables.postsCSV(history.posts)).write(to: historyDir.appendingPathComponent(ObservedTables.postsFile))
        try Data(ObservedTables.followersCSV(history.followers)).write(to: historyDir.appendingPathComponent(ObservedTables.followersFile))
        var options = try Self.options()
        options.scenarioPath = scenario.path
        options.historyDirectory = historyDir.path
        options.outputDirectory = dir.appendingPathComponent("fit").path
        let report = try FitPipeline.run(options)
        #expect(report.files == ["fit.csv", "fitted.yaml", "manifest.json"])
        let rows = try CSVTable.rows(url: dir.appendingPathComponent("fit/fit.csv"), required: FitPipeline.header)
        #expect(Set(rows.map { $0["parameter"] }).isSuperset(of: FitParameter.estimated.map(\.key)))
        let fitted = dir.appendingPathComponent("fit/fitted.yaml").path
        let loaded = try ScenarioLoader.load(path: fitted)
        let base = try #require(report.result.estimates.first { $0.parameter == .baseVisibility }?.estimate)
        #expect(abs(try #require(FitParameter.baseVisibility.value(in: loaded.platforms[0])) - base) <= 1e-5 * base)
        let text = try String(contentsOfFile: fitted, encoding: .utf8)
        #expect(text.contains("base_visibility: ") && text.contains("# fitted: "))
        // The fit's 90% intervals are the fitted scenario's uncertain ranges.
        let e = try #require(report.result.estimates.first { $0.parameter == .baseVisibility })
        let range = try #require(PlausibleRanges.resolve(loaded).first { $0.key == "platforms.x.feed.base_visibility" })
        #expect(abs(range.low - e.low!) <= 1e-5 * e.low! && abs(range.high - e.high!) <= 1e-5 * e.high!)
        #expect(range.source.hasPrefix("reachsim fit: 90% interval"))

        let backtest = try BacktestPipeline.run(BacktestPipeline.Options(
            scenarioPath: scenario.path, historyDirectory: historyDir.path, trainUntil: ObservedDate(year: 2024, month: 5, day: 31)!,
            outputDirectory: dir.appendingPathComponent("backtest").path, replicates: 4, threads: 2,
            clock: try PostingClock(timeZone: "UTC"), fit: true, fitWeeks: 16))
        #expect(backtest.fitted)
        #expect(backtest.files.contains("fit.csv"))
        #expect(BacktestSummary.render(backtest).contains("FITTED on "))
        // The report of the back-test: fitted, scores, a chart per account and metric, the fit.
        #expect(BacktestReport.isBacktest(dir.appendingPathComponent("backtest")))
        let html = try BacktestReport.render(directory: dir.appendingPathComponent("backtest"))
        #expect(html.contains("<b>Fitted</b>") && html.contains("Actual against predicted") && html.contains("The fit (fit.csv)"))
        let metrics = Set(try CSVTable.rows(url: dir.appendingPathComponent("backtest/backtest.csv"), required: BacktestTables.header)
            .map { $0["metric"] })
        #expect(html.components(separatedBy: "<svg").count - 1 == metrics.count)
        #expect(html.contains("← trained until 2024-05-31"))
        let french = try BacktestReport.render(directory: dir.appendingPathComponent("backtest"), language: .fr)
        #expect(french.contains("<b>Ajusté</b>") && french.contains("Réel et prédit") && french.contains("← entraîné jusqu'à 2024-05-31"))
        #expect(ReportBriefTests.englishLeaks(ReportBriefTests.readBack(french)).isEmpty,
                "\(ReportBriefTests.englishLeaks(ReportBriefTests.readBack(french)))")
    }
}
