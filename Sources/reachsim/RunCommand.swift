import ArgumentParser
import Foundation
import ReachSim

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario and write weekly.csv, summary.csv, accounts.csv and manifest.json.",
        discussion: "With --posts, also posts.csv: every post of every replicate, its impressions by source, reach, "
            + "likes, comments, shares and follows (docs/output-format.md).")

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @OptionGroup var simulation: SimulationArguments

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Option(help: "What to print at the end: a table for people, or JSON for pipelines.")
    var format: Format = .table

    @Flag(help: "Also write posts.csv: one row per replicate and post (impressions by source, reach, engagement, follows).")
    var posts = false

    func validate() throws {
        if posts && simulation.shard != nil {
            throw ValidationError("--posts cannot be combined with --shard yet: run the whole scenario to get posts.csv.")
        }
    }

    func run() throws {
        let options = simulation.options(defaultOutput: "out", progress: format == .table)
        if let shard = simulation.shard {
            return try simulation.runShard(shard, options: options) {
                try RunPipeline.prepare(scenarioPath: scenario, replicates: options.replicates, seed: options.seed)
            }
        }
        if !simulation.quiet { printWarnings([scenario]) }
        let report: RunPipeline.Report
        do { report = try RunPipeline.run(scenarioPath: scenario, options: options, posts: posts) } catch { throw fail(error) }
        if simulation.quiet { return }
        if format == .json {
            do { print(try report.json()) } catch { throw fail(error) }
            return
        }
        print(ReachTable.render(report.result, scenario: report.scenario))
        print("")
        print(String(format: "%d replicates × %d weeks in %.1f s; people counts are means over replicates.",
                     report.scenario.replicates, report.scenario.horizonWeeks, report.wallTimeSeconds))
        print("Wrote \(report.files.map { report.directory + "/" + $0 }.joined(separator: ", "))")
    }
}
