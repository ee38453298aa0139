import Foundation

/// `--shard K/N` of `run`, `compare` and `sweep`: computes shard K's units of the command's plan
/// and writes `replicates.bin` (their exact values, see `ReplicateRecords`) and `manifest.json`
/// (the command's manifest plus a `shard` record) instead of the command's CSV files.
/// `reachsim merge` turns the N shard directories into the files of the single-machine run.
public enum ShardPipeline {
    public struct Report: Sendable {
        public let shard: Shard
        /// Units computed (replicates of a run; variant × replicate pairs of a sweep).
        public let units: Range<Int>
        public let totalUnits: Int
        public let directory: String
        public let wallTimeSeconds: Double
    }

    /// - Parameter prepare: loads the command's inputs (`RunPipeline.prepare`, ...); called here so
    ///   the wall time covers it as it does for an unsharded run.
    public static func run(shard: Shard, options: SimulationOptions,
                           prepare: () throws -> any PreparedCommand) throws -> Report {
        let start = DispatchTime.now()
        let prepared = try prepare()
        let plan = prepared.plan
        let units = shard.units(of: plan.units)
        let output = try OutputTransaction(directory: URL(fileURLWithPath: options.outputDirectory))
        let (results, checkpoint, engine) = try PlanRunner.simulate(plan, units: units, shard: shard,
                                                                    label: "\(prepared.label) shard \(shard)", options: options)
        let file = try output.stage("replicates.bin", bytes: results.records(units))
        let seconds = PlanRunner.seconds(since: start)
        var manifest = prepared.manifest(files: [file], threads: options.threads, engine: engine, requested: options.engine,
                                         wallTimeSeconds: seconds, command: options.command)
        manifest.shard = ShardRecord(index: shard.index, count: shard.count, firstUnit: units.lowerBound,
                                     endUnit: units.upperBound, totalUnits: plan.units, plan: plan.running(engine).identity,
                                     workingDirectory: FileManager.default.currentDirectoryPath)
        try PlanRunner.commit(manifest, to: output, checkpoint: checkpoint, total: units.count, options: options)
        return Report(shard: shard, units: units, totalUnits: plan.units, directory: options.outputDirectory,
                      wallTimeSeconds: seconds)
    }
}
