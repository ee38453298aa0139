import Foundation

/// `reachsim fit`: estimates an account's platform parameters (`FitParameter`) from its imported
/// history by the method of simulated moments, and writes `fit.csv`, `fitted.yaml` and
/// `manifest.json` atomically.
///
/// - Data: the posts (and follower days) of the last `weeks` weeks up to `until`, simulated with
///   the posts as they happened (`ObservedSchedule`), the history accounts starting with the
///   followers the history gives at the window's first day (interpolated between the nearest
///   counts; the scenario's otherwise, with a warning). A post's views are its reach where the
///   export gives it (the model counts people), else its impressions; boosted posts are published
///   but left out of the moments (their paid audience is not simulated).
/// - Estimate: each identifiable parameter is multiplied by observed / simulated moment, all
///   together, and the window simulated again with the same seed (common random numbers), until
///   every moment is within 1% or 2 standard errors of the replicates' mean, or `maxIterations`
///   is reached (then a warning). The reach spread is not a factor: its σ² is set to the observed
///   spread's square less the model's own (`nextSpread`). Churn is estimated directly from the
///   follower history.
/// - Interval (90%): each draw multiplies the estimate by the observed moment of the window's weeks
///   drawn with replacement over the observed moment, and by one simulated replicate's moment over
///   the replicates' mean: the moment is taken proportional to its parameter near the estimate, as
///   the iteration does. Counting both the data's week-to-week spread and the model's
///   history-to-history spread is conservative on purpose: a week bootstrap alone missed the
///   truth too often on histories the simulator made (FitPipelineTests).
/// - Not identifiable (no number): the reach level without impressions in the exports (Mastodon,
///   Bluesky), engagement rates without impressions or with fewer than 10 actions, a feed whose
///   reach parameter is not `base_visibility`, follow and churn without follower counts and gains.
public enum FitPipeline {
    public struct Options: Sendable {
        public var scenarioPath: String
        public var historyDirectory: String
        /// Last local day of the data; nil: the history's last post.
        public var until: ObservedDate?
        /// Weeks of data before `until`, 4...520 (the most recent: the account is most like the
        /// scenario then).
        public var weeks: Int
        /// Where to write; nil: nothing written (`reachsim backtest --fit`).
        public var outputDirectory: String?
        /// Replicates per iteration (default 20).
        public var replicates: Int
        public var seed: UInt64?
        public var threads: Int
        /// The sampler (`--engine`): resolved for the window's first world and kept for every
        /// iteration (`Result.engine`), so that the iterations differ only in their parameters.
        public var engine: EngineChoice
        /// Bootstrap draws for the intervals.
        public var bootstrap: Int
        public var clock: PostingClock
        public var command: [String]

        public init(scenarioPath: String, historyDirectory: String, until: ObservedDate? = nil, weeks: Int = 26,
                    outputDirectory: String? = nil, replicates: Int = 20, seed: UInt64? = nil, threads: Int = 1,
                    engine: EngineChoice = .auto, bootstrap: Int = 400, clock: PostingClock, command: [String] = []) {
            self.scenarioPath = scenarioPath
            self.historyDirectory = historyDirectory
            self.until = until
            self.weeks = weeks
            self.outputDirectory = outputDirectory
            self.replicates = replicates
            self.seed = seed
            self.threads = threads
            self.engine = engine
            self.bootstrap = bootstrap
            self.clock = clock
            self.command = command
        }
    }

    /// One parameter of one platform: its estimate and 90% interval, or why it has none.
    public struct Estimate: Sendable {
        public let platform: String
        /// The history's accounts on the platform, whose data were pooled.
        public let accounts: [String]
        public let parameter: FitParameter
        /// The scenario's value before the fit (the mean over formats for engagement rates).
        public let prior: Double?
        /// nil: not identifiable from these data (`source` says why).
        public let estimate: Double?
        public let low: Double?
        public let high: Double?
        /// Posts of the window on the platform.
        public let posts: Int
        /// The moment and the data it came from, or why the parameter is not identifiable.
        public let source: String
    }

    public struct Result: Sendable {
        /// The scenario with the fitted values (its own followers and plan: only the estimated
        /// parameters change).
        public let scenario: Scenario
        public let estimates: [Estimate]
        public let from: ObservedDate
        public let until: ObservedDate
        public let iterations: Int
        public let warnings: [String]
        /// The engine every iteration ran.
        public let engine: EngineKind
    }

