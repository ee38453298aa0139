import Foundation

/// `reachsim merge DIR... --out DIR`: checks that shard directories are the N shards of one piece
/// of work, reassembles every replicate's values, and writes the files of the single-machine run
/// with the same renderers, so they are byte for byte those of `run`, `compare` or `sweep`
/// without `--shard`.
///
/// The merged `manifest.json` is the single run's manifest except `wall_time_seconds` (the sum
/// over the shards plus the merge: the machine time used). Its `threads` are the shards' and its
/// `command` is the shards' command without `--shard` and `--resume` and with the merge's
/// `--out`: when the single run used the same program path, options and output path, only
/// `wall_time_seconds` differs. Its `engine` is the shards' (shards of different engines are
/// refused) and its `engine_requested` the first shard's.
public enum MergePipeline {
    /// The merged result, as the command without `--shard` would have reported it.
    public enum Report: Sendable {
        case run(RunPipeline.Report)
        case compare(ComparePipeline.Report)
        case sweep(SweepPipeline.Report)
    }

    /// One shard directory as read.
    struct ShardInput {
        let directory: String
        let manifest: Manifest
        let record: ShardRecord
    }

    /// - Parameters:
    ///   - shardDirectories: the N shard directories, in any order.
    ///   - outputDirectory: where the merged files go (created if missing), as given.
    /// - Throws: `MergeError` naming what does not fit (nothing is written); `OutputError`.
    public static func run(shardDirectories: [String], outputDirectory: String) throws -> Report {
        let start = DispatchTime.now()
        let shards = try shardDirectories.map(readShard)
        try checkTogether(shards)
        let first = shards[0]
        let plan = first.record.plan
        let engine = plan.engine ?? .exact
        let prepared = try prepare(plan, in: first.record.workingDirectory)
        let now = prepared.plan.running(engine).identity.differences(from: plan, "now", "in the shards")
        guard now.isEmpty else {
            throw MergeError("""
                the inputs of the shards have changed since they ran (\(plan.scenarioPaths.joined(separator: ", ")), \
                read from \(first.record.workingDirectory)): \(now.joined(separator: "; "))
                """)
        }
        let output = try OutputTransaction(directory: URL(fileURLWithPath: outputDirectory))
        let results = ReplicateResults(plan: prepared.plan)
        for shard in shards { try read(shard, into: results) }

        let shardSeconds = shards.reduce(0) { $0 + $1.manifest.wallTimeSeconds }
        let record = PlanRunner.Record(threads: first.manifest.threads, engine: engine,
                                       engineRequested: first.manifest.engineRequested,
                                       command: singleRunCommand(first.manifest.command, out: outputDirectory),
                                       directory: outputDirectory) { shardSeconds + PlanRunner.seconds(since: start) }
        let report: Report, manifest: Manifest
        switch prepared {
        case let p as RunPipeline.Prepared:
            let (r, m) = try RunPipeline.write(p, results: results, to: output, record: record)
            (report, manifest) = (.run(r), m)
        case let p as ComparePipeline.Prepared:
            let (r, m) = try ComparePipeline.write(p, results: results, to: output, record: record)
            (report, manifest) = (.compare(r), m)
        case let p as SweepPipeline.Prepared:
            let (r, m) = try SweepPipeline.write(p, results: results, to: output, record: record)
            (report, manifest) = (.sweep(r), m)
        default:
            preconditionFailure("MergePipeline: unknown prepared command \(type(of: prepared))")
        }
        try output.commit(manifest: try manifest.jsonBytes())
        return report
    }

