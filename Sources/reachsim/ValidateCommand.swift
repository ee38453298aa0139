import ArgumentParser
import Foundation
import ReachSim

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files without running them.")

    @Argument(help: "Scenario files (YAML).")
    var scenarios: [String]

    func run() throws {
        var worst: ExitStatus = .success
        for path in scenarios {
            do {
                let s = try ScenarioLoader.load(path: path)
                print("\(path): ok (\(s.platforms.count) platforms, \(s.audience.segments.count) segments, \(s.horizonWeeks) weeks)")
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                worst = ExitStatus.of(error)
            }
        }
        if worst != .success { throw ExitCode(worst.rawValue) }
    }
}
