import ArgumentParser
import Foundation
import ReachSim

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report (charts, no network needed) of a run or comparison directory.")

    @Argument(help: "A directory written by `reachsim run` or `reachsim compare`.")
    var directory: String

    @Option(name: .shortAndLong, help: "The HTML file to write (default: DIRECTORY/report.html).")
    var output: String?

    func run() throws {
        let target = output ?? (directory as NSString).appendingPathComponent("report.html")
        do {
            let html = try HTMLReport.render(directory: URL(fileURLWithPath: directory))
            try OutputTransaction.writeFile(Array(html.utf8), to: target)
        } catch { throw fail(error) }
        print("Wrote \(target)")
    }
}
