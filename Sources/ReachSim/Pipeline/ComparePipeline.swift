import Foundation

/// `reachsim compare BASE ALT...`: runs every scenario with common random numbers and writes
/// `comparison.csv`, each scenario's `summary-NAME.csv` and `scenario-NAME.yaml`, and
/// `manifest.json`.
///
/// Common random numbers: every scenario runs with the base's seed and replicate count, and the
/// engine keys its streams by platform and account names, so the same people, graphs and draws
/// are used wherever the scenarios agree. `independent: true` gives each alternative other
/// streams instead (seed + k), to measure how much CRN narrows the interval.
public enum ComparePipeline {
    public typealias Options = SimulationOptions

    /// One scenario's outcome over the horizon, for the terminal verdict.
    public struct Verdict: Sendable {
        public let scenario: String
        /// Year (horizon) totals compared with the base, all platforms and segments.
        public let cumulativeReach: PairedComparison
        /// The same reach split: the catchment's people (its segments) and the outside's. Disjoint,
        /// so they add up to `cumulativeReach` replicate by replicate. `outsideReach` is nil when
        /// neither scenario has an outside (closed audiences: the catchment is everyone).
        public let catchmentReach: PairedComparison
        public let outsideReach: PairedComparison?
        /// People following the institution at the end, once each however many of its accounts
        /// they follow (`Metric.followersUnique`).
        public let followersAtEnd: PairedComparison
        public let spend: PairedComparison
        public let hours: PairedComparison
        /// A typical week: the mean over weeks of the week's distinct people, all platforms.
        public let weeklyReach: PairedComparison
        /// People reached per post: the weeks' reach summed over the posts published (per platform
        /// and week a person counts once however many posts reached them).
        public let reachPerPost: PairedComparison
        /// Posts the team's (or an account's own) hours could not make, over the horizon.
        public let postsDropped: PairedComparison
        /// The year's reach of each segment of the catchment (by name; a segment one scenario lacks
        /// counts 0), youngest age band first.
        public let segments: [(name: String, age: String, reach: PairedComparison)]
        /// Per platform of both scenarios: the share of the people who use it that each reached.
        public let reachable: [ReachableAudience.Share]

        /// Euros per extra person of the catchment reached: Δspend / Δcatchment reach; nil without
        /// a difference of spend or without a gain of reach.
        public var costPerExtraPerson: Double? {
            guard abs(spend.diffMean) > 1e-9, catchmentReach.diffMean > 0.5 else { return nil }
            return spend.diffMean / catchmentReach.diffMean
        }

        /// The segments under 25 (13-17 and 18-24) together: nil without such a segment.
        public var young: (names: [String], reach: PairedComparison)? {
            let names = segments.filter { $0.age == AgeBand.age13to17.rawValue || $0.age == AgeBand.age18to24.rawValue }.map(\.name)
            return names.isEmpty ? nil : (names, youngTotal)
        }
        /// `segment` of the under-25 row of `verdict.csv`.
        public static let youngRow = "under_25"
        /// The under-25 segments' reach summed replicate by replicate (set by `verdict`).
        let youngTotal: PairedComparison
    }

    public struct Report: Sendable {
        public let base: Scenario
        public let verdicts: [Verdict]
        public let directory: String
        public let wallTimeSeconds: Double
    }

    public static let header = [
        "base", "scenario", "week", "platform", "segment", "metric", "base_mean", "alt_mean", "diff_mean",
        "diff_ci90_low", "diff_ci90_high", "diff_p05", "diff_p95", "p_alt_higher",
    ]

    /// The loaded scenarios and their plan: what a comparison, a shard of it, or a merge needs.
    public struct Prepared: Sendable, PreparedCommand {
        public let plan: ReplicatePlan
        public let scenarioPaths: [String]
        let scenarioBytes: [[UInt8]]
        public var scenarios: [Scenario] { plan.scenarios }
        public var label: String { scenarios.map(\.name).joined(separator: " vs ") }