    public struct Report: Sendable {
        public let result: Result
        public let files: [String]
        public let wallTimeSeconds: Double
    }

    static let maxIterations = 12
    static let tolerance = 0.01
    static let minimumPosts = 20
    static let minimumActions = 10

    /// Loads, fits and (with an output directory) writes.
    public static func run(_ options: Options) throws -> Report {
        let started = DispatchTime.now()
        let history = try ObservedHistory.read(directory: options.historyDirectory)
        var scenario = try ScenarioLoader.load(path: options.scenarioPath)
        if let s = options.seed { scenario.seed = s }
        let result = try fit(scenario, history: history, options: options)
        var files: [String] = []
        if let directory = options.outputDirectory {
            let output = try OutputTransaction(directory: URL(fileURLWithPath: directory))
            var staged: [Manifest.DataFile] = []
            staged.append(try output.stage("fit.csv", bytes: csv(result.estimates)))
            staged.append(try output.stage("fitted.yaml", bytes: try FittedScenario.yaml(
                path: options.scenarioPath, fitted: result, history: options.historyDirectory)))
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            let bytes = FileManager.default.contents(atPath: options.scenarioPath).map { [UInt8]($0) } ?? []
            let manifest = Manifest(scenario: scenario.name, scenarioPath: options.scenarioPath,
                                    scenarioSHA256: Manifest.sha256Hex(bytes), seed: scenario.seed,
                                    replicates: options.replicates, threads: options.threads, engine: result.engine,
                                    engineRequested: options.engine,
                                    weeks: (result.until.daysSinceEpoch - result.from.daysSinceEpoch) / 7 + 1,
                                    wallTimeSeconds: seconds, files: staged, command: options.command)
            try output.commit(manifest: try manifest.jsonBytes())
            files = staged.map(\.name) + [OutputTransaction.manifestName]
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return Report(result: result, files: files, wallTimeSeconds: seconds)
    }

    /// The observed data of one platform in the window.
    struct Observed {
        /// Per post: its week in the window and its counts (nil where the export has none).
        var posts: [(week: Int, impressions: Int?, likes: Int?, comments: Int?, shares: Int?)] = []
        /// Follower rows of the window: days covered, gained, lost (nil: unknown), mean followers.
        var rows: [(days: Int, gained: Int?, lost: Int?, followers: Double?)] = []
    }

    /// Fits `scenario`'s platforms that `history` has accounts on.
    ///
    /// - Throws: `BacktestError` for dates and accounts (nothing in the window, an account the
    ///   scenario lacks), `WorldError` for a scenario that cannot be built.
    public static func fit(_ scenario: Scenario, history: ObservedHistory, options: Options) throws -> Result {
        guard (4...520).contains(options.weeks) else { throw BacktestError("--weeks \(options.weeks): expected 4...520") }
        guard options.replicates >= 2 else { throw BacktestError("--replicates \(options.replicates): a fit needs at least 2") }
        guard let range = history.postRange else {
            throw BacktestError("\(history.directory): the history has no post with a publication time")
        }
        let clock = options.clock
        let lastPost = clock.local(range.upperBound).date, firstPost = clock.local(range.lowerBound).date
        let until = options.until ?? lastPost
        let from = max(firstPost, ObservedDate(daysSinceEpoch: until.daysSinceEpoch - 7 * options.weeks + 1))
        guard from <= until else {
            throw BacktestError("--until \(until) is before the history's first post, on \(firstPost): nothing to fit")
        }
        var warnings: [String] = []

        // The window's scenario: the history accounts start with the history's followers.
        var window = scenario
        window.replicates = options.replicates
        let accountIndex = World.accountIndex(of: scenario)
        warnings += startFollowers(&window, history: history, on: from)
        let schedule = try ObservedSchedule.build(window, history: history,
                                                  options: ObservedSchedule.Options(from: from, until: until, clock: clock))
        warnings += schedule.warnings
        var base = schedule.scenario
        let catalog = PostCatalog(base, schedule: schedule.weeks, accountIndex: accountIndex).entries
        base.postsRecorded = catalog.count
        let weekCount = schedule.weeks.count

        // Each recorded post's observed post, as in the back-test.
        var observedOf = [Int?](repeating: nil, count: catalog.count)
        var position = [Int](repeating: 0, count: weekCount)
        for (k, entry) in catalog.enumerated() where !entry.paid {
            observedOf[k] = schedule.observed[entry.week][position[entry.week]]
            position[entry.week] += 1
        }

        // Platforms with history accounts, their observed data and their identifiable parameters.
        struct Target {
            let p: Int
            let accounts: [Int]
            let names: [String]
            var observed = Observed()
            var posts: [Int] = []          // catalog indices of the platform's observed posts with impressions
            var fitted: [FitParameter: (moment: Double, why: String)] = [:]
            var unidentified: [FitParameter: String] = [:]
        }
        var targets: [Target] = []
        for (p, platform) in scenario.platforms.enumerated() {
            let mine = history.accounts.filter { $0.platform == platform.name && schedule.accountOf[$0] != nil }
            guard !mine.isEmpty else { continue }
            var t = Target(p: p, accounts: mine.map { schedule.accountOf[$0]! }, names: mine.map(\.account))
            let accountSet = Set(t.accounts)
            for (k, entry) in catalog.enumerated() where accountSet.contains(entry.account) {
                guard let i = observedOf[k] else { continue }
                let post = history.posts[i]
                // A boosted post's figures mix in its paid audience, which the schedule does not
                // simulate: it is published, not matched.
                if post.paid == .paid { continue }
                // The model's views are people: reach where the export gives it, else impressions
                // (X gives only impressions). Reach and rates are per view: the simulated moments
                // use the posts that have them.
                let views = post.reach ?? post.impressions
                if views != nil { t.posts.append(k) }
                t.observed.posts.append((week: entry.week, impressions: views, likes: post.likes,
                                         comments: post.comments, shares: post.shares))
            }
            for account in mine {
                t.observed.rows += rows(history.followers.filter {
                    $0.platform.rawValue == account.platform && $0.account == account.account
                }, from: from, until: until)
            }
            targets.append(t)
        }
        guard !targets.isEmpty else {
            throw BacktestError("no account of the history has posts between \(from) and \(until) in the scenario")
        }

        // Identifiability and the observed moments.
        for i in targets.indices {
            let o = targets[i].observed
            let platform = scenario.platforms[targets[i].p]
            let n = o.posts.count
            let withImpressions = o.posts.filter { $0.impressions != nil }
            for parameter in FitParameter.estimated {
                if let why = reason(parameter, platform: platform, observed: o) {
                    targets[i].unidentified[parameter] = why
                    continue
                }
                let m = moment(parameter, o, weeks: Array(0..<weekCount))
                targets[i].fitted[parameter] = (m, "\(parameter.moment) = \(PresetParameters.number(m)) over "
                    + (parameter == .follow || parameter == .churn ? "the follower history" : "\([.baseVisibility, .reachSpread].contains(parameter) ? withImpressions.count : n) posts"))
            }
        }

        // Churn is direct; the others iterate.
        var specs = base.platforms
        for t in targets {
            if let c = t.fitted[.churn], let prior = FitParameter.churn.value(in: specs[t.p]), prior > 0 {
                FitParameter.churn.scale(&specs[t.p], by: c.moment / prior)
            } else if let c = t.fitted[.churn] {
                specs[t.p].churnPerWeek = min(1, c.moment)
            }
        }
        var factors = [[FitParameter: Double]](repeating: [:], count: targets.count)
        // The reach spread's σ per target (set, not multiplied), the one simulated last, and the
        // model's own spread at it ((ln q90/q50 ÷ z)² − σ²).
        var spreads = targets.map { FitParameter.reachSpread.value(in: specs[$0.p]) ?? 0 }
        var simulatedSpreads = spreads
        var intrinsic = [Double](repeating: 0, count: targets.count)
        var lastRatio = [[FitParameter: Double]](repeating: [:], count: targets.count)
        var simulated: [[FitParameter: [Double]]] = []
        var iterations = 0
        var capped: Set<String> = []
        var engine: EngineKind?   // resolved for the first iteration's world
        while true {
            iterations += 1
            var run = base
            run.platforms = specs
            for (i, t) in targets.enumerated() {
                for (parameter, f) in factors[i] where parameter != .churn {
                    if parameter.scale(&run.platforms[t.p], by: f) { capped.insert("\(run.platforms[t.p].name) \(parameter.key)") }
                }
                FitParameter.keepDiscoveryPerView(&run.platforms[t.p], prior: specs[t.p])
                if t.fitted[.reachSpread] != nil { FitParameter.setReachSpread(&run.platforms[t.p], spreads[i]) }
            }
            simulatedSpreads = spreads
            let world = try World.build(run, schedule: schedule.weeks)
            let kind = try engine ?? options.engine.resolve(for: world)
            engine = kind
            let result = Simulation.run(world, replicates: run.replicates, threads: options.threads, engine: kind)
            simulated = targets.map { simulatedMoments(result, target: $0.posts, accounts: $0.accounts, weeks: weekCount,
                                                      parameters: Array($0.fitted.keys)) }
            var converged = true
            for (i, t) in targets.enumerated() {
                if let observed = t.fitted[.reachSpread] {
                    let s = mean(simulated[i][.reachSpread] ?? [])
                    let next = nextSpread(spreads[i], simulated: s, observed: observed.moment)
                    intrinsic[i] = next.intrinsic
                    // Converged: the spreads agree, or the model's posts already vary more at σ = 0.
                    if !close(s, observed.moment, simulated[i][.reachSpread] ?? []) && !(spreads[i] == 0 && next.sigma == 0) {
                        converged = false
                    }
                    spreads[i] = next.sigma
                }
                for (parameter, observed) in t.fitted where parameter != .churn && parameter != .reachSpread {
                    let s = mean(simulated[i][parameter] ?? [])
                    let ratio = s > 0 ? observed.moment / s : 2
                    if !close(s, observed.moment, simulated[i][parameter] ?? []) { converged = false }
                    factors[i][parameter, default: 1] *= ratio
                    lastRatio[i][parameter] = ratio
                }
            }
            if converged {
                // The last update was within the tolerance: undo it, the simulated moments are those of these factors.
                for (i, t) in targets.enumerated() {
                    for parameter in t.fitted.keys where parameter != .churn && parameter != .reachSpread {
                        factors[i][parameter]! /= lastRatio[i][parameter] ?? 1
                    }
                }
                spreads = simulatedSpreads
                break
            }
            if iterations >= maxIterations {
                spreads = simulatedSpreads
                warnings.append("the fit stopped after \(maxIterations) iterations with a moment more than "
                                + "\(Int(tolerance * 100))% and 2 standard errors of the simulation from the data; "
                                + "the estimates are the last iteration's")
                break
            }
        }
        for name in capped.sorted() { warnings.append("\(name): the fit reached the parameter's upper bound (1)") }

        // Intervals: bootstrap over weeks (data) and replicates (simulation).
        let rng = RandomStream(seed: base.seed, purpose: .fitBootstrap)
        var estimates: [Estimate] = []
        var fittedScenario = scenario
        for (i, t) in targets.enumerated() {
            let platform = scenario.platforms[t.p]
            for parameter in FitParameter.estimated {
                let prior = parameter.value(in: platform)
                if let why = t.unidentified[parameter] {
                    estimates.append(Estimate(platform: platform.name, accounts: t.names, parameter: parameter, prior: prior,
                                              estimate: nil, low: nil, high: nil, posts: t.observed.posts.count,
                                              source: "not identifiable: " + why))
                    continue
                }
                guard let observed = t.fitted[parameter] else { continue }
                if parameter == .reachSpread {
                    let e = spreadEstimate(spreads[i], observed: observed.moment, intrinsic: intrinsic[i],
                                           simulated: simulated[i][.reachSpread] ?? [], target: t.observed,
                                           weeks: weekCount, rng: rng, draws: options.bootstrap)
                    estimates.append(Estimate(platform: platform.name, accounts: t.names, parameter: parameter, prior: prior,
                                              estimate: spreads[i], low: e.low, high: e.high, posts: t.observed.posts.count,
                                              source: observed.why + ", \(from) to \(until)" + e.note))
                    FitParameter.setReachSpread(&fittedScenario.platforms[t.p], spreads[i])
                    continue
                }
                let factor = parameter == .churn ? (prior.map { $0 > 0 ? observed.moment / $0 : 1 } ?? 1) : factors[i][parameter] ?? 1
                let estimate = parameter == .churn ? observed.moment : (prior ?? 0) * factor
                let sims = parameter == .churn ? [] : simulated[i][parameter] ?? []
                let s = mean(sims)
                var draws: [Double] = []
                for _ in 0..<options.bootstrap {
                    let weeks = (0..<weekCount).map { _ in rng.below(weekCount) }
                    let m = parameter == .churn || parameter == .follow
                        ? moment(parameter, Observed(posts: [], rows: (0..<t.observed.rows.count).map { _ in
                            t.observed.rows[rng.below(t.observed.rows.count)] }), weeks: [])
                        : moment(parameter, t.observed, weeks: weeks)
                    var value = estimate * (observed.moment > 0 ? m / observed.moment : 1)
                    if !sims.isEmpty && s > 0 {
                        // One replicate's deviation: what the model says a history's moment varies by.
                        value *= sims[rng.below(sims.count)] / s
                    }
                    if value.isFinite { draws.append(value) }
                }
                let q = draws.isEmpty ? [estimate, estimate] : Statistics.quantiles(draws, at: [0.05, 0.95])
                estimates.append(Estimate(platform: platform.name, accounts: t.names, parameter: parameter, prior: prior,
                                          estimate: estimate, low: q[0], high: q[1], posts: t.observed.posts.count,
                                          source: observed.why + ", \(from) to \(until)"))
                if parameter == .churn {
                    fittedScenario.platforms[t.p].churnPerWeek = min(1, estimate)
                } else {
                    parameter.scale(&fittedScenario.platforms[t.p], by: factor)
                }
            }
            if let d = FitParameter.keepDiscoveryPerView(&fittedScenario.platforms[t.p], prior: platform),
               case .ranked(let r0) = platform.feed, d != r0.discoveryPerEngagement {
                estimates.append(Estimate(platform: platform.name, accounts: t.names, parameter: .discovery,
                                          prior: r0.discoveryPerEngagement, estimate: d, low: nil, high: nil,
                                          posts: t.observed.posts.count,
                                          source: "derived, not fitted: the exports do not split impressions between followers "
                                            + "and discovery, so discovery per view stays the prior's (× prior score / fitted score)"))
            }
        }
        return Result(scenario: fittedScenario, estimates: estimates, from: from, until: until,
                      iterations: iterations, warnings: warnings, engine: engine ?? .exact)
    }

    /// Why `parameter` cannot be estimated from `o`, nil when it can.
    static func reason(_ parameter: FitParameter, platform: PlatformSpec, observed o: Observed) -> String? {
        let impressions = o.posts.filter { $0.impressions != nil }.count
        switch parameter {
        case .baseVisibility, .reachSpread:
            guard case .ranked = platform.feed else {
                return parameter == .baseVisibility
                    ? "the reach level of \(platform.feed.kind) feeds is not fitted (only ranked feeds' base_visibility)"
                    : "the reach spread of \(platform.feed.kind) feeds is not fitted (only ranked feeds')"
            }
            if impressions < minimumPosts {
                return impressions == 0 ? "the exports give no impressions" : "\(impressions) posts with impressions, fewer than \(minimumPosts)"
            }
        case .like, .comment, .share:
            if impressions < minimumPosts {
                return "rates per viewer need impressions (\(impressions) posts with them, fewer than \(minimumPosts)); "
                    + "counts per post mix them with reach"
            }
            let total = o.posts.reduce(0) { $0 + (count(parameter, $1) ?? 0) }
            if total < minimumActions { return "\(total) \(parameter.key.split(separator: ".").last!)s in the window, fewer than \(minimumActions)" }
        case .follow:
            if !o.rows.contains(where: { $0.gained != nil }) { return "the follower history gives no gains in the window" }
        case .discovery:
            return "derived from the engagement rates, not estimated"
        case .churn:
            let lost = o.rows.compactMap(\.lost)
            if lost.isEmpty || !o.rows.contains(where: { $0.followers != nil }) {
                return "the follower history gives neither losses nor counts and gains at consecutive dates in the window"
            }
            if lost.reduce(0, +) < 0 {
                return "the follower counts rose by more than the gains reported (\(lost.reduce(0, +)) lost): counts and gains disagree"
            }
        }
        return nil
    }

    static func count(_ parameter: FitParameter, _ post: (week: Int, impressions: Int?, likes: Int?, comments: Int?, shares: Int?)) -> Int? {
        switch parameter {
        case .like: post.likes
        case .comment: post.comments
        case .share: post.shares
        default: nil
        }
    }

    /// The views of the posts of `weeks` that have them, a week drawn twice counted twice.
    static func views(_ o: Observed, weeks: [Int]) -> [Double] {
        var byWeek: [Int: [Double]] = [:]
        for p in o.posts { if let i = p.impressions { byWeek[p.week, default: []].append(Double(i)) } }
        return weeks.flatMap { byWeek[$0] ?? [] }
    }

    /// The observed moment of `parameter` over the posts of `weeks` (a week drawn twice counts twice).
    static func moment(_ parameter: FitParameter, _ o: Observed, weeks: [Int]) -> Double {
        switch parameter {
        case .baseVisibility:
            return median(views(o, weeks: weeks))
        case .reachSpread:
            return spread(views(o, weeks: weeks))
        case .like, .comment, .share:
            var actions = 0.0, views = 0.0
            var byWeek: [Int: (Double, Double)] = [:]
            for p in o.posts {
                guard let i = p.impressions, let a = count(parameter, p) else { continue }
                let w = byWeek[p.week] ?? (0, 0)
                byWeek[p.week] = (w.0 + Double(a), w.1 + Double(i))
            }
            for w in weeks { if let v = byWeek[w] { actions += v.0; views += v.1 } }
            return views > 0 ? actions / views : 0
        case .follow:
            let rows = o.rows.filter { $0.gained != nil }
            let days = rows.reduce(0) { $0 + $1.days }
            return days > 0 ? Double(rows.reduce(0) { $0 + $1.gained! }) / Double(days) : 0
        case .discovery:
            return 0
        case .churn:
            let rows = o.rows.filter { $0.lost != nil && $0.followers != nil }
            let exposure = rows.reduce(0.0) { $0 + Double($1.days) * $1.followers! }
            return exposure > 0 ? max(0, Double(rows.reduce(0) { $0 + $1.lost! })) / exposure * 7 : 0
        }
    }

    /// Per replicate, the simulated moment of each parameter over the posts `posts` (catalog
    /// indices) and the accounts' follower gains (`accounts`, per day over the window).
    static func simulatedMoments(_ result: Simulation.Result, target posts: [Int], accounts: [Int], weeks: Int,
                                 parameters: [FitParameter]) -> [FitParameter: [Double]] {
        let layout = result.layout
        var out: [FitParameter: [Double]] = [:]
        for r in 0..<result.replicates {
            let base = r * layout.perReplicate
            func v(_ k: Int, _ m: PostMetric) -> Double { result.values[base + layout.postIndex(post: k, metric: m)] }
            let impressions = posts.map { v($0, .impressionsOrganic) + v($0, .impressionsShares) + v($0, .impressionsDiscovery) + v($0, .impressionsPaid) }
            let total = impressions.reduce(0, +)
            for parameter in parameters {
                let value: Double
                switch parameter {
                case .baseVisibility: value = median(impressions)
                case .reachSpread: value = spread(impressions)
                case .like: value = total > 0 ? posts.reduce(0) { $0 + v($1, .likes) } / total : 0
                case .comment: value = total > 0 ? posts.reduce(0) { $0 + v($1, .comments) } / total : 0
                case .share: value = total > 0 ? posts.reduce(0) { $0 + v($1, .shares) } / total : 0
                case .follow:
                    var gained = 0.0
                    for w in 0..<weeks {
                        for a in accounts { gained += result.values[base + layout.accountIndex(week: w, account: a, metric: .followersGained)] }
                    }
                    value = gained / Double(7 * weeks)
                case .churn, .discovery: continue
                }
                out[parameter, default: []].append(value)
            }
        }
        return out
    }

    /// Follower rows inside [from, until]: each row's gains and losses cover the days since the
    /// previous dated row (the first row: the gap to the next, or 30 days); losses are the
    /// history's, else gained − the change in followers between consecutive dated counts.
    static func rows(_ days: [ObservedFollowers], from: ObservedDate, until: ObservedDate)
        -> [(days: Int, gained: Int?, lost: Int?, followers: Double?)] {
        let sorted = days.sorted { $0.date < $1.date }
        var out: [(days: Int, gained: Int?, lost: Int?, followers: Double?)] = []
        for (i, row) in sorted.enumerated() where from <= row.date && row.date <= until {
            let previous = i > 0 ? sorted[i - 1] : nil
            let covered = previous.map { row.date.daysSinceEpoch - $0.date.daysSinceEpoch }
                ?? (i + 1 < sorted.count ? sorted[i + 1].date.daysSinceEpoch - row.date.daysSinceEpoch : 30)
            var lost = row.lost
            var level: Double? = row.followers.map(Double.init)
            if let now = row.followers, let before = previous?.followers {
                level = Double(now + before) / 2
                if lost == nil, let g = row.gained { lost = g - (now - before) }
            }
            out.append((days: max(1, covered), gained: row.gained, lost: lost, followers: level))
        }
        return out
    }

    /// Sets the followers of every account of `scenario` that `history` names to the history's
    /// count on `day` (`followers(on:)`); returns a warning for each account without counts, which
    /// keeps the scenario's.
    static func startFollowers(_ scenario: inout Scenario, history: ObservedHistory, on day: ObservedDate) -> [String] {
        var warnings: [String] = []
        for account in history.accounts {
            guard let p = scenario.platforms.firstIndex(where: { $0.name == account.platform }),
                  let k = scenario.platforms[p].accounts.firstIndex(where: { $0.name == account.account }) else { continue }
            let days = history.followers.filter {
                $0.platform.rawValue == account.platform && $0.account == account.account && $0.followers != nil
            }
            if let f = followers(on: day, days) {
                scenario.platforms[p].accounts[k].followers = Int(f.rounded())
            } else {
                warnings.append("\(account): no follower count in the history; it starts on \(day) with the scenario's "
                                + "\(scenario.platforms[p].accounts[k].followers) followers")
            }
        }
        return warnings
    }

    /// Followers on `day`: interpolated between the nearest dated counts around it, else the
    /// nearest count; nil without counts.
    static func followers(on day: ObservedDate, _ days: [ObservedFollowers]) -> Double? {
        let counted = days.filter { $0.followers != nil }.sorted { $0.date < $1.date }
        let before = counted.last { $0.date <= day }, after = counted.first { $0.date >= day }
        switch (before, after) {
        case let (b?, a?):
            let span = a.date.daysSinceEpoch - b.date.daysSinceEpoch
            let t = span == 0 ? 0 : Double(day.daysSinceEpoch - b.date.daysSinceEpoch) / Double(span)
            return Double(b.followers!) + (Double(a.followers!) - Double(b.followers!)) * t
        case let (b?, nil): return Double(b.followers!)
        case let (nil, a?): return Double(a.followers!)
        default: return nil
        }
    }

    static func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }

