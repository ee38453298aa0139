import ArgumentParser
import Foundation
import ReachSim

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run every combination of scenario values; write sweep.csv, saturation.csv and manifest.json.",
        discussion: """
            KEY is a path into the scenario file (platforms.instagram.boost.budget_per_month, \
            audience.segments[0].share); VALUES is start:stop:step or v1,v2,... Variants share \
            random streams (common random numbers), so differences between them are effects, \
            not noise.
            """)

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(name: .customLong("set"), help: ArgumentHelp("KEY=VALUES to sweep (repeatable).", valueName: "KEY=VALUES"),
            transform: SweepSetting.parse)
    var sets: [SweepSetting] = []

    @OptionGroup var simulation: SimulationArguments

    func validate() throws {
        if sets.isEmpty { throw ValidationError("Please give at least one --set KEY=VALUES.") }
    }

    func run() throws {
        let options = simulation.options(defaultOutput: "out", progress: true)
        if let shard = simulation.shard {
            return try simulation.runShard(shard, options: options) {
                try SweepPipeline.prepare(scenarioPath: scenario, parameters: sets.map(\.parameter),
                                          replicates: options.replicates, seed: options.seed)
            }
        }
        let report: SweepPipeline.Report
        do {
            report = try SweepPipeline.run(scenarioPath: scenario, parameters: sets.map(\.parameter), options: options)
        } catch { throw fail(error) }
        if simulation.quiet { return }
        print(SweepTable.render(report))
        print("")
        print(String(format: "%d variants × %d replicates × %d weeks in %.1f s.", report.variants.count,
                     report.scenario.replicates, report.scenario.horizonWeeks, report.wallTimeSeconds))
        print("Wrote \(report.files.map { report.directory + "/" + $0 }.joined(separator: ", "))")
    }
}
