/// Everything that is fixed for a whole run: the audience, the follower graphs, the initial
/// followers, the weekly schedules and the per-class rates. Built once from the scenario and its
/// seed, then shared read-only by every replicate.
///
/// The population and graphs are one draw for the run (like a real institution's one audience);
/// replicates vary who sees, engages, shares, follows and leaves.
public struct World: Sendable {
    public let scenario: Scenario
    public let audience: Audience
    /// Per platform, over all agents (agents who do not use it have no edges).
    public let graphs: [FollowerGraph]
    public let accounts: [Account]
    public let schedule: [WeekPlan]
    let feeds: [PreparedFeed]
    /// Per platform: probability tables indexed `format * segments + segment`.
    let likeRate: [[Double]]
    let commentRate: [[Double]]
    let shareRate: [[Double]]
    /// Per platform: follow probability of a non-follower viewer, by segment.
    let followRate: [[Double]]
    /// Per platform: users by exposure class (capacity of follower buckets).
    let usersPerClass: [[Int]]
    /// Per platform: the paid boost's pool and rates, nil without a boost or with a budget of 0.
    let paidPools: [PaidPool?]

    public var layout: MetricLayout {
        MetricLayout(weeks: scenario.horizonWeeks, platforms: scenario.platforms.count,
                     segments: scenario.audience.segments.count)
    }

    /// One account of the institution with its followers at week 0.
    public struct Account: Sendable {
        public let platform: Int
        public let name: String
        /// Identity of the account's random streams: platform and account names, so that an
        /// account keeps its draws when other accounts or platforms change (common random numbers).
        public let streamKey: UInt64
        /// Agent ids, ascending.
        public let initialFollowers: [UInt32]
    }

    /// Builds the world. Throws `WorldError` when the scenario is valid on its own but does not fit
    /// its audience (more followers than users) or an edge list cannot be used.
    public static func build(_ scenario: Scenario) throws -> World {
        let platforms = scenario.platforms
        let audience = Audience.generate(scenario.audience, platformCount: platforms.count, seed: scenario.seed)
        let segmentOf = audience.classOf.map { $0 / UInt8(ActivityLevels.count) }
        let segments = scenario.audience.segments
        let calendar = SessionCalendar(profile: scenario.audience.hourlyProfile)

        var accounts: [Account] = []
        var graphs: [FollowerGraph] = []
        for (p, platform) in platforms.enumerated() {
            let users = audience.platformUsers[p]
            let rng = RandomStream(seed: scenario.seed, purpose: .followers, key: RandomStream.key(platform.name))
            var firstFollowers: [UInt32] = []
            for account in platform.accounts {
                let wanted = Int((Double(account.followers) / Double(audience.scale)).rounded())
                guard wanted <= users.count else {
                    throw WorldError(
                        "platforms.\(platform.name): \(account.followers) followers need \(wanted) agents who use " +
                        "\(platform.name), but the generated audience has \(users.count); raise audience.size, " +
                        "the segments' use of \(platform.name), or audience.scale")
                }
                let chosen = chooseFollowers(count: wanted, users: users, audience: audience,
                                             affinity: segments.map(\.affinity), rng: rng)
                if firstFollowers.isEmpty { firstFollowers = chosen }
                accounts.append(Account(platform: p, name: account.name,
                                        streamKey: RandomStream.key(platform.name + "/" + account.name),
                                        initialFollowers: chosen.sorted()))
            }
            let graphRNG = RandomStream(seed: scenario.seed, purpose: .graph, key: RandomStream.key(platform.name))
            graphs.append(try buildGraph(platform, users: users, firstFollowers: firstFollowers,
                                         audience: audience, segmentOf: segmentOf, rng: graphRNG))
        }

        let schedule = ContentSchedule.weeks(
            horizon: scenario.horizonWeeks, teamHours: scenario.team.hoursPerWeek, platformCount: platforms.count,
            accounts: platforms.enumerated().flatMap { p, platform in platform.accounts.map { (platform: p, plan: $0.plan) } },
            productionHours: platforms.map(\.productionHours))

        func table(_ rates: (PlatformSpec) -> FormatTable<Double>) -> [[Double]] {
            platforms.map { platform in
                PostFormat.allCases.flatMap { f in
                    segments.map { min(1, rates(platform)[f] * $0.affinity * (platform.engagement.byAge[$0.age] ?? 1)) }
                }
            }
        }
        var usersPerClass: [[Int]] = []
        for p in platforms.indices {
            var counts = [Int](repeating: 0, count: audience.classes.count)
            for agent in audience.platformUsers[p] { counts[Int(audience.classOf[Int(agent)])] += 1 }
            usersPerClass.append(counts)
        }
        return World(
            scenario: scenario, audience: audience, graphs: graphs, accounts: accounts, schedule: schedule,
            feeds: platforms.map {
                PreparedFeed($0.feed, classes: audience.classes, calendar: calendar, affinity: segments.map(\.affinity))
            },
            likeRate: table(\.engagement.like), commentRate: table(\.engagement.comment),
            shareRate: table(\.engagement.share),
            followRate: platforms.map { platform in segments.map { min(1, platform.engagement.follow * $0.affinity) } },
            usersPerClass: usersPerClass,
            paidPools: platforms.enumerated().map { p, platform in
                PaidPool(platform: platform, audience: audience, segments: segments, users: audience.platformUsers[p])
            })
    }