    /// Whether the simulated moment `s` (the mean of the replicates' `sims`) matches `observed`:
    /// within `tolerance` of it, or within 2 standard errors of the replicates' mean (more
    /// iterations would chase the simulation's own noise: the draws differ from one iteration to
    /// the next once a parameter moves, despite the common seed).
    static func close(_ s: Double, _ observed: Double, _ sims: [Double]) -> Bool {
        if abs(s - observed) <= tolerance * abs(observed) { return true }
        guard sims.count >= 2 else { return false }
        let variance = sims.reduce(0) { $0 + ($1 - s) * ($1 - s) } / Double(sims.count - 1)
        return abs(s - observed) <= 2 * (variance / Double(sims.count)).squareRoot()
    }

    /// The standard normal's 90% quantile: ln(q90 / median) of a lognormal of σ is z90 × σ.
    static let z90 = 1.2815515655446004

    /// ln(90% quantile / median) of `xs` (0 when the median is 0 or there are fewer than 2).
    static func spread(_ xs: [Double]) -> Double {
        guard xs.count >= 2 else { return 0 }
        let q = Statistics.quantiles(xs, at: [0.5, 0.9])
        return q[0] > 0 && q[1] > q[0] ? log(q[1] / q[0]) : 0
    }

    /// The next reach spread σ' from the current σ, the simulated and the observed ln(q90/q50):
    /// a post's impressions are taken as the model's own variation times the lognormal reach
    /// multiplier, so that (spread / z90)² = v₀ + σ², v₀ the model's own (`intrinsic`, ≥ 0).
    /// σ' = √((observed / z90)² − v₀), 0 when the model alone varies more, capped at 3.
    static func nextSpread(_ sigma: Double, simulated: Double, observed: Double) -> (sigma: Double, intrinsic: Double) {
        let v0 = max(0, (simulated / z90) * (simulated / z90) - sigma * sigma)
        return (min(3, max(0, (observed / z90) * (observed / z90) - v0).squareRoot()), v0)
    }

