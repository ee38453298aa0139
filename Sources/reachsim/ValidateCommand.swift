import ArgumentParser
import Foundation
import ReachSim

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files without running them.",
        discussion: "Also warns (exit 0) about what was probably not meant: announcement posts after their account stops posting, plans that do not fit the team's hours, accounts that publish nothing.")

    @Argument(help: "Scenario files (YAML).")
    var scenarios: [String]

    func run() throws {
        var worst: ExitStatus = .success
        for path in scenarios {
            do {
                let s = try ScenarioLoader.load(path: path)
                print("\(path): ok (\(s.platforms.count) platforms, \(s.audience.segments.count) segments, \(s.horizonWeeks) weeks)")
                printWarnings([path])
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                worst = ExitStatus.of(error)
            }
        }
        if worst != .success { throw ExitCode(worst.rawValue) }
    }
}
