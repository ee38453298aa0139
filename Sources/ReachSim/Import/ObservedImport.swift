import Foundation

/// `reachsim import`: reads exports, recognises each, converts, merges, and writes
/// `observed_posts.csv`, `observed_followers.csv` and `import.json`.
///
/// Everything is read and checked before anything is written: a bad file throws
/// `ImportError` and leaves the output folder as it was (not even created). The files are then
/// written through `OutputTransaction` (temporaries renamed into place, `manifest.json` last).
public enum ObservedImport {
    public struct Options: Sendable {
        /// Files and folders, as given on the command line.
        public var paths: [String]
        /// `--year`, for dates written without a year (TikTok Studio).
        public var year: Int?
        /// `--account`, for exports that do not name the account.
        public var account: String?

        public init(paths: [String], year: Int? = nil, account: String? = nil) {
            self.paths = paths
            self.year = year
            self.account = account
        }
    }

    /// The converted data, before writing.
    public struct Conversion: Sendable {
        public var files: [ImportedFile]
        public var ignored: [String]
        public var merge: ImportMerge.Result
        public var warnings: [ImportWarning]

        public var posts: [ObservedPost] { merge.posts }
        public var followers: [ObservedFollowers] { merge.followers }

        /// `import.json`'s contents.
        public var report: ImportReport {
            ImportReport(files: files, ignored: ignored, merge: merge, warnings: warnings)
        }

        /// The three files' names and bytes.
        public func outputs() throws -> [(name: String, bytes: [UInt8])] {
            [(ObservedTables.postsFile, ObservedTables.postsCSV(merge.posts)),
             (ObservedTables.followersFile, ObservedTables.followersCSV(merge.followers)),
             (ImportReport.fileName, try report.jsonBytes())]
        }
    }

    /// Reads and converts the files at `options.paths`.
    public static func convert(_ options: Options) throws -> Conversion {
        let collected = try ImportSources.collect(options.paths)
        if collected.inputs.isEmpty {
            let what = collected.ignored.isEmpty ? "" : " (\(collected.ignored.count) other files left out: only .csv, .tsv, .txt, .json and .zip files of a folder are read)"
            throw ImportError(file: options.paths.joined(separator: ", "), message: "no export to read\(what)")
        }
        // Reading order is the paths' order, not the command line's: the same files give the
        // same output whatever order they are named in.
        let inputs = collected.inputs.sorted { $0.path < $1.path }
        var result = try convert(inputs: inputs, year: options.year, account: options.account)
        result.ignored = collected.ignored.sorted()
        return result
    }

    /// Converts files already in memory (`path` names them in messages and `source_file`).
    public static func convert(inputs: [(path: String, bytes: [UInt8])], year: Int? = nil,
                               account: String? = nil) throws -> Conversion {
        var recognized: [(ExportInput, any ExportFormat.Type)] = []
        for (path, bytes) in inputs {
            let input = try ExportInput(bytes: bytes, path: path)
            recognized.append((input, try ExportRecognizer.recognize(input)))
        }
        let context = ImportContext(year: year, account: account)
        var files = [ImportedFile?](repeating: nil, count: recognized.count)
        // Files whose dates carry their year first: they can tell the year of the others.
        for (i, (input, format)) in recognized.enumerated() where !format.datesLackYear {
            files[i] = try format.read(input, context: context)
        }
        var yearContext = context
        if year == nil, recognized.contains(where: { $0.1.datesLackYear }) {
            let latest = files.compactMap { $0?.periodEnd }.max()
            if let latest {
                yearContext = ImportContext(year: latest.year,
                                            yearSource: "the other files (their latest date is \(latest))",
                                            account: account)
            }
        }
        for (i, (input, format)) in recognized.enumerated() where format.datesLackYear {
            var file = try format.read(input, context: yearContext)
            if let y = yearContext.year {
                file.warn(.yearAssumed, "dates have no year: \(y) taken from \(year != nil ? "--year" : yearContext.yearSource)")
            }
            files[i] = file
        }
        var read = files.map { $0! }
        var warnings: [ImportWarning] = []
        fillAccounts(&read, account: account)
        warnings += metricDefinitionWarnings(read)
        for file in read {
            warnings += file.warnings
            for (reason, n) in file.skipped.sorted(by: { $0.key < $1.key }) {
                warnings.append(ImportWarning(.rowsSkipped, file: file.path, "\(n) row\(n == 1 ? "" : "s") skipped: \(reason)"))
            }
        }
        var merge = ImportMerge.merge(read)
        warnings += MetaAdsManagerExport.join(ads: read.flatMap(\.ads), posts: &merge.posts)
        return Conversion(files: read, ignored: [], merge: merge, warnings: warnings)
    }

