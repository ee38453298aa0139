import ArgumentParser
import Foundation
import ReachSim

extension ReportLanguage: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report (charts, no network needed) of a run, comparison or back-test directory.")

    @Argument(help: "A directory written by `reachsim run`, `compare` (with or without --uncertainty), `sensitivity` or `backtest`.")
    var directory: String

    @Option(name: .shortAndLong, help: "The HTML file to write (default: DIRECTORY/report.html).")
    var output: String?

    @Option(help: "The language of the brief, labels and numbers: en or fr.")
    var lang: ReportLanguage = .en

    func run() throws {
        let target = output ?? (directory as NSString).appendingPathComponent("report.html")
        do {
            let url = URL(fileURLWithPath: directory)
            let html = try BacktestReport.isBacktest(url) ? BacktestReport.render(directory: url, language: lang)
                : UncertaintyReport.isStudy(url) ? UncertaintyReport.render(directory: url, language: lang)
                : HTMLReport.render(directory: url, language: lang)
            try OutputTransaction.writeFile(Array(html.utf8), to: target)
        } catch { throw fail(error) }
        print("Wrote \(target)")
    }
}
