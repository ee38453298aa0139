import Foundation

/// `reachsim backtest`: simulates the period a history holds out with the posts as they happened
/// (`ObservedSchedule`), compares the replicates with the actual values per account, metric and
/// period (`BacktestMetrics`), and writes `backtest.csv`, `backtest_summary.csv`,
/// `posts_quantiles.csv`, `rates.csv` and `manifest.json` atomically (`OutputTransaction`:
/// nothing is written on error).
///
/// The history's accounts start the simulated period with the history's follower count on its
/// first day (`FitPipeline.startFollowers`), the scenario's when the history has none.
///
/// With `fit`, `FitPipeline` first estimates the scenario's parameters on the last `fitWeeks`
/// weeks of the training period, the test period is simulated with the fitted values, and the
/// output has `fit.csv` too (`fitted` true). Without, the scenario's parameters are used as they
/// are, and every file says so (`fitted` false).
public enum BacktestPipeline {
    public struct Options: Sendable {
        public var scenarioPath: String
        /// The `--out` folder of `reachsim import`.
        public var historyDirectory: String
        /// Last day (local) of the training period.
        public var trainUntil: ObservedDate
        public var outputDirectory: String
        /// Replicates and seed; nil keeps the scenario's.
        public var replicates: Int?
        public var seed: UInt64?
        public var threads: Int
        /// The sampler (`--engine`), resolved for the test period's world (and, with `fit`, for
        /// the fit's).
        public var engine: EngineChoice
        public var holdout: BacktestHoldout
        public var clock: PostingClock
        /// The command-line words, for the manifest.
        public var command: [String]
        /// Fit on the training period first (`FitPipeline`), on its last `fitWeeks` weeks.
        public var fit: Bool
        public var fitWeeks: Int

        public init(scenarioPath: String, historyDirectory: String, trainUntil: ObservedDate, outputDirectory: String,
                    replicates: Int? = nil, seed: UInt64? = nil, threads: Int = 1, engine: EngineChoice = .auto,
                    holdout: BacktestHoldout = .last,
                    clock: PostingClock, command: [String] = [], fit: Bool = false, fitWeeks: Int = 26) {
            self.fit = fit
            self.fitWeeks = fitWeeks
            self.scenarioPath = scenarioPath
            self.historyDirectory = historyDirectory
            self.trainUntil = trainUntil
            self.outputDirectory = outputDirectory
            self.replicates = replicates
            self.seed = seed
            self.threads = threads
            self.engine = engine
            self.holdout = holdout
            self.clock = clock
            self.command = command
        }
    }

    /// What a finished back-test reports.
    public struct Report: Sendable {
        public let scenario: Scenario
        public let directory: String
        public let files: [String]
        public let series: [BacktestSeries]
        public let rates: [BacktestTables.Rate]
        public let simulatedFrom: ObservedDate
        public let simulatedUntil: ObservedDate
        /// Held-out weeks scored.
        public let heldOutWeeks: Int
        public let warnings: [String]
        public let wallTimeSeconds: Double
        /// The fit on the training period, nil without `--fit`.
        public let fit: FitPipeline.Result?
        public var fitted: Bool { fit != nil }
    }

