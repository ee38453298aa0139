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
    /// Per platform, per account of the platform: its index in `accounts`.
    public let accountIndex: [[Int]]
    public let schedule: [WeekPlan]
    /// The timeline's `announce_migration` events (`ScheduledPost.announcement` indexes them).
    public let migrations: [(week: Int, migration: TimelineEvent.Migration)]
    /// Per agent: bit p set when the agent is an active user of platform p at week 0. Platforms
    /// with a growing trend have more potential users than active ones.
    public let activeAtStart: [UInt32]
    /// Per platform: active users at week 0.
    public let activeUsersAtStart: [Int]
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
    /// The people outside the catchment; nil for a closed audience.
    let outside: OutsidePools?

    public var layout: MetricLayout {
        MetricLayout(scenario)
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
        public let tone: AccountTone
        /// Accounts (indices of `World.accounts`) that repost this account's posts, with their
        /// probability per post.
        public let amplifiers: [(account: Int, probability: Double)]
    }

    /// Builds the world. Throws `WorldError` when the scenario is valid on its own but does not fit
    /// its audience (more followers than users) or an edge list cannot be used.
    public static func build(_ scenario: Scenario) throws -> World {
        let schedule = ContentSchedule.weeks(scenario, accountIndex: accountIndex(of: scenario),
                                             migrations: migrations(of: scenario))
        return try build(scenario, schedule: schedule)
    }

    /// Builds the world with a schedule of posts given by the caller instead of the one the plans
    /// make (`ObservedSchedule`: the posts as they happened). `schedule` must have one `WeekPlan`
    /// per week of `scenario.horizonWeeks`, with `World.accountIndex(of:)`'s account indices;
    /// `build(_:)` is this with `ContentSchedule.weeks`.
    public static func build(_ scenario: Scenario, schedule: [WeekPlan]) throws -> World {
        precondition(schedule.count == scenario.horizonWeeks, "World.build: one WeekPlan per week of the horizon")
        let platforms = scenario.platforms
        let accountIndex = accountIndex(of: scenario)
        let migrations = migrations(of: scenario)

        // A growing platform's future users are in the audience from the start, inactive.
        let growth = platforms.indices.map { p in schedule.reduce(1.0) { max($0, $1.activeUsers[p]) } }
        var audienceSpec = scenario.audience
        for s in audienceSpec.segments.indices {
            for p in platforms.indices where growth[p] > 1 {
                audienceSpec.segments[s].platformUse[p] = min(1, audienceSpec.segments[s].platformUse[p] * growth[p])
            }
        }
        let audience = Audience.generate(audienceSpec, platformCount: platforms.count, seed: scenario.seed,
                                         platformNames: platforms.map(\.name))
        let segmentOf = audience.classOf.map { $0 / UInt8(ActivityLevels.count) }
        let segments = scenario.audience.segments

        var activeAtStart = [UInt32](repeating: 0, count: audience.agentCount)
        var activeUsersAtStart: [Int] = []
        var accounts: [Account] = []
        var graphs: [FollowerGraph] = []
        for (p, platform) in platforms.enumerated() {
            let users = audience.platformUsers[p]
            var active = users
            if growth[p] > 1 {
                let rng = RandomStream(seed: scenario.seed, purpose: .activeUsers, key: RandomStream.key(platform.name))
                let count = Int((Double(users.count) / growth[p]).rounded())
                for i in 0..<count { active.swapAt(i, i + rng.below(active.count - i)) }
                active = Array(active[0..<count]).sorted()
            }
            for u in active { activeAtStart[Int(u)] |= 1 << UInt32(p) }
            activeUsersAtStart.append(active.count)

            let rng = RandomStream(seed: scenario.seed, purpose: .followers, key: RandomStream.key(platform.name))
            var chosenByAccount: [[UInt32]] = []
            for account in platform.accounts {
                let wanted = Int((Double(account.followers) / Double(audience.scale)).rounded())
                guard wanted <= active.count else {
                    throw WorldError(
                        "platforms.\(platform.name): \(account.followers) followers need \(wanted) agents who use " +
                        "\(platform.name), but the generated audience has \(active.count); raise audience.size, " +
                        "the segments' use of \(platform.name), or audience.scale")
                }
                var chosen: [UInt32] = []
                var taken = Set<UInt32>()
                for (j, share) in account.overlap {
                    // Partial Fisher–Yates over the earlier account's followers not taken yet.
                    var pool = chosenByAccount[j].filter { !taken.contains($0) }
                    let n = min(pool.count, wanted - chosen.count, Int((share * Double(wanted)).rounded()))
                    for i in 0..<n { pool.swapAt(i, i + rng.below(pool.count - i)) }
                    chosen += pool[0..<n]
                    taken.formUnion(pool[0..<n])
                }
                let candidates = taken.isEmpty ? active : active.filter { !taken.contains($0) }
                chosen += chooseFollowers(count: wanted - chosen.count, users: candidates, audience: audience,
                                          affinity: segments.map(\.affinity), rng: rng)
                chosenByAccount.append(chosen)
            }
            for (a, account) in platform.accounts.enumerated() {
                var amplifiers: [(account: Int, probability: Double)] = []
                for (b, other) in platform.accounts.enumerated() {
                    for (target, probability) in other.amplifies where target == a && probability > 0 {
                        amplifiers.append((account: accountIndex[p][b], probability: probability))
                    }
                }
                accounts.append(Account(platform: p, name: account.name,
                                        streamKey: RandomStream.key(platform.name + "/" + account.name),
                                        initialFollowers: chosenByAccount[a].sorted(), tone: account.tone,
                                        amplifiers: amplifiers))
            }
            let graphRNG = RandomStream(seed: scenario.seed, purpose: .graph, key: RandomStream.key(platform.name))
            graphs.append(try buildGraph(platform, users: users, firstFollowers: chosenByAccount.first ?? [],
                                         audience: audience, segmentOf: segmentOf, rng: graphRNG))
        }

        return assemble(scenario, schedule: schedule, audience: audience, graphs: graphs, accounts: accounts,
                        accountIndex: accountIndex, migrations: migrations, activeAtStart: activeAtStart,
                        activeUsersAtStart: activeUsersAtStart)
    }

    /// This world (its audience, graphs and followers: what takes time to build) with the rest
    /// taken from `scenario`: feeds, engagement, follow and churn rates, the outside, boosts and
    /// the schedule. Equal to `World.build(scenario)` when `scenario` differs from this world's
    /// only in those (`compare --uncertainty`'s parameter sets: `PlausibleRanges` keys), since the
    /// audience, followers and graphs depend on the seed, the audience's segments, the platforms'
    /// accounts and graph specs, none of which they change (tested in `RobustCompareTests`).
    public func withParameters(of scenario: Scenario) -> World {
        precondition(scenario.seed == self.scenario.seed, "the audience and graphs depend on the seed")
        precondition(scenario.platforms.map(\.name) == self.scenario.platforms.map(\.name))
        let schedule = ContentSchedule.weeks(scenario, accountIndex: accountIndex, migrations: World.migrations(of: scenario))
        return World.assemble(scenario, schedule: schedule, audience: audience, graphs: graphs, accounts: accounts,
                              accountIndex: accountIndex, migrations: World.migrations(of: scenario),
                              activeAtStart: activeAtStart, activeUsersAtStart: activeUsersAtStart)
    }

    /// The parts of a world that follow from the scenario's rates around a built audience.
    private static func assemble(_ scenario: Scenario, schedule: [WeekPlan], audience: Audience, graphs: [FollowerGraph],
                                 accounts: [Account], accountIndex: [[Int]],
                                 migrations: [(week: Int, migration: TimelineEvent.Migration)],
                                 activeAtStart: [UInt32], activeUsersAtStart: [Int]) -> World {
        let platforms = scenario.platforms
        let segments = scenario.audience.segments
        let calendar = SessionCalendar(profile: scenario.audience.hourlyProfile)
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
            scenario: scenario, audience: audience, graphs: graphs, accounts: accounts, accountIndex: accountIndex,
            schedule: schedule, migrations: migrations, activeAtStart: activeAtStart,
            activeUsersAtStart: activeUsersAtStart,
            feeds: platforms.map {
                PreparedFeed($0.feed, classes: audience.classes, calendar: calendar, affinity: segments.map(\.affinity))
            },
            likeRate: table(\.engagement.like), commentRate: table(\.engagement.comment),
            shareRate: table(\.engagement.share),
            followRate: platforms.map { platform in segments.map { min(1, platform.engagement.follow * $0.affinity) } },
            usersPerClass: usersPerClass,
            paidPools: platforms.enumerated().map { p, platform in
                PaidPool(platform: platform, index: p, schedule: schedule, audience: audience, segments: segments,
                         users: audience.platformUsers[p])
            },
            outside: OutsidePools(scenario.audience.outside, scenario: scenario, audience: audience, graphs: graphs,
                                  calendar: calendar))
    }

    /// Per platform, per account of the platform: its index among all accounts (platforms in
    /// order, then their accounts).
    public static func accountIndex(of scenario: Scenario) -> [[Int]] {
        var index: [[Int]] = []
        var next = 0
        for platform in scenario.platforms {
            index.append(Array(next..<next + platform.accounts.count))
            next += platform.accounts.count
        }
        return index
    }

    /// The timeline's `announce_migration` events with their weeks, in file order.
    static func migrations(of scenario: Scenario) -> [(week: Int, migration: TimelineEvent.Migration)] {
        scenario.timeline.compactMap { event in
            if case .announceMigration(let m) = event.kind { (week: event.week, migration: m) } else { nil }
        }
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
