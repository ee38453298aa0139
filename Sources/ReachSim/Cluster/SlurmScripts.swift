import Foundation

/// `reachsim slurm`: batch scripts that run a `run`, `compare` or `sweep` as a Slurm job array of
/// shards (`--shard $SLURM_ARRAY_TASK_ID/N`) and merge them in a job that starts when every
/// shard has succeeded (`--dependency=afterok`). ReachSim schedules nothing itself: Slurm
/// queues, places, retries and limits the tasks.
///
/// Files, in `DIR/slurm/`: `shards.sbatch`, `merge.sbatch`, `submit.sh` (submits both and prints
/// the job ids); the shards' logs go there too. Shard K writes `DIR/shards/K`; the merge writes
/// the command's files into `DIR`. Every shard runs with `--resume`, so a task that was stopped
/// (time limit, preemption) and is submitted again continues where it stopped.
public struct SlurmScripts: Sendable {
    /// The reachsim command the shards run, without `reachsim`, `--shard` and `--out`:
    /// e.g. `["sweep", "s.yaml", "--set", "k=1,2", "--threads", "1"]`.
    public var arguments: [String]
    /// Number of shards (array tasks), 1...100,000.
    public var shards: Int
    /// At most this many tasks run at once (`%K` of `--array`); nil: K = N (Slurm's own limits
    /// and the partition decide).
    public var maxRunning: Int?
    /// CPUs per task (`--cpus-per-task`), also passed as `--threads`.
    public var threads: Int
    /// `--partition`, `--time` (e.g. `2:00:00`), `--mem` (e.g. `4G`), `--account`: passed as given.
    public var partition: String?
    public var time: String?
    public var memory: String?
    public var account: String?
    /// The output directory as given (relative paths are from `workingDirectory`).
    public var outputDirectory: String
    /// Absolute; the jobs run there (`--chdir`), so relative paths mean what they meant here.
    public var workingDirectory: String
    /// The reachsim executable the compute nodes run (absolute).
    public var executable: String
    /// `--job-name` (the merge job adds `-merge`).
    public var jobName: String

    public init(arguments: [String], shards: Int, maxRunning: Int? = nil, threads: Int = 1, partition: String? = nil,
                time: String? = nil, memory: String? = nil, account: String? = nil, outputDirectory: String,
                workingDirectory: String, executable: String, jobName: String) {
        self.arguments = arguments
        self.shards = shards
        self.maxRunning = maxRunning
        self.threads = threads
        self.partition = partition
        self.time = time
        self.memory = memory
        self.account = account
        self.outputDirectory = outputDirectory
        self.workingDirectory = workingDirectory
        self.executable = executable
        self.jobName = jobName
    }

    /// `DIR/slurm` as given, and absolute (for `--output`, which Slurm resolves by itself).
    public var scriptDirectory: String { (outputDirectory as NSString).appendingPathComponent("slurm") }
    var absoluteScriptDirectory: String { ReplicatePlan.resolve(scriptDirectory, in: workingDirectory) }
    var shardsDirectory: String { (outputDirectory as NSString).appendingPathComponent("shards") }

    /// `#SBATCH` lines shared by both jobs.
    private func resourceLines() -> [String] {
        var lines = ["#SBATCH --chdir=\(Self.quoted(workingDirectory))"]
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        if let account { lines.append("#SBATCH --account=\(account)") }
        if let time { lines.append("#SBATCH --time=\(time)") }
        if let memory { lines.append("#SBATCH --mem=\(memory)") }
        return lines
    }

    /// The job array: task K runs shard K/N.
    public func shardsScript() -> String {
        let limit = "%\(maxRunning ?? shards)"
        let command = ([executable] + arguments).map(Self.quoted).joined(separator: " ")
        let out = Self.quoted(shardsDirectory) + "/\"$SLURM_ARRAY_TASK_ID\""
        return ([
            "#!/bin/bash",
            "# \(shards) shards of: reachsim \(arguments.map(Self.quoted).joined(separator: " "))",
            "# Written by `reachsim slurm`; submit with submit.sh (see docs/cluster.md).",
            "#SBATCH --job-name=\(jobName)",
            "#SBATCH --array=0-\(shards - 1)\(limit)",
            "#SBATCH --ntasks=1",
            "#SBATCH --cpus-per-task=\(threads)",
            "#SBATCH --output=\(Self.quoted(absoluteScriptDirectory))/shard-%a.log",
            "#SBATCH --open-mode=append",
        ] + resourceLines() + [
            "set -euo pipefail",
            "# --resume: a task stopped by its time limit or preempted continues when resubmitted.",
            "exec \(command) --shard \"$SLURM_ARRAY_TASK_ID/\(shards)\" --out \(out) --resume",
        ]).joined(separator: "\n") + "\n"
    }

    /// The merge: every shard directory into `outputDirectory`.
    public func mergeScript() -> String {
        ([
            "#!/bin/bash",
            "# Merges the \(shards) shards into \(outputDirectory); submitted with --dependency=afterok on the array.",
            "#SBATCH --job-name=\(jobName)-merge",
            "#SBATCH --ntasks=1",
            "#SBATCH --output=\(Self.quoted(absoluteScriptDirectory))/merge.log",
        ] + resourceLines() + [
            "set -euo pipefail",
            "exec \(Self.quoted(executable)) merge \(Self.quoted(shardsDirectory))/{0..\(shards - 1)} --out \(Self.quoted(outputDirectory))",
        ]).joined(separator: "\n") + "\n"
    }

    /// Submits the array, then the merge depending on it, and prints both job ids.
    public func submitScript() -> String {
        let dir = Self.quoted(absoluteScriptDirectory)
        return """
            #!/bin/bash
            # Submits the shards as one job array and the merge as a job that runs once every shard
            # has succeeded. Written by `reachsim slurm` (see docs/cluster.md).
            set -euo pipefail
            array=$(sbatch --parsable \(dir)/shards.sbatch)
            array=${array%%;*}
            merge=$(sbatch --parsable --dependency=afterok:"$array" \(dir)/merge.sbatch)
            merge=${merge%%;*}
            echo "shards: job array $array (\(shards) tasks); merge: job $merge, into \(outputDirectory)"

            """
    }

    /// The commands `submit.sh` runs, for the terminal.
    public func submitCommands() -> [String] {
        let dir = Self.quoted(scriptDirectory)
        return [
            "sbatch --parsable \(dir)/shards.sbatch    # prints the array's job id, JOB",
            "sbatch --dependency=afterok:JOB \(dir)/merge.sbatch",
        ]
    }

    /// Writes the three scripts into `scriptDirectory`; returns their paths as given.
    @discardableResult
    public func write() throws -> [String] {
        let files = [("shards.sbatch", shardsScript()), ("merge.sbatch", mergeScript()), ("submit.sh", submitScript())]
        for (name, text) in files {
            try OutputTransaction.writeFile(Array(text.utf8), to: (absoluteScriptDirectory as NSString).appendingPathComponent(name))
        }
        return files.map { (scriptDirectory as NSString).appendingPathComponent($0.0) }
    }

    /// `word` as one shell word: unchanged when it has only safe characters, else single-quoted.
    static func quoted(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,+@%")
        if !word.isEmpty && word.allSatisfy(safe.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
