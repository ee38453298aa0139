import Foundation
import Testing
@testable import ReachSim

/// SIGINT and SIGTERM sent to the real command: it stops promptly, writes no output file, says
/// what was done, exits 130 or 143, and `--resume` then gives the bytes of an uninterrupted run.
@Suite struct InterruptionTests {
    /// 24 replicates of about a tenth of a second of CPU each, long enough that the signal's
    /// handler thread, woken on a loaded machine, runs before the workers are through many more
    /// (the bound below). The optimised build of the sanitizer pass is about 5 times faster per
    /// replicate than a debug build, so it simulates more: at 13 weeks of 20,000 people, its
    /// replicates of 4 ms let a busy CI machine finish 5 more before the flag was set.
    #if DEBUG
    static let weeks = 26, people = 100_000
    #else
    static let weeks = 52, people = 150_000
    #endif
    static let scenario = ReproducibilityTests.scenarioText
        .replacingOccurrences(of: "horizon_weeks: 4", with: "horizon_weeks: \(weeks)")
        .replacingOccurrences(of: "replicates: 6", with: "replicates: 24")
        .replacingOccurrences(of: "size: 6000", with: "size: \(people)")

    @Test func signalsStopCleanlyAndResumeCompletes() throws {
        let w = ShardMergeTests.Workspace()
        let path = try w.file("long.yaml", Self.scenario)
        let reference = w.path("reference")
        let full = try CommandRunner.run(["run", path, "--threads", "2", "--out", reference, "--quiet"])
        #expect(full.status == 0, "\(full.stderr)")
        for (signal, name, status) in [(SIGINT, "SIGINT", Int32(130)), (SIGTERM, "SIGTERM", Int32(143))] {
            let out = w.path("out-\(name)")
            let arguments = ["run", path, "--threads", "2", "--out", out, "--quiet"]
            let (stopped, saved) = try Self.interrupt(arguments, with: signal, once: out + "/.reachsim-checkpoint/replicates.bin",
                                                      recordBytes: Self.recordBytes)
            #expect(stopped.status == status, "\(stopped.stderr)")
            #expect(stopped.stderr.hasPrefix("interrupted by \(name) after "), "\(stopped.stderr)")
            #expect(stopped.stderr.contains("rerun the same command with --resume"), "\(stopped.stderr)")
            let done = stopped.stderr.split(separator: " ").dropFirst(4).first.flatMap { Int($0) } ?? -1
            // Promptly, counted in replicates rather than seconds: the process was frozen when
            // `saved` replicates were in the checkpoint, and signalled while frozen. Each of the 2
            // workers may finish the replicate it was on, and take at most one more before the
            // signal's handler thread (woken at the same moment) sets the flag: at most
            // saved + 2 × 2 replicates, well short of the 24.
            #expect(done >= saved && done <= saved + 2 * 2, "\(saved) saved when signalled: \(stopped.stderr)")
            #expect((1..<24).contains(done), "stopped part-way: \(stopped.stderr)")
            let left = try FileManager.default.contentsOfDirectory(atPath: out)
            #expect(left == [".reachsim-checkpoint"], "\(left)")
            let resumed = try CommandRunner.run(arguments + ["--resume"])
            #expect(resumed.status == 0, "\(resumed.stderr)")
            for file in ["weekly.csv", "summary.csv", "scenario.yaml"] {
                #expect(try w.bytes(reference, file) == w.bytes(out, file), "\(name): \(file)")
            }
            #expect(!FileManager.default.fileExists(atPath: out + "/.reachsim-checkpoint"))
        }
    }

