import Foundation

/// What `run`, `compare` and `sweep` share: how many replicates, which seed, how many threads,
/// where to write, and what to record.
public struct SimulationOptions: Sendable {
    /// Overrides the scenario's replicates when set.
    public var replicates: Int?
    /// Overrides the scenario's seed when set.
    public var seed: UInt64?
    /// Worker threads, ≥ 1; the output does not depend on it.
    public var threads: Int
    public var outputDirectory: String
    /// The command line, recorded in the manifest.
    public var command: [String]
    /// Show a progress line on stderr (only when it is a terminal and the run lasts > 1 s).
    public var progress: Bool
    /// Refuse a run whose `MemoryEstimate` exceeds this many bytes (`--max-memory`); the machine's
    /// memory is a limit in any case.
    public var maxMemory: Double?

    public init(replicates: Int? = nil, seed: UInt64? = nil, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                outputDirectory: String, command: [String] = [], progress: Bool = false, maxMemory: Double? = nil) {
        self.replicates = replicates
        self.seed = seed
        self.threads = threads
        self.outputDirectory = outputDirectory
        self.command = command
        self.progress = progress
        self.maxMemory = maxMemory
    }
}
