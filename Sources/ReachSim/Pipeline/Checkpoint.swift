#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The replicates an unfinished run has completed, kept in the hidden folder
/// `.reachsim-checkpoint` of its output directory so that `--resume` computes only the rest.
///
/// Two files: `checkpoint.json` (what the run is: its `PlanIdentity`, shard and units, written
/// atomically before any record) and `replicates.bin` (`ReplicateRecords`, one record appended as
/// each replicate completes, so even a killed run keeps all but the replicate being appended).
/// The folder appears with the first completed replicate and is removed once the run's files are
/// committed; a run that has it and is not told `--resume` refuses to start, so hours of work are
/// never discarded silently.
///
/// Thread-safe: workers append concurrently.
final class Checkpoint: @unchecked Sendable {
    static let folderName = ".reachsim-checkpoint"

    /// What `checkpoint.json` holds.
    struct Header: Codable, Equatable {
        var plan: PlanIdentity
        var shard: Shard?
        var firstUnit: Int
        var endUnit: Int

        enum CodingKeys: String, CodingKey {
            case plan, shard
            case firstUnit = "first_unit"
            case endUnit = "end_unit"
        }
    }

    let folder: String
    let header: Header
    private let lock = NSLock()
    private var fd: Int32 = -1
    /// Why appending stopped (disk full...); the run goes on, but cannot be resumed from here.
    private(set) var failure: String?
    /// Records in the folder (read at resume plus appended since).
    private(set) var saved = 0
    /// Whether this process created the folder (it removes it again when the run fails on bad input).
    private var createdHere = false

    private var headerPath: String { folder + "/checkpoint.json" }
    private var recordsPath: String { folder + "/replicates.bin" }

    private init(folder: String, header: Header) {
        self.folder = folder
        self.header = header
    }

    deinit { if fd >= 0 { close(fd) } }

    /// The checkpoint of a run writing to `directory`. With `resume`, completed units found there
    /// are loaded into `results`; without, a checkpoint found there is an error.
    ///
    /// - Throws: `CheckpointError` when a checkpoint exists without `resume`, or belongs to other
    ///   work (naming what differs), or cannot be read.
    static func open(directory: String, header: Header, resume: Bool, into results: ReplicateResults) throws -> Checkpoint {
        let checkpoint = Checkpoint(folder: (directory as NSString).appendingPathComponent(folderName), header: header)
        try checkpoint.load(resume: resume, into: results)
        return checkpoint
    }

    private func load(resume: Bool, into results: ReplicateResults) throws {
        guard let headerBytes = FileManager.default.contents(atPath: headerPath) else {
            if FileManager.default.fileExists(atPath: folder) {
                // Created but killed before its header was in place: nothing to resume.
                try? FileManager.default.removeItem(atPath: folder)
            }
            return
        }
        let existing = FileManager.default.contents(atPath: recordsPath).map { [UInt8]($0) }
        let records = existing ?? ReplicateRecords.magic
        guard resume else {
            var n = 0
            _ = try? ReplicateRecords.forEach(in: records, file: recordsPath) { _, _ in n += 1 }
            throw CheckpointError(usage: true, """
                \(folder) holds the checkpoint of an interrupted run (\(n) replicates done); rerun with --resume \
                to continue it, or remove that folder to start over
                """)
        }
        let found: Header
        do { found = try JSONDecoder().decode(Header.self, from: headerBytes) } catch {
            throw CheckpointError(usage: false, "\(headerPath) cannot be read (\(error)); remove \(folder) to start over")
        }
        var differences = found.plan.differences(from: header.plan, "checkpoint", "this run")
        if found.shard != header.shard {
            differences.append("shard (checkpoint: \(found.shard?.description ?? "none"), this run: \(header.shard?.description ?? "none"))")
        }
        guard differences.isEmpty else {
            throw CheckpointError(usage: false, """
                the checkpoint in \(folder) is for other work: \(differences.joined(separator: "; ")); \
                rerun with the same scenario and options, or remove that folder to start over
                """)
        }
        let units = header.firstUnit ..< header.endUnit
        let valid: Int
        do {
            valid = try ReplicateRecords.forEach(in: records, file: recordsPath) { unit, values in
                try results.store(unit: unit, values: values, allowed: units, source: recordsPath)
                saved += 1
            }
        } catch let error as ReplicateRecordsError {
            throw CheckpointError(usage: false, "\(error.description); remove \(folder) to start over")
        }
        // Append after the last whole record (a killed run may have left half of one).
        fd = posixOpen(recordsPath, O_WRONLY | O_CREAT | O_CLOEXEC)
        var ok = fd >= 0 && ftruncate(fd, off_t(existing == nil ? 0 : valid)) == 0 && lseek(fd, 0, SEEK_END) >= 0
        if ok && existing == nil { ok = Self.writeAll(fd, ReplicateRecords.magic) == nil }
        if !ok {
            throw CheckpointError(usage: false, "cannot continue \(recordsPath): \(OutputError.reason(errno))")
        }
    }

    /// Appends one completed unit. Failures are remembered, not thrown: a checkpoint that cannot
    /// be written must not stop a run that can still finish.
    func append(unit: Int, values: UnsafeBufferPointer<Double>) {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil else { return }
        if fd < 0 && !create() { return }
        let bytes = ReplicateRecords.encode(unit: unit, values: values)
        if let why = Self.writeAll(fd, bytes) {
            failure = "cannot append to \(recordsPath): \(why)"
            return
        }
        saved += 1
    }

    /// Makes the folder, the header and an empty records file. Must hold `lock`.
    private func create() -> Bool {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try OutputTransaction.writeFile([UInt8](try encoder.encode(header)) + [10], to: headerPath)
            createdHere = true
            fd = posixOpen(recordsPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC)
            if fd < 0 { throw OutputError.system("cannot create", recordsPath, code: errno) }
            if let why = Self.writeAll(fd, ReplicateRecords.magic) {
                throw OutputError(path: recordsPath, message: "cannot write \(recordsPath): \(why)")
            }
            return true
        } catch {
            failure = "\(error)"
            return false
        }
    }

    /// Pushes the records to the disk and takes the lock for good, so no worker appends after
    /// it: for a process about to end while workers still run.
    func freeze() {
        lock.lock()
        if fd >= 0 { fsync(fd) }
    }

    /// Pushes appended records to the disk (before exiting on a signal).
    func flush() {
        lock.lock()
        defer { lock.unlock() }
        if fd >= 0 { fsync(fd) }
    }

    /// Removes the folder: after the run's files are committed, or when this process created it
    /// and the run failed on bad input (resuming could not help).
    func remove(onlyIfCreatedHere: Bool = false) {
        lock.lock()
        defer { lock.unlock() }
        if onlyIfCreatedHere && !createdHere { return }
        if fd >= 0 { close(fd); fd = -1 }
        unlink(recordsPath)
        unlink(headerPath)
        rmdir(folder)
    }

    /// Nil, or why writing failed.
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        let code = OutputTransaction.writeAll(bytes, to: fd)
        return code == 0 ? nil : OutputError.reason(code)
    }
}

/// A checkpoint that stands in the way of a run or cannot be used.
public struct CheckpointError: Error, CustomStringConvertible, Sendable {
    public let description: String
    /// True when the fix is an option (`--resume`), false when the checkpoint itself is the problem.
    public let isUsage: Bool
    init(usage: Bool, _ message: String) {
        isUsage = usage
        description = message
    }
}

/// POSIX `open`, named apart from `Checkpoint.open`.
private func posixOpen(_ path: String, _ flags: Int32) -> Int32 { open(path, flags, 0o644) }
