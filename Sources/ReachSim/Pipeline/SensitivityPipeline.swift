import Foundation

/// `reachsim sensitivity SCENARIO [--versus ALT] --method morris|sobol`: which uncertain
/// parameters an answer depends on. The answer is one number per parameter point: the scenario's
/// output (a year's reach, the catchment's, followers at the end, euros per person reached), or with `--versus` the effect of
/// the decision on it (alternative − base, common random numbers inside each point), averaged over
/// the replicates. Morris screens many parameters cheaply; Sobol apportions the answer's variance
/// among the few that matter (`SensitivityIndices`). Points come from the same ranges as
/// `compare --uncertainty` (`ParameterSets`), each scenario's world built once.
public enum SensitivityPipeline {
    public enum Method: String, CaseIterable, Sendable {
        /// Elementary effects over `samples` trajectories: (parameters + 1) × samples points.
        case morris
        /// Saltelli's design over `samples` base rows: (parameters + 2) × samples points.
        case sobol
    }

    /// The number studied, per point (mean over replicates; with `--versus`, alternative − base).
    public enum Output: String, CaseIterable, Sendable {
        /// People reached in the horizon, all platforms.
        case reach
        /// People of the catchment reached (reach without the outside segment).
        case catchment
        /// Followers at the end, all platforms.
        case followers
        /// Euros spent per person reached over the horizon (spend / reach, all platforms; the ratio of
        /// the replicates' means). 0 without paid boosts.
        case cost
    }

    public struct Options: Sendable {
        public var method: Method
        /// Morris trajectories, or Sobol base rows (2...100,000).
        public var samples: Int
        public var output: Output
        public var simulation: SimulationOptions

        public init(method: Method, samples: Int, output: Output, simulation: SimulationOptions) {
            self.method = method
            self.samples = samples
            self.output = output
            self.simulation = simulation
        }
    }

    /// One parameter's indices (Morris: μ*, μ, σ; Sobol: first order and total with 90% intervals).
    public struct Row: Sendable {
        public let range: ParameterRange
        public var muStar: Double?
        public var mu: Double?
        public var sigma: Double?
        public var first: (value: Double, low: Double, high: Double)?
        public var total: (value: Double, low: Double, high: Double)?
        /// What the table is sorted by: μ* or the total index.
        var strength: Double { muStar ?? total?.value ?? 0 }
    }

    public struct Report: Sendable {
        public let scenario: String
        public let versus: String?
        public let options: Options
        public let points: Int
        public let replicates: Int
        /// Strongest first.
        public let rows: [Row]
        public let directory: String
        public let wallTimeSeconds: Double
    }

    public static let samplesRange = 2...100_000

    public static func run(scenarioPath: String, versus: String?, options: Options) throws -> Report {
        let start = DispatchTime.now()
        guard samplesRange.contains(options.samples) else {
            throw SweepError("--samples \(options.samples): expected \(samplesRange.lowerBound)...\(samplesRange.upperBound)")
        }
        let sets = try ParameterSets(paths: [scenarioPath] + (versus.map { [$0] } ?? []),
                                     replicates: options.simulation.replicates, seed: options.simulation.seed)
        let d = sets.ranges.count
        let rng = RandomStream(seed: sets.seed, purpose: .uncertainty, index: 1)
        let points = options.method == .morris
            ? SensitivityIndices.morrisDesign(trajectories: options.samples, dimensions: d, rng: rng)
            : SensitivityIndices.saltelliDesign(samples: options.samples, dimensions: d, rng: rng)
        let plan = try sets.plan(points)
        try MemoryEstimate.compare(plan.scenarios, threads: options.simulation.threads)
            .check(limit: options.simulation.maxMemory, threads: options.simulation.threads)
        let label = plan.scenarios[0].name + " sensitivity (\(options.method.rawValue))"
        return try PlanRunner.complete(plan, label: label, options: options.simulation, start: start) { results, output, record in
            let k = sets.paths.count
            let y = points.indices.map { j -> Double in
                let base = value(results.result(j * k), scenario: plan.scenarios[j * k], output: options.output)
                guard k == 2 else { return base }
                return value(results.result(j * k + 1), scenario: plan.scenarios[j * k + 1], output: options.output) - base
            }
            var rows = sets.ranges.map { Row(range: $0) }
            switch options.method {
            case .morris:
                for (i, m) in SensitivityIndices.morris(design: points, outputs: y, dimensions: d).enumerated() {
                    rows[i].muStar = m.muStar
                    rows[i].mu = m.mu
                    rows[i].sigma = m.sigma
                }
            case .sobol:
                let s = SensitivityIndices.sobol(outputs: y, samples: options.samples, dimensions: d,
                                                 rng: RandomStream(seed: sets.seed, purpose: .uncertainty, index: 2))
                for (i, x) in s.enumerated() {
                    rows[i].first = (x.first, x.firstLow, x.firstHigh)
                    rows[i].total = (x.total, x.totalLow, x.totalHigh)
                }
            }
            rows.sort { $0.strength != $1.strength ? $0.strength > $1.strength : $0.range.key < $1.range.key }
            var files = [try output.stage("sensitivity.csv", bytes: csv(rows, scenario: sets.loaded[0].name,
                                                                          versus: versus.map { _ in sets.loaded[1].name },
                                                                          options: options, points: points.count,
                                                                          replicates: sets.replicates))]
            for (k, s) in sets.loaded.enumerated() {
                files.append(try output.stage("scenario-\(s.name).yaml", bytes: sets.scenarioBytes[k]))
            }
            let seconds = record.seconds()
            let manifest = Manifest(scenario: label, scenarioPath: sets.paths.joined(separator: " "),
                                    scenarioSHA256: plan.identity.scenarioSHA256.joined(separator: " "), seed: sets.seed,
                                    replicates: sets.replicates, threads: record.threads, engine: record.engine,
                                    engineRequested: record.engineRequested, weeks: sets.loaded[0].horizonWeeks, wallTimeSeconds: seconds, files: files,
                                    command: record.command)
            return (Report(scenario: sets.loaded[0].name, versus: versus.map { _ in sets.loaded[1].name }, options: options,
                           points: points.count, replicates: sets.replicates, rows: rows, directory: record.directory,
                           wallTimeSeconds: seconds), manifest)
        }
    }

