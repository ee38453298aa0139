import Foundation

/// What `run`, `compare`, `sweep` and the studies over parameter sets (`compare --uncertainty`,
/// `sensitivity`) share: how many replicates, which seed, which engine, how many threads, where to
/// write, and what to record.
public struct SimulationOptions: Sendable {
    /// Overrides the scenario's replicates when set.
    public var replicates: Int?
    /// Overrides the scenario's seed when set.
    public var seed: UInt64?
    /// Worker threads, `threadsRange`; the output does not depend on it.
    public var threads: Int
    /// The worker threads a command may be given (`--threads`).
    public static let threadsRange = 1...1024
    /// The sampler (`--engine`; default `auto`). One engine runs every simulation of a command:
    /// `auto` is resolved for the world of its first simulation (`PlanRunner.engine(for:choice:)`),
    /// and the manifest records both the engine used and this choice.
    public var engine: EngineChoice
    public var outputDirectory: String
    /// The command line, recorded in the manifest.
    public var command: [String]
    /// Show a progress line on stderr (only when it is a terminal and the run lasts > 1 s).
    public var progress: Bool
    /// Continue from the checkpoint an interrupted run left in `outputDirectory` (if there is
    /// one; without one the run starts from the first replicate).
    public var resume: Bool
    /// Set by SIGINT/SIGTERM (see `Interruption.install`): the run stops after the replicates in
    /// progress and throws `Interrupted`. Nil: the run cannot be interrupted this way.
    public var interruption: Interruption?
    /// Refuse a run whose `MemoryEstimate` exceeds this many bytes (`--max-memory`); the machine's
    /// memory is a limit in any case.
    public var maxMemory: Double?

    public init(replicates: Int? = nil, seed: UInt64? = nil, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                outputDirectory: String, command: [String] = [], progress: Bool = false, resume: Bool = false,
                interruption: Interruption? = nil, maxMemory: Double? = nil, engine: EngineChoice = .auto) {
        self.replicates = replicates
        self.seed = seed
        self.threads = threads
        self.outputDirectory = outputDirectory
        self.command = command
        self.progress = progress
        self.resume = resume
        self.interruption = interruption
        self.maxMemory = maxMemory
        self.engine = engine
    }
}