    /// Building the baseline museum's world (300,000 people) takes seconds in a debug build and
    /// cannot stop half-way: a signal during the build ends the process after the 1 s grace
    /// anyway, with nothing written. The optimised build of the sanitizer pass builds that world
    /// in under a second, sometimes before the grace is out (the stop is then the ordinary one):
    /// it builds the world of 1,500,000 people instead.
    @Test func aStopDuringWorldBuildingEndsAfterTheGrace() throws {
        let w = ShardMergeTests.Workspace()
        let baseline = TestScenarios.packageRoot.appendingPathComponent("scenarios/museum-baseline.yaml").path
        #if DEBUG
        let scenario = baseline
        #else
        let original = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(original.contains("  size: 300000\n"))
        let scenario = try w.file("museum-baseline.yaml",
                                  original.replacingOccurrences(of: "  size: 300000\n", with: "  size: 1500000\n"))
        #endif
        let out = w.path("out")
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["run", scenario, "--out", out, "--quiet"]
        let err = Pipe()
        process.standardError = err
        try process.run()
        // Events, not sleeps: the handlers are installed (SIGINT and SIGTERM caught or ignored),
        // then the world is being built — resident memory 32 MiB above what it was then (the
        // scenario and the estimate are small; the world of 300,000 people and three graphs
        // needs twice that or more while it is built, see the estimate below).
        let pid = process.processIdentifier
        while process.isRunning && !(Self.handles(pid, SIGINT) && Self.handles(pid, SIGTERM)) { usleep(5_000) }
        let before = Self.resident(pid)
        while process.isRunning && Self.resident(pid) < before + 32 * 1_048_576 { usleep(5_000) }
        kill(pid, SIGINT)
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(text)")
        // "abandoned" is only said by the forced stop after the grace: the process ended without
        // waiting for the world (or a replicate) to finish.
        #expect(text.contains("interrupted by SIGINT after 0 of 200 replicates (the replicates in progress were abandoned)"), "\(text)")
        let world = MemoryEstimate.run(try ScenarioLoader.load(path: scenario), threads: 2).world
        #expect(world > 2 * 32 * 1_048_576, "the build is what grows the memory: \(MemoryLimit.format(world))")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).isEmpty)
    }

    /// Bytes of one checkpoint record of `scenario`: unit, count, then the values
    /// (its weeks, 2 platforms, 2 segments, 2 accounts).
    static let recordBytes = 16 + 8 * MetricLayout(weeks: weeks, platforms: 2, segments: 2, accounts: 2).perReplicate

    /// Starts the command and, once `file` holds a whole replicate, freezes it (SIGSTOP), counts
    /// the whole records saved, sends `signal` and lets it go on (SIGCONT). Returns its output and
    /// the records counted while it was frozen. Waits on events only: no sleep decides anything.
    static func interrupt(_ arguments: [String], with signal: Int32, once file: String,
                          recordBytes: Int) throws -> (CommandRunner.Output, saved: Int) {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        func size() -> Int { (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0 }
        let whole = ReplicateRecords.magic.count + recordBytes
        while process.isRunning && size() < whole { usleep(10_000) }
        kill(process.processIdentifier, SIGSTOP)
        let saved = max(0, size() - ReplicateRecords.magic.count) / recordBytes
        kill(process.processIdentifier, signal)
        kill(process.processIdentifier, SIGCONT)
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (CommandRunner.Output(status: process.terminationStatus, stdout: "", stderr: String(decoding: e, as: UTF8.self)), saved)
    }

    /// Whether process `pid` no longer takes `signal`'s default action (its handlers are
    /// installed: `Interruption` ignores the default action and libdispatch's signal source
    /// catches it), from the SigIgn and SigCgt masks of /proc/PID/status.
    static func handles(_ pid: Int32, _ signal: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return false }
        func mask(_ name: String) -> UInt64 {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
            return UInt64(line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces), radix: 16) ?? 0
        }
        return (mask("SigIgn") | mask("SigCgt")) & (1 << UInt64(signal - 1)) != 0
    }

    /// Resident memory of process `pid` in bytes (VmRSS of /proc/PID/status), 0 if unknown.
    static func resident(_ pid: Int32) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kib = Double(line.split(separator: " ")[1]) else { return 0 }
        return kib * 1024
    }
}
