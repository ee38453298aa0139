#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes the files of one run into an output directory so that a result never looks complete
/// when it is not.
///
/// `manifest.json` is the mark of a complete result: it exists only if every data file listed in
/// it was written in full. The protocol:
/// 1. `init` creates the directory if needed and proves it writable with a probe file, so a bad
///    `--output` fails before hours of simulation, not after.
/// 2. `stage` writes each data file to a hidden temporary `.NAME.partial-<pid>` in the same
///    directory (same file system, so the rename below is atomic) and fsyncs it.
/// 3. `commit` removes the old `manifest.json`, renames the staged files into place, then writes
///    the new manifest the same way, last. The directory is fsynced between these steps, so
///    even after a power cut the manifest never outlives or precedes the files it describes.
///
/// If anything fails, or the transaction is abandoned or discarded without a commit, the
/// temporaries are removed. A commit that fails midway may leave some new data files in place,
/// but never a manifest: readers must trust a directory only when `manifest.json` is present,
/// and only the files it lists (files of older runs that this run did not write are left alone).
///
/// Not thread-safe: one transaction belongs to the thread that writes the run's output.
public final class OutputTransaction {
    /// The name of the file that marks a complete result.
    public static let manifestName = "manifest.json"

    /// The output directory.
    public let directory: URL

    /// Files staged so far, in staging order (final names).
    public private(set) var stagedNames: [String] = []

    private var state: State = .open
    private enum State { case open, committed, abandoned }

    /// Test seam: after this many renames of staged files, `commit` fails as if the next rename
    /// had failed, to check that an interrupted commit leaves no manifest and no temporaries.
    var failAfterRenames: Int?

    /// Creates `directory` (and missing parents) if needed and checks it is writable by creating
    /// and removing a probe file.
    ///
    /// - Throws: `OutputError` naming the directory, e.g.
    ///   `cannot create output directory /etc/hostname/sub: Not a directory`.
    public init(directory: URL) throws {
        self.directory = directory.standardizedFileURL
        Self.fileSizeLimitIsAnError
        try Self.prepare(directory: self.directory.path)
    }

    /// A write past the file-size limit (`ulimit -f`) raises SIGXFSZ, which kills the process and
    /// leaves its temporaries behind; ignored, the write fails with EFBIG ("File too large") and
    /// the run ends like on a full disk: an error, temporaries removed, no manifest.
    private static let fileSizeLimitIsAnError: Void = { _ = signal(SIGXFSZ, SIG_IGN) }()

    deinit {
        if state == .open { removeTemporaries() }
    }

    /// Writes `bytes` now to the temporary file for `name` and fsyncs it; staging the same name
    /// again replaces the earlier contents.
    ///
    /// - Parameter name: a plain file name (no `/`, not hidden), not `manifest.json`.
    /// - Returns: the file's manifest entry (size and SHA-256), for `Manifest.files`.
    /// - Throws: `OutputError` (`cannot write /path/out/weekly.csv: No space left on device`);
    ///   the temporary is removed and the transaction stays open without that file.
    @discardableResult
    public func stage(_ name: String, bytes: [UInt8]) throws -> Manifest.DataFile {
        precondition(state == .open, "OutputTransaction: stage after commit or abandon")
        try Self.checkName(name, in: directory.path)
        guard name != Self.manifestName else {
            throw OutputError(path: path(of: name),
                              message: "cannot stage \(path(of: name)): \(Self.manifestName) is written by commit(manifest:)")
        }
        do {
            try Self.writeDurably(bytes, to: temporaryPath(of: name), reportedAs: path(of: name))
        } catch {
            stagedNames.removeAll { $0 == name }
            throw error
        }
        if !stagedNames.contains(name) { stagedNames.append(name) }
        return Manifest.DataFile(name: name, contents: bytes)
    }

    /// Makes the staged files the directory's result, with `manifest` as `manifest.json`.
    ///
    /// Order: remove the old manifest, rename every staged file into place, write the new manifest
    /// through its own temporary (fsyncing the directory after each step). On failure the remaining temporaries are
    /// removed and the transaction is over.
    public func commit(manifest: [UInt8]) throws {
        precondition(state == .open, "OutputTransaction: commit after commit or abandon")
        let dir = directory.path
        do {
            let manifestPath = path(of: Self.manifestName)
            if unlink(manifestPath) != 0 {
                let code = errno
                if code != ENOENT { throw OutputError.system("cannot remove old", manifestPath, code: code) }
            } else {
                try Self.syncDirectory(dir)  // the removal must reach the disk before any new file
            }
            for (i, name) in stagedNames.enumerated() {
                let (from, to) = (temporaryPath(of: name), path(of: name))
                if let limit = failAfterRenames, i >= limit {
                    throw OutputError(path: to, message: "cannot rename into \(to): injected failure")
                }
                if rename(from, to) != 0 {
                    throw OutputError.system("cannot rename into", to, code: errno)
                }
            }
            try Self.syncDirectory(dir)  // every data file in place before the manifest appears
            let manifestTemporary = temporaryPath(of: Self.manifestName)
            try Self.writeDurably(manifest, to: manifestTemporary, reportedAs: manifestPath)
            if rename(manifestTemporary, manifestPath) != 0 {
                let code = errno
                unlink(manifestTemporary)
                throw OutputError.system("cannot rename into", manifestPath, code: code)
            }
            try Self.syncDirectory(dir)
            state = .committed
        } catch {
            abandon()
            throw error
        }
    }

