import Foundation
import Testing

/// SIGINT and SIGTERM sent to the real command: it stops promptly, writes no output file, says
/// what was done, exits 130 or 143, and `--resume` then gives the bytes of an uninterrupted run.
@Suite struct InterruptionTests {
    /// About 24 replicates of a fraction of a second each in a debug build.
    static let scenario = ReproducibilityTests.scenarioText
        .replacingOccurrences(of: "horizon_weeks: 4", with: "horizon_weeks: 13")
        .replacingOccurrences(of: "replicates: 6", with: "replicates: 24")
        .replacingOccurrences(of: "size: 6000", with: "size: 20000")

    @Test func signalsStopCleanlyAndResumeCompletes() throws {
        let w = ShardMergeTests.Workspace()
        let path = try w.file("long.yaml", Self.scenario)
        let reference = w.path("reference")
        let full = try CommandRunner.run(["run", path, "--threads", "2", "--out", reference, "--quiet"])
        #expect(full.status == 0, "\(full.stderr)")
        for (signal, name, status) in [(SIGINT, "SIGINT", Int32(130)), (SIGTERM, "SIGTERM", Int32(143))] {
            let out = w.path("out-\(name)")
            let arguments = ["run", path, "--threads", "2", "--out", out, "--quiet"]
            let (stopped, seconds) = try Self.interrupt(arguments, with: signal, once: out + "/.reachsim-checkpoint/replicates.bin")
            #expect(stopped.status == status, "\(stopped.stderr)")
            #expect(stopped.stderr.hasPrefix("interrupted by \(name) after "), "\(stopped.stderr)")
            #expect(stopped.stderr.contains("rerun the same command with --resume"), "\(stopped.stderr)")
            let done = stopped.stderr.split(separator: " ").dropFirst(4).first.flatMap { Int($0) } ?? -1
            #expect((1..<24).contains(done), "stopped part-way: \(stopped.stderr)")
            // Workers finish the replicate they are on or are abandoned after a 1 s grace period;
            // the bound is loose for a loaded machine, the point is "not the whole run".
            #expect(seconds < 5, "took \(seconds) s to stop")
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
    /// cannot stop half-way: after the 1 s grace the process ends anyway, with nothing written.
    @Test func aStopDuringWorldBuildingEndsAfterTheGrace() throws {
        let w = ShardMergeTests.Workspace()
        let scenario = TestScenarios.packageRoot.appendingPathComponent("scenarios/museum-baseline.yaml").path
        let out = w.path("out")
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["run", scenario, "--out", out, "--quiet"]
        let err = Pipe()
        process.standardError = err
        try process.run()
        Thread.sleep(forTimeInterval: 1)  // past argument parsing, which installs the handlers
        let sent = Date()
        kill(process.processIdentifier, SIGINT)
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(sent)
        #expect(process.terminationStatus == 130, "\(text)")
        #expect(text.contains("interrupted by SIGINT after 0 of 200 replicates (the replicates in progress were abandoned)"), "\(text)")
        #expect(seconds < 5, "took \(seconds) s to stop")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).isEmpty)
    }

    /// Starts the command, sends `signal` once `file` holds a completed replicate, and returns
    /// its output and the seconds from the signal to its exit.
    static func interrupt(_ arguments: [String], with signal: Int32, once file: String) throws -> (CommandRunner.Output, Double) {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline && process.isRunning {
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            if size > 8 { break }  // the magic and at least part of one record
            Thread.sleep(forTimeInterval: 0.02)
        }
        let sent = Date()
        kill(process.processIdentifier, signal)
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(sent)
        return (CommandRunner.Output(status: process.terminationStatus, stdout: "", stderr: String(decoding: e, as: UTF8.self)), seconds)
    }
}
