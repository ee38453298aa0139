import ArgumentParser
import Foundation
import ReachSim

struct SlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Write Slurm scripts that run a run, comparison or sweep as a job array of shards, then merge them.",
        discussion: """
            One scenario: a run; with --set (or --sweep): a sweep; with several scenarios: a comparison, \
            the first being the base. Writes DIR/slurm/shards.sbatch (sbatch --array=0-(N-1)), \
            DIR/slurm/merge.sbatch (submitted with --dependency=afterok on the array) and \
            DIR/slurm/submit.sh, and prints the sbatch commands. The merged files land in DIR, \
            byte for byte those of the same command on one machine. See docs/cluster.md.
            """)

    @Argument(help: "The scenario file; for a comparison, the base and then the alternatives.")
    var scenarios: [String]

    @Option(help: "Number of shards (array tasks).")
    var shards: Int

    @Option(name: .shortAndLong, help: "Output directory: the merged files, shards/K and slurm/ go there.")
    var out: String

    @Option(name: [.customLong("set"), .customLong("sweep")],
            help: ArgumentHelp("KEY=VALUES to sweep, as for `reachsim sweep` (repeatable).", valueName: "KEY=VALUES"),
            transform: SweepSetting.parse)
    var sets: [SweepSetting] = []

    @Flag(help: "Comparison only: give each alternative its own random streams.")
    var independent = false

    @OptionGroup var size: ReplicateArguments

    @Option(help: "CPUs per task, passed to each shard as --threads.", transform: ThreadCount.parse)
    var threads = ThreadCount(value: 1)

    @Option(help: ArgumentHelp("The shards' sampler, passed to each as --engine (see reachsim run --help; default auto).",
                               valueName: "exact|grouped|auto"), transform: EngineChoice.parse)
    var engine: EngineChoice?

    @Option(help: "At most this many tasks at once (the %K of --array; default: the number of shards).")
    var maxRunning: Int?

    @Option(help: "Slurm partition (queue).")
    var partition: String?

    @Option(help: "Time limit per task, in Slurm's form (30:00, 2:00:00, 1-00:00:00).")
    var time: String?

    @Option(help: "Memory per task, in Slurm's form (4G, 500M).")
    var mem: String?

    @Option(help: "Slurm account to charge.")
    var account: String?

    @Option(help: "The reachsim executable on the compute nodes (default: this one's absolute path).")
    var executable: String?

    func validate() throws {
        if scenarios.isEmpty { throw ValidationError("Please give a scenario file.") }
        if !sets.isEmpty && scenarios.count > 1 { throw ValidationError("--set sweeps one scenario; give one scenario file.") }
        if independent && scenarios.count < 2 { throw ValidationError("--independent is for comparisons; give two or more scenario files.") }
        if !(1...Shard.maxCount).contains(shards) { throw ValidationError("--shards must be between 1 and \(Shard.maxCount), got \(shards).") }
        if let k = maxRunning, k < 1 { throw ValidationError("--max-running must be at least 1, got \(k).") }
    }

    func run() throws {
        // Load now: a bad scenario or value fails here, not on the cluster.
        let replicates = size.replicates?.value, seed = size.seed
        let prepared: any PreparedCommand
        var arguments: [String]
        do {
            if !sets.isEmpty {
                prepared = try SweepPipeline.prepare(scenarioPath: scenarios[0], parameters: sets.map(\.parameter),
                                                     replicates: replicates, seed: seed)
                arguments = ["sweep", scenarios[0]] + sets.flatMap { ["--set", $0.text] }
            } else if scenarios.count > 1 {
                prepared = try ComparePipeline.prepare(scenarioPaths: scenarios, replicates: replicates, seed: seed,
                                                       independent: independent)
                arguments = ["compare"] + scenarios + (independent ? ["--independent"] : [])
            } else {
                prepared = try RunPipeline.prepare(scenarioPath: scenarios[0], replicates: replicates, seed: seed)
                arguments = ["run", scenarios[0]]
            }
        } catch { throw fail(error) }
        let plan = prepared.plan
        if shards > plan.units {
            throw fail(ShardError("--shards \(shards) is more than the \(plan.units) replicates to compute; use at most \(plan.units)"))
        }
        if let r = replicates { arguments += ["--replicates", String(r)] }
        if let s = seed { arguments += ["--seed", String(s)] }
        arguments += ["--threads", String(threads.value)]
        if let engine { arguments += ["--engine", engine.rawValue] }

        let cwd = FileManager.default.currentDirectoryPath
        let program = executable ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
        let name = "reachsim-" + String(prepared.label.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }.prefix(40))
        let scripts = SlurmScripts(
            arguments: arguments, shards: shards, maxRunning: maxRunning, threads: threads.value, partition: partition,
            time: time, memory: mem, account: account, outputDirectory: out, workingDirectory: cwd,
            executable: program.hasPrefix("/") ? program : (cwd as NSString).appendingPathComponent(program),
            jobName: name)
        let files: [String]
        do { files = try scripts.write() } catch { throw fail(error) }
        let simulations = plan.scenarios.count
        let what = simulations == 1 ? "\(plan.replicates) replicates"
            : "\(simulations) \(sets.isEmpty ? "scenarios" : "variants") × \(plan.replicates) replicates"
        print("Wrote \(files.joined(separator: ", ")): \(shards) shards of \(what), about \(plan.units / shards) each.")
        print("Submit with:")
        print("  bash \(files[2])")
        print("or step by step:")
        for line in scripts.submitCommands() { print("  " + line) }
        print("The merged files will be in \(out); shard logs in \(scripts.scriptDirectory).")
    }
}
