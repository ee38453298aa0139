import Crypto
import Foundation

/// What ran: the record written as `manifest.json` next to a run's data files.
///
/// Its presence marks a complete result (see `OutputTransaction`); its contents let anyone
/// rerun the same simulation (version, scenario bytes, seed, command) and check that the data
/// files are the ones it produced (size and SHA-256 of each).
///
/// JSON form: snake_case keys (`reachsim_version`, `scenario_sha256`, `wall_time_seconds`, ...),
/// sorted, pretty-printed, slashes unescaped, ending with a newline. The seed is a JSON
/// *string* of decimal digits (`"seed": "18446744073709551615"`): JSON numbers are read as
/// doubles by most tools, which silently round integers above 2^53.
public struct Manifest: Codable, Sendable, Equatable {
    /// `ReachSimVersion.string` of the build that ran.
    public var reachsimVersion: String
    /// The scenario's name.
    public var scenario: String
    /// The scenario file as given on the command line.
    public var scenarioPath: String
    /// Lower-case hex SHA-256 of the scenario file's bytes.
    public var scenarioSHA256: String
    /// The run's seed (encoded as a decimal string, see the type's documentation).
    public var seed: UInt64
    /// Number of replicates.
    public var replicates: Int
    /// Worker threads used (results do not depend on it; recorded for timing comparisons).
    public var threads: Int
    /// The engine that computed the results (`"engine": "exact"` or `"grouped"`). Manifests
    /// written before engines could be chosen have none and are read as `exact`, the only engine
    /// then.
    public var engine: EngineKind
    /// What `--engine` asked for (`"engine_requested": "auto"`, `"exact"` or `"grouped"`); read
    /// as `exact` where absent, like `engine`.
    public var engineRequested: EngineChoice
    /// Simulated weeks.
    public var weeks: Int
    /// Wall-clock duration of the run, in seconds.
    public var wallTimeSeconds: Double
    /// Every data file written, in writing order.
    public var files: [DataFile]
    /// The command-line words, program name first.
    public var command: [String]
    /// Only in a shard's manifest (`--shard K/N`): which part of which work the shard holds.
    /// Absent from every other manifest, whose bytes are unchanged by this field.
    public var shard: ShardRecord?

    /// One data file of the result.
    public struct DataFile: Codable, Sendable, Equatable {
        /// File name within the output directory.
        public var name: String
        /// Size in bytes.
        public var bytes: Int
        /// Lower-case hex SHA-256 of the contents.
        public var sha256: String

        public init(name: String, bytes: Int, sha256: String) {
            self.name = name
            self.bytes = bytes
            self.sha256 = sha256
        }

        /// The entry for a file with these `contents` (hashes them).
        public init(name: String, contents: [UInt8]) {
            self.init(name: name, bytes: contents.count, sha256: Manifest.sha256Hex(contents))
        }
    }

    public init(reachsimVersion: String = ReachSimVersion.string, scenario: String, scenarioPath: String,
                scenarioSHA256: String, seed: UInt64, replicates: Int, threads: Int, engine: EngineKind,
                engineRequested: EngineChoice, weeks: Int, wallTimeSeconds: Double, files: [DataFile], command: [String]) {
        self.reachsimVersion = reachsimVersion
        self.scenario = scenario
        self.scenarioPath = scenarioPath
        self.scenarioSHA256 = scenarioSHA256
        self.seed = seed
        self.replicates = replicates
        self.threads = threads
        self.engine = engine
        self.engineRequested = engineRequested
        self.weeks = weeks
        self.wallTimeSeconds = wallTimeSeconds
        self.files = files
        self.command = command
    }

    // MARK: JSON

    /// Explicit keys, so any `JSONDecoder` reads the file without a key strategy.
    enum CodingKeys: String, CodingKey {
        case reachsimVersion = "reachsim_version"
        case scenario
        case scenarioPath = "scenario_path"
        case scenarioSHA256 = "scenario_sha256"
        case seed
        case replicates
        case threads
        case engine
        case engineRequested = "engine_requested"
        case weeks
        case wallTimeSeconds = "wall_time_seconds"
        case files
        case command
        case shard
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reachsimVersion = try c.decode(String.self, forKey: .reachsimVersion)
        scenario = try c.decode(String.self, forKey: .scenario)
        scenarioPath = try c.decode(String.self, forKey: .scenarioPath)
        scenarioSHA256 = try c.decode(String.self, forKey: .scenarioSHA256)
        seed = try c.decodeSeed(forKey: .seed)
        replicates = try c.decode(Int.self, forKey: .replicates)
        threads = try c.decode(Int.self, forKey: .threads)
        engine = try c.decodeIfPresent(EngineKind.self, forKey: .engine) ?? .exact
        if let requested = try c.decodeIfPresent(String.self, forKey: .engineRequested) {
            guard let choice = EngineChoice(rawValue: requested) else {
                throw DecodingError.dataCorruptedError(forKey: .engineRequested, in: c,
                                                       debugDescription: "not exact, grouped or auto: '\(requested)'")
            }
            engineRequested = choice
        } else {
            engineRequested = .exact
        }
        weeks = try c.decode(Int.self, forKey: .weeks)
        wallTimeSeconds = try c.decode(Double.self, forKey: .wallTimeSeconds)
        files = try c.decode([DataFile].self, forKey: .files)
        command = try c.decode([String].self, forKey: .command)
        shard = try c.decodeIfPresent(ShardRecord.self, forKey: .shard)
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
        try c.encodeIfPresent(shard, forKey: .shard)
    }

    /// The manifest as `manifest.json` bytes (see the type's documentation for the form).
    ///
    /// - Throws: `EncodingError` if `wallTimeSeconds` is not finite.
    public func jsonBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var bytes = [UInt8](try encoder.encode(self))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// Reads a manifest from `manifest.json` bytes.
    public static func decode(_ bytes: [UInt8]) throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Data(bytes))
    }

    // MARK: Hashing

    /// Lower-case hex SHA-256 of `bytes` (64 characters).
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for b in SHA256.hash(data: bytes) {
            hex.append(digits[Int(b >> 4)])
            hex.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
