/// The `shard` object of a shard's `manifest.json`: which units of which work the shard's
/// `replicates.bin` holds, so that `reachsim merge` can check that shards belong together.
public struct ShardRecord: Codable, Equatable, Sendable {
    /// K of `--shard K/N` (0 ..< count).
    public var index: Int
    /// N of `--shard K/N`.
    public var count: Int
    /// The units held: `firstUnit ..< endUnit` of the plan's `totalUnits` (unit = simulation ×
    /// replicates + replicate; see `ReplicatePlan`).
    public var firstUnit: Int
    public var endUnit: Int
    public var totalUnits: Int
    /// The work the shard is part of.
    public var plan: PlanIdentity
    /// Absolute directory the shard ran in: a merge finds relative scenario paths from there.
    public var workingDirectory: String

    public var units: Range<Int> { firstUnit ..< endUnit }

    enum CodingKeys: String, CodingKey {
        case index, count, plan
        case firstUnit = "first_unit"
        case endUnit = "end_unit"
        case totalUnits = "total_units"
        case workingDirectory = "working_directory"
    }
}
