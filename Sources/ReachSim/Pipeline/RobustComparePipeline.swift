import Foundation

/// `reachsim compare BASE ALT... --uncertainty N`: the comparison repeated under N parameter sets
/// drawn over the plausible ranges of the parameters it may rest on, to say how robust the
/// decision is and what it depends on.
///
/// - Ranges: every scenario's (`PlausibleRanges.resolve`: the presets' defaults and its
///   `uncertain:` block), the base's first, then the keys only alternatives have (a platform an
///   alternative opens). A Latin hypercube (`ParameterDesign`, seeded by the base's seed) gives
///   each set one quantile per parameter; every scenario takes its own value at that quantile
///   (its own range of the same key: factor ranges are around its own value), so that a set is
///   one state of the world for all of them. A key an alternative holds `fixed` or lacks keeps
///   its value there.
/// - Worlds: a parameter set changes rates, not who is in the audience, follows or is linked, so
///   each scenario's world is built once and reused by every set (`World.withParameters`).
/// - Inside a set, every scenario runs with the base's seed and replicates (common random
///   numbers, as `compare`); the sets also share the seed, so that differences between sets are
///   the parameters' effect more than noise.
/// - Three kinds of spread, named apart everywhere: the *range across parameter sets* (what we do
///   not know: 5-95% of the sets' mean effects), the *Monte Carlo error* (the half-width of each
///   set's 90% interval of the mean effect, averaged), and the *spread of replicates* (what a
///   year may look like: in `robustness.csv`'s p05/p95 per set).
public enum RobustComparePipeline {
    public typealias Options = SimulationOptions

    /// One parameter set: its design quantiles and the values, in `ranges` order (the base's; for
    /// a key only alternatives have, the first of them that has it).
    public struct ParameterSet: Sendable {
        /// 1-based.
        public let number: Int
        public let quantiles: [Double]
        public let values: [Double]
    }

    /// One alternative against the base under one parameter set.
    public struct Outcome: Sendable {
        public let set: Int
        public let verdict: ComparePipeline.Verdict
    }

    /// One effect (reach or catchment reach) of one alternative across the sets.
    public struct Effect: Sendable {
        /// Median, 5% and 95% quantiles of the sets' mean effects: the range across parameter sets.
        public let median: Double
        public let p05: Double
        public let p95: Double
        /// Share 0...1 of sets whose mean effect is positive (the alternative gains).
        public let winShare: Double
        /// Share 0...1 of sets whose 90% interval of the mean excludes 0 (the sign is settled
        /// there, whatever the Monte Carlo error).
        public let decidedShare: Double
        /// Mean half-width of the sets' 90% intervals of the mean effect (Monte Carlo error).
        public let monteCarloError: Double
        /// Spearman rank correlation of each parameter (base values) with the sets' mean effect,
        /// strongest first; nil correlations (a constant column) are left out.
        public let drivers: [(key: String, rho: Double)]
    }

    public struct Robustness: Sendable {
        public let scenario: String
        public let reach: Effect
        /// The catchment's people (open audiences only).
        public let catchment: Effect?
    }

    public struct Report: Sendable {
        public let base: Scenario
        public let ranges: [ParameterRange]
        public let sets: [ParameterSet]
        public let outcomes: [Outcome]
        public let robustness: [Robustness]
        public let replicates: Int
        public let directory: String
        public let files: [String]
        public let wallTimeSeconds: Double
    }

    /// The loaded scenarios of every set and their plan.
    public struct Prepared: Sendable {
        public let plan: ReplicatePlan
        public let scenarioPaths: [String]
        public let ranges: [ParameterRange]
        public let sets: [ParameterSet]
        /// Scenarios compared (base first).
        public let count: Int
        let scenarioBytes: [[UInt8]]
        public var label: String { plan.scenarios[0..<count].map(\.name).joined(separator: " vs ") + " (uncertainty)" }

