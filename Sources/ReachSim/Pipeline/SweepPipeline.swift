import Foundation

/// `reachsim sweep`: every combination of the `--set` values, each simulated with the same seed
/// (common random numbers: variant differences are effects, not noise), summarised into
/// `sweep.csv` and `saturation.csv` (see docs/boost.md for the columns).
public enum SweepPipeline {
    public typealias Options = SimulationOptions

    /// One combination of swept values and its simulation.
    public struct Variant: Sendable {
        /// 1-based, in the order combinations are run (last `--set` varies fastest).
        public let number: Int
        /// One value per parameter, as given.
        public let values: [String]
        public let scenario: Scenario
        public let result: Simulation.Result
    }

    public struct Report: Sendable {
        public let scenario: Scenario
        public let parameters: [SweepParameter]
        public let variants: [Variant]
        public let rows: [SweepRow]
        public let saturation: [SaturationRow]
        public let directory: String
        public let files: [String]
        public let wallTimeSeconds: Double
    }

    /// A row of `sweep.csv`.
    public struct SweepRow: Sendable {
        public let variant: Int
        public let values: [String]
        public let platform: String
        public let metric: String
        public let summary: Summary
        /// Bounds of the 90% confidence interval of the mean (mean ± 1.645 sd / √n).
        public let ciLow: Double
        public let ciHigh: Double
        /// Replicates the summary is over (fewer than all when a ratio is undefined in some).
        public let n: Int
    }

    /// The saturation curves of reach against the budget key, for one group of variants (same
    /// values of the other keys) and one platform: two rows of `saturation.csv`.
    public struct SaturationRow: Sendable {
        public let group: [String]
        public let platform: String
        public let comparison: SaturationComparison
    }

    /// Metrics of `sweep.csv`, per variant and platform (segment `all`), in row order.
    public static let metrics = [
        "reach_cumulative", "impressions_paid", "spend", "engagements", "followers_gained", "followers",
        "incremental_reach", "cost_per_1000_reached", "cost_per_engagement", "cost_per_new_follower",
        "marginal_reach_per_euro",
    ]

    /// The loaded variants and their plan: what a sweep, a shard of it, or a merge needs.
    public struct Prepared: Sendable, PreparedCommand {
        public let plan: ReplicatePlan
        public let scenarioPath: String
        public let parameters: [SweepParameter]
        /// One value per parameter for each variant, in variant order.
        public let combinations: [[String]]
        let scenarioBytes: [UInt8]
        public var base: Scenario { plan.scenarios[0] }
        public var label: String { base.name }

        public func manifest(files: [Manifest.DataFile], threads: Int, engine: EngineKind, requested: EngineChoice,
                             wallTimeSeconds: Double, command: [String]) -> Manifest {
            Manifest(scenario: base.name, scenarioPath: scenarioPath, scenarioSHA256: plan.identity.scenarioSHA256[0],
                     seed: base.seed, replicates: base.replicates, threads: threads, engine: engine,
                     engineRequested: requested, weeks: base.horizonWeeks, wallTimeSeconds: wallTimeSeconds, files: files,
                     command: command)
        }
    }