    /// Removes the temporaries and ends the transaction; the directory keeps what it had.
    /// Called from `deinit` when a transaction is dropped without a commit. Idempotent.
    public func abandon() {
        guard state == .open else { return }
        removeTemporaries()
        state = .abandoned
    }

    // MARK: Paths

    private func path(of name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// `.NAME.partial-<pid>`: hidden, and unique per process so concurrent runs do not collide.
    func temporaryPath(of name: String) -> String {
        directory.appendingPathComponent(".\(name).partial-\(getpid())").path
    }

    private func removeTemporaries() {
        for name in stagedNames { unlink(temporaryPath(of: name)) }
        unlink(temporaryPath(of: Self.manifestName))
    }

    private static func checkName(_ name: String, in dir: String) throws {
        if name.isEmpty || name.contains("/") || name.hasPrefix(".") || name.utf8.contains(0) {
            throw OutputError(path: dir, message: "invalid output file name \"\(name)\" in \(dir): expected a plain, non-hidden file name")
        }
    }

    // MARK: POSIX

    /// `mkdir -p`, then a probe file.
    static func prepare(directory dir: String) throws {
        if let (failedAt, code) = makeDirectories(dir) {
            let at = failedAt == dir ? "" : " (at \(failedAt))"
            throw OutputError(path: dir, message: "cannot create output directory \(dir)\(at): \(OutputError.reason(code))")
        }
        let probe = (dir as NSString).appendingPathComponent(".reachsim-probe-\(getpid())")
        let fd = open(probe, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if fd < 0 {
            let why = OutputError.reason(errno)
            throw OutputError(path: dir, message: "output directory \(dir) is not writable: \(why)")
        }
        close(fd)
        if unlink(probe) != 0 {
            let why = OutputError.reason(errno)
            throw OutputError(path: dir, message: "output directory \(dir) is not writable: cannot remove \(probe): \(why)")
        }
    }

    /// `mkdir -p`: nil on success, else the path that failed and its errno.
    private static func makeDirectories(_ dir: String) -> (String, Int32)? {
        var info = stat()
        if stat(dir, &info) == 0 {
            return (info.st_mode & S_IFMT) == S_IFDIR ? nil : (dir, ENOTDIR)
        }
        let code = errno
        guard code == ENOENT else { return (dir, code) }
        let parent = (dir as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != dir, let failure = makeDirectories(parent) {
            return failure
        }
        if mkdir(dir, 0o755) != 0 {
            let code = errno
            if code != EEXIST { return (dir, code) }
        }
        return nil
    }

    /// Writes `bytes` to `path` (created or truncated), fsyncs and closes it; removes it on error.
    /// Errors name `reportedAs`, the file the user knows about, not the temporary.
    private static func writeDurably(_ bytes: [UInt8], to path: String, reportedAs shown: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw OutputError.system("cannot write", shown, code: errno) }
        var failure = writeAll(bytes, to: fd)
        if failure == 0, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(path)
            throw OutputError.system("cannot write", shown, code: failure)
        }
    }

    /// Writes all of `bytes` to `fd` (retrying short writes and EINTR); returns 0 or the errno.
    static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32 {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return 0
        }
    }

    /// Makes the renames durable. File systems that cannot fsync a directory (EINVAL) are accepted.
    private static func syncDirectory(_ dir: String) throws {
        let fd = open(dir, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw OutputError.system("cannot sync output directory", dir, code: errno) }
        defer { close(fd) }
        if fsync(fd) != 0 {
            let code = errno
            if code != EINVAL { throw OutputError.system("cannot sync output directory", dir, code: code) }
        }
    }

    /// Writes one file atomically: a hidden temporary beside it, fsync, then rename, so a reader
    /// never sees half a file (reports, notebooks).
    public static func writeFile(_ bytes: [UInt8], to path: String) throws {
        fileSizeLimitIsAnError
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        try prepare(directory: dir)
        let temporary = (dir as NSString).appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
        try writeDurably(bytes, to: temporary, reportedAs: path)
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw OutputError.system("cannot write", path, code: code)
        }
    }
}
