import ArgumentParser
import Foundation
import ReachSim

struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Run the standard calibration scenario of every preset against the published targets.",
        discussion: """
            In-sample targets (what a preset was tuned to) must pass; out-of-sample targets (other account \
            sizes, other periods, real per-post data) are reported with their gap, pass or fail. Exits with 1 \
            when an in-sample target fails. With --out, writes calibration.csv and calibration.md there.
            """)

    @Option(name: .shortAndLong, help: "Directory for calibration.csv and calibration.md (created if missing).")
    var out: String?

    @Option(help: "Replicates per preset.")
    var replicates: Int = Calibration.replicates

    @Option(help: "Worker threads (default: all cores; presets run in parallel). The report does not depend on it.", transform: ThreadCount.parse)
    var threads: ThreadCount = .allCores

    func validate() throws {
        if !(2...100_000).contains(replicates) {
            throw ValidationError("--replicates must be between 2 and 100000, got \(replicates).")
        }
    }

    func run() throws {
        let rows: [Calibration.Row]
        do { rows = try Calibration.run(replicates: replicates, threads: threads.value) } catch { throw fail(error) }
        print(Calibration.text(rows))
        if let out {
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                try Calibration.csv(rows).write(toFile: out + "/calibration.csv", atomically: true, encoding: .utf8)
                try Calibration.markdown(rows).write(toFile: out + "/calibration.md", atomically: true, encoding: .utf8)
            } catch {
                FileHandle.standardError.write(Data("error: cannot write to \(out): \(error.localizedDescription)\n".utf8))
                throw ExitCode(74)
            }
            print("Wrote \(out)/calibration.csv, \(out)/calibration.md")
        }
        if !Calibration.failures(rows).isEmpty { throw ExitCode.failure }
    }
}