    /// Reads, converts and writes into `directory`; returns what was written.
    @discardableResult
    public static func run(_ options: Options, directory: String) throws -> (Conversion, [String]) {
        let conversion = try convert(options)
        let outputs = try conversion.outputs()
        let transaction = try OutputTransaction(directory: URL(fileURLWithPath: directory))
        var entries: [Manifest.DataFile] = []
        for (name, bytes) in outputs { entries.append(try transaction.stage(name, bytes: bytes)) }
        try transaction.commit(manifest: try manifest(entries))
        return (conversion, outputs.map(\.name) + [OutputTransaction.manifestName])
    }

    /// `manifest.json` of an import: the version and each file's size and SHA-256 (the mark of a
    /// complete output, as for every command).
    static func manifest(_ files: [Manifest.DataFile]) throws -> [UInt8] {
        let object: [String: Any] = [
            "reachsim_version": ReachSimVersion.string,
            "command": "import",
            "files": files.map { ["name": $0.name, "bytes": $0.bytes, "sha256": $0.sha256] as [String: Any] },
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return [UInt8](data) + [UInt8(ascii: "\n")]
    }

    /// Gives rows without an account the one of `--account`, else the only account seen on the
    /// same platform in the other files (with a warning), else leaves it empty (with a warning).
    static func fillAccounts(_ files: inout [ImportedFile], account: String?) {
        var known: [ObservedPlatform: Set<String>] = [:]
        for f in files {
            for p in f.posts where !p.account.isEmpty { known[p.platform, default: []].insert(p.account) }
            for r in f.followers where !r.account.isEmpty { known[r.platform, default: []].insert(r.account) }
        }
        for i in files.indices {
            var platforms: Set<ObservedPlatform> = []
            for j in files[i].posts.indices where files[i].posts[j].account.isEmpty { platforms.insert(files[i].posts[j].platform) }
            for j in files[i].followers.indices where files[i].followers[j].account.isEmpty { platforms.insert(files[i].followers[j].platform) }
            for platform in platforms.sorted() {
                let name: String
                if let account {
                    name = account
                } else if let only = known[platform], only.count == 1 {
                    name = only.first!
                    files[i].warn(.accountAssumed, "the export does not name its account: \(name), the only \(platform.rawValue) account of the other files, assumed (else use --account)")
                } else {
                    files[i].warn(.accountAssumed, "the export does not name its account: the account column is empty (use --account)")
                    continue
                }
                for j in files[i].posts.indices where files[i].posts[j].account.isEmpty && files[i].posts[j].platform == platform {
                    files[i].posts[j].account = name
                }
                for j in files[i].followers.indices where files[i].followers[j].account.isEmpty && files[i].followers[j].platform == platform {
                    files[i].followers[j].account = name
                }
            }
        }
    }

    /// Meta replaced "impressions" by "views" on 15 November 2025: warn when an import mixes the
    /// two names for one platform.
    static func metricDefinitionWarnings(_ files: [ImportedFile]) -> [ImportWarning] {
        var names: [String: Set<String>] = [:]
        for f in files {
            if let platform = f.notes["platform"], let name = f.notes["impressions_column"] {
                names[platform, default: []].insert(name)
            }
        }
        return names.keys.sorted().compactMap { platform in
            let used = names[platform]!
            guard used.count > 1 else { return nil }
            return ImportWarning(.metricRenamed, file: files.filter { $0.notes["platform"] == platform }.map(\.path).sorted().joined(separator: ", "),
                                 "\(platform): the files call the views column \(used.sorted().map { "\"\($0)\"" }.joined(separator: " and ")); Meta replaced impressions by views on 2025-11-15, so figures before and after do not compare exactly")
        }
    }
}

extension ExportFormat {
    public static var datesLackYear: Bool { false }
}