    /// Loads every variant (a bad value fails before any simulation).
    ///
    /// - Parameter directory: where a relative `scenarioPath` is (a merge passes the shards' directory).
    public static func prepare(scenarioPath: String, parameters: [SweepParameter], replicates: Int?, seed: UInt64?,
                               relativeTo directory: String? = nil) throws -> Prepared {
        guard !parameters.isEmpty else { throw SweepError("give at least one --set KEY=VALUES") }
        for (i, p) in parameters.enumerated() where parameters[..<i].contains(where: { $0.key == p.key }) {
            throw SweepError("--set \(p.key) is given twice")
        }
        let combinations = parameters.reduce([[String]]([[]])) { acc, p in acc.flatMap { c in p.values.map { c + [$0] } } }
        guard combinations.count <= 10_000 else { throw SweepError("\(combinations.count) combinations, at most 10000") }
        let file = ReplicatePlan.resolve(scenarioPath, in: directory)
        var scenarios: [Scenario] = []
        for values in combinations {
            var s = try ScenarioLoader.load(path: file, overrides: Array(zip(parameters, values)))
            if let r = replicates { s.replicates = r }
            if let seed { s.seed = seed }
            scenarios.append(s)
        }
        let bytes = try RunPipeline.readBytes(file)
        let identity = PlanIdentity(command: .sweep, scenarioPaths: [scenarioPath], scenarioBytes: [bytes],
                                    seed: scenarios[0].seed, replicates: scenarios[0].replicates, sweep: parameters,
                                    scenarios: scenarios)
        // Only boosts change: the audience, graphs and schedules are built once.
        let boostsOnly = parameters.allSatisfy { $0.key.hasPrefix("platforms.") && $0.key.contains(".boost.") }
        return Prepared(plan: ReplicatePlan(identity: identity, scenarios: scenarios, sharesWorld: boostsOnly),
                        scenarioPath: scenarioPath, parameters: parameters, combinations: combinations, scenarioBytes: bytes)
    }

    public static func run(scenarioPath: String, parameters: [SweepParameter], options: Options) throws -> Report {
        let start = DispatchTime.now()
        let prepared = try prepare(scenarioPath: scenarioPath, parameters: parameters, replicates: options.replicates,
                                   seed: options.seed)
        try MemoryEstimate.sweep(prepared.plan.scenarios, threads: options.threads)
            .check(limit: options.maxMemory, threads: options.threads)
        return try PlanRunner.complete(prepared.plan, label: prepared.label, options: options, start: start) { results, output, record in
            try write(prepared, results: results, to: output, record: record)
        }
    }

    /// Stages `sweep.csv` and `saturation.csv`; returns the report and the manifest.
    static func write(_ prepared: Prepared, results: ReplicateResults, to output: OutputTransaction,
                      record: PlanRunner.Record) throws -> (Report, Manifest) {
        let variants = prepared.plan.scenarios.enumerated().map { i, scenario in
            Variant(number: i + 1, values: prepared.combinations[i], scenario: scenario, result: results.result(i))
        }
        let parameters = prepared.parameters, base = prepared.base
        let rows = summarize(variants, parameters: parameters)
        let saturation = fitSaturation(variants, parameters: parameters)
        let sweepCSV = renderSweep(rows, scenario: base, parameters: parameters)
        let saturationCSV = renderSaturation(saturation, scenario: base, parameters: parameters)
        let files = [try output.stage("sweep.csv", bytes: sweepCSV),
                     try output.stage("saturation.csv", bytes: saturationCSV)]
        let seconds = record.seconds()
        let manifest = prepared.manifest(files: files, threads: record.threads, engine: record.engine,
                                         requested: record.engineRequested, wallTimeSeconds: seconds, command: record.command)
        let report = Report(scenario: base, parameters: parameters, variants: variants, rows: rows,
                            saturation: saturation, directory: record.directory,
                            files: ["sweep.csv", "saturation.csv", "manifest.json"],
                            wallTimeSeconds: seconds)
        return (report, manifest)
    }

    // MARK: - Per-replicate totals

    /// Per replicate totals of one variant and platform slot (segment `all`).
    struct Totals {
        var reach: [Double], paid: [Double], spend: [Double], engagements: [Double], gained: [Double], followers: [Double]
    }

    static func totals(_ result: Simulation.Result, platform p: Int) -> Totals {
        let layout = result.layout, s = layout.allSegments, last = layout.weeks - 1
        func sum(_ metrics: [Metric]) -> [Double] {
            (0..<result.replicates).map { r in
                var t = 0.0
                for w in 0..<layout.weeks {
                    for m in metrics { t += result.value(replicate: r, week: w, platform: p, segment: s, metric: m) }
                }
                return t
            }
        }
        func end(_ m: Metric) -> [Double] {
            (0..<result.replicates).map { result.value(replicate: $0, week: last, platform: p, segment: s, metric: m) }
        }
        return Totals(reach: end(.reachCumulative), paid: sum([.impressionsPaid]), spend: sum([.spend]),
                      engagements: sum([.likes, .comments, .shares]), gained: sum([.followersGained]),
                      followers: end(.followers))
    }

