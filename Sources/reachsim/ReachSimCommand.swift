import ArgumentParser
import Foundation
import ReachSim

@main
struct ReachSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reachsim",
        abstract: "Monte Carlo simulator of social-media reach for cultural institutions.",
        discussion: """
            Exit codes: 0 success, 64 wrong usage, 65 invalid scenario or input file \
            or a run too large for the memory (nothing written), 74 output not writable, 130/143 stopped by \
            SIGINT/SIGTERM (nothing written; --resume continues), 1 other failure.
            """,
        version: ReachSimVersion.string,
        subcommands: [RunCommand.self, CompareCommand.self, SweepCommand.self, ReportCommand.self, ExportCommand.self,
                      MergeCommand.self, SlurmCommand.self, ValidateCommand.self, SchemaCommand.self, PresetsCommand.self,
                      CalibrateCommand.self, CascadeCommand.self, ImportCommand.self,
                      BacktestCommand.self, FitCommand.self, SensitivityCommand.self, InitCommand.self])
}

/// Prints a library error and exits with its status: one line, no stack trace.
func fail(_ error: Error) -> ExitCode {
    // An interruption is not an error of the user's: say what was done and how to go on.
    let prefix = error is Interrupted ? "" : "error: "
    FileHandle.standardError.write(Data("\(prefix)\(error)\n".utf8))
    return ExitCode(ExitStatus.of(error).rawValue)
}
