/// What a plan simulates: enough to tell whether two pieces of work (shards, a checkpoint and a
/// rerun) belong together. Written in checkpoints and in shard manifests (`shard.plan`).
public struct PlanIdentity: Codable, Equatable, Sendable {
    /// The command whose work this is.
    public enum Command: String, Codable, Sendable { case run, compare, sweep }

    public var command: Command
    /// `ReachSimVersion.string` of the build: another version may compute other values.
    public var reachsimVersion: String
    /// Scenario files as given on the command line (compare: base first).
    public var scenarioPaths: [String]
    /// Lower-case hex SHA-256 of each scenario file's bytes.
    public var scenarioSHA256: [String]
    /// Encoded as a decimal string, like the manifest's.
    public var seed: UInt64
    /// Replicates of each simulation.
    public var replicates: Int
    /// Sweep: the swept keys and their values, in `--set` order. `compare --uncertainty`: each
    /// uncertain key and its value in every parameter set (the design).
    public var sweep: [SweepSetting]
    /// Compare only: alternatives have their own streams instead of common random numbers.
    public var independent: Bool
    /// Values per replicate of each simulation (weeks × platform slots × segment slots × metrics).
    public var valuesPerReplicate: [Int]
    /// The engine that computes the values: set when a run resolves its `--engine`
    /// (`ReplicatePlan.running`), nil in a plan just prepared. Values of different engines are
    /// never resumed or merged together. Checkpoints and shards written before engines could be
    /// chosen have none and are read as `exact`, the only engine then.
    public var engine: EngineKind?

    /// One `--set KEY=VALUES` of a sweep.
    public struct SweepSetting: Codable, Equatable, Sendable {
        public var key: String
        public var values: [String]
    }

    /// What differs between `self` (described as `a`) and `other` (`b`), one phrase per field,
    /// e.g. `seed (a: 7, b: 8)`; empty when they are equal.
    public func differences(from other: PlanIdentity, _ a: String, _ b: String) -> [String] {
        var found: [String] = []
        func check<T: Equatable>(_ name: String, _ x: T, _ y: T, _ show: (T) -> String) {
            if x != y { found.append("\(name) (\(a): \(show(x)), \(b): \(show(y)))") }
        }
        func list(_ xs: [String]) -> String { xs.joined(separator: " ") }
        check("command", command, other.command) { $0.rawValue }
        check("reachsim version", reachsimVersion, other.reachsimVersion) { $0 }
        check("scenario SHA-256", scenarioSHA256, other.scenarioSHA256) { list($0) }
        check("seed", seed, other.seed) { String($0) }
        check("replicates", replicates, other.replicates) { String($0) }
        check("swept values", sweep, other.sweep) { s in
            s.isEmpty ? "none" : s.map { "\($0.key)=\($0.values.joined(separator: ","))" }.joined(separator: " ")
        }
        check("--independent", independent, other.independent) { $0 ? "yes" : "no" }
        check("values per replicate", valuesPerReplicate, other.valuesPerReplicate) { $0.map(String.init).joined(separator: " ") }
        check("engine", engine, other.engine) { $0?.rawValue ?? "not chosen" }
        // Paths matter only when nothing else differs: the same file may be reached by two paths.
        if found.isEmpty { check("scenario paths", scenarioPaths, other.scenarioPaths) { list($0) } }
        return found
    }

    enum CodingKeys: String, CodingKey {
        case command
        case reachsimVersion = "reachsim_version"
        case scenarioPaths = "scenario_paths"
        case scenarioSHA256 = "scenario_sha256"
        case seed, replicates, sweep, independent
        case valuesPerReplicate = "values_per_replicate"
        case engine
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        command = try c.decode(Command.self, forKey: .command)
        reachsimVersion = try c.decode(String.self, forKey: .reachsimVersion)
        scenarioPaths = try c.decode([String].self, forKey: .scenarioPaths)
        scenarioSHA256 = try c.decode([String].self, forKey: .scenarioSHA256)
        seed = try c.decodeSeed(forKey: .seed)
        replicates = try c.decode(Int.self, forKey: .replicates)
        sweep = try c.decode([SweepSetting].self, forKey: .sweep)
        independent = try c.decode(Bool.self, forKey: .independent)
        valuesPerReplicate = try c.decode([Int].self, forKey: .valuesPerReplicate)
        engine = c.contains(.engine) ? try c.decodeIfPresent(EngineKind.self, forKey: .engine) : .exact
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(command, forKey: .command)
        try c.encode(reachsimVersion, forKey: .reachsimVersion)
        try c.encode(scenarioPaths, forKey: .scenarioPaths)
        try c.encode(scenarioSHA256, forKey: .scenarioSHA256)
        try c.encodeSeed(seed, forKey: .seed)
        try c.encode(replicates, forKey: .replicates)
        try c.encode(sweep, forKey: .sweep)
        try c.encode(independent, forKey: .independent)
        try c.encode(valuesPerReplicate, forKey: .valuesPerReplicate)
        try c.encode(engine, forKey: .engine)
    }
}
