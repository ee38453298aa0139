import ArgumentParser
import Foundation
import ReachSim

/// The options `run`, `compare`, `sweep` and `sensitivity` share.
struct SimulationArguments: ParsableArguments {
    @OptionGroup var size: ReplicateArguments

    @Option(help: "Worker threads (default: all cores). The output does not depend on it.", transform: ThreadCount.parse)
    var threads: ThreadCount = .allCores

    @OptionGroup var sampler: EngineArguments

    @Option(name: .shortAndLong, help: "Output directory (created if missing; default: out, or out/comparison for compare; with --shard K/N, their shards/K).")
    var out: String?

    @Option(help: ArgumentHelp("Refuse to start when the estimated memory exceeds this (e.g. 8G, 500M).",
                               valueName: "size"), transform: MemorySize.parse)
    var maxMemory: MemorySize?

    @Flag(help: "Print nothing but errors (no progress: otherwise a line on stderr, rewritten on a terminal, every 10 s in a log).")
    var quiet = false

    @Option(help: ArgumentHelp("""
        Compute only shard K of N (K from 0 to N-1) and write its raw replicates; `reachsim merge` \
        combines the N shard directories into the files of the whole run (see docs/cluster.md).
        """, valueName: "K/N"), transform: Shard.parse)
    var shard: Shard?

    @Flag(help: "Continue from the checkpoint an interrupted run left in the output directory.")
    var resume = false

    /// The options, with SIGINT and SIGTERM from now on stopping the run cleanly (exit 130/143).
    func options(defaultOutput: String, progress: Bool) -> SimulationOptions {
        // Shards without --out must not overwrite one another.
        let directory = out ?? shard.map { "\(defaultOutput)/shards/\($0.index)" } ?? defaultOutput
        var options = SimulationOptions(replicates: size.replicates?.value, seed: size.seed, threads: threads.value,
                                        outputDirectory: directory, command: CommandLine.arguments,
                                        progress: progress && !quiet, resume: resume,
                                        interruption: Interruption.install(onStuck: Self.exitNow), maxMemory: maxMemory?.bytes)
        if let engine = sampler.engine { options.engine = engine }
        return options
    }

    /// A forced stop: the checkpoint is saved, the workers still run; say so and end at once.
    @Sendable static func exitNow(signal: Int32, message: String) {
        // Start a fresh line: a progress line may be showing.
        let start = isatty(STDERR_FILENO) != 0 ? "\n" : ""
        FileHandle.standardError.write(Data((start + message + "\n").utf8))
        _exit(128 + signal)  // no atexit handlers while workers run
    }

    /// Runs shard `shard` of the command that `prepare` loads and prints what was written.
    func runShard(_ shard: Shard, options: SimulationOptions, prepare: () throws -> any PreparedCommand) throws {
        let report: ShardPipeline.Report
        do { report = try ShardPipeline.run(shard: shard, options: options, prepare: prepare) } catch { throw fail(error) }
        if quiet { return }
        print(String(format: "Shard %@: units %d..<%d of %d in %.1f s; wrote %@/replicates.bin and manifest.json",
                     report.shard.description, report.units.lowerBound, report.units.upperBound, report.totalUnits,
                     report.wallTimeSeconds, report.directory))
    }
}