    /// Index of the budget parameter (the first whose leaf is a `budget_*` key), if any.
    static func budgetParameter(_ parameters: [SweepParameter]) -> Int? {
        parameters.firstIndex { BoostSpec.budgetKeys.contains($0.leaf) }
    }

    /// Variant indices grouped by the values of the other parameters, each group sorted by budget.
    static func groups(_ variants: [Variant], budget b: Int) -> [[Int]] {
        var order: [[String]] = []
        var members: [[String]: [Int]] = [:]
        for (i, v) in variants.enumerated() {
            var key = v.values
            key.remove(at: b)
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(i)
        }
        return order.map { key in
            members[key]!.sorted { (Double(variants[$0].values[b]) ?? 0) < (Double(variants[$1].values[b]) ?? 0) }
        }
    }

    static func summarize(_ variants: [Variant], parameters: [SweepParameter]) -> [SweepRow] {
        let base = variants[0].scenario
        let names = base.platforms.map(\.name) + ["all"]
        let slots = names.count
        // totals[v][p]
        let totals = variants.map { v in (0..<slots).map { Self.totals(v.result, platform: $0) } }
        let allSlot = slots - 1
        // Per variant: the baseline (smallest budget of its group) and the next larger budget.
        var baseline = Array(variants.indices), next: [Int?] = Array(repeating: nil, count: variants.count)
        let hasBudget = budgetParameter(parameters) != nil
        if let b = budgetParameter(parameters) {
            for group in groups(variants, budget: b) {
                for (k, v) in group.enumerated() {
                    baseline[v] = group[0]
                    next[v] = k + 1 < group.count ? group[k + 1] : nil
                }
            }
        }
        func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(max(1, xs.count)) }

