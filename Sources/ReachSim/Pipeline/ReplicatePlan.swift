import Foundation

/// Everything one `run`, `compare` or `sweep` simulates, in a fixed order, cut into units that
/// shards, checkpoints and merges refer to.
///
/// Unit u is replicate `u % replicates` of simulation `u / replicates` (a compared scenario or a
/// sweep variant, in the command's order). A unit's values depend only on its scenario, the seed
/// and the replicate number, so any subset of units can be computed anywhere, in any order.
public struct ReplicatePlan: Sendable {
    /// What is simulated, as recorded in checkpoints and shard manifests.
    public let identity: PlanIdentity
    /// One per simulation.
    public let scenarios: [Scenario]
    /// True when the simulations differ only in boosts, so they share the first one's audience,
    /// graphs and schedules (`World.withBoosts`).
    let sharesWorld: Bool
    /// Per simulation, the simulation whose audience, graphs and followers it reuses
    /// (`World.withParameters`), itself when it builds its own; nil: every simulation builds.
    /// `compare --uncertainty` and `sensitivity`: each point reuses the first point's world of its
    /// scenario, so one world per compared scenario stays in memory for the whole run (two for a
    /// comparison, beside the results it keeps; the baseline museum's whole run peaks at 175 MiB).
    let worldSource: [Int]?

    public var replicates: Int { identity.replicates }
    public var units: Int { scenarios.count * replicates }

    init(identity: PlanIdentity, scenarios: [Scenario], sharesWorld: Bool = false, worldSource: [Int]? = nil) {
        precondition(!scenarios.isEmpty && identity.valuesPerReplicate.count == scenarios.count)
        precondition(worldSource.map { w in w.count == scenarios.count && w.indices.allSatisfy { w[$0] <= $0 } } ?? true)
        self.identity = identity
        self.scenarios = scenarios
        self.sharesWorld = sharesWorld
        self.worldSource = worldSource
    }

    /// Where simulation `i`'s values live in one replicate.
    public func layout(_ i: Int) -> MetricLayout { MetricLayout(scenarios[i]) }

    /// The same plan computed by `engine`, which its identity then names.
    func running(_ engine: EngineKind) -> ReplicatePlan {
        var identity = identity
        identity.engine = engine
        return ReplicatePlan(identity: identity, scenarios: scenarios, sharesWorld: sharesWorld, worldSource: worldSource)
    }

    /// `path` as the process sees it: relative paths are taken from `directory` when given (the
    /// directory a shard ran in), else from the current directory.
    static func resolve(_ path: String, in directory: String?) -> String {
        guard let directory, !path.hasPrefix("/") else { return path }
        return URL(fileURLWithPath: directory).appendingPathComponent(path).standardizedFileURL.path
    }
}

/// A command's loaded inputs and plan (run, compare or sweep), as shards and merges see them.
public protocol PreparedCommand: Sendable {
    var plan: ReplicatePlan { get }
    /// Names the work in progress lines.
    var label: String { get }
    /// The manifest of this command's output with these files, computed by `engine` as `requested`.
    func manifest(files: [Manifest.DataFile], threads: Int, engine: EngineKind, requested: EngineChoice,
                  wallTimeSeconds: Double, command: [String]) -> Manifest
}

extension PlanIdentity {
    init(command: Command, scenarioPaths: [String], scenarioBytes: [[UInt8]], seed: UInt64, replicates: Int,
         sweep: [SweepParameter] = [], independent: Bool = false, scenarios: [Scenario]) {
        self.command = command
        self.reachsimVersion = ReachSimVersion.string
        self.scenarioPaths = scenarioPaths
        self.scenarioSHA256 = scenarioBytes.map(Manifest.sha256Hex)
        self.seed = seed
        self.replicates = replicates
        self.sweep = sweep.map { SweepSetting(key: $0.key, values: $0.values) }
        self.independent = independent
        self.valuesPerReplicate = scenarios.map { MetricLayout($0).perReplicate }
        self.engine = nil
    }

    /// The sweep's parameters, parsed back from `sweep`.
    func sweepParameters() throws -> [SweepParameter] {
        try sweep.map { try SweepParameter(parsing: $0.key + "=" + $0.values.joined(separator: ",")) }
    }
}
