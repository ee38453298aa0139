import ArgumentParser
import Foundation
import ReachSim

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare scenarios with common random numbers; write comparison.csv.",
        discussion: """
            The first scenario is the base. Every scenario runs with the base's seed and replicates, \
            so differences are the effect of the decision, not noise.
            """)

    @Argument(help: "The base scenario, then one or more alternatives.")
    var scenarios: [String]

    @OptionGroup var simulation: SimulationArguments

    @Flag(help: "Give each alternative its own random streams instead of common random numbers.")
    var independent = false

    func validate() throws {
        if scenarios.count < 2 { throw ValidationError("compare needs a base scenario and at least one alternative.") }
    }

    func run() throws {
        let options = simulation.options(defaultOutput: "out/comparison", progress: true)
        if let shard = simulation.shard {
            return try simulation.runShard(shard, options: options) {
                try ComparePipeline.prepare(scenarioPaths: scenarios, replicates: options.replicates, seed: options.seed,
                                            independent: independent)
            }
        }
        let report: ComparePipeline.Report
        if !simulation.quiet { printWarnings(scenarios) }
        do { report = try ComparePipeline.run(scenarioPaths: scenarios, options: options, independent: independent) } catch { throw fail(error) }
        if simulation.quiet { return }
        print(ComparePipeline.verdictTable(report))
        print("")
        print("Wrote \(report.directory)/comparison.csv and each scenario's summary (\(String(format: "%.1f", report.wallTimeSeconds)) s)")
    }
}
