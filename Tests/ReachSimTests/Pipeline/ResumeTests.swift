import Foundation
import Testing
@testable import ReachSim
@testable import reachsim

/// A run stopped part-way keeps its completed replicates in a checkpoint; `--resume` computes
/// only the others and writes exactly the bytes of an uninterrupted run. (The real signals are
/// sent to the real command in `InterruptionTests`.)
@Suite struct ResumeTests {
    static let replicates = 7

    /// A checkpoint in `out` holding `done` replicates of the repro scenario, as a run stopped
    /// while appending would leave it: the last record cut short.
    static func partialCheckpoint(_ scenario: String, out: String, done: [Int]) throws {
        let prepared = try RunPipeline.prepare(scenarioPath: scenario, replicates: replicates, seed: nil)
        let plan = prepared.plan.running(.exact)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let checkpoint = try Checkpoint.open(
            directory: out, header: .init(plan: plan.identity, shard: nil, firstUnit: 0, endUnit: plan.units),
            resume: false, into: ReplicateResults(plan: plan))
        var values = [Double](repeating: 0, count: plan.units * plan.layout(0).perReplicate)
        Simulation.run(try World.build(plan.scenarios[0]), replicates: done, into: &values, threads: 2) { r, slice in
            checkpoint.append(unit: r, values: UnsafeBufferPointer(slice))
        }
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: out + "/.reachsim-checkpoint/replicates.bin"))
        try file.seekToEnd()
        try file.write(contentsOf: Data([5, 0, 0, 0, 0, 0, 0, 0, 9, 9]))  // half a record
        try file.close()
    }

    static func options(_ out: String, resume: Bool, seed: UInt64? = nil, engine: EngineChoice = .auto) -> SimulationOptions {
        SimulationOptions(replicates: replicates, seed: seed, threads: 2, outputDirectory: out, command: ["reachsim"], resume: resume,
                          engine: engine)
    }

    @Test func resumeGivesTheBytesOfAnUninterruptedRun() throws {
        let w = ShardMergeTests.Workspace()
        let scenario = try w.file("repro.yaml", ReproducibilityTests.scenarioText)
        let reference = w.path("reference"), resumed = w.path("resumed")
        _ = try RunPipeline.run(scenarioPath: scenario, options: Self.options(reference, resume: false))
        try Self.partialCheckpoint(scenario, out: resumed, done: [1, 4, 5])
        _ = try RunPipeline.run(scenarioPath: scenario, options: Self.options(resumed, resume: true))
        for name in ["weekly.csv", "summary.csv"] {
            #expect(try w.bytes(reference, name) == w.bytes(resumed, name), "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: resumed + "/.reachsim-checkpoint"), "checkpoint removed after the commit")
    }

    /// Without `--resume` a checkpoint is not overwritten: hours of work are never discarded silently.
    @Test func aCheckpointWithoutResumeIsRefused() throws {
        let w = ShardMergeTests.Workspace()
        let scenario = try w.file("repro.yaml", ReproducibilityTests.scenarioText)
        let out = w.path("out")
        try Self.partialCheckpoint(scenario, out: out, done: [0])
        #expect {
            try RunPipeline.run(scenarioPath: scenario, options: Self.options(out, resume: false))
        } throws: { error in
            (error as? CheckpointError)?.isUsage == true && "\(error)".contains("rerun with --resume")
                && "\(error)".contains("(1 replicates done)") && reachsim.ExitStatus.of(error) == .usage
        }
        #expect(FileManager.default.fileExists(atPath: out + "/.reachsim-checkpoint/replicates.bin"))
    }

    @Test func resumeRefusesTheCheckpointOfOtherWork() throws {
        let w = ShardMergeTests.Workspace()
        let scenario = try w.file("repro.yaml", ReproducibilityTests.scenarioText)
        let out = w.path("out")
        try Self.partialCheckpoint(scenario, out: out, done: [0, 2])
        #expect {
            try RunPipeline.run(scenarioPath: scenario, options: Self.options(out, resume: true, seed: 8))
        } throws: { error in
            "\(error)".contains("seed (checkpoint: 7, this run: 8)") && reachsim.ExitStatus.of(error) == .badInput
        }
    }

    /// Replicates of one engine are never completed by another's.
    @Test func resumeRefusesTheCheckpointOfAnotherEngine() throws {
        let w = ShardMergeTests.Workspace()
        let scenario = try w.file("repro.yaml", ReproducibilityTests.scenarioText)
        let out = w.path("out")
        try Self.partialCheckpoint(scenario, out: out, done: [0, 2])
        #expect {
            try RunPipeline.run(scenarioPath: scenario, options: Self.options(out, resume: true, engine: .grouped))
        } throws: { error in
            "\(error)".contains("engine (checkpoint: exact, this run: grouped)") && reachsim.ExitStatus.of(error) == .badInput
        }
    }

    /// `--resume` with no checkpoint simply runs (a Slurm task resubmitted before it saved anything).
    @Test func resumeWithoutACheckpointRuns() throws {
        let w = ShardMergeTests.Workspace()
        let scenario = try w.file("repro.yaml", ReproducibilityTests.scenarioText)
        _ = try RunPipeline.run(scenarioPath: scenario, options: Self.options(w.path("out"), resume: true))
        #expect(FileManager.default.fileExists(atPath: w.path("out") + "/manifest.json"))
    }

    /// A stop requested before the first replicate: nothing computed, nothing written, and the
    /// exit status tells SIGINT from SIGTERM.
    @Test(arguments: [(SIGINT, reachsim.ExitStatus.interrupted), (SIGTERM, reachsim.ExitStatus.terminated)])
    func aStoppedRunWritesNothing(_ signal: Int32, _ status: reachsim.ExitStatus) throws {
        let w = ShardMergeTests.Workspace()
        let scenario = try w.file("repro.yaml", ReproducibilityTests.scenarioText)
        let out = w.path("out")
        let stop = Interruption()
        stop.request(signal: signal)
        var options = Self.options(out, resume: false)
        options.interruption = stop
        #expect {
            try RunPipeline.run(scenarioPath: scenario, options: options)
        } throws: { error in
            guard let e = error as? Interrupted else { return false }
            return e.completed == 0 && e.total == Self.replicates && e.checkpoint == nil && reachsim.ExitStatus.of(e) == status
                && status.rawValue == 128 + signal
        }
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).isEmpty)
    }
}
