import Foundation

/// Runs a plan's units, all of them or one shard's, with a checkpoint: `--resume` continues from
/// it, and SIGINT or SIGTERM stops the workers after their current replicate, flushes it and
/// throws `Interrupted` before any output file is written.
enum PlanRunner {
    /// How the manifest and the report describe a run: what ran it, for how long, and where its
    /// files went.
    struct Record {
        let threads: Int
        let command: [String]
        /// The output directory as given.
        let directory: String
        /// Seconds so far, read when the manifest is made.
        let seconds: () -> Double

        /// A run of this process started at `start`.
        init(options: SimulationOptions, start: DispatchTime) {
            self.init(threads: options.threads, command: options.command, directory: options.outputDirectory) {
                PlanRunner.seconds(since: start)
            }
        }

        init(threads: Int, command: [String], directory: String, seconds: @escaping () -> Double) {
            self.threads = threads
            self.command = command
            self.directory = directory
            self.seconds = seconds
        }
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// Simulates every unit of `plan` and writes the command's files: `write` stages them and
    /// returns the report and manifest; the manifest is committed only if no stop was requested
    /// meanwhile, and then the checkpoint is removed.
    static func complete<Report>(_ plan: ReplicatePlan, label: String, options: SimulationOptions, start: DispatchTime,
                                 write: (ReplicateResults, OutputTransaction, Record) throws -> (Report, Manifest)) throws -> Report {
        let output = try OutputTransaction(directory: URL(fileURLWithPath: options.outputDirectory))
        let (results, checkpoint) = try simulate(plan, units: 0..<plan.units, shard: nil, label: label, options: options)
        let (report, manifest) = try write(results, output, Record(options: options, start: start))
        try commit(manifest, to: output, checkpoint: checkpoint, total: plan.units, options: options)
        return report
    }

    /// Opens the checkpoint (resuming if asked) and computes the missing units of `units`.
    ///
    /// - Throws: `Interrupted` when a stop was requested (the checkpoint is flushed first);
    ///   `CheckpointError`; the errors of building worlds (the checkpoint is then removed if this
    ///   run created it: the same scenario would fail again).
    static func simulate(_ plan: ReplicatePlan, units: Range<Int>, shard: Shard?, label: String,
                         options: SimulationOptions) throws -> (ReplicateResults, Checkpoint) {
        let results = ReplicateResults(plan: plan)
        let header = Checkpoint.Header(plan: plan.identity, shard: shard, firstUnit: units.lowerBound, endUnit: units.upperBound)
        let checkpoint = try Checkpoint.open(directory: options.outputDirectory, header: header, resume: options.resume, into: results)
        let done = DoneCount(results.completed(in: units))
        // Until the replicates are over, a stop the workers do not honour in time (a long
        // replicate, a world being built) may end the process with what the checkpoint holds.
        options.interruption?.allowForcedStop { signal in
            checkpoint.freeze()
            return Interrupted(signal: signal, completed: done.value, total: units.count,
                               checkpoint: checkpoint.saved > 0 && checkpoint.failure == nil ? checkpoint.folder : nil,
                               problem: checkpoint.failure, abandoned: true).description
        }
        defer { options.interruption?.allowForcedStop(nil) }
        do {
            try run(plan, units: units, results: results, checkpoint: checkpoint, done: done, label: label, options: options)
        } catch {
            checkpoint.remove(onlyIfCreatedHere: true)
            throw error
        }
        try checkInterruption(options, checkpoint: checkpoint, completed: results.completed(in: units), total: units.count)
        return (results, checkpoint)
    }

