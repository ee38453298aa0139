import Foundation

/// `manifest.json` of a back-test: what ran (version, scenario and its SHA-256, seed, engine, command), on
/// which history, over which days, the files written (size and SHA-256), and `fitted`: true when
/// `--fit` fitted the scenario on the training period first, false when its parameters ran as they are.
/// Snake_case keys, sorted, pretty-printed; the seed is a decimal string (see `Manifest`).
public struct BacktestManifest: Encodable, Sendable {
    public var reachsimVersion = ReachSimVersion.string
    public var scenario: String
    public var scenarioPath: String
    public var scenarioSHA256: String
    public var seed: UInt64
    public var replicates: Int
    public var threads: Int
    /// The engine that simulated the test period, and what `--engine` asked for (see `Manifest`).
    public var engine: EngineKind
    public var engineRequested: EngineChoice
    /// Simulated weeks.
    public var weeks: Int
    public var wallTimeSeconds: Double
    public var files: [Manifest.DataFile]
    public var command: [String]
    /// False: the scenario's parameters were used as they are, not fitted to the history.
    public var fitted: Bool
    /// What `fitted` means, in words.
    public var parameters: String
    public var history: String
    public var trainUntil: String
    /// First and last simulated day (local).
    public var simulatedFrom: String
    public var simulatedUntil: String
    public var holdout: String
    public var timezone: String
    public var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case reachsimVersion = "reachsim_version", scenario, scenarioPath = "scenario_path"
        case scenarioSHA256 = "scenario_sha256", seed, replicates, threads, engine
        case engineRequested = "engine_requested", weeks
        case wallTimeSeconds = "wall_time_seconds", files, command, fitted, parameters, history
        case trainUntil = "train_until", simulatedFrom = "simulated_from", simulatedUntil = "simulated_until"
        case holdout, timezone, warnings
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reachsimVersion, forKey: .reachsimVersion)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(scenarioPath, forKey: .scenarioPath)
        try c.encode(scenarioSHA256, forKey: .scenarioSHA256)
        try c.encodeSeed(seed, forKey: .seed)
        try c.encode(replicates, forKey: .replicates)
        try c.encode(threads, forKey: .threads)
        try c.encode(engine, forKey: .engine)
        try c.encode(engineRequested.rawValue, forKey: .engineRequested)
        try c.encode(weeks, forKey: .weeks)
        try c.encode(wallTimeSeconds, forKey: .wallTimeSeconds)
        try c.encode(files, forKey: .files)
        try c.encode(command, forKey: .command)
        try c.encode(fitted, forKey: .fitted)
        try c.encode(parameters, forKey: .parameters)
        try c.encode(history, forKey: .history)
        try c.encode(trainUntil, forKey: .trainUntil)
        try c.encode(simulatedFrom, forKey: .simulatedFrom)
        try c.encode(simulatedUntil, forKey: .simulatedUntil)
        try c.encode(holdout, forKey: .holdout)
        try c.encode(timezone, forKey: .timezone)
        try c.encode(warnings, forKey: .warnings)
    }

    /// The JSON bytes, ending with a newline.
    public func jsonBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }
}
