import Testing
@testable import ReachSim

/// With the people outside the catchment, `audience.size` no longer sets reach: doubling the
/// catchment (same followers, same plan) moves its own reach only by the discovery share it gains,
/// q = W_c / (W_o + W_c) with W the interest weight (people × affinity), which is small next to
/// France's X users (docs/model.md, "The people outside the catchment"); the followers' reach,
/// unchanged, dominates. Under a closed pool the same doubling gave discovery twice the people.
@Suite struct OpenAudienceSizeTests {
    static func scenario(size: Int, closed: Bool) throws -> Scenario {
        try ScenarioLoader.parse("""
            name: open-\(size)
            horizon_weeks: 8
            replicates: 150
            seed: 11
            team: {hours_per_week: 20}
            audience:
              size: \(size)
              outside: \(closed ? "none" : "{}")
              segments: [{name: everyone, age: 25-34, share: 1}]
            platforms:
              x:
                followers: 300
                plan: {posts_per_week: {text: 7}}
            """, file: "open.yaml")
    }

    /// Week 8 reach_cumulative of X, per replicate, for the catchment and the outside.
    static func reach(size: Int, closed: Bool = false) throws -> (catchment: [Double], outside: [Double]) {
        let s = try scenario(size: size, closed: closed)
        #expect(s.audience.resultSegments == (closed ? ["everyone"] : ["everyone", "outside"]))
        let result = Simulation.run(try World.build(s), replicates: s.replicates, threads: 2)
        func values(_ segment: Int) -> [Double] {
            (0..<s.replicates).map { result.value(replicate: $0, week: 7, platform: 0, segment: segment, metric: .reachCumulative) }
        }
        return (values(0), closed ? [] : values(1))
    }

    /// Mean catchment reach at 4,000 and 8,000 people, and the standard error of their difference.
    static func doubling(closed: Bool) throws -> (small: Double, large: Double, se: Double, outside: [Double]) {
        let small = try reach(size: 4_000, closed: closed), large = try reach(size: 8_000, closed: closed)
        let a = Statistics.summarize(small.catchment), b = Statistics.summarize(large.catchment)
        let se = (a.sd * a.sd / Double(small.catchment.count) + b.sd * b.sd / Double(large.catchment.count)).squareRoot()
        return (a.mean, b.mean, se, small.outside)
    }

    @Test func doublingTheCatchmentBarelyMovesItsReach() throws {
        let open = try Self.doubling(closed: false)
        // Not in proportion: within 5% of the smaller catchment's reach (4 standard errors of the
        // difference on top).
        #expect(open.large - open.small <= 0.05 * open.small + 4 * open.se, "\(open.small) → \(open.large)")
        #expect(open.large >= open.small - 4 * open.se, "a larger catchment cannot lose reach")
        // The same check fails for a closed pool, whose discovery grows with the pool (615 → 860).
        let closed = try Self.doubling(closed: true)
        #expect(closed.large - closed.small > 0.05 * closed.small + 4 * closed.se, "\(closed.small) → \(closed.large)")
        // The outside is reached, and its reach varies from replicate to replicate by more than a
        // handful of people: it is not a pool counted to its end.
        let outside = Statistics.summarize(open.outside)
        #expect(outside.mean > open.small)
        #expect(outside.sd > 10)
    }
}
