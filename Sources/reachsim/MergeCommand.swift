import ArgumentParser
import Foundation
import ReachSim

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the shard directories of a run, compare or sweep into the files of the whole run.",
        discussion: """
            The files are byte for byte those the command writes without --shard; manifest.json differs \
            only in wall_time_seconds (and in command when the single run's differs). Shards that do \
            not belong together (other scenario, seed, replicates or split) or a missing shard are \
            refused with a message naming the difference. See docs/cluster.md.
            """)

    @Argument(help: "The directories written with --shard K/N, one per shard, in any order.")
    var shards: [String]

    @Option(name: .shortAndLong, help: "Output directory for the merged files (created if missing).")
    var out: String

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if shards.isEmpty { throw ValidationError("Please give the shard directories to merge.") }
    }

    func run() throws {
        let report: MergePipeline.Report
        do { report = try MergePipeline.run(shardDirectories: shards, outputDirectory: out) } catch { throw fail(error) }
        if quiet { return }
        switch report {
        case .run(let r):
            print(ReachTable.render(r.result, scenario: r.scenario))
            print("")
            print("Merged \(shards.count) shards; wrote \(r.files.map { r.directory + "/" + $0 }.joined(separator: ", "))")
        case .compare(let r):
            print(ComparePipeline.verdictTable(r))
            print("")
            print("Merged \(shards.count) shards; wrote \(r.directory)/comparison.csv, verdict.csv and each scenario's summary")
        case .sweep(let r):
            print(SweepTable.render(r))
            print("")
            print("Merged \(shards.count) shards; wrote \(r.files.map { r.directory + "/" + $0 }.joined(separator: ", "))")
        }
    }
}
