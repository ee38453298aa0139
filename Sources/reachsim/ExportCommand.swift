import ArgumentParser
import Foundation
import ReachSim

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export results for other tools.",
        subcommands: [NotebookCommand.self])

    struct NotebookCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notebook",
            abstract: "Write a Jupyter notebook that loads a run's CSV files with pandas and draws its charts.")

        @Argument(help: "A directory written by `reachsim run` or `reachsim compare`.")
        var directory: String

        @Option(name: .shortAndLong, help: "The notebook to write (default: NAME.ipynb next to the directory, NAME its name).")
        var output: String?

        func run() throws {
            let dir = URL(fileURLWithPath: directory)
            // Next to the run by default: `out/museum-baseline` gives `out/museum-baseline.ipynb`.
            let run = dir.standardizedFileURL
            let target = output ?? run.deletingLastPathComponent().appendingPathComponent(run.lastPathComponent + ".ipynb").path
            do {
                let bytes = try NotebookExport.render(directory: dir, notebookPath: URL(fileURLWithPath: target))
                try OutputTransaction.writeFile(bytes, to: target)
            } catch { throw fail(error) }
            print("Wrote \(target)")
        }
    }
}