    /// The reach spread's 90% interval: each draw takes the observed spread of the window's weeks
    /// drawn with replacement, moved by one replicate's deviation from the replicates' mean (the
    /// model's history-to-history spread, as for the factors), centred on the observed spread,
    /// and maps it to σ through the model's own spread v₀ (`nextSpread`). A note says when the
    /// data vary less than the model does at σ = 0.
    static func spreadEstimate(_ estimate: Double, observed: Double, intrinsic v0: Double, simulated: [Double],
                               target: Observed, weeks: Int, rng: RandomStream, draws: Int)
        -> (low: Double, high: Double, note: String) {
        let s = mean(simulated)
        var moments: [Double] = []
        for _ in 0..<draws {
            let sample = (0..<weeks).map { _ in rng.below(weeks) }
            var m = moment(.reachSpread, target, weeks: sample)
            if !simulated.isEmpty { m += simulated[rng.below(simulated.count)] - s }
            moments.append(m)
        }
        // Centred on the observed spread (a 90% quantile resampled from few posts is biased low),
        // and moved by σ's change from the observed spread's σ to each draw's: the estimate is the
        // σ simulated last, which met the data within the tolerance rather than exactly.
        let shift = observed - mean(moments)
        func sigma(_ m: Double) -> Double {
            let z = max(0, m) / z90
            return min(3, max(0, z * z - v0).squareRoot())
        }
        let values = moments.map { m in min(3, max(0, estimate + sigma(m + shift) - sigma(observed))) }
        let q = values.isEmpty ? [estimate, estimate] : Statistics.quantiles(values, at: [0.05, 0.95])
        let note = estimate == 0
            ? "; the model's posts vary as much as these without it (its own ln(q90/q50) \(PresetParameters.number(s)))" : ""
        return (q[0], q[1], note)
    }