    private static func run(_ plan: ReplicatePlan, units: Range<Int>, results: ReplicateResults, checkpoint: Checkpoint,
                            done: DoneCount, label: String, options: SimulationOptions) throws {
        guard done.value < units.count else { return }
        let reporter = options.progress ? ProgressReporter(label: label, total: units.count) : nil
        defer { reporter?.finish() }
        reporter?.update(completed: done.value)
        var shared: World?
        var sources: [Int: World] = [:]   // worldSource's built worlds, by simulation
        let simulations = (units.lowerBound / plan.replicates) ... ((units.upperBound - 1) / plan.replicates)
        for i in simulations {
            let replicates = results.missing(simulation: i, in: units)
            if replicates.isEmpty { continue }
            if options.interruption?.isRequested == true { return }
            let world: World
            if plan.sharesWorld {
                if shared == nil { shared = try World.build(plan.scenarios[0]) }
                world = shared!.withBoosts(of: plan.scenarios[i])
            } else if let source = plan.worldSource?[i] {
                if sources[source] == nil { sources[source] = try World.build(plan.scenarios[source]) }
                world = source == i ? sources[source]! : sources[source]!.withParameters(of: plan.scenarios[i])
            } else {
                world = try World.build(plan.scenarios[i])
            }
            precondition(world.layout == plan.layout(i), "World.layout must equal MetricLayout(scenario)")
            results.prepare(i)
            let first = i * plan.replicates
            let marks = UnitMarks(results)
            Simulation.run(world, replicates: replicates, into: &results.values[i], threads: options.threads,
                           stop: options.interruption) { r, slice in
                checkpoint.append(unit: first + r, values: UnsafeBufferPointer(slice))
                let n = done.increment { marks.markDone(first + r) }
                reporter?.update(completed: n)
            }
        }
    }

    /// Throws `Interrupted` if a stop was requested.
    static func checkInterruption(_ options: SimulationOptions, checkpoint: Checkpoint, completed: Int, total: Int) throws {
        guard let signal = options.interruption?.signal else { return }
        checkpoint.flush()
        throw Interrupted(signal: signal, completed: completed, total: total,
                          checkpoint: checkpoint.saved > 0 && checkpoint.failure == nil ? checkpoint.folder : nil,
                          problem: checkpoint.failure)
    }

    /// Commits the output unless a stop was requested, then removes the checkpoint.
    static func commit(_ manifest: Manifest, to output: OutputTransaction, checkpoint: Checkpoint, total: Int,
                       options: SimulationOptions) throws {
        try checkInterruption(options, checkpoint: checkpoint, completed: total, total: total)
        try output.commit(manifest: try manifest.jsonBytes())
        checkpoint.remove()
    }
}

/// Units done, counted by the workers; also guards marking them done in the results.
private final class DoneCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count: Int
    init(_ count: Int) { self.count = count }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    /// Runs `mark` and counts one more, under the lock; returns the new count.
    func increment(_ mark: () -> Void) -> Int {
        lock.lock()
        defer { lock.unlock() }
        mark()
        count += 1
        return count
    }
}

/// Lets the workers mark units done in the results (under `DoneCount`'s lock; the workers'
/// writes to `values` are to disjoint slices).
private struct UnitMarks: @unchecked Sendable {
    let results: ReplicateResults
    init(_ results: ReplicateResults) { self.results = results }
    func markDone(_ unit: Int) { results.markDone(unit) }
}

/// A run stopped by SIGINT or SIGTERM before its files were written.
public struct Interrupted: Error, CustomStringConvertible, Sendable {
    /// SIGINT or SIGTERM.
    public let signal: Int32
    /// Replicates (units) done of those this run had to do.
    public let completed: Int
    public let total: Int
    /// The checkpoint folder holding them, nil when none could be kept.
    public let checkpoint: String?
    /// Why the checkpoint could not be written, if it could not.
    public let problem: String?
    /// True when the process ends without waiting for the replicates in progress.
    public var abandoned = false

    public init(signal: Int32, completed: Int, total: Int, checkpoint: String?, problem: String?, abandoned: Bool = false) {
        self.signal = signal
        self.completed = completed
        self.total = total
        self.checkpoint = checkpoint
        self.problem = problem
        self.abandoned = abandoned
    }

    /// 130 for SIGINT, 143 for SIGTERM: the shell's code for a command killed by that signal.
    public var exitCode: Int32 { 128 + signal }

    public var description: String {
        let name = signal == SIGTERM ? "SIGTERM" : signal == SIGINT ? "SIGINT" : "signal \(signal)"
        var text = "interrupted by \(name) after \(completed) of \(total) replicates"
            + (abandoned ? " (the replicates in progress were abandoned)" : "") + "; no output file was written"
        if let checkpoint {
            text += "; rerun the same command with --resume to continue from the checkpoint in \(checkpoint)"
        } else if let problem {
            text += "; the checkpoint could not be kept (\(problem))"
        }
        return text
    }
}