        public func manifest(files: [Manifest.DataFile], threads: Int, engine: EngineKind, requested: EngineChoice,
                             wallTimeSeconds: Double, command: [String]) -> Manifest {
            Manifest(scenario: label, scenarioPath: scenarioPaths.joined(separator: " "),
                     scenarioSHA256: plan.identity.scenarioSHA256.joined(separator: " "), seed: plan.identity.seed,
                     replicates: plan.replicates, threads: threads, engine: engine, engineRequested: requested,
                     weeks: scenarios[0].horizonWeeks, wallTimeSeconds: wallTimeSeconds, files: files, command: command)
        }
    }

    /// Loads every scenario; all take the base's seed (or seed + k with `independent`) and
    /// replicates unless the options set them.
    ///
    /// - Parameter directory: where relative paths are (a merge passes the shards' directory).
    public static func prepare(scenarioPaths: [String], replicates: Int?, seed: UInt64?, independent: Bool,
                               relativeTo directory: String? = nil) throws -> Prepared {
        precondition(scenarioPaths.count >= 2, "compare needs a base and at least one alternative")
        let files = scenarioPaths.map { ReplicatePlan.resolve($0, in: directory) }
        var scenarios = try files.map { try ScenarioLoader.load(path: $0) }
        let seed = seed ?? scenarios[0].seed
        let replicates = replicates ?? scenarios[0].replicates
        var seen: [String: String] = [:]
        for (k, path) in scenarioPaths.enumerated() {
            if let other = seen[scenarios[k].name] {
                throw ScenarioError(file: path, line: nil, column: nil, keyPath: "name",
                                    message: "the name '\(scenarios[k].name)' is also the name of \(other); scenarios compared must have distinct names")
            }
            seen[scenarios[k].name] = path
            scenarios[k].seed = independent ? seed &+ UInt64(k) : seed
            scenarios[k].replicates = replicates
        }
        let bytes = try files.map { try RunPipeline.readBytes($0) }
        let identity = PlanIdentity(command: .compare, scenarioPaths: scenarioPaths, scenarioBytes: bytes, seed: seed,
                                    replicates: replicates, independent: independent, scenarios: scenarios)
        return Prepared(plan: ReplicatePlan(identity: identity, scenarios: scenarios), scenarioPaths: scenarioPaths,
                        scenarioBytes: bytes)
    }

    /// - Parameter independent: give alternative k the streams of seed + k instead of common
    ///   random numbers (to measure what common random numbers save).
    public static func run(scenarioPaths: [String], options: Options, independent: Bool = false) throws -> Report {
        let start = DispatchTime.now()
        let prepared = try prepare(scenarioPaths: scenarioPaths, replicates: options.replicates, seed: options.seed,
                                   independent: independent)
        try MemoryEstimate.compare(prepared.plan.scenarios, threads: options.threads)
            .check(limit: options.maxMemory, threads: options.threads)
        return try PlanRunner.complete(prepared.plan, label: prepared.label, options: options, start: start) { results, output, record in
            try write(prepared, results: results, to: output, record: record)
        }
    }

    /// Stages `comparison.csv` and each scenario's summary and copy; returns the report and manifest.
    static func write(_ prepared: Prepared, results: ReplicateResults, to output: OutputTransaction,
                      record: PlanRunner.Record) throws -> (Report, Manifest) {
        let scenarios = prepared.scenarios
        let results = scenarios.indices.map { results.result($0) }
        var csv = CSVWriter()
        csv.appendRow(header)
        var verdicts: [Verdict] = []
        for k in 1..<scenarios.count {
            appendRows(base: (scenarios[0], results[0]), alt: (scenarios[k], results[k]), to: &csv)
            verdicts.append(verdict(base: (scenarios[0], results[0]), alt: (scenarios[k], results[k]), name: scenarios[k].name))
        }
        var files = [try output.stage("comparison.csv", bytes: csv.bytes),
                     try output.stage("verdict.csv", bytes: verdictCSV(verdicts, base: scenarios[0].name))]
        for (k, scenario) in scenarios.enumerated() {
            files.append(try output.stage("summary-\(scenario.name).csv", bytes: SummaryTable.render(results[k], scenario: scenario)))
            files.append(try output.stage("scenario-\(scenario.name).yaml", bytes: prepared.scenarioBytes[k]))
        }
        let seconds = record.seconds()
        let manifest = prepared.manifest(files: files, threads: record.threads, engine: record.engine,
                                         requested: record.engineRequested, wallTimeSeconds: seconds, command: record.command)
        return (Report(base: scenarios[0], verdicts: verdicts, directory: record.directory, wallTimeSeconds: seconds), manifest)
    }