        func manifest(files: [Manifest.DataFile], threads: Int, engine: EngineKind, requested: EngineChoice,
                      wallTimeSeconds: Double, command: [String]) -> Manifest {
            Manifest(scenario: label, scenarioPath: scenarioPaths.joined(separator: " "),
                     scenarioSHA256: plan.identity.scenarioSHA256.joined(separator: " "), seed: plan.identity.seed,
                     replicates: plan.replicates, threads: threads, engine: engine, engineRequested: requested,
                     weeks: plan.scenarios[0].horizonWeeks, wallTimeSeconds: wallTimeSeconds, files: files, command: command)
        }
    }

    /// Parameter sets: 2...4,096.
    public static let setsRange = 2...4_096

    /// Loads every scenario under every parameter set (a bad value fails before any simulation).
    public static func prepare(scenarioPaths: [String], sets n: Int, replicates: Int?, seed: UInt64?) throws -> Prepared {
        precondition(scenarioPaths.count >= 2, "compare needs a base and at least one alternative")
        guard setsRange.contains(n) else {
            throw SweepError("--uncertainty \(n): expected \(setsRange.lowerBound)...\(setsRange.upperBound) parameter sets")
        }
        let study = try ParameterSets(paths: scenarioPaths, replicates: replicates, seed: seed)
        let design = ParameterDesign.latinHypercube(points: n, dimensions: study.ranges.count,
                                                    rng: RandomStream(seed: study.seed, purpose: .uncertainty))
        let sets = design.enumerated().map { ParameterSet(number: $0 + 1, quantiles: $1, values: study.values(at: $1)) }
        // Parameter sets change rates, not who is in the world: set j of scenario k reuses set 1's.
        let plan = try study.plan(design)
        return Prepared(plan: plan, scenarioPaths: scenarioPaths,
                        ranges: study.ranges, sets: sets, count: scenarioPaths.count, scenarioBytes: study.scenarioBytes)
    }

    public static func run(scenarioPaths: [String], sets: Int, options: Options) throws -> Report {
        let start = DispatchTime.now()
        let prepared = try prepare(scenarioPaths: scenarioPaths, sets: sets, replicates: options.replicates, seed: options.seed)
        try MemoryEstimate.compare(prepared.plan.scenarios, threads: options.threads)
            .check(limit: options.maxMemory, threads: options.threads)
        return try PlanRunner.complete(prepared.plan, label: prepared.label, options: options, start: start) { results, output, record in
            try write(prepared, results: results, to: output, record: record)
        }
    }

    /// The verdicts of every set, and their summary across sets.
    static func analyse(_ prepared: Prepared, results: ReplicateResults) -> (outcomes: [Outcome], robustness: [Robustness]) {
        let k = prepared.count
        var outcomes: [Outcome] = []
        for set in prepared.sets {
            let first = (set.number - 1) * k
            let base = (prepared.plan.scenarios[first], results.result(first))
            for a in 1..<k {
                let alt = (prepared.plan.scenarios[first + a], results.result(first + a))
                outcomes.append(Outcome(set: set.number, verdict: ComparePipeline.verdict(base: base, alt: alt, name: alt.0.name)))
            }
        }
        var robustness: [Robustness] = []
        for a in 1..<k {
            let mine = outcomes.filter { $0.verdict.scenario == prepared.plan.scenarios[a].name }
            let open = mine.allSatisfy { $0.verdict.outsideReach != nil }
            robustness.append(Robustness(
                scenario: prepared.plan.scenarios[a].name,
                reach: effect(mine.map(\.verdict.cumulativeReach), prepared),
                catchment: open ? effect(mine.map(\.verdict.catchmentReach), prepared) : nil))
        }
        return (outcomes, robustness)
    }

