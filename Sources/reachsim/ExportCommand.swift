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

        @Option(name: .shortAndLong, help: "The notebook to write (default: notebooks-export/NAME.ipynb, NAME the directory's name).")
        var output: String?

        func run() throws {
            let dir = URL(fileURLWithPath: directory)
            let target = output ?? "notebooks-export/\(dir.standardizedFileURL.lastPathComponent).ipynb"
            do {
                let bytes = try NotebookExport.render(directory: dir, notebookPath: URL(fileURLWithPath: target))
                try OutputTransaction.writeFile(bytes, to: target)
            } catch { throw fail(error) }
            print("Wrote \(target)")
        }
    }
}