    /// Rows for every week, and every platform and segment both scenarios have (by name).
    static func appendRows(base: (Scenario, Simulation.Result), alt: (Scenario, Simulation.Result), to csv: inout CSVWriter) {
        let bNames = RowNames(base.0), aNames = RowNames(alt.0)
        let weeks = min(base.1.layout.weeks, alt.1.layout.weeks)
        let r = base.1.replicates
        var b = [Double](repeating: 0, count: r), a = b
        for w in 0..<weeks {
            for (bp, platform) in bNames.platforms.enumerated() {
                guard let ap = aNames.platforms.firstIndex(of: platform) else { continue }
                for (bs, segment) in bNames.segments.enumerated() {
                    guard let aseg = aNames.segments.firstIndex(of: segment) else { continue }
                    for metric in Metric.allCases {
                        if metric.perPlatformOnly && segment != "all" { continue }
                        for i in 0..<r {
                            b[i] = base.1.value(replicate: i, week: w, platform: bp, segment: bs, metric: metric)
                            a[i] = alt.1.value(replicate: i, week: w, platform: ap, segment: aseg, metric: metric)
                        }
                        let c = PairedComparison(base: b, alt: a)
                        csv.append(base.0.name)
                        csv.append(alt.0.name)
                        csv.append(w + 1)
                        csv.append(platform)
                        csv.append(segment)
                        csv.append(metric.column)
                        for v in [c.baseMean, c.altMean, c.diffMean, c.diffLow, c.diffHigh, c.diffP05, c.diffP95, c.probabilityAltHigher] {
                            csv.append(SummaryTable.formatted(v))
                        }
                        csv.endRow()
                    }
                }
            }
        }
    }

