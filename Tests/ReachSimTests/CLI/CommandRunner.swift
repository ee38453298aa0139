import Foundation

/// Runs the built `reachsim` executable, as a user would.
struct CommandRunner {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The executable sits next to the test bundle in SwiftPM's products directory.
    static var executable: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("reachsim")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        for path in [".build/debug/reachsim", ".build/release/reachsim"] {
            let candidate = TestScenarios.packageRoot.appendingPathComponent(path)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        fatalError("reachsim executable not found near \(CommandLine.arguments[0])")
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Output {
        try run(tool: executable, arguments, in: directory)
    }

    /// Runs any program (a wrapper around `reachsim`, say) with its output captured.
    static func run(tool: URL, _ arguments: [String], in directory: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        // No terminal on stdin, as in CI: a command that would ask questions (`init`) does not.
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting, stderr on another thread: a child that fills one pipe
        // while the other is read (a sanitizer's report) would otherwise block for ever.
        let errors = PipeReader(err)
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = errors.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        Thread.detachNewThread { [self] in
            data = pipe.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the pipe carried, once its writer has closed it.
    func wait() -> Data {
        done.wait()
        return data
    }
}

#if canImport(Glibc)
import Glibc

extension CommandRunner {
    /// Runs the command and also returns its peak resident memory (bytes), from `wait4`'s
    /// resource usage of that very child (`ru_maxrss`), so tests that run in parallel do not mix.
    static func runMeasuringPeak(_ arguments: [String]) throws -> (Output, peak: Double) {
        let out = Pipe(), err = Pipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, out.fileHandleForWriting.fileDescriptor, 1)
        posix_spawn_file_actions_adddup2(&actions, err.fileHandleForWriting.fileDescriptor, 2)
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        guard code == 0 else { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO) }
        try out.fileHandleForWriting.close()
        try err.fileHandleForWriting.close()
        let errors = PipeReader(err)
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = errors.wait()
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (Output(status: exit, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self)),
                Double(usage.ru_maxrss) * 1024)
    }
}
#endif
