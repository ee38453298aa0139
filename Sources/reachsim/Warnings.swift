import Foundation
import ReachSim

/// Prints the warnings of each scenario file to stderr, one line each (`file:line: warning: ...`).
/// A file that does not load prints nothing here: the command's own error says why.
func printWarnings(_ paths: [String]) {
    for path in paths {
        guard let warnings = try? ScenarioWarnings.check(path: path) else { continue }
        for w in warnings { FileHandle.standardError.write(Data("\(w)\n".utf8)) }
    }
}
