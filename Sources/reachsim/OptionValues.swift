import ArgumentParser
import Foundation
import ReachSim

/// Command-line values parsed once, into typed values, by the option's `transform`: a bad value
/// is a usage error (exit 64) whose message says what to give, and `run()` never parses again.
/// Each type also conforms to `ExpressibleByArgument` (the same parser, without the message).
protocol CheckedArgument: ExpressibleByArgument {
    /// The value of `text`, or a `ValidationError` that names the option and what it accepts.
    static func parse(_ text: String) throws -> Self
}

extension CheckedArgument {
    init?(argument: String) {
        guard let value = try? Self.parse(argument) else { return nil }
        self = value
    }
}

/// A whole number in `range`, or the error "--NAME must be between A and B, got X.".
private func integer(_ text: String, option: String, in range: ClosedRange<Int>) throws -> Int {
    guard let n = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(n) else {
        throw ValidationError("\(option) must be between \(range.lowerBound) and \(range.upperBound), got \(text).")
    }
    return n
}

/// `--replicates`: `Scenario.replicatesRange`.
struct ReplicateCount: CheckedArgument, CustomStringConvertible {
    let value: Int
    static func parse(_ text: String) throws -> ReplicateCount {
        ReplicateCount(value: try integer(text, option: "--replicates", in: Scenario.replicatesRange))
    }
    var description: String { String(value) }
}

/// `--threads`: `SimulationOptions.threadsRange`.
struct ThreadCount: CheckedArgument, CustomStringConvertible {
    let value: Int
    /// Every core of this machine.
    static var allCores: ThreadCount { ThreadCount(value: ProcessInfo.processInfo.activeProcessorCount) }
    static func parse(_ text: String) throws -> ThreadCount {
        ThreadCount(value: try integer(text, option: "--threads", in: SimulationOptions.threadsRange))
    }
    var description: String { String(value) }
    var defaultValueDescription: String { String(value) }
}

/// `--max-memory`: a size such as 8G (`MemoryLimit.parse`).
struct MemorySize: CheckedArgument {
    let bytes: Double
    static func parse(_ text: String) throws -> MemorySize {
        guard let bytes = MemoryLimit.parse(text) else {
            throw ValidationError("--max-memory must be a size such as 8G, 500M or 1048576 (bytes), got '\(text)'.")
        }
        return MemorySize(bytes: bytes)
    }
}

/// `--engine`: exact, grouped or auto.
extension EngineChoice: CheckedArgument {
    public init?(argument: String) { self.init(rawValue: argument) }

    static func parse(_ text: String) throws -> EngineChoice {
        guard let choice = EngineChoice(rawValue: text) else {
            throw ValidationError("--engine must be exact, grouped or auto, got '\(text)'.")
        }
        return choice
    }
}

/// `--engine` of the commands that simulate (`run`, `compare`, `sweep`, `sensitivity` through
/// `SimulationArguments`; `fit`, `backtest`). Absent: the library's default (`auto`).
struct EngineArguments: ParsableArguments {
    @Option(help: ArgumentHelp("""
        Sampler: exact (every person an agent, the reference), grouped (people counted in groups, \
        approximate, fast for large audiences; docs/engines.md) or auto (grouped from a million \
        agents, exact below; default).
        """, valueName: "exact|grouped|auto"), transform: EngineChoice.parse)
    var engine: EngineChoice?
}

extension Shard: CheckedArgument {
    public init?(argument: String) {
        guard let shard = try? Shard(parsing: argument) else { return nil }
        self = shard
    }

    /// `--shard K/N`.
    static func parse(_ text: String) throws -> Shard {
        do { return try Shard(parsing: text) } catch { throw ValidationError(error.description + ".") }
    }
}

/// `--set KEY=VALUES`: the parsed parameter and the text as given (passed on as written to the
/// shards of `reachsim slurm`).
struct SweepSetting: CheckedArgument {
    let text: String
    let parameter: SweepParameter
    static func parse(_ text: String) throws -> SweepSetting {
        do { return SweepSetting(text: text, parameter: try SweepParameter(parsing: text)) } catch {
            throw ValidationError(error.description + ".")
        }
    }
}

/// The options that say how much to compute and from which seed: `run`, `compare`, `sweep`
/// (through `SimulationArguments`) and `slurm`, which passes them on to every shard.
struct ReplicateArguments: ParsableArguments {
    @Option(help: "Replicates (overrides the scenario's `replicates`).", transform: ReplicateCount.parse)
    var replicates: ReplicateCount?

    @Option(help: "Seed (overrides the scenario's `seed`).")
    var seed: UInt64?
}