    /// Picks the account's followers among the platform's users: segments get followers in
    /// proportion to users × affinity (capped at their users), people within a segment are
    /// picked uniformly.
    static func chooseFollowers(count: Int, users: [UInt32], audience: Audience, affinity: [Double],
                                rng: RandomStream) -> [UInt32] {
        var bySegment = [[UInt32]](repeating: [], count: audience.segmentCount)
        for u in users { bySegment[audience.segment(of: Int(u))].append(u) }
        var quota = [Int](repeating: 0, count: bySegment.count)
        var left = count
        var open = Set(bySegment.indices.filter { !bySegment[$0].isEmpty && affinity[$0] > 0 })
        if open.isEmpty { open = Set(bySegment.indices.filter { !bySegment[$0].isEmpty }) }
        // Water-filling: segments that hit their user count pass the rest on to the others.
        while left > 0 && !open.isEmpty {
            let order = open.sorted()
            let weights = order.map { Double(bySegment[$0].count) * max(affinity[$0], 1e-12) }
            let parts = Audience.apportion(total: left, shares: weights)
            left = 0
            for (i, s) in order.enumerated() {
                let room = bySegment[s].count - quota[s]
                let take = min(room, parts[i])
                quota[s] += take
                left += parts[i] - take
                if quota[s] == bySegment[s].count { open.remove(s) }
            }
        }
        var chosen: [UInt32] = []
        chosen.reserveCapacity(count)
        for s in bySegment.indices where quota[s] > 0 {
            var pool = bySegment[s]
            // Partial Fisher–Yates: the first quota[s] entries become a uniform sample.
            for i in 0..<quota[s] {
                let j = i + rng.below(pool.count - i)
                pool.swapAt(i, j)
            }
            chosen.append(contentsOf: pool[0..<quota[s]])
        }
        return chosen
    }

    static func buildGraph(_ platform: PlatformSpec, users: [UInt32], firstFollowers: [UInt32],
                           audience: Audience, segmentOf: [UInt8], rng: RandomStream) throws -> FollowerGraph {
        let n = audience.agentCount
        switch platform.graph {
        case .none:
            return FollowerGraph(nodeCount: n, sources: [], targets: [])
        case let .preferentialAttachment(m, reciprocity, homophily):
            return GraphGenerators.preferentialAttachment(
                nodes: users, totalAgents: n, segment: segmentOf, edgesPerNode: m,
                reciprocity: reciprocity, homophily: homophily, rng: rng)
        case let .chungLu(meanDegree, exponent, homophily):
            return GraphGenerators.chungLu(
                nodes: users, totalAgents: n, segment: segmentOf, meanDegree: meanDegree,
                exponent: exponent, maxDegree: nil, homophily: homophily, rng: rng)
        case .edgeList(let path):
            let list: ImportedEdgeList
            do { list = try EdgeListImporter.read(path: path) } catch let e as EdgeListError {
                throw WorldError(e.description)
            }
            guard list.nodeCount <= users.count else {
                throw WorldError(
                    "\(path): the edge list has \(list.nodeCount) accounts but only \(users.count) agents use " +
                    "\(platform.name); raise audience.size or the segments' use of \(platform.name)")
            }
            // The graph's nodes go to the account's followers first (an ego network such as
            // twitter-ego is exactly the followers of one account), then to other users.
            var order = firstFollowers
            let followerSet = Set(firstFollowers)
            order += users.filter { !followerSet.contains($0) }
            shuffle(&order, 0..<firstFollowers.count, rng)
            shuffle(&order, firstFollowers.count..<order.count, rng)
            return list.graph(mappingNodesTo: order, totalAgents: n)
        }
    }

    private static func shuffle(_ a: inout [UInt32], _ range: Range<Int>, _ rng: RandomStream) {
        guard range.count > 1 else { return }
        for i in range.dropLast() {
            a.swapAt(i, i + rng.below(range.upperBound - i))
        }
    }
}

/// A scenario that is valid on its own but cannot be simulated as given (input error, exit 65).
public struct WorldError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ message: String) { description = message }
}