    /// The summary of one effect over the sets (`comparisons` in set order).
    static func effect(_ comparisons: [PairedComparison], _ prepared: Prepared) -> Effect {
        let means = comparisons.map(\.diffMean)
        let q = Statistics.quantiles(means, at: [0.5, 0.05, 0.95])
        let n = Double(comparisons.count)
        var drivers: [(key: String, rho: Double)] = []
        for (d, r) in prepared.ranges.enumerated() {
            if let rho = Statistics.spearman(prepared.sets.map { $0.values[d] }, means) { drivers.append((r.key, rho)) }
        }
        drivers.sort { abs($0.rho) != abs($1.rho) ? abs($0.rho) > abs($1.rho) : $0.key < $1.key }
        return Effect(median: q[0], p05: q[1], p95: q[2],
                      winShare: Double(means.filter { $0 > 0 }.count) / n,
                      decidedShare: Double(comparisons.filter { $0.diffLow > 0 || $0.diffHigh < 0 }.count) / n,
                      monteCarloError: comparisons.reduce(0) { $0 + ($1.diffHigh - $1.diffLow) / 2 } / n,
                      drivers: drivers)
    }

    public static let header = ["set", "base", "scenario"]
    public static let effectColumns = [
        "base_reach", "alt_reach", "reach_effect", "reach_effect_ci90_low", "reach_effect_ci90_high", "reach_effect_p05",
        "reach_effect_p95", "catchment_effect", "catchment_effect_ci90_low", "catchment_effect_ci90_high", "p_alt_higher",
    ]
    public static let summaryHeader = [
        "scenario", "effect", "sets", "replicates", "median", "p05", "p95", "win_share", "decided_share", "monte_carlo_error",
    ]
    public static let driversHeader = ["scenario", "effect", "parameter", "spearman"]
    public static let rangesHeader = ["parameter", "low", "high", "distribution", "alpha", "beta", "source"]

    /// Stages `robustness.csv`, `robustness_summary.csv`, `robustness_drivers.csv` and
    /// `uncertain_ranges.csv`; returns the report and the manifest.
    static func write(_ prepared: Prepared, results: ReplicateResults, to output: OutputTransaction,
                      record: PlanRunner.Record) throws -> (Report, Manifest) {
        let (outcomes, robustness) = analyse(prepared, results: results)
        let base = prepared.plan.scenarios[0]
        var csv = CSVWriter()
        csv.appendRow(header + prepared.ranges.map(\.key) + effectColumns)
        for o in outcomes {
            let set = prepared.sets[o.set - 1], v = o.verdict
            csv.append(o.set)
            csv.append(base.name)
            csv.append(v.scenario)
            for x in set.values { csv.append(x) }
            let r = v.cumulativeReach
            for x in [r.baseMean, r.altMean, r.diffMean, r.diffLow, r.diffHigh, r.diffP05, r.diffP95] { csv.append(x) }
            if v.outsideReach != nil {
                for x in [v.catchmentReach.diffMean, v.catchmentReach.diffLow, v.catchmentReach.diffHigh] { csv.append(x) }
            } else {
                for _ in 0..<3 { csv.appendMissing() }
            }
            csv.append(r.probabilityAltHigher)
            csv.endRow()
        }
        var summary = CSVWriter()
        summary.appendRow(summaryHeader)
        var drivers = CSVWriter()
        drivers.appendRow(driversHeader)
        for r in robustness {
            for (name, e) in [("reach", r.reach), ("catchment_reach", r.catchment)] {
                guard let e else { continue }
                summary.append(r.scenario)
                summary.append(name)
                summary.append(prepared.sets.count)
                summary.append(prepared.plan.replicates)
                for x in [e.median, e.p05, e.p95, e.winShare, e.decidedShare, e.monteCarloError] { summary.append(x) }
                summary.endRow()
                for d in e.drivers {
                    drivers.append(r.scenario)
                    drivers.append(name)
                    drivers.append(d.key)
                    drivers.append(d.rho)
                    drivers.endRow()
                }
            }
        }
        var ranges = CSVWriter()
        ranges.appendRow(rangesHeader)
        for r in prepared.ranges {
            ranges.append(r.key)
            ranges.append(r.low)
            ranges.append(r.high)
            ranges.append(r.distribution.rawValue)
            if r.distribution == .beta { ranges.append(r.alpha); ranges.append(r.beta) } else { ranges.appendMissing(); ranges.appendMissing() }
            ranges.append(r.source)
            ranges.endRow()
        }
        var files = [try output.stage("robustness.csv", bytes: csv.bytes),
                     try output.stage("robustness_summary.csv", bytes: summary.bytes),
                     try output.stage("robustness_drivers.csv", bytes: drivers.bytes),
                     try output.stage("uncertain_ranges.csv", bytes: ranges.bytes)]
        for k in 0..<prepared.count {
            files.append(try output.stage("scenario-\(prepared.plan.scenarios[k].name).yaml", bytes: prepared.scenarioBytes[k]))
        }
        let seconds = record.seconds()
        let manifest = prepared.manifest(files: files, threads: record.threads, engine: record.engine,
                                         requested: record.engineRequested, wallTimeSeconds: seconds, command: record.command)
        return (Report(base: base, ranges: prepared.ranges, sets: prepared.sets, outcomes: outcomes, robustness: robustness,
                       replicates: prepared.plan.replicates, directory: record.directory,
                       files: files.map(\.name) + [OutputTransaction.manifestName], wallTimeSeconds: seconds), manifest)
    }

