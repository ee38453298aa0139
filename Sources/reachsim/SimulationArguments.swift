import ArgumentParser
import Foundation
import ReachSim

/// The options `run`, `compare` and `sweep` share.
struct SimulationArguments: ParsableArguments {
    @Option(help: "Replicates (overrides the scenario's `replicates`).")
    var replicates: Int?

    @Option(help: "Seed (overrides the scenario's `seed`).")
    var seed: UInt64?

    @Option(help: "Worker threads (default: all cores). The output does not depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .shortAndLong, help: "Output directory (created if missing; default: out, or out/comparison for compare).")
    var out: String?

    @Option(help: ArgumentHelp("Refuse to start when the estimated memory exceeds this (e.g. 8G, 500M).",
                               valueName: "size"))
    var maxMemory: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if let r = replicates, !(1...1_000_000).contains(r) {
            throw ValidationError("--replicates must be between 1 and 1000000, got \(r).")
        }
        if let m = maxMemory, MemoryLimit.parse(m) == nil {
            throw ValidationError("--max-memory must be a size such as 8G, 500M or 1048576 (bytes), got '\(m)'.")
        }
        if !(1...1024).contains(threads) {
            throw ValidationError("--threads must be between 1 and 1024, got \(threads).")
        }
    }

    func options(defaultOutput: String, progress: Bool) -> SimulationOptions {
        SimulationOptions(replicates: replicates, seed: seed, threads: threads, outputDirectory: out ?? defaultOutput,
                          command: CommandLine.arguments, progress: progress && !quiet,
                          maxMemory: maxMemory.flatMap(MemoryLimit.parse))
    }
}
