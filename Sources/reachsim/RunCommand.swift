import ArgumentParser
import Foundation
import ReachSim

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario and write weekly.csv, summary.csv and manifest.json.")

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: "Replicates (overrides the scenario's `replicates`).")
    var replicates: Int?

    @Option(help: "Seed (overrides the scenario's `seed`).")
    var seed: UInt64?

    @Option(help: "Worker threads (default: all cores). The output does not depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .shortAndLong, help: "Output directory (created if missing).")
    var out: String = "out"

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Option(help: "What to print at the end: a table for people, or JSON for pipelines.")
    var format: Format = .table

    func validate() throws {
        if let r = replicates, !(1...1_000_000).contains(r) {
            throw ValidationError("--replicates must be between 1 and 1000000, got \(r).")
        }
        if !(1...1024).contains(threads) {
            throw ValidationError("--threads must be between 1 and 1024, got \(threads).")
        }
    }

    func run() throws {
        let options = RunPipeline.Options(
            replicates: replicates, seed: seed, threads: threads, outputDirectory: out,
            command: CommandLine.arguments, progress: !quiet && format == .table)
        let report: RunPipeline.Report
        do { report = try RunPipeline.run(scenarioPath: scenario, options: options) } catch { throw fail(error) }
        if quiet { return }
        if format == .json {
            do { print(try ReachTable.json(report)) } catch { throw fail(error) }
            return
        }
        print(ReachTable.render(report.result, scenario: report.scenario))
        print("")
        print(String(format: "%d replicates × %d weeks in %.1f s; people counts are means over replicates.",
                     report.scenario.replicates, report.scenario.horizonWeeks, report.wallTimeSeconds))
        print("Wrote \(report.files.map { report.directory + "/" + $0 }.joined(separator: ", "))")
    }
}