    static func verdict(base: (Scenario, Simulation.Result), alt: (Scenario, Simulation.Result), name: String) -> Verdict {
        /// Per replicate: the horizon total of `metric` (or its last week), all platforms, segment
        /// `segment` (nil: all; a scenario without that segment gives 0).
        func series(_ run: (Scenario, Simulation.Result), _ metric: Metric, total: Bool, segment: String? = nil) -> [Double] {
            let (scenario, result) = run, l = result.layout
            let s: Int
            if let segment {
                guard let i = scenario.audience.resultSegments.firstIndex(of: segment) else {
                    return [Double](repeating: 0, count: result.replicates)
                }
                s = i
            } else {
                s = l.allSegments
            }
            return (0..<result.replicates).map { r in
                let weeks = total ? Array(0..<l.weeks) : [l.weeks - 1]
                return weeks.reduce(0) { $0 + result.value(replicate: r, week: $1, platform: l.allPlatforms, segment: s, metric: metric) }
            }
        }
        func compare(_ metric: Metric, total: Bool) -> PairedComparison {
            PairedComparison(base: series(base, metric, total: total), alt: series(alt, metric, total: total))
        }
        let outside = OutsideSpec.segmentName
        let open = [base.0, alt.0].contains { $0.audience.resultSegments.contains(outside) }
        let reach = (base: series(base, .reachCumulative, total: false), alt: series(alt, .reachCumulative, total: false))
        let away = (base: series(base, .reachCumulative, total: false, segment: outside),
                    alt: series(alt, .reachCumulative, total: false, segment: outside))
        func minus(_ a: [Double], _ b: [Double]) -> [Double] { zip(a, b).map { $0 - $1 } }
        func plus(_ a: [Double], _ b: [Double]) -> [Double] { zip(a, b).map { $0 + $1 } }
        /// Per replicate: the weeks' reach over their posts, and the mean week's reach.
        func perPost(_ run: (Scenario, Simulation.Result)) -> [Double] {
            zip(series(run, .reach, total: true), series(run, .posts, total: true)).map { $1 > 0 ? $0 / $1 : 0 }
        }
        func perWeek(_ run: (Scenario, Simulation.Result)) -> [Double] {
            series(run, .reach, total: true).map { $0 / Double(max(1, run.1.layout.weeks)) }
        }
        // Segments of either catchment, by name, youngest first (stable within an age band).
        var named: [(name: String, age: AgeBand)] = []
        for s in base.0.audience.segments + alt.0.audience.segments where !named.contains(where: { $0.name == s.name }) {
            named.append((s.name, s.age))
        }
        let ages = AgeBand.allCases
        named = named.enumerated().sorted {
            (ages.firstIndex(of: $0.element.age)!, $0.offset) < (ages.firstIndex(of: $1.element.age)!, $1.offset)
        }.map(\.element)
        var segments: [(name: String, age: String, reach: PairedComparison)] = []
        let n = base.1.replicates
        var youngBase = [Double](repeating: 0, count: n), youngAlt = youngBase
        for s in named {
            let b = series(base, .reachCumulative, total: false, segment: s.name)
            let a = series(alt, .reachCumulative, total: false, segment: s.name)
            segments.append((s.name, s.age.rawValue, PairedComparison(base: b, alt: a)))
            if s.age == .age13to17 || s.age == .age18to24 { youngBase = plus(youngBase, b); youngAlt = plus(youngAlt, a) }
        }
        return Verdict(scenario: name, cumulativeReach: PairedComparison(base: reach.base, alt: reach.alt),
                       catchmentReach: PairedComparison(base: minus(reach.base, away.base), alt: minus(reach.alt, away.alt)),
                       outsideReach: open ? PairedComparison(base: away.base, alt: away.alt) : nil,
                       followersAtEnd: compare(.followersUnique, total: false), spend: compare(.spend, total: true),
                       hours: compare(.hours, total: true),
                       weeklyReach: PairedComparison(base: perWeek(base), alt: perWeek(alt)),
                       reachPerPost: PairedComparison(base: perPost(base), alt: perPost(alt)),
                       postsDropped: compare(.postsDropped, total: true), segments: segments,
                       reachable: ReachableAudience.shares(base: base, alt: alt),
                       youngTotal: PairedComparison(base: youngBase, alt: youngAlt))
    }

    public static let verdictHeader = [
        "base", "scenario", "measure", "segment", "base_mean", "alt_mean", "diff_mean", "diff_ci90_low", "diff_ci90_high",
        "p_alt_higher",
    ]

    /// `verdict.csv`: the decision's answer, one row per alternative and measure (see
    /// docs/output-format.md): the year's reach (all, catchment, outside, each segment youngest
    /// first), a typical week's reach, reach per post, followers at the end, posts dropped, hours,
    /// spend, euros per extra person of the catchment reached, and per platform the share of its
    /// users each scenario reached (`reached_share_of_users`, the platform in `segment`).
    static func verdictCSV(_ verdicts: [Verdict], base: String) -> [UInt8] {
        var w = CSVWriter()
        w.appendRow(verdictHeader)
        func row(_ v: Verdict, _ measure: String, _ segment: String, _ c: PairedComparison) {
            w.append(base); w.append(v.scenario); w.append(measure); w.append(segment)
            for x in [c.baseMean, c.altMean, c.diffMean, c.diffLow, c.diffHigh, c.probabilityAltHigher] { w.append(x) }
            w.endRow()
        }
        for v in verdicts {
            row(v, "reach_year", "all", v.cumulativeReach)
            row(v, "reach_year", "catchment", v.catchmentReach)
            if let o = v.outsideReach { row(v, "reach_year", OutsideSpec.segmentName, o) }
            for s in v.segments { row(v, "reach_year", s.name, s.reach) }
            if let young = v.young { row(v, "reach_year", Verdict.youngRow, young.reach) }
            row(v, "reach_week", "all", v.weeklyReach)
            row(v, "reach_per_post", "all", v.reachPerPost)
            row(v, "followers_end", "all", v.followersAtEnd)
            row(v, "posts_dropped", "all", v.postsDropped)
            row(v, "hours", "all", v.hours)
            row(v, "spend", "all", v.spend)
            w.append(base); w.append(v.scenario); w.append("cost_per_extra_person"); w.append("catchment")
            w.appendMissing(); w.appendMissing()
            if let c = v.costPerExtraPerson { w.append(c) } else { w.appendMissing() }
            for _ in 0..<3 { w.appendMissing() }
            w.endRow()
            for s in v.reachable {
                w.append(base); w.append(v.scenario); w.append("reached_share_of_users"); w.append(s.platform)
                w.append(s.baseShare); w.append(s.altShare); w.append(s.altShare - s.baseShare)
                for _ in 0..<3 { w.appendMissing() }
                w.endRow()
            }
        }
        return w.bytes
    }

