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

    /// Loads, simulates and writes. Throws `ScenarioError` or `WorldError` for bad input (nothing
    /// is written) and `OutputError` when the directory cannot be written (nothing that looks
    /// complete is left).
    public static func run(scenarioPath: String, options: Options) throws -> Report {
        let start = DispatchTime.now()
        var scenario = try ScenarioLoader.load(path: scenarioPath)
        if let r = options.replicates { scenario.replicates = r }
        if let s = options.seed { scenario.seed = s }
        let scenarioBytes = try readBytes(scenarioPath)
        // Refuse a run too large for the memory, then an unwritable directory, before any heavy work.
        try MemoryEstimate.run(scenario, threads: options.threads).check(limit: options.maxMemory, threads: options.threads)
        let output = try OutputTransaction(directory: URL(fileURLWithPath: options.outputDirectory))
        let world = try World.build(scenario)

        let reporter = options.progress ? ProgressReporter(label: scenario.name, total: scenario.replicates) : nil
        let result = Simulation.run(world, replicates: scenario.replicates, threads: options.threads) { done in
            reporter?.update(completed: done)
        }
        reporter?.finish()

        let weekly = WeeklyTable.render(result, scenario: scenario)
        let summary = SummaryTable.render(result, scenario: scenario)
        // A copy of the scenario travels with its results (reports show its parameters).
        let files = [try output.stage("weekly.csv", bytes: weekly), try output.stage("summary.csv", bytes: summary),
                     try output.stage("scenario.yaml", bytes: scenarioBytes)]
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let manifest = Manifest(
            reachsimVersion: ReachSimVersion.string, scenario: scenario.name, scenarioPath: scenarioPath,
            scenarioSHA256: Manifest.sha256Hex(scenarioBytes), seed: scenario.seed,
            replicates: scenario.replicates, threads: options.threads, weeks: scenario.horizonWeeks,
            wallTimeSeconds: seconds,
            files: files,
            command: options.command)
        try output.commit(manifest: try manifest.jsonBytes())
        return Report(scenario: scenario, directory: options.outputDirectory,
                      files: ["weekly.csv", "summary.csv", "scenario.yaml", "manifest.json"], wallTimeSeconds: seconds, result: result)
    }

    static func readBytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(file: path, line: nil, column: nil, keyPath: "", message: "cannot read the file")
        }
        return [UInt8](data)
    }
}