    /// Loads, simulates, scores and writes.
    ///
    /// - Throws: `BacktestError` (dates, the history, accounts), `ScenarioError`, `WorldError`
    ///   for bad input, nothing written; `OutputError` when the folder cannot be written.
    public static func run(_ options: Options) throws -> Report {
        let started = DispatchTime.now()
        let history = try ObservedHistory.read(directory: options.historyDirectory)
        var scenario = try ScenarioLoader.load(path: options.scenarioPath)
        if let r = options.replicates { scenario.replicates = r }
        if let s = options.seed { scenario.seed = s }
        guard let range = history.postRange else {
            throw BacktestError("\(ObservedTables.postsFile) in \(options.historyDirectory) has no post with a publication time")
        }
        let clock = options.clock
        let firstDay = clock.local(range.lowerBound).date
        let lastDay = clock.local(range.upperBound).date
        let trainUntil = options.trainUntil
        guard trainUntil < lastDay else {
            throw BacktestError("--train-until \(trainUntil) leaves no test period: the history's last post is on "
                + "\(lastDay) (\(clock.identifier))")
        }
        guard trainUntil >= firstDay else {
            throw BacktestError("--train-until \(trainUntil) is before the history's first post, on \(firstDay) "
                + "(\(clock.identifier)): nothing to train on")
        }
        let from = options.holdout == .last ? ObservedDate(daysSinceEpoch: trainUntil.daysSinceEpoch + 1) : firstDay
        var fit: FitPipeline.Result?
        if options.fit {
            guard options.holdout == .last else {
                throw BacktestError("--fit needs --holdout last: spread weeks have no training period before them")
            }
            let result = try FitPipeline.fit(scenario, history: history, options: FitPipeline.Options(
                scenarioPath: options.scenarioPath, historyDirectory: options.historyDirectory, until: trainUntil,
                weeks: options.fitWeeks, threads: options.threads, engine: options.engine, clock: clock))
            let (replicates, seed) = (scenario.replicates, scenario.seed)
            scenario = result.scenario
            scenario.replicates = replicates
            scenario.seed = seed
            fit = result
        }
        // The history accounts start the simulated period with the followers the history gives on
        // its first day (interpolated between the nearest counts), not the scenario's.
        let startWarnings = FitPipeline.startFollowers(&scenario, history: history, on: from)
        let schedule = try ObservedSchedule.build(
            scenario, history: history, options: ObservedSchedule.Options(from: from, until: lastDay, clock: clock))
        var simulated = schedule.scenario
        let accountIndex = World.accountIndex(of: simulated)
        let catalog = PostCatalog(simulated, schedule: schedule.weeks, accountIndex: accountIndex).entries
        simulated.postsRecorded = catalog.count
        try MemoryEstimate.run(simulated, threads: options.threads, resuming: false).check(limit: nil, threads: options.threads)
        let world = try World.build(simulated, schedule: schedule.weeks)
        let engine = try options.engine.resolve(for: world)
        let result = Simulation.run(world, replicates: simulated.replicates, threads: options.threads, engine: engine)

        // Which weeks are scored.
        let weekCount = schedule.weeks.count
        let heldOut: [Int]
        if options.holdout == .last {
            heldOut = Array(0..<weekCount)
        } else {
            let whole = Double(lastDay.daysSinceEpoch - firstDay.daysSinceEpoch + 1)
            let test = Double(lastDay.daysSinceEpoch - trainUntil.daysSinceEpoch)
            let k = max(2, Int((whole / test).rounded()))
            heldOut = stride(from: k - 1, to: weekCount, by: k).map { $0 }
        }
        let heldOutSet = Set(heldOut)

        // Each recorded post's observed post (nil: planned post or paid campaign).
        var observedOf = [Int?](repeating: nil, count: catalog.count)
        var position = [Int](repeating: 0, count: weekCount)
        for (k, entry) in catalog.enumerated() where !entry.paid {
            observedOf[k] = schedule.observed[entry.week][position[entry.week]]
            position[entry.week] += 1
        }
        let layout = result.layout
        func simulatedValue(_ replicate: Int, post k: Int, _ metric: BacktestMetric) -> Double {
            let base = replicate * layout.perReplicate
            return metric.simulated.reduce(0) { $0 + result.values[base + layout.postIndex(post: k, metric: $1)] }
        }

        var series: [BacktestSeries] = []
        var comparisons: [BacktestTables.PostComparison] = []
        var rates: [BacktestTables.Rate] = []
        var warnings = (fit?.warnings.map { "fit: " + $0 } ?? []) + startWarnings + schedule.warnings
        let replicates = simulated.replicates
        for account in history.accounts {
            guard let a = schedule.accountOf[account] else { continue }
            // The account's simulated posts, with their local day and observed post.
            // Boosted posts are published as organic ones (their paid audience is not simulated),
            // so they are left out of both sides of the scores.
            let posts: [(k: Int, day: ObservedDate, post: ObservedPost)] = catalog.indices.compactMap { k in
                guard let i = observedOf[k], catalog[k].account == a, heldOutSet.contains(catalog[k].week),
                      history.posts[i].paid != .paid else { return nil }
                let post = history.posts[i]
                return (k: k, day: clock.local(post.publishedAt!).date, post: post)
            }
            let accountPosts = history.posts.filter {
                $0.platform.rawValue == account.platform && $0.account == account.account && $0.paid != .paid
            }
            let boosted = history.posts.filter {
                $0.platform.rawValue == account.platform && $0.account == account.account && $0.paid == .paid
            }.count
            if boosted > 0 {
                warnings.append("\(account): \(boosted) boosted posts are simulated as organic and left out of the scores")
            }
            var periods = heldOut.map { BacktestPeriod.week($0, weekStart: schedule.start, last: lastDay) }
            if options.holdout == .last {
                periods = BacktestPeriod.months(from: from, to: lastDay, weekStart: schedule.start) + periods
            }
            let trainingMonths = BacktestPeriod.trainingMonths(endingOn: trainUntil).filter { $0.end >= firstDay }
            let trainingWeeks = options.holdout == .spread
                ? (0..<weekCount).filter { !heldOutSet.contains($0) }.map {
                    BacktestPeriod.week($0, weekStart: schedule.start, last: lastDay)
                } : []

            let hasReach = !posts.isEmpty && posts.allSatisfy { $0.post.reach != nil }
            for metric in BacktestMetric.allCases where metric != .followers {
                // The model's views are people: with reach in the exports, impressions (repeats
                // included) are not compared with them.
                if metric == .impressions && hasReach { continue }
                guard !posts.isEmpty, posts.allSatisfy({ metric.observed($0.post) != nil }) else {
                    if !posts.isEmpty && posts.contains(where: { metric.observed($0.post) != nil }) {
                        warnings.append("\(account): \(metric.rawValue) is missing for some held-out posts; not scored")
                    }
                    continue
                }
                func actual(_ start: ObservedDate, _ end: ObservedDate) -> Double {
                    accountPosts.reduce(0) { sum, p in
                        let day = clock.local(p.publishedAt!).date
                        return start <= day && day <= end ? sum + Double(metric.observed(p) ?? 0) : sum
                    }
                }
                // Naive forecast: a month gets the mean of the last three training months (a month
                // cut by the test period's ends, its share of days); a week, the daily rate of those
                // months (last) or of the training weeks (spread) times its days.
                var naiveMonth: Double?
                var naivePerDay: Double?
                if options.holdout == .last {
                    let values = trainingMonths.map { actual($0.start, $0.end) }
                    naiveMonth = BacktestMetrics.naive(trainingMonths: values)
                    let days = trainingMonths.reduce(0) { $0 + $1.end.daysSinceEpoch - $1.start.daysSinceEpoch + 1 }
                    if days > 0 { naivePerDay = values.reduce(0, +) / Double(days) }
                } else if !trainingWeeks.isEmpty {
                    let total = trainingWeeks.reduce(0.0) { $0 + actual($1.start, $1.end) }
                    naivePerDay = total / Double(trainingWeeks.reduce(0) { $0 + $1.days })
                }
                for kind in BacktestPeriod.Kind.allCases {
                    let these = periods.filter { $0.kind == kind }
                    guard !these.isEmpty else { continue }
                    var s = BacktestSeries(account: account, metric: metric, kind: kind, periods: these, actual: [],
                                           bands: [], naive: [])
                    for period in these {
                        let inside = posts.filter { period.contains($0.day) }.map(\.k)
                        let values = (0..<replicates).map { r in inside.reduce(0) { $0 + simulatedValue(r, post: $1, metric) } }
                        s.actual.append(actual(period.start, period.end))
                        s.bands.append(BacktestMetrics.band(values))
                        // A month cut by the test period's ends gets its share of days of the months' mean.
                        let monthDays = Double(ObservedDate.daysIn(month: period.start.month, year: period.start.year))
                        s.naive.append(kind == .month ? naiveMonth.map { $0 * min(1, Double(period.days) / monthDays) }
                                                      : naivePerDay.map { $0 * Double(period.days) })
                    }
                    series.append(s)
                }
                comparisons.append(BacktestTables.PostComparison(
                    account: account, metric: metric,
                    simulated: (0..<replicates).flatMap { r in posts.map { simulatedValue(r, post: $0.k, metric) } },
                    observed: posts.map { Double(metric.observed($0.post)!) }))
            }
            // Engagement per view over the held-out posts (per person reached where the exports give reach).
            for metric in [BacktestMetric.likes, .shares, .comments] {
                let observedImpressions = posts.compactMap { hasReach ? $0.post.reach : $0.post.impressions }.reduce(0, +)
                let observedActions = posts.compactMap { metric.observed($0.post) }.reduce(0, +)
                let complete = posts.allSatisfy { (hasReach || $0.post.impressions != nil) && metric.observed($0.post) != nil }
                var sumActions = 0.0, sumImpressions = 0.0
                for r in 0..<replicates {
                    for p in posts {
                        sumActions += simulatedValue(r, post: p.k, metric)
                        sumImpressions += simulatedValue(r, post: p.k, .impressions)
                    }
                }
                rates.append(BacktestTables.Rate(
                    account: account, name: metric.rawValue + "_per_impression",
                    simulated: sumImpressions > 0 ? sumActions / sumImpressions : nil,
                    observed: complete && observedImpressions > 0 ? Double(observedActions) / Double(observedImpressions) : nil))
            }
            // Followers at the end of each month (last mode).
            if options.holdout == .last {
                let days = history.followers.filter {
                    $0.platform.rawValue == account.platform && $0.account == account.account && $0.followers != nil
                }
                var s = BacktestSeries(account: account, metric: .followers, kind: .month, periods: [], actual: [],
                                       bands: [], naive: [])
                let lastTraining = days.last { $0.date <= trainUntil }?.followers.map(Double.init)
                for period in periods where period.kind == .month {
                    let near = days.filter {
                        let d = $0.date.daysSinceEpoch - period.end.daysSinceEpoch
                        return d >= -3 && d <= 7
                    }.min { abs($0.date.daysSinceEpoch - period.end.daysSinceEpoch) < abs($1.date.daysSinceEpoch - period.end.daysSinceEpoch) }
                    guard let near, let count = near.followers else { continue }
                    let week = min(period.lastWeek, weekCount - 1)
                    let values = (0..<replicates).map { r in
                        result.values[r * layout.perReplicate + layout.accountIndex(week: week, account: a, metric: .followers)]
                    }
                    s.periods.append(period)
                    s.actual.append(Double(count))
                    s.bands.append(BacktestMetrics.band(values))
                    s.naive.append(lastTraining)
                }
                if !s.periods.isEmpty { series.append(s) }
            }
        }

        let fitted = fit != nil
        let output = try OutputTransaction(directory: URL(fileURLWithPath: options.outputDirectory))
        var files: [Manifest.DataFile] = []
        if let fit { files.append(try output.stage("fit.csv", bytes: FitPipeline.csv(fit.estimates))) }
        files.append(try output.stage("backtest.csv", bytes: BacktestTables.rows(series)))
        files.append(try output.stage("backtest_summary.csv", bytes: BacktestTables.summary(series, fitted: fitted)))
        files.append(try output.stage("posts_quantiles.csv", bytes: BacktestTables.postQuantiles(comparisons, fitted: fitted)))
        files.append(try output.stage("rates.csv", bytes: BacktestTables.rates(rates, fitted: fitted)))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let scenarioBytes = FileManager.default.contents(atPath: options.scenarioPath).map { [UInt8]($0) } ?? []
        let manifest = BacktestManifest(
            scenario: simulated.name, scenarioPath: options.scenarioPath,
            scenarioSHA256: Manifest.sha256Hex(scenarioBytes), seed: simulated.seed, replicates: replicates,
            threads: options.threads, engine: engine, engineRequested: options.engine, weeks: weekCount,
            wallTimeSeconds: seconds, files: files, command: options.command,
            fitted: fitted,
            parameters: fit.map { "the estimable parameters fitted on \($0.from) to \($0.until) (fit.csv), the others the scenario's" }
                ?? "the scenario's parameters as they are: no fit (without --fit)",
            history: options.historyDirectory, trainUntil: trainUntil.description,
            simulatedFrom: schedule.start.description, simulatedUntil: lastDay.description,
            holdout: options.holdout.rawValue, timezone: clock.identifier, warnings: warnings)
        try output.commit(manifest: try manifest.jsonBytes())
        return Report(scenario: simulated, directory: options.outputDirectory,
                      files: files.map(\.name) + [OutputTransaction.manifestName], series: series, rates: rates,
                      simulatedFrom: schedule.start, simulatedUntil: lastDay, heldOutWeeks: heldOut.count,
                      warnings: warnings, wallTimeSeconds: seconds, fit: fit)
    }
}
