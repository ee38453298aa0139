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

    @Option(help: ArgumentHelp(
        "Repeat the comparison under N parameter sets drawn over the plausible ranges (2...4096).",
        discussion: "Writes robustness.csv, robustness_summary.csv, robustness_drivers.csv and uncertain_ranges.csv "
            + "instead of comparison.csv: the effect's range across parameter sets, the share of sets the "
            + "alternative wins, and what it depends on (docs/uncertainty.md). Ranges: docs/presets.md and the "
            + "base scenario's uncertain: block.", valueName: "N"))
    var uncertainty: Int?

    func validate() throws {
        if scenarios.count < 2 { throw ValidationError("compare needs a base scenario and at least one alternative.") }
        if uncertainty != nil && independent { throw ValidationError("--uncertainty compares with common random numbers; drop --independent.") }
        if uncertainty != nil && simulation.shard != nil { throw ValidationError("--uncertainty does not run in shards yet; run it on one machine.") }
    }

    func run() throws {
        let options = simulation.options(defaultOutput: "out/comparison", progress: true)
        if let shard = simulation.shard {
            return try simulation.runShard(shard, options: options) {
                try ComparePipeline.prepare(scenarioPaths: scenarios, replicates: options.replicates, seed: options.seed,
                                            independent: independent)
            }
        }
        if !simulation.quiet { printWarnings(scenarios) }
        if let sets = uncertainty {
            let report: RobustComparePipeline.Report
            do { report = try RobustComparePipeline.run(scenarioPaths: scenarios, sets: sets, options: options) } catch { throw fail(error) }
            if simulation.quiet { return }
            print(RobustComparePipeline.table(report))
            print("Wrote \(report.directory)/robustness.csv, robustness_summary.csv, robustness_drivers.csv and "
                  + "uncertain_ranges.csv (\(String(format: "%.1f", report.wallTimeSeconds)) s)")
            return
        }
        let report: ComparePipeline.Report
        do { report = try ComparePipeline.run(scenarioPaths: scenarios, options: options, independent: independent) } catch { throw fail(error) }
        if simulation.quiet { return }
        print(ComparePipeline.verdictTable(report))
        print("")
        print("Wrote \(report.directory)/comparison.csv, verdict.csv and each scenario's summary (\(String(format: "%.1f", report.wallTimeSeconds)) s)")
    }
}
