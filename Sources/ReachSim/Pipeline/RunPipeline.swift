import Foundation

/// `reachsim run`: scenario file → world → replicates → `weekly.csv`, `summary.csv`,
/// `manifest.json`, written atomically (see `OutputTransaction`).
public enum RunPipeline {
    public typealias Options = SimulationOptions

    /// What a finished run reports to the terminal.
    public struct Report: Sendable {
        public let scenario: Scenario
        public let directory: String
        public let files: [String]
        public let wallTimeSeconds: Double
        public let result: Simulation.Result
    }

    /// A loaded scenario and its plan: what a run, a shard of it, or a merge of its shards needs.
    public struct Prepared: Sendable, PreparedCommand {
        public let plan: ReplicatePlan
        public let scenarioPath: String
        let scenarioBytes: [UInt8]
        public var scenario: Scenario { plan.scenarios[0] }
        public var label: String { scenario.name }
    }

    /// Loads the scenario with the options' replicates and seed.
    ///
    /// - Parameter directory: where a relative `scenarioPath` is (a merge passes the directory
    ///   the shards ran in); nil for the current directory.
    /// - Parameter posts: record every post for `posts.csv` (`--posts`).
    public static func prepare(scenarioPath: String, replicates: Int?, seed: UInt64?, posts: Bool = false,
                               relativeTo directory: String? = nil) throws -> Prepared {
        let file = ReplicatePlan.resolve(scenarioPath, in: directory)
        var scenario = try ScenarioLoader.load(path: file)
        if let r = replicates { scenario.replicates = r }
        if let s = seed { scenario.seed = s }
        if posts { scenario.postsRecorded = PostCatalog(scenario).entries.count }
        let bytes = try readBytes(file)
        let identity = PlanIdentity(command: .run, scenarioPaths: [scenarioPath], scenarioBytes: [bytes],
                                    seed: scenario.seed, replicates: scenario.replicates, scenarios: [scenario])
        return Prepared(plan: ReplicatePlan(identity: identity, scenarios: [scenario]), scenarioPath: scenarioPath,
                        scenarioBytes: bytes)
    }

    /// Loads, simulates and writes. Throws `ScenarioError` or `WorldError` for bad input (nothing
    /// is written), `OutputError` when the directory cannot be written (nothing that looks
    /// complete is left), `Interrupted` when stopped by a signal (see `PlanRunner`).
    ///
    /// - Parameter posts: also write `posts.csv`, one row per replicate and post (`--posts`).
    public static func run(scenarioPath: String, options: Options, posts: Bool = false) throws -> Report {
        let start = DispatchTime.now()
        let prepared = try prepare(scenarioPath: scenarioPath, replicates: options.replicates, seed: options.seed,
                                   posts: posts)
        // Refuse a run too large for the memory before any heavy work (PlanRunner then checks the directory).
        try MemoryEstimate.run(prepared.scenario, threads: options.threads, resuming: options.resume).check(limit: options.maxMemory, threads: options.threads)
        return try PlanRunner.complete(prepared.plan, label: prepared.label, options: options, start: start) { results, output, record in
            try write(prepared, results: results, to: output, record: record)
        }
    }

    /// Stages `weekly.csv`, `summary.csv`, `accounts.csv`, `posts.csv` when posts are recorded,
    /// and `scenario.yaml`; returns the report and the manifest.
    static func write(_ prepared: Prepared, results: ReplicateResults, to output: OutputTransaction,
                      record: PlanRunner.Record) throws -> (Report, Manifest) {
        let scenario = prepared.scenario
        let result = results.result(0)
        let weekly = WeeklyTable.render(result, scenario: scenario)
        let summary = SummaryTable.render(result, scenario: scenario)
        let accounts = AccountTable.render(result, scenario: scenario)
        // A copy of the scenario travels with its results (reports show its parameters).
        var files = [try output.stage("weekly.csv", bytes: weekly), try output.stage("summary.csv", bytes: summary),
                     try output.stage("accounts.csv", bytes: accounts)]
        if scenario.postsRecorded > 0 {
            files.append(try output.stage("posts.csv", bytes: PostTable.render(result, scenario: scenario)))
        }
        files.append(try output.stage("scenario.yaml", bytes: prepared.scenarioBytes))
        let seconds = record.seconds()
        let manifest = prepared.manifest(files: files, threads: record.threads, engine: record.engine,
                                         requested: record.engineRequested, wallTimeSeconds: seconds, command: record.command)
        let report = Report(scenario: scenario, directory: record.directory,
                            files: files.map(\.name) + ["manifest.json"], wallTimeSeconds: seconds, result: result)
        return (report, manifest)
    }

    static func readBytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(file: path, line: nil, column: nil, keyPath: "", message: "cannot read the file")
        }
        return [UInt8](data)
    }
}

extension RunPipeline.Prepared {
    public func manifest(files: [Manifest.DataFile], threads: Int, engine: EngineKind, requested: EngineChoice,
                         wallTimeSeconds: Double, command: [String]) -> Manifest {
        Manifest(scenario: scenario.name, scenarioPath: scenarioPath, scenarioSHA256: plan.identity.scenarioSHA256[0],
                 seed: scenario.seed, replicates: scenario.replicates, threads: threads, engine: engine,
                 engineRequested: requested, weeks: scenario.horizonWeeks, wallTimeSeconds: wallTimeSeconds, files: files,
                 command: command)
    }
}

extension RunPipeline.Report {
    /// `{"scenario": ..., "replicates": ..., "weeks": ..., "directory": ..., "files": [...], "platforms": [Line...]}`
    /// with snake_case keys.
    public func json() throws -> String {
        struct Payload: Codable {
            let scenario: String
            let replicates: Int
            let weeks: Int
            let wallTimeSeconds: Double
            let directory: String
            let files: [String]
            let platforms: [ReachTable.Line]
        }
        let payload = Payload(scenario: scenario.name, replicates: scenario.replicates,
                              weeks: scenario.horizonWeeks, wallTimeSeconds: wallTimeSeconds,
                              directory: directory, files: files,
                              platforms: ReachTable.lines(result, scenario: scenario))
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(payload), as: UTF8.self)
    }
}