    static func readShard(_ directory: String) throws -> ShardInput {
        let path = (directory as NSString).appendingPathComponent(OutputTransaction.manifestName)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MergeError("\(directory): no manifest.json, so not a finished shard (an interrupted shard continues with --resume)")
        }
        let manifest: Manifest
        do { manifest = try Manifest.decode([UInt8](data)) } catch {
            throw MergeError("\(path): not a ReachSim manifest (\(error))")
        }
        guard let record = manifest.shard else {
            throw MergeError("\(directory) is not a shard: its manifest has no shard record (it was written without --shard)")
        }
        return ShardInput(directory: directory, manifest: manifest, record: record)
    }

    /// Same split, same work, every shard once, each with the units its number gives.
    static func checkTogether(_ shards: [ShardInput]) throws {
        guard let first = shards.first else { throw MergeError("give the shard directories to merge") }
        let n = first.record.count
        for s in shards.dropFirst() where s.record.count != n {
            throw MergeError("""
                the shards come from different splits: \(first.directory) is shard \(first.record.index) of \(n), \
                \(s.directory) is shard \(s.record.index) of \(s.record.count)
                """)
        }
        // Said apart: the other differences are of inputs, this one of the sampler.
        for s in shards.dropFirst() where s.record.plan.engine != first.record.plan.engine {
            func ran(_ e: EngineKind?) -> String { e.map { "the \($0.rawValue) engine" } ?? "no recorded engine" }
            throw MergeError("""
                \(first.directory) ran \(ran(first.record.plan.engine)) and \(s.directory) \(ran(s.record.plan.engine)): \
                results of different engines are never merged; run every shard with the same --engine
                """)
        }
        for s in shards.dropFirst() {
            let differences = first.record.plan.differences(from: s.record.plan, first.directory, s.directory)
            if !differences.isEmpty {
                throw MergeError("""
                    \(first.directory) and \(s.directory) are not shards of the same work: \
                    \(differences.joined(separator: "; "))
                    """)
            }
        }
        var given: [Int: String] = [:]
        for s in shards {
            if let other = given[s.record.index] {
                throw MergeError("shard \(s.record.index) of \(n) is given twice: \(other) and \(s.directory)")
            }
            given[s.record.index] = s.directory
        }
        let missing = (0..<n).filter { given[$0] == nil }
        if !missing.isEmpty {
            let list = missing.prefix(10).map(String.init).joined(separator: ", ") + (missing.count > 10 ? ", ..." : "")
            throw MergeError("""
                \(missing.count == 1 ? "shard" : "shards") \(list) of \(n) \(missing.count == 1 ? "is" : "are") missing \
                (shards are numbered 0 to \(n - 1); \(shards.count) given)
                """)
        }
        let total = first.record.plan.valuesPerReplicate.count * first.record.plan.replicates
        for s in shards {
            let expected = try Shard(index: s.record.index, count: n).units(of: total)
            guard s.record.units == expected, s.record.totalUnits == total else {
                throw MergeError("""
                    \(s.directory): shard \(s.record.index) of \(n) should hold units \(expected.lowerBound)..<\(expected.upperBound) \
                    of \(total), its manifest says \(s.record.firstUnit)..<\(s.record.endUnit) of \(s.record.totalUnits)
                    """)
            }
        }
    }

    /// Loads the inputs again, as the shards did.
    static func prepare(_ plan: PlanIdentity, in directory: String) throws -> any PreparedCommand {
        switch plan.command {
        case .run:
            return try RunPipeline.prepare(scenarioPath: plan.scenarioPaths[0], replicates: plan.replicates,
                                           seed: plan.seed, relativeTo: directory)
        case .compare:
            return try ComparePipeline.prepare(scenarioPaths: plan.scenarioPaths, replicates: plan.replicates,
                                               seed: plan.seed, independent: plan.independent, relativeTo: directory)
        case .sweep:
            return try SweepPipeline.prepare(scenarioPath: plan.scenarioPaths[0], parameters: try plan.sweepParameters(),
                                             replicates: plan.replicates, seed: plan.seed, relativeTo: directory)
        }
    }

    /// Checks `replicates.bin` against the manifest and stores its units.
    static func read(_ shard: ShardInput, into results: ReplicateResults) throws {
        let path = (shard.directory as NSString).appendingPathComponent("replicates.bin")
        guard let entry = shard.manifest.files.first(where: { $0.name == "replicates.bin" }) else {
            throw MergeError("\(shard.directory): its manifest lists no replicates.bin")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MergeError("\(path): cannot be read")
        }
        let bytes = [UInt8](data)
        guard bytes.count == entry.bytes, Manifest.sha256Hex(bytes) == entry.sha256 else {
            throw MergeError("\(path) is not the file its manifest describes (size or SHA-256 differs): damaged or replaced")
        }
        let units = shard.record.units
        let valid = try ReplicateRecords.forEach(in: bytes, file: path) { unit, values in
            try results.store(unit: unit, values: values, allowed: units, source: path)
        }
        let held = results.completed(in: units)
        guard valid == bytes.count, held == units.count else {
            throw MergeError("\(path) holds \(held) of its \(units.count) replicates")
        }
    }

    /// The shard's command as a single run would have had it: without `--shard K/N` and
    /// `--resume`, writing to `out`.
    static func singleRunCommand(_ command: [String], out: String) -> [String] {
        var result: [String] = []
        var hasOut = false
        var i = 0
        while i < command.count {
            let word = command[i]
            if word == "--shard" {
                i += 2
                continue
            }
            if word.hasPrefix("--shard=") || word == "--resume" {
                i += 1
                continue
            }
            if word == "--out" || word == "-o" {
                result += [word, out]
                hasOut = true
                i += 2
                continue
            }
            if word.hasPrefix("--out=") {
                result.append("--out=" + out)
                hasOut = true
            } else {
                result.append(word)
            }
            i += 1
        }
        if !hasOut { result += ["--out", out] }
        return result
    }
}

/// Shard directories that cannot be merged (they do not belong together, one is missing or
/// damaged).
public struct MergeError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ message: String) { description = message }
}
