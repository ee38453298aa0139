import Foundation
import ZIPFoundation

/// Turns the paths of the command line into the files to read.
///
/// - A file named on the command line is always read, whatever its name.
/// - A folder is walked recursively (sorted, hidden entries left out); its files ending in
///   `.csv`, `.tsv`, `.txt`, `.json` or `.zip` (any case) are read, the others are listed in
///   `import.json` as not read. The name only chooses what to open: the format is always
///   recognised from the contents.
/// - A zip archive (recognised by its `PK\3\4` signature, not its name) is opened and each of
///   its files (not folders, not `__MACOSX/` or hidden entries) is read as
///   `archive.zip/entry.csv`.
public enum ImportSources {
    /// Extensions of the files read from a folder.
    public static let folderExtensions: Set<String> = ["csv", "tsv", "txt", "json", "zip"]

    public struct Collected: Sendable {
        public var inputs: [(path: String, bytes: [UInt8])]
        /// Files of folders left unread because of their extension.
        public var ignored: [String]
    }

    public static func collect(_ paths: [String]) throws -> Collected {
        var result = Collected(inputs: [], ignored: [])
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ImportError(file: path, message: "no such file or folder")
            }
            if isDirectory.boolValue {
                try walk(path, into: &result)
            } else {
                try add(file: path, into: &result)
            }
        }
        return result
    }

    private static func walk(_ folder: String, into result: inout Collected) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw ImportError(file: folder, message: "cannot list the folder (\((error as NSError).localizedDescription))")
        }
        for name in names where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                try walk(path, into: &result)
            } else if folderExtensions.contains((name as NSString).pathExtension.lowercased()) {
                try add(file: path, into: &result)
            } else {
                result.ignored.append(path)
            }
        }
    }

    private static func add(file path: String, into result: inout Collected) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ImportError(file: path, message: "cannot read the file (\((error as NSError).localizedDescription))")
        }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            result.inputs += try entries(ofZip: data, path: path)
        } else {
            result.inputs.append((path, bytes))
        }
    }

    /// The files of a zip archive, in the archive's order sorted by name.
    public static func entries(ofZip data: Data, path: String) throws -> [(path: String, bytes: [UInt8])] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ImportError(file: path, message: "a zip archive that cannot be opened (\(error)): is it complete?")
        }
        var found: [(path: String, bytes: [UInt8])] = []
        for entry in archive where entry.type == .file {
            let name = entry.path
            let last = (name as NSString).lastPathComponent
            if name.hasPrefix("__MACOSX/") || last.hasPrefix(".") || last.isEmpty { continue }
            guard entry.uncompressedSize <= UInt64(ExportTable.maximumBytes) else {
                throw ImportError(file: path + "/" + name,
                                  message: "\(entry.uncompressedSize) bytes uncompressed: more than an export can be")
            }
            var bytes: [UInt8] = []
            do {
                _ = try archive.extract(entry) { chunk in
                    bytes.append(contentsOf: chunk)
                    if bytes.count > ExportTable.maximumBytes { throw ImportError(file: path + "/" + name, message: "more bytes than an export can be") }
                }
            } catch let error as ImportError {
                throw error
            } catch {
                throw ImportError(file: path + "/" + name, message: "cannot extract the entry from the zip (\(error))")
            }
            found.append((path + "/" + name, bytes))
        }
        return found.sorted { $0.path < $1.path }
    }
}
