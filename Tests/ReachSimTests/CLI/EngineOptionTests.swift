import ArgumentParser
import Foundation
import Testing
@testable import ReachSim
@testable import reachsim

/// `--engine exact|grouped|auto` on every command that simulates: parsed into an `EngineChoice`,
/// absent meaning the library's default (`auto`), anything else a usage error naming the option;
/// `slurm` passes it on to the shards.
@Suite struct EngineOptionTests {
    /// Each command's required arguments, and how to read its parsed engine.
    static let commands: [(name: String, arguments: [String], engine: @Sendable ([String]) throws -> EngineChoice?)] = [
        ("run", ["s.yaml"], { try RunCommand.parse($0).simulation.sampler.engine }),
        ("compare", ["a.yaml", "b.yaml"], { try CompareCommand.parse($0).simulation.sampler.engine }),
        ("compare --uncertainty", ["a.yaml", "b.yaml", "--uncertainty", "8"],
         { try CompareCommand.parse($0).simulation.sampler.engine }),
        ("sweep", ["s.yaml", "--set", "seed=1,2"], { try SweepCommand.parse($0).simulation.sampler.engine }),
        ("sensitivity", ["s.yaml"], { try SensitivityCommand.parse($0).simulation.sampler.engine }),
        ("fit", ["s.yaml", "--history", "h", "--out", "o"], { try FitCommand.parse($0).sampler.engine }),
        ("backtest", ["s.yaml", "--history", "h", "--train-until", "2024-01-01", "--out", "o"],
         { try BacktestCommand.parse($0).sampler.engine }),
        ("slurm", ["s.yaml", "--shards", "2", "--out", "o"], { try SlurmCommand.parse($0).engine }),
    ]

    @Test func everyCommandParsesTheThreeChoices() throws {
        for command in Self.commands {
            for choice in EngineChoice.allCases {
                #expect(try command.engine(command.arguments + ["--engine", choice.rawValue]) == choice, "\(command.name)")
            }
            #expect(try command.engine(command.arguments) == nil, "\(command.name): absent is the library's default")
        }
        #expect(SimulationOptions(outputDirectory: "o").engine == .auto)
    }

    @Test func anotherValueIsRefusedNamingTheOption() throws {
        for command in Self.commands {
            for bad in ["fast", "Exact", ""] {
                do {
                    _ = try command.engine(command.arguments + ["--engine", bad])
                    Issue.record("\(command.name) took --engine '\(bad)'")
                } catch {
                    let message = RunCommand.message(for: error)
                    #expect(message.contains("--engine must be exact, grouped or auto, got '\(bad)'"), "\(command.name): \(message)")
                }
            }
        }
    }

    /// Through the real command: exit 64 (usage) and the message on stderr, before any file is read.
    @Test func aBadValueExits64() throws {
        let r = try CommandRunner.run(["run", "missing.yaml", "--engine", "fast"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--engine must be exact, grouped or auto, got 'fast'."), "\(r.stderr)")
    }

    /// Each shard runs the engine given to `slurm`; without one, the shards' default.
    @Test func slurmPassesTheEngineToEveryShard() throws {
        let w = ShardMergeTests.Workspace()
        _ = try w.file("s.yaml", ReproducibilityTests.scenarioText)
        for (extra, expected) in [(["--engine", "grouped"], " --threads 1 --engine grouped --shard "),
                                  ([], " --threads 1 --shard ")] {
            let r = try CommandRunner.run(["slurm", "s.yaml", "--shards", "2", "--out", "out"] + extra, in: w.dir)
            #expect(r.status == 0, "\(r.stderr)")
            let script = try String(contentsOfFile: w.path("out/slurm/shards.sbatch"), encoding: .utf8)
            #expect(script.contains(expected), "\(script)")
        }
    }
}
