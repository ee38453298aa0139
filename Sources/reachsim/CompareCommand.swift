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

    @Option(help: "Replicates (default: the base scenario's).")
    var replicates: Int?

    @Option(help: "Seed (default: the base scenario's).")
    var seed: UInt64?

    @Option(help: "Worker threads (default: all cores). The output does not depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .shortAndLong, help: "Output directory (created if missing).")
    var out: String = "out/comparison"

    @Flag(help: "Give each alternative its own random streams instead of common random numbers.")
    var independent = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if scenarios.count < 2 { throw ValidationError("compare needs a base scenario and at least one alternative.") }
        if let r = replicates, !(1...1_000_000).contains(r) {
            throw ValidationError("--replicates must be between 1 and 1000000, got \(r).")
        }
        if !(1...1024).contains(threads) { throw ValidationError("--threads must be between 1 and 1024, got \(threads).") }
    }

    func run() throws {
        let options = ComparePipeline.Options(
            replicates: replicates, seed: seed, threads: threads, outputDirectory: out,
            command: CommandLine.arguments, progress: !quiet, independent: independent)
        let report: ComparePipeline.Report
        do { report = try ComparePipeline.run(scenarioPaths: scenarios, options: options) } catch { throw fail(error) }
        if quiet { return }
        print(ComparePipeline.verdictTable(report))
        print("")
        print("Wrote \(report.directory)/comparison.csv and each scenario's summary (\(String(format: "%.1f", report.wallTimeSeconds)) s)")
    }
}