    /// The output's mean over the replicates of one simulation.
    static func value(_ result: Simulation.Result, scenario: Scenario, output: Output) -> Double {
        let l = result.layout
        let last = l.weeks - 1
        var sum = 0.0, spend = 0.0
        for r in 0..<result.replicates {
            switch output {
            case .cost:
                sum += result.value(replicate: r, week: last, platform: l.allPlatforms, segment: l.allSegments, metric: .reachCumulative)
                for w in 0...last {
                    spend += result.value(replicate: r, week: w, platform: l.allPlatforms, segment: l.allSegments, metric: .spend)
                }
            case .reach, .catchment:
                var v = result.value(replicate: r, week: last, platform: l.allPlatforms, segment: l.allSegments, metric: .reachCumulative)
                if output == .catchment, let o = scenario.audience.resultSegments.firstIndex(of: OutsideSpec.segmentName) {
                    v -= result.value(replicate: r, week: last, platform: l.allPlatforms, segment: o, metric: .reachCumulative)
                }
                sum += v
            case .followers:
                sum += result.value(replicate: r, week: last, platform: l.allPlatforms, segment: l.allSegments, metric: .followers)
            }
        }
        if output == .cost { return sum > 0 ? spend / sum : 0 }
        return sum / Double(result.replicates)
    }

    public static let header = [
        "scenario", "versus", "output", "method", "parameter", "low", "high", "distribution", "mu_star", "mu", "sigma",
        "first_order", "first_order_low", "first_order_high", "total", "total_low", "total_high", "points", "replicates",
    ]

    static func csv(_ rows: [Row], scenario: String, versus: String?, options: Options, points: Int, replicates: Int) -> [UInt8] {
        var w = CSVWriter()
        w.appendRow(header)
        for r in rows {
            w.append(scenario)
            if let versus { w.append(versus) } else { w.appendMissing() }
            w.append(options.output.rawValue)
            w.append(options.method.rawValue)
            w.append(r.range.key)
            w.append(r.range.low)
            w.append(r.range.high)
            w.append(r.range.distribution.rawValue)
            for v in [r.muStar, r.mu, r.sigma, r.first?.value, r.first?.low, r.first?.high,
                      r.total?.value, r.total?.low, r.total?.high] {
                if let v { w.append(v) } else { w.appendMissing() }
            }
            w.append(points)
            w.append(replicates)
            w.endRow()
        }
        return w.bytes
    }

    /// The terminal table, strongest first, with a bar of each parameter's share of the strongest
    /// ("what this answer depends on").
    public static func table(_ report: Report, top: Int = 12) -> String {
        let what = report.versus.map { "Δ \(report.options.output.rawValue) of \($0) against \(report.scenario)" }
            ?? "\(report.options.output.rawValue) of \(report.scenario)"
        var out = "Sensitivity (\(report.options.method.rawValue)) of the \(what): \(report.points) parameter points × "
            + "\(report.replicates) replicates over \(report.rows.count) uncertain parameters.\n"
        let strongest = max(report.rows.first?.strength ?? 0, 1e-300)
        var rows: [[String]]
        switch report.options.method {
        case .morris:
            rows = [["parameter", "μ* (over its range)", "μ", "σ", ""]]
            for r in report.rows.prefix(top) {
                rows.append([r.range.key, PresetParameters.number(r.muStar ?? 0), PresetParameters.number(r.mu ?? 0),
                             PresetParameters.number(r.sigma ?? 0), bar(r.strength / strongest)])
            }
        case .sobol:
            rows = [["parameter", "total (90% bootstrap)", "first order (90% bootstrap)", ""]]
            func cell(_ x: (value: Double, low: Double, high: Double)?) -> String {
                guard let x else { return "" }
                return String(format: "%.2f (%.2f to %.2f)", x.value, x.low, x.high)
            }
            for r in report.rows.prefix(top) { rows.append([r.range.key, cell(r.total), cell(r.first), bar(r.strength / strongest)]) }
        }
        out += ReachTable.format(rows) + "\n"
        if report.rows.count > top { out += "(\(report.rows.count - top) more in sensitivity.csv)\n" }
        return out
    }

    static func bar(_ share: Double) -> String { String(repeating: "█", count: Int((max(0, min(1, share)) * 20).rounded())) }
}
