import Foundation
import Testing
@testable import ReachSim

@Suite struct AtomicOutputTests {
    /// A fresh, not yet existing directory under the system's temporary directory.
    private func scratch() -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("reachsim-output-tests-\(UUID().uuidString)")
    }

    private func contents(_ dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    private func read(_ dir: URL, _ name: String) -> [UInt8]? {
        FileManager.default.contents(atPath: dir.appendingPathComponent(name).path).map { [UInt8]($0) }
    }

    private func write(_ dir: URL, _ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    }

    @Test func commitWritesExactlyTheFiles() throws {
        let dir = scratch().appendingPathComponent("nested/out")  // parents are created too
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent().deletingLastPathComponent()) }
        let weekly = Array("week,reach\n1,10\n".utf8)
        let summary = Array("metric,mean\nreach,10\n".utf8)
        let tx = try OutputTransaction(directory: dir)
        #expect(contents(dir) == [])  // the probe is gone
        let entry = try tx.stage("weekly.csv", bytes: weekly)
        try tx.stage("summary.csv", bytes: summary)
        try tx.stage("empty.csv", bytes: [])
        #expect(entry == Manifest.DataFile(name: "weekly.csv", contents: weekly))
        // Before the commit only hidden temporaries exist.
        #expect(contents(dir).allSatisfy { $0.hasPrefix(".") && $0.contains(".partial-") })
        #expect(read(dir, "weekly.csv") == nil)
        try tx.commit(manifest: Array("{}\n".utf8))
        #expect(contents(dir) == ["empty.csv", "manifest.json", "summary.csv", "weekly.csv"])
        #expect(read(dir, "weekly.csv") == weekly)
        #expect(read(dir, "summary.csv") == summary)
        #expect(read(dir, "empty.csv") == [])
        #expect(read(dir, "manifest.json") == Array("{}\n".utf8))
    }

    @Test func commitReplacesAnOlderResult() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try write(dir, "weekly.csv", "old\n")
        try write(dir, "manifest.json", "old manifest\n")
        let tx = try OutputTransaction(directory: dir)
        try tx.stage("weekly.csv", bytes: Array("new\n".utf8))
        try tx.commit(manifest: Array("new manifest\n".utf8))
        #expect(read(dir, "weekly.csv") == Array("new\n".utf8))
        #expect(read(dir, "manifest.json") == Array("new manifest\n".utf8))
        #expect(contents(dir) == ["manifest.json", "weekly.csv"])
    }

    @Test func abandonLeavesNothing() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tx = try OutputTransaction(directory: dir)
        try tx.stage("weekly.csv", bytes: Array("x\n".utf8))
        try tx.stage("summary.csv", bytes: Array("y\n".utf8))
        #expect(contents(dir).count == 2)
        tx.abandon()
        #expect(contents(dir) == [])
        tx.abandon()  // idempotent
    }

    @Test func discardingWithoutCommitLeavesNothing() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            let tx = try OutputTransaction(directory: dir)
            try tx.stage("weekly.csv", bytes: Array("x\n".utf8))
            #expect(contents(dir).count == 1)
        }
        #expect(contents(dir) == [])
    }

    /// The old manifest goes first: a commit that fails midway leaves a directory that does not
    /// claim to be complete, and no temporaries.
    @Test func failedCommitLeavesNoManifest() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try write(dir, "manifest.json", "older run\n")
        try write(dir, "summary.csv", "older summary\n")
        let tx = try OutputTransaction(directory: dir)
        try tx.stage("weekly.csv", bytes: Array("new weekly\n".utf8))
        try tx.stage("summary.csv", bytes: Array("new summary\n".utf8))
        tx.failAfterRenames = 1
        let error = #expect(throws: OutputError.self) {
            try tx.commit(manifest: Array("new manifest\n".utf8))
        }
        #expect(error?.description == "cannot rename into \(dir.standardizedFileURL.path)/summary.csv: injected failure")
        #expect(read(dir, "manifest.json") == nil)
        #expect(contents(dir) == ["summary.csv", "weekly.csv"])  // first rename done, no temporaries
        #expect(read(dir, "summary.csv") == Array("older summary\n".utf8))
    }

    @Test func pathUnderARegularFileGivesAClearError() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try write(dir, "file", "not a directory\n")
        let target = dir.appendingPathComponent("file/sub")
        let error = #expect(throws: OutputError.self) { try OutputTransaction(directory: target) }
        #expect(error?.description == "cannot create output directory \(target.path): Not a directory")
        #expect(error?.path == target.path)

        let deeper = dir.appendingPathComponent("file/sub/deeper")
        let error2 = #expect(throws: OutputError.self) { try OutputTransaction(directory: deeper) }
        #expect(error2?.description == "cannot create output directory \(deeper.path): Not a directory")
    }

    @Test func etcHostnameSubGivesAClearError() throws {
        guard FileManager.default.fileExists(atPath: "/etc/hostname") else { return }
        let error = #expect(throws: OutputError.self) {
            try OutputTransaction(directory: URL(fileURLWithPath: "/etc/hostname/sub"))
        }
        #expect(error?.description == "cannot create output directory /etc/hostname/sub: Not a directory")
    }

    @Test func existingRegularFileAsDirectoryGivesAClearError() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try write(dir, "out", "x\n")
        let target = dir.appendingPathComponent("out")
        let error = #expect(throws: OutputError.self) { try OutputTransaction(directory: target) }
        #expect(error?.description == "cannot create output directory \(target.path): Not a directory")
    }

    @Test(arguments: ["", "a/b", ".hidden", "..", "manifest.json"])
    func invalidNamesAreRejected(name: String) throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tx = try OutputTransaction(directory: dir)
        #expect(throws: OutputError.self) { try tx.stage(name, bytes: [1]) }
        tx.abandon()
        #expect(contents(dir) == [])
    }

    /// A full disk: the temporary is made a symlink to /dev/full, where every write fails with
    /// ENOSPC. The error names the final file, not the temporary, and the temporary is removed.
    @Test func writeErrorNamesTheFinalFile() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tx = try OutputTransaction(directory: dir)
        try FileManager.default.createSymbolicLink(atPath: tx.temporaryPath(of: "weekly.csv"),
                                                   withDestinationPath: "/dev/full")
        let error = #expect(throws: OutputError.self) {
            try tx.stage("weekly.csv", bytes: Array("week\n1\n".utf8))
        }
        let final = dir.standardizedFileURL.appendingPathComponent("weekly.csv").path
        #expect(error?.description == "cannot write \(final): No space left on device")
        #expect(tx.stagedNames == [])
        #expect(contents(dir) == [])
        try tx.commit(manifest: Array("{}\n".utf8))  // the transaction is still usable
        #expect(contents(dir) == ["manifest.json"])
    }
}
