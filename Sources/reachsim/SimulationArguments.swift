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

    @Option(name: .shortAndLong, help: "Output directory (created if missing; default: out, or out/comparison for compare; with --shard K/N, their shards/K).")
    var out: String?

    @Option(help: ArgumentHelp("Refuse to start when the estimated memory exceeds this (e.g. 8G, 500M).",
                               valueName: "size"))
    var maxMemory: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Option(help: ArgumentHelp("""
        Compute only shard K of N (K from 0 to N-1) and write its raw replicates; `reachsim merge` \
        combines the N shard directories into the files of the whole run (see docs/cluster.md).
        """, valueName: "K/N"))
    var shard: String?

    @Flag(help: "Continue from the checkpoint an interrupted run left in the output directory.")
    var resume = false

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
        if let shard {
            do { _ = try Shard(parsing: shard) } catch { throw ValidationError(error.description + ".") }
        }
    }

    /// The parsed `--shard`, checked by `validate()`.
    var parsedShard: Shard? { shard.flatMap { try? Shard(parsing: $0) } }

    /// The options, with SIGINT and SIGTERM from now on stopping the run cleanly (exit 130/143).
    func options(defaultOutput: String, progress: Bool) -> SimulationOptions {
        // Shards without --out must not overwrite one another.
        let directory = out ?? parsedShard.map { "\(defaultOutput)/shards/\($0.index)" } ?? defaultOutput
        return SimulationOptions(replicates: replicates, seed: seed, threads: threads, outputDirectory: directory,
                                 command: CommandLine.arguments, progress: progress && !quiet, resume: resume,
                                 interruption: Interruption.install(onStuck: Self.exitNow),
                                 maxMemory: maxMemory.flatMap(MemoryLimit.parse))
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
