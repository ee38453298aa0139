import ArgumentParser
import Foundation
import ReachSim

struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Simulate a history's held-out period with the posts as they happened and score the forecast against it.",
        discussion: """
            Reads the --out folder of `reachsim import` (observed_posts.csv, observed_followers.csv), replaces the plan \
            of every account of the scenario that the history names by its observed posts, simulates the days after \
            --train-until to the last observed post, and compares per week and per month, per account: impressions, \
            likes, shares (reposts), comments (replies), followers at each month's end. Writes backtest.csv, \
            backtest_summary.csv (MAPE, weighted MAPE, bias, coverage of the 80 % and 95 % ranges, skill against the \
            mean of the last three training months), posts_quantiles.csv, rates.csv and manifest.json. \
            With --fit, first fits the scenario on the last --fit-weeks weeks of the training period (as `reachsim fit` \
            does; fit.csv) and simulates the test period with the fitted values; without, the scenario's parameters are \
            used as they are (fitted: false). See docs/validation.md.
            """)

    @Argument(help: "The scenario file (YAML); its accounts are named as the history names them.")
    var scenario: String

    @Option(help: "The --out folder of `reachsim import`.")
    var history: String

    @Option(help: ArgumentHelp("Last day of the training period; the test period runs from the next day to the last observed post.",
                               valueName: "YYYY-MM-DD"))
    var trainUntil: String

    @Option(name: .shortAndLong, help: "Output directory (created if missing).")
    var out: String

    @OptionGroup var size: ReplicateArguments

    @Option(help: "Worker threads (default: all cores). The output does not depend on it.", transform: ThreadCount.parse)
    var threads: ThreadCount = .allCores

    @OptionGroup var sampler: EngineArguments

    @Option(help: "Which weeks to hold out: the last ones (after --train-until) or weeks spread over the whole history.")
    var holdout: BacktestHoldout = .last

    @Option(help: "Time zone of the posts' local day and hour: an IANA name or UTC.")
    var timezone: String = PostingClock.defaultIdentifier

    @Flag(help: "Fit the scenario on the training period first (reachsim fit), then simulate the test period with it.")
    var fit = false

    @Option(help: "With --fit: weeks of the training period used, 4...520 (the last ones).")
    var fitWeeks: Int = 26

    func run() throws {
        let report: BacktestPipeline.Report
        do {
            var options = BacktestPipeline.Options(
                scenarioPath: scenario, historyDirectory: history,
                trainUntil: try PostingClock.day(trainUntil, option: "--train-until"), outputDirectory: out,
                replicates: size.replicates?.value, seed: size.seed, threads: threads.value, holdout: holdout,
                clock: try PostingClock(timeZone: timezone), command: CommandLine.arguments, fit: fit, fitWeeks: fitWeeks)
            if let engine = sampler.engine { options.engine = engine }
            report = try BacktestPipeline.run(options)
        } catch {
            throw fail(error)
        }
        print(BacktestSummary.render(report))
    }
}

extension BacktestHoldout: ExpressibleByArgument {}