    /// The terminal verdict: one row per alternative, differences from the base over the horizon.
    /// Reach is split into the catchment (the scenario's segments: the people the institution
    /// cares about) and the outside (the platforms' other users) when an audience is open.
    public static func verdictTable(_ report: Report) -> String {
        let open = report.verdicts.contains { $0.outsideReach != nil }
        let young = report.verdicts.contains { $0.young != nil }
        let paid = report.verdicts.contains { $0.costPerExtraPerson != nil }
        var heading = ["scenario", "Δ cumulative reach (90% CI)", "P(more reach)"]
        if open { heading += ["Δ catchment (90% CI)", "Δ outside (90% CI)"] }
        if young { heading += ["Δ under 25 (90% CI)"] }
        heading += ["Δ week's reach", "Δ reach/post", "Δ followers at end", "Δ posts dropped", "Δ hours", "Δ spend €"]
        if paid { heading += ["€ per extra person"] }
        var rows = [heading]
        func interval(_ c: PairedComparison) -> String { "\(signed(c.diffMean)) (\(signed(c.diffLow)) to \(signed(c.diffHigh)))" }
        for v in report.verdicts {
            var row = [v.scenario, interval(v.cumulativeReach), String(format: "%.0f%%", 100 * v.cumulativeReach.probabilityAltHigher)]
            if open { row += [interval(v.catchmentReach), v.outsideReach.map(interval) ?? "0"] }
            if young { row += [v.young.map { interval($0.reach) } ?? ""] }
            row += [signed(v.weeklyReach.diffMean), signedTenths(v.reachPerPost.diffMean), signed(v.followersAtEnd.diffMean),
                    signed(v.postsDropped.diffMean), signed(v.hours.diffMean), signed(v.spend.diffMean)]
            if paid { row += [v.costPerExtraPerson.map { String(format: "%.2f", $0) } ?? ""] }
            rows.append(row)
        }
        var text = "Compared with \(report.base.name) over \(report.base.horizonWeeks) weeks:\n" + ReachTable.format(rows)
        if young, let names = report.verdicts.lazy.compactMap({ $0.young?.names }).first {
            text += "\nunder 25: segments " + names.joined(separator: ", ") + "; each segment's reach is in verdict.csv."
        }
        if paid { text += "\n€ per extra person: Δ spend / Δ catchment reach (people of the catchment the alternative adds)." }
        for v in report.verdicts {
            for s in v.reachable where s.mostlyReached {
                text += "\nnote: " + ReachableAudience.note(s, base: report.base.name, alternative: v.scenario)
            }
        }
        return text
    }

    static func signedTenths(_ v: Double) -> String {
        (v > 0.05 ? "+" : "") + String(format: "%.1f", v)
    }

    static func signed(_ v: Double) -> String {
        (v > 0.5 ? "+" : "") + ReachTable.grouped(v)
    }
}