    /// `Calibration.median`, 0 for no value.
    static func median(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : Calibration.median(xs) }

    /// `fit.csv`: one row per platform and parameter; estimate, low and high empty when the
    /// parameter is not identifiable (`source` says why).
    public static let header = ["platform", "account", "parameter", "prior", "estimate", "low", "high", "n_posts", "source"]

    static func csv(_ estimates: [Estimate]) -> [UInt8] {
        var w = CSVWriter()
        w.appendRow(header)
        for e in estimates {
            w.append(e.platform)
            w.append(e.accounts.joined(separator: "+"))
            w.append(e.parameter.key)
            for v in [e.prior, e.estimate, e.low, e.high] {
                if let v { w.append(v) } else { w.appendMissing() }
            }
            w.append(e.posts)
            w.append(e.source)
            w.endRow()
        }
        return w.bytes
    }

    /// The terminal table of a fit.
    public static func table(_ result: Result) -> String {
        var rows = [["platform", "parameter", "prior", "estimate", "90% interval", "data"]]
        for e in result.estimates {
            func n(_ v: Double?) -> String { v.map { PresetParameters.number($0) } ?? "" }
            rows.append([e.platform, e.parameter.key, n(e.prior),
                         e.estimate.map { PresetParameters.number($0) } ?? "not identifiable",
                         e.low.map { "\(PresetParameters.number($0))-\(n(e.high))" } ?? "",
                         e.estimate == nil ? String(e.source.dropFirst("not identifiable: ".count)) : "\(e.posts) posts"])
        }
        return ReachTable.format(rows)
    }
}
