import Foundation
import ReachSim

/// Exit codes of the `reachsim` command, from sysexits.h so scripts can tell bad input from a
/// failed run. The command line's, not the library's: the library throws typed errors.
enum ExitStatus: Int32, Sendable {
    case success = 0
    /// The run itself failed (an unexpected condition).
    case failure = 1
    /// Wrong command-line usage (unknown option, bad value).
    case usage = 64
    /// The scenario or one of its input files is invalid, or the run would need more memory than
    /// allowed; nothing was written.
    case badInput = 65
    /// The output could not be written; nothing that looks complete was left.
    case cannotWrite = 74
    /// Stopped by SIGINT (128 + 2) before writing its files; `--resume` continues.
    case interrupted = 130
    /// Stopped by SIGTERM (128 + 15), e.g. a cluster's time limit; `--resume` continues.
    case terminated = 143

    /// The status for an error thrown by the library.
    static func of(_ error: Error) -> ExitStatus {
        switch error {
        case is ScenarioError, is WorldError, is EdgeListError, is ReportError, is MergeError, is ReplicateRecordsError,
             is ResourceError, is ImportError, is BacktestError: .badInput
        case is OutputError: .cannotWrite
        case is SweepError, is ShardError: .usage
        case let e as CheckpointError: e.isUsage ? .usage : .badInput
        case let e as Interrupted: e.signal == SIGTERM ? .terminated : .interrupted
        default: .failure
        }
    }
}
