/// The synthetic population, generated once per run from the scenario and its seed.
///
/// Agents are numbered by segment: segment s holds the contiguous ids `segmentStart[s]..<segmentStart[s+1]`,
/// sized by largest-remainder apportionment of the shares, so segment sizes are exact, not random.
/// Every agent has an activity level (see `ActivityLevels`) and a set of platforms it uses.
public struct Audience: Sendable {
    public let agentCount: Int
    /// People per agent.
    public let scale: Int
    public let segmentStart: [Int]
    /// Exposure class of each agent (segment × activity level, see `ExposureClasses`).
    public let classOf: [UInt8]
    /// Bit p set when the agent uses platform p.
    public let platformMask: [UInt32]
    /// Agent ids using each platform, ascending.
    public let platformUsers: [[UInt32]]
    public let classes: ExposureClasses

    public var segmentCount: Int { segmentStart.count - 1 }

    /// Segment of `agent`.
    @inline(__always)
    public func segment(of agent: Int) -> Int { Int(classOf[agent]) / ActivityLevels.count }

    /// Generates the population.
    ///
    /// Platform use: person i of segment s uses platform p when
    /// √ρ·Zᵢ + √(1−ρ)·εᵢₚ < Φ⁻¹(use[s][p]), with Zᵢ, εᵢₚ standard normal: each platform's share
    /// of users is exactly the segment's probability in expectation, and ρ (0...1) makes users of
    /// one platform likelier to use another (a one-factor Gaussian copula).
    ///   - platformNames: key each platform's own draws, so that adding or removing a platform
    ///     leaves who uses the others unchanged (common random numbers across scenarios); nil keys
    ///     them by position (`p0`, `p1`, ...).
    public static func generate(_ spec: AudienceSpec, platformCount: Int, seed: UInt64,
                                platformNames: [String]? = nil) -> Audience {
        precondition(platformCount <= 32, "at most 32 platforms")
        precondition(spec.segments.count * ActivityLevels.count <= 256, "at most 64 segments")
        let rng = RandomStream(seed: seed, purpose: .audience)
        let names = platformNames ?? (0..<platformCount).map { "p\($0)" }
        let own = names.map { RandomStream(seed: seed, purpose: .audience, key: RandomStream.key($0)) }
        let n = spec.size
        let sizes = apportion(total: n, shares: spec.segments.map(\.share))
        var starts = [0]
        for s in sizes { starts.append(starts.last! + s) }

        let rho = spec.platformUseCorrelation
        let common = rho.squareRoot(), idiosyncratic = (1 - rho).squareRoot()
        var classOf = [UInt8](repeating: 0, count: n)
        var mask = [UInt32](repeating: 0, count: n)
        var users = [[UInt32]](repeating: [], count: platformCount)
        for (s, segment) in spec.segments.enumerated() {
            let thresholds = segment.platformUse.map { p -> Double in
                p <= 0 ? -.infinity : (p >= 1 ? .infinity : Statistics.normalQuantile(p))
            }
            for agent in starts[s]..<starts[s + 1] {
                classOf[agent] = UInt8(s * ActivityLevels.count + rng.below(ActivityLevels.count))
                let z = rho > 0 ? rng.gaussian() : 0
                var m: UInt32 = 0
                for p in 0..<platformCount {
                    let latent = common * z + idiosyncratic * own[p].gaussian()
                    if latent < thresholds[p] { m |= 1 << UInt32(p) }
                }
                mask[agent] = m
            }
        }
        for agent in 0..<n {
            var m = mask[agent]
            while m != 0 {
                let p = m.trailingZeroBitCount
                users[p].append(UInt32(agent))
                m &= m - 1
            }
        }
        let classes = ExposureClasses(
            sessionsPerDay: spec.segments.map(\.sessionsPerDay),
            levels: ActivityLevels(shape: spec.activityShape))
        return Audience(agentCount: n, scale: spec.scale, segmentStart: starts, classOf: classOf,
                        platformMask: mask, platformUsers: users, classes: classes)
    }

    /// Splits `total` into parts proportional to `shares` (largest remainder; ties to the first).
    static func apportion(total: Int, shares: [Double]) -> [Int] {
        let sum = shares.reduce(0, +)
        guard sum > 0 else { return shares.map { _ in 0 } }
        let exact = shares.map { Double(total) * $0 / sum }
        var parts = exact.map { Int($0.rounded(.down)) }
        var left = total - parts.reduce(0, +)
        let order = exact.indices.sorted { (exact[$0] - Double(parts[$0])) > (exact[$1] - Double(parts[$1])) }
        for i in order where left > 0 {
            parts[i] += 1
            left -= 1
        }
        return parts
    }
}

/// Groups of exchangeable people: class c = segment × activity level (`c / levels`, `c % levels`).
public struct ExposureClasses: Sendable {
    public let count: Int
    /// Mean app sessions per day of each class.
    public let sessionsPerDay: [Double]
    /// Activity multiplier of each class (mean 1 over levels).
    public let activity: [Double]
    public let segmentOfClass: [Int]

    init(sessionsPerDay segmentRates: [Double], levels: ActivityLevels) {
        let l = ActivityLevels.count
        count = segmentRates.count * l
        sessionsPerDay = (0..<count).map { segmentRates[$0 / l] * levels.multipliers[$0 % l] }
        activity = (0..<count).map { levels.multipliers[$0 % l] }
        segmentOfClass = (0..<count).map { $0 / l }
    }
}
