/// The scenarios of a study over parameter sets (`compare --uncertainty`, `sensitivity`): the
/// compared scenarios loaded once, the union of their uncertain ranges, and, for any point of
/// the unit cube, each scenario with its own value of every key at that point's quantiles.
struct ParameterSets {
    let paths: [String]
    /// The scenarios as loaded, with the study's seed and replicates (base first).
    let loaded: [Scenario]
    /// Every scenario's ranges, the base's first, then keys only alternatives have.
    let ranges: [ParameterRange]
    /// Each scenario's own ranges by key.
    let own: [[String: ParameterRange]]
    let scenarioBytes: [[UInt8]]

    init(paths: [String], replicates: Int?, seed: UInt64?) throws {
        self.paths = paths
        if paths.count >= 2 {
            let plain = try ComparePipeline.prepare(scenarioPaths: paths, replicates: replicates, seed: seed, independent: false)
            loaded = plain.scenarios
            scenarioBytes = plain.scenarioBytes
        } else {
            var s = try ScenarioLoader.load(path: paths[0])
            if let seed { s.seed = seed }
            if let replicates { s.replicates = replicates }
            loaded = [s]
            scenarioBytes = [try RunPipeline.readBytes(paths[0])]
        }
        own = loaded.map { s in
            Dictionary(PlausibleRanges.resolve(s).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        }
        var ranges: [ParameterRange] = []
        for s in loaded {
            for r in PlausibleRanges.resolve(s) where !ranges.contains(where: { $0.key == r.key }) { ranges.append(r) }
        }
        guard !ranges.isEmpty else {
            throw SweepError("no scenario has an uncertain parameter (their uncertain: blocks fix them all)")
        }
        self.ranges = ranges
    }

    var seed: UInt64 { loaded[0].seed }
    var replicates: Int { loaded[0].replicates }

    /// The values of `ranges` at the quantiles `u` (the base's; for a key only alternatives
    /// have, the first of them that has it).
    func values(at u: [Double]) -> [Double] { ranges.enumerated().map { $1.value(at: u[$0]) } }

    /// Scenario `k` at the quantiles `u`: its own value of each key it has, set in its file's
    /// YAML tree (so every check of the loader applies), with the study's seed and replicates.
    func scenario(_ k: Int, at u: [Double]) throws -> Scenario {
        var overrides: [(SweepParameter, String)] = []
        for (d, r) in ranges.enumerated() {
            guard let mine = own[k][r.key] else { continue }
            for (key, value) in assignments(r.key, value: mine.value(at: u[d]), in: loaded[k]) {
                let text = SweepParameter.format(value)
                overrides.append((try SweepParameter(parsing: "\(key)=\(text)"), text))
            }
        }
        var s = try ScenarioLoader.load(path: paths[k], overrides: overrides)
        s.seed = seed
        s.replicates = replicates
        return s
    }

    /// What a drawn value of `key` sets in `scenario`: the key itself, or for an engagement table of
    /// a platform every format's entry (`PlausibleRanges.assignments`).
    func assignments(_ key: String, value: Double, in scenario: Scenario) -> [(key: String, value: Double)] {
        let parts = key.split(separator: ".", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0] == "platforms", PlausibleRanges.tableKeys.contains(parts[2]),
              let platform = scenario.platforms.first(where: { $0.name == parts[1] }) else { return [(key, value)] }
        return PlausibleRanges.assignments(parts[2], value: value, in: platform).map { ("platforms.\(parts[1]).\($0.key)", $0.value) }
    }

    /// The plan of every scenario at every point (point-major), each scenario's world built once
    /// and reused by its other points (`World.withParameters`), with `points`' base values
    /// recorded in the identity (checkpoints tell studies apart).
    func plan(_ points: [[Double]]) throws -> ReplicatePlan {
        var scenarios: [Scenario] = []
        for u in points {
            for k in paths.indices { scenarios.append(try scenario(k, at: u)) }
        }
        let values = points.map(values(at:))
        let recorded = try ranges.enumerated().map { d, r in
            try SweepParameter(parsing: r.key + "=" + values.map { SweepParameter.format($0[d]) }.joined(separator: ","))
        }
        let identity = PlanIdentity(command: .compare, scenarioPaths: paths, scenarioBytes: scenarioBytes, seed: seed,
                                    replicates: replicates, sweep: recorded, scenarios: scenarios)
        let k = paths.count
        return ReplicatePlan(identity: identity, scenarios: scenarios, worldSource: scenarios.indices.map { $0 % k })
    }
}