        var rows: [SweepRow] = []
        for (v, variant) in variants.enumerated() {
            let n = variant.result.replicates
            for p in 0..<slots {
                let t = totals[v][p], t0 = totals[baseline[v]][p]
                let spend = totals[v][allSlot].spend, spend0 = totals[baseline[v]][allSlot].spend
                func add(_ metric: String, _ xs: [Double], mean override: Double? = nil) {
                    let finite = xs.filter(\.isFinite)
                    guard !finite.isEmpty else { return }
                    var s = Statistics.summarize(finite)
                    if let override { s.mean = override }
                    let half = 1.6448536269514722 * s.sd / Double(finite.count).squareRoot()
                    rows.append(SweepRow(variant: variant.number, values: variant.values, platform: names[p], metric: metric,
                                         summary: s, ciLow: s.mean - half, ciHigh: s.mean + half, n: finite.count))
                }
                add("reach_cumulative", t.reach)
                add("impressions_paid", t.paid)
                add("spend", t.spend)
                add("engagements", t.engagements)
                add("followers_gained", t.gained)
                add("followers", t.followers)
                let dReach = (0..<n).map { t.reach[$0] - t0.reach[$0] }
                if hasBudget { add("incremental_reach", dReach) }
                // Costs of what the spend above the baseline adds: Δspend / Δy per replicate (undefined
                // where Δy ≤ 0); the mean is the ratio of means.
                let dSpend = (0..<n).map { spend[$0] - spend0[$0] }
                if mean(dSpend) > 0 {
                    func cost(_ metric: String, _ dy: [Double], per: Double) {
                        let ratios = (0..<n).map { dy[$0] > 0 ? dSpend[$0] / dy[$0] * per : .nan }
                        let m = mean(dy)
                        if m > 0 { add(metric, ratios, mean: mean(dSpend) / m * per) }
                    }
                    cost("cost_per_1000_reached", dReach, per: 1000)
                    cost("cost_per_engagement", (0..<n).map { t.engagements[$0] - t0.engagements[$0] }, per: 1)
                    cost("cost_per_new_follower", (0..<n).map { t.gained[$0] - t0.gained[$0] }, per: 1)
                }
                // The next euro: (reach at the next budget − reach here) / (mean spend there − here),
                // per replicate under common random numbers.
                if let u = next[v] {
                    let step = mean(totals[u][allSlot].spend) - mean(spend)
                    if step > 0 {
                        let tu = totals[u][p]
                        add("marginal_reach_per_euro", (0..<n).map { (tu.reach[$0] - t.reach[$0]) / step })
                    }
                }
            }
        }
        return rows
    }

    /// Both saturation curves of mean cumulative reach against the budget, per group and platform.
    /// The bootstrap of each has its own stream (the group's and platform's index), so the curves do
    /// not depend on the order or the threads they are fitted in.
    static func fitSaturation(_ variants: [Variant], parameters: [SweepParameter]) -> [SaturationRow] {
        guard let b = budgetParameter(parameters) else { return [] }
        let names = variants[0].scenario.platforms.map(\.name) + ["all"]
        let seed = variants[0].scenario.seed
        var rows: [SaturationRow] = []
        for (g, group) in groups(variants, budget: b).enumerated() {
            var key = variants[group[0]].values
            key.remove(at: b)
            let x = group.map { Double(variants[$0].values[b]) ?? 0 }
            for p in names.indices {
                let reach = group.map { totals(variants[$0].result, platform: p).reach }
                let rng = RandomStream(seed: seed, purpose: .curveBootstrap, index: UInt64(g * names.count + p))
                if let comparison = SaturationComparison.compare(x: x, replicates: reach, rng: rng) {
                    rows.append(SaturationRow(group: key, platform: names[p], comparison: comparison))
                }
            }
        }
        return rows
    }

    // MARK: - CSV

    static func renderSweep(_ rows: [SweepRow], scenario: Scenario, parameters: [SweepParameter]) -> [UInt8] {
        var csv = CSVWriter()
        for h in ["scenario", "variant"] + parameters.map(\.key)
            + ["platform", "metric", "mean", "sd", "p05", "p50", "p95", "ci90_low", "ci90_high", "n"] { csv.append(h) }
        csv.endRow()
        for row in rows {
            csv.append(scenario.name)
            csv.append(row.variant)
            for v in row.values { csv.append(v) }
            csv.append(row.platform)
            csv.append(row.metric)
            let s = row.summary
            for v in [s.mean, s.sd, s.p05, s.p50, s.p95, row.ciLow, row.ciHigh] { csv.append(SummaryTable.formatted(v)) }
            csv.append(row.n)
            csv.endRow()
        }
        return csv.bytes
    }

    static func renderSaturation(_ rows: [SaturationRow], scenario: Scenario, parameters: [SweepParameter]) -> [UInt8] {
        var csv = CSVWriter()
        let b = budgetParameter(parameters)
        var others = parameters.map(\.key)
        if let b { others.remove(at: b) }
        let names = SaturationComparison.Curve.hill.parameterNames
        let header = ["scenario"] + others + ["budget_key", "platform", "metric", "curve", "chosen"]
            + names.flatMap { [$0, $0 + "_p05", $0 + "_p95"] }
            + ["rmse", "r2", "aicc", "preferred_share", "k_at_bound", "points", "resamples"]
        for h in header { csv.append(h) }
        csv.endRow()
        func number(_ v: Double?) -> String { v.map { SummaryTable.formatted($0) } ?? "" }
        for row in rows {
            let c = row.comparison
            for f in c.fits {
                csv.append(scenario.name)
                for v in row.group { csv.append(v) }
                csv.append(b.map { parameters[$0].key } ?? "")
                csv.append(row.platform)
                csv.append("reach_cumulative")
                csv.append(f.curve.rawValue)
                csv.append(f.curve == c.chosen ? "true" : "false")
                for name in names {
                    let j = f.curve.parameterNames.firstIndex(of: name)
                    for v in [j.map { f.parameters[$0] }, j.map { f.low[$0] }, j.map { f.high[$0] }] { csv.append(number(v)) }
                }
                for v in [f.rmse, f.r2, f.aicc, f.preferredShare] { csv.append(number(v)) }
                csv.append(f.kAtBound ? "true" : "false")
                csv.append(c.points)
                csv.append(c.resamples)
                csv.endRow()
            }
        }
        return csv.bytes
    }
}
