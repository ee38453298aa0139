import ArgumentParser
import Foundation
import ReachSim

struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Estimate a scenario's platform parameters from an imported history (simulated moments).",
        discussion: """
            Reads the --out folder of `reachsim import`, simulates the last --weeks weeks up to --until with the posts \
            as they happened, and adjusts, per platform that the history has accounts on: feed.base_visibility (ranked \
            feeds) to the median impressions per post, engagement.like/comment/share to the actions per impression, \
            engagement.follow to the followers gained per day, and churn_per_week to the followers lost, until the \
            simulated moments meet the observed ones. Each estimate gets a 90% interval (a bootstrap over weeks and \
            replicates); a parameter the data cannot identify is reported as such, without a number. Writes fit.csv, \
            fitted.yaml (the scenario with the fitted values, commented) and manifest.json. See docs/validation.md.
            """)

    @Argument(help: "The scenario file (YAML); its accounts are named as the history names them.")
    var scenario: String

    @Option(help: "The --out folder of `reachsim import`.")
    var history: String

    @Option(help: ArgumentHelp("Last day of the data used (default: the history's last post).", valueName: "YYYY-MM-DD"))
    var until: String?

    @Option(help: "Weeks of data before --until, 4...520 (the most recent ones).")
    var weeks: Int = 26

    @Option(name: .shortAndLong, help: "Output directory (created if missing).")
    var out: String

    @Option(help: "Replicates per iteration of the fit, 2...1,000.")
    var replicates: Int = 20

    @Option(help: "Seed (overrides the scenario's `seed`).")
    var seed: UInt64?

    @Option(help: "Worker threads (default: all cores). The output does not depend on it.", transform: ThreadCount.parse)
    var threads: ThreadCount = .allCores

    @OptionGroup var sampler: EngineArguments

    @Option(help: "Time zone of the posts' local day and hour: an IANA name or UTC.")
    var timezone: String = PostingClock.defaultIdentifier

    func validate() throws {
        guard (2...1_000).contains(replicates) else { throw ValidationError("--replicates \(replicates): expected 2...1000") }
        guard (4...520).contains(weeks) else { throw ValidationError("--weeks \(weeks): expected 4...520") }
    }

    func run() throws {
        let report: FitPipeline.Report
        do {
            var options = FitPipeline.Options(
                scenarioPath: scenario, historyDirectory: history,
                until: try until.map { try PostingClock.day($0, option: "--until") }, weeks: weeks, outputDirectory: out,
                replicates: replicates, seed: seed, threads: threads.value, clock: try PostingClock(timeZone: timezone),
                command: CommandLine.arguments)
            if let engine = sampler.engine { options.engine = engine }
            report = try FitPipeline.run(options)
        } catch {
            throw fail(error)
        }
        let r = report.result
        for w in r.warnings { FileHandle.standardError.write(Data(("warning: " + w + "\n").utf8)) }
        print("Fit of \(scenario) on \(history), \(r.from) to \(r.until): \(r.iterations) iterations of \(replicates) replicates.")
        print(FitPipeline.table(r))
        print(String(format: "\n%.1f s. Wrote ", report.wallTimeSeconds) + report.files.map { "\(out)/\($0)" }.joined(separator: ", "))
    }
}
