import Foundation

/// Runs a plan's units, all of them or one shard's, with a checkpoint: `--resume` continues from
/// it, and SIGINT or SIGTERM stops the workers after their current replicate, flushes it and
/// throws `Interrupted` before any output file is written.
enum PlanRunner {
    /// How the manifest and the report describe a run: what ran it, for how long, and where its
    /// files went.
    struct Record {
        let threads: Int
        /// The engine that computed the results, and what `--engine` asked for.
        let engine: EngineKind
        let engineRequested: EngineChoice
        let command: [String]
        /// The output directory as given.
        let directory: String
        /// Seconds so far, read when the manifest is made.
        let seconds: () -> Double

        /// A run of this process started at `start`, computed by `engine`.
        init(options: SimulationOptions, engine: EngineKind, start: DispatchTime) {
            self.init(threads: options.threads, engine: engine, engineRequested: options.engine, command: options.command,
                      directory: options.outputDirectory) {
                PlanRunner.seconds(since: start)
            }
        }

        init(threads: Int, engine: EngineKind, engineRequested: EngineChoice, command: [String], directory: String,
             seconds: @escaping () -> Double) {
            self.threads = threads
            self.engine = engine
            self.engineRequested = engineRequested
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
        let (results, checkpoint, engine) = try simulate(plan, units: 0..<plan.units, shard: nil, label: label, options: options)
        let (report, manifest) = try write(results, output, Record(options: options, engine: engine, start: start))
        try commit(manifest, to: output, checkpoint: checkpoint, total: plan.units, options: options)
        return report
    }

    /// The engine every simulation of `plan` runs, so that a comparison, a sweep or a study
    /// compares results of one sampler: `exact` and `grouped` as asked; `auto` resolved for the
    /// world of the first simulation (a comparison's base, a sweep's first variant, a study's
    /// first point), which is built for that and returned, to be reused.
    static func engine(for plan: ReplicatePlan, choice: EngineChoice) throws -> (engine: EngineKind, world: World?) {
        switch choice {
        case .exact: return (.exact, nil)
        case .grouped: return (.grouped, nil)
        case .auto:
            let world = try World.build(plan.scenarios[0])
            return (try choice.resolve(for: world), world)
        }
    }

    /// Resolves the engine (`engine(for:choice:)`), opens the checkpoint of the plan as run by it
    /// (resuming if asked) and computes the missing units of `units`.
    ///
    /// - Throws: `Interrupted` when a stop was requested (the checkpoint is flushed first);
    ///   `CheckpointError` (a checkpoint of another engine is other work); the errors of building
    ///   worlds (the checkpoint is then removed if this run created it: the same scenario would
    ///   fail again).
    static func simulate(_ plan: ReplicatePlan, units: Range<Int>, shard: Shard?, label: String,
                         options: SimulationOptions) throws -> (ReplicateResults, Checkpoint, EngineKind) {
        defer { options.interruption?.allowForcedStop(nil) }
        if options.engine == .auto {
            // The first world is built before the checkpoint is open: a stop not honoured in time
            // ends the process then, with nothing computed (a checkpoint found there is untouched).
            let folder = (options.outputDirectory as NSString).appendingPathComponent(Checkpoint.folderName)
            options.interruption?.allowForcedStop { signal in
                Interrupted(signal: signal, completed: 0, total: units.count,
                            checkpoint: FileManager.default.fileExists(atPath: folder) ? folder : nil, problem: nil,
                            abandoned: true).description
            }
        }
        let engine: EngineKind
        var first: World?   // released by `run` once used
        (engine, first) = try Self.engine(for: plan, choice: options.engine)
        let plan = plan.running(engine)
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
        do {
            try run(plan, units: units, engine: engine, first: &first, results: results, checkpoint: checkpoint, done: done,
                    label: label, options: options)
        } catch {
            checkpoint.remove(onlyIfCreatedHere: true)
            throw error
        }
        try checkInterruption(options, checkpoint: checkpoint, completed: results.completed(in: units), total: units.count)
        return (results, checkpoint, engine)
    }

    /// - Parameter first: the first simulation's world when it is already built (`auto`), else
    ///   nil; taken (set to nil) so that it is released as soon as it is no longer needed.
    private static func run(_ plan: ReplicatePlan, units: Range<Int>, engine: EngineKind, first: inout World?,
                            results: ReplicateResults, checkpoint: Checkpoint, done: DoneCount, label: String,
                            options: SimulationOptions) throws {
        // World.build(plan.scenarios[0]) is the shared world, the first source, or the first world.
        var shared: World?
        var sources: [Int: World] = [:]   // worldSource's built worlds, by simulation
        var firstWorld: World?            // kept only if simulation 0 has replicates to run
        if plan.sharesWorld {
            shared = first
        } else if plan.worldSource != nil {
            if let first { sources[0] = first }
        } else if !results.missing(simulation: 0, in: units).isEmpty {
            firstWorld = first
        }
        first = nil
        guard done.value < units.count else { return }
        let reporter = options.progress ? ProgressReporter(label: label, total: units.count) : nil
        defer { reporter?.finish() }
        reporter?.update(completed: done.value)
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
            } else if i == 0, let built = firstWorld {
                world = built
                firstWorld = nil
            } else {
                world = try World.build(plan.scenarios[i])
            }
            precondition(world.layout == plan.layout(i), "World.layout must equal MetricLayout(scenario)")
            // The engine was chosen on the first world; another may have more accounts than groups count.
            if engine == .grouped, let reason = GroupedAudience.unsupportedReason(world) {
                throw WorldError("\(plan.scenarios[i].name): \(reason)")
            }
            results.prepare(i)
            let first = i * plan.replicates
            let marks = UnitMarks(results)
            Simulation.run(world, replicates: replicates, into: &results.values[i], threads: options.threads,
                           engine: engine, stop: options.interruption) { r, slice in
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
