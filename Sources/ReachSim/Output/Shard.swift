/// `--shard K/N`: the K-th of N contiguous, near-equal blocks of a plan's units (K from 0 to
/// N − 1, like Slurm's array task ids). Shard K computes units `⌊U·K/N⌋ ..< ⌊U·(K+1)/N⌋` of the
/// plan's U units, so the N shards cover every unit exactly once, and the blocks of a sweep or a
/// comparison cross from one variant to the next where they fall.
public struct Shard: Codable, Equatable, Sendable, CustomStringConvertible {
    /// 0 ..< count.
    public let index: Int
    /// 1...100,000.
    public let count: Int

    public static let maxCount = 100_000

    public init(index: Int, count: Int) throws(ShardError) {
        guard (1...Self.maxCount).contains(count) else {
            throw ShardError("--shard \(index)/\(count): N must be between 1 and \(Self.maxCount)")
        }
        guard (0..<count).contains(index) else {
            throw ShardError("--shard \(index)/\(count): K must be between 0 and \(count - 1) (shards are numbered from 0, like Slurm array tasks)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`, e.g. `0/4`.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw ShardError("--shard '\(text)': expected K/N with whole numbers, e.g. 0/4 for the first of four shards")
        }
        try self.init(index: k, count: n)
    }

    /// The units of a plan of `total` units that this shard computes.
    public func units(of total: Int) -> Range<Int> {
        total * index / count ..< total * (index + 1) / count
    }

    public var description: String { "\(index)/\(count)" }
}

/// A `--shard` value that cannot be used.
public struct ShardError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ message: String) { description = message }
}
