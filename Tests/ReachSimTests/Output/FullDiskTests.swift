import Foundation
import Testing

/// A write that fails halfway (file-size limit, full disk, read-only file system): the command
/// exits 74 with the system's reason, and the output directory holds no partial file, no
/// temporary and no manifest; an earlier complete result is left as it was.
@Suite struct FullDiskTests {
    /// 200 replicates of the bad-input scenario: weekly.csv is about 150 KB.
    static func scenarioDirectory() throws -> URL {
        let dir = TestScenarios.temporaryDirectory()
        try BadInputTests.scenario([("replicates: 2", "replicates: 200")])
            .write(to: dir.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    /// The visible files of `dir`: the hidden `.reachsim-checkpoint` of completed replicates stays
    /// for `--resume` (it never looks like a result; see docs/output-format.md, Checkpoints).
    static func contents(_ dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0 != ".reachsim-checkpoint" }.sorted()
    }

    /// Runs `reachsim ARGS` with a file-size limit of `blocks` KiB (`ulimit -f`) and SIGXFSZ at
    /// its default action (killing the process), unblocked, as in a shell: the test runner's
    /// threads block signals, and a child would inherit that. Python sets all three, then execs.
    static func runLimited(blocks: Int, _ arguments: [String], in dir: URL) throws -> CommandRunner.Output {
        let limit = """
            import os, resource, signal, sys
            signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_SETMASK, [])
            resource.setrlimit(resource.RLIMIT_FSIZE, (\(blocks * 1024), \(blocks * 1024)))
            os.execv(sys.argv[1], sys.argv[1:])
            """
        return try CommandRunner.run(tool: URL(fileURLWithPath: "/usr/bin/env"),
                                     ["python3", "-c", limit, CommandRunner.executable.path] + arguments, in: dir)
    }

    @Test func fileSizeLimitIsAnErrorNotACrash() throws {
        let dir = try Self.scenarioDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try Self.runLimited(blocks: 16, ["run", "s.yaml", "--out", "out"], in: dir)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: cannot write /"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("/out/weekly.csv: File too large\n"), "\(result.stderr)")
        #expect(Self.contents(dir.appendingPathComponent("out")) == [])
    }

    /// The earlier result keeps its files and its manifest; nothing of the failed run remains.
    @Test func earlierResultSurvivesAFailedRun() throws {
        let dir = try Self.scenarioDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try CommandRunner.run(["run", "s.yaml", "--replicates", "2", "--out", "out"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let out = dir.appendingPathComponent("out")
        let before = try Self.contents(out).map { try Data(contentsOf: out.appendingPathComponent($0)) }
        let result = try Self.runLimited(blocks: 16, ["run", "s.yaml", "--out", "out"], in: dir)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(Self.contents(out) == ["accounts.csv", "manifest.json", "scenario.yaml", "summary.csv", "weekly.csv"])
        let after = try Self.contents(out).map { try Data(contentsOf: out.appendingPathComponent($0)) }
        #expect(after == before)
    }

    // MARK: - Real file systems (root only: a small tmpfs)

    /// Whether this process may mount a tmpfs (root in CI; skipped elsewhere).
    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        guard (try? mount(dir, options: "size=64k")) == true else { return false }
        unmount(dir)
        return true
    }()

    @discardableResult
    static func mount(_ dir: URL, options: String) throws -> Bool {
        try shell("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir.path]) == 0
    }

    static func unmount(_ dir: URL) {
        _ = try? shell("/bin/umount", [dir.path])
    }

    static func shell(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.enabled(if: canMount, "needs root to mount a tmpfs"))
    func fullDisk() throws {
        let dir = try Self.scenarioDirectory()
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { Self.unmount(out); try? FileManager.default.removeItem(at: dir) }
        try #require(try Self.mount(out, options: "size=64k"))
        let result = try CommandRunner.run(["run", "s.yaml", "--out", "out"], in: dir)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("/out/weekly.csv: No space left on device\n"), "\(result.stderr)")
        #expect(Self.contents(out) == [])
    }

    @Test(.enabled(if: canMount, "needs root to mount a tmpfs"))
    func readOnlyFileSystemIsRefusedBeforeRunning() throws {
        let dir = try Self.scenarioDirectory()
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { Self.unmount(out); try? FileManager.default.removeItem(at: dir) }
        try #require(try Self.mount(out, options: "ro,size=64k"))
        let result = try CommandRunner.run(["run", "s.yaml", "--replicates", "100000", "--out", "out/run"], in: dir)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("cannot create output directory \(dir.path)/out/run: Read-only file system")
                || result.stderr.contains("out/run: Read-only file system"), "\(result.stderr)")
    }
}
