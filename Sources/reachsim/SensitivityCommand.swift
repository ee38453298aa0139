import ArgumentParser
import Foundation
import ReachSim

struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Which uncertain parameters an answer depends on (Morris or Sobol); write sensitivity.csv.",
        discussion: """
            The parameters and their ranges are those of compare --uncertainty (docs/presets.md, \
            the scenario's uncertain: block). With --versus, the answer is the effect of the \
            decision (ALT − SCENARIO, common random numbers at each point). Morris: --samples \
            trajectories, (parameters + 1) points each; Sobol: --samples base rows, \
            (parameters + 2) points each. See docs/uncertainty.md.
            """)

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: "An alternative: study the effect of the decision (ALT − SCENARIO) instead of SCENARIO's output.")
    var versus: String?

    @Option(help: "morris (screening, cheap) or sobol (variance shares, costly).")
    var method: SensitivityPipeline.Method = .morris

    @Option(help: "Morris trajectories or Sobol base rows (2...100000).")
    var samples: Int = 10

    @Option(help: "reach (people reached in the horizon), catchment (the catchment's people), followers (at the end), cost (euros per person reached).")
    var output: SensitivityPipeline.Output = .reach

    @OptionGroup var simulation: SimulationArguments

    func validate() throws {
        if simulation.shard != nil { throw ValidationError("sensitivity does not run in shards yet; run it on one machine.") }
    }

    func run() throws {
        let options = SensitivityPipeline.Options(method: method, samples: samples, output: output,
                                                  simulation: simulation.options(defaultOutput: "out/sensitivity", progress: true))
        if !simulation.quiet { printWarnings([scenario] + (versus.map { [$0] } ?? [])) }
        let report: SensitivityPipeline.Report
        do { report = try SensitivityPipeline.run(scenarioPath: scenario, versus: versus, options: options) } catch { throw fail(error) }
        if simulation.quiet { return }
        print(SensitivityPipeline.table(report))
        print("Wrote \(report.directory)/sensitivity.csv (\(String(format: "%.1f", report.wallTimeSeconds)) s)")
    }
}

extension SensitivityPipeline.Method: ExpressibleByArgument {}
extension SensitivityPipeline.Output: ExpressibleByArgument {}