    /// The terminal summary: per alternative, the effect across parameter sets, how often it
    /// wins, the Monte Carlo error, and the parameters it depends on most.
    public static func table(_ report: Report) -> String {
        let open = report.robustness.contains { $0.catchment != nil }
        var heading = ["scenario", "Δ reach: median (5-95% of sets)", "wins", "settled", "MC error ±"]
        if open { heading += ["Δ catchment: median (5-95% of sets)", "wins", "settled", "MC error ±"] }
        var rows = [heading]
        func cells(_ e: Effect) -> [String] {
            ["\(signed(e.median)) (\(signed(e.p05)) to \(signed(e.p95)))", percent(e.winShare), percent(e.decidedShare),
             PresetParameters.number(e.monteCarloError.rounded())]
        }
        for r in report.robustness {
            var row = [r.scenario] + cells(r.reach)
            if open { row += r.catchment.map(cells) ?? ["", "", "", ""] }
            rows.append(row)
        }
        var out = "Robust comparison: \(report.sets.count) parameter sets × \(report.replicates) replicates over "
            + "\(report.ranges.count) uncertain parameters (uncertain_ranges.csv); each set compared with common random numbers.\n"
        out += ReachTable.format(rows)
        out += "\nwins: sets where the alternative gains; settled: sets whose 90% interval of the mean excludes 0; "
            + "MC error: Monte Carlo half-width of a set's 90% interval of the mean.\n"
        let noise = noiseLevel(sets: report.sets.count)
        out += "What the answer depends on (rank correlation of each parameter with the effect across sets; "
            + "|ρ| below \(String(format: "%.2f", noise)) is within the noise of \(report.sets.count) sets):\n"
        for r in report.robustness {
            let e = r.catchment ?? r.reach
            let top = e.drivers.filter { abs($0.rho) >= noise }.prefix(3).map { "\($0.key) \(String(format: "%+.2f", $0.rho))" }
            out += "  \(r.scenario), Δ \(r.catchment == nil ? "reach" : "catchment"): "
                + (top.isEmpty ? "no parameter above the noise" : top.joined(separator: ", ")) + "\n"
        }
        return out
    }

    /// Two standard errors of Spearman's ρ between independent series of `sets` values,
    /// 2 / √(sets − 1): a driver below it is not told apart from chance.
    public static func noiseLevel(sets: Int) -> Double { 2 / Double(max(1, sets - 1)).squareRoot() }

    static func signed(_ x: Double) -> String {
        let r = x.rounded()
        return (r > 0 ? "+" : "") + PresetParameters.number(r == 0 ? 0 : r)
    }

    static func percent(_ x: Double) -> String { String(format: "%.0f%%", 100 * x) }
}
