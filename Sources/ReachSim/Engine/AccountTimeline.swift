/// The institution's accounts and the platforms' users during a replicate, as the timeline
/// changes them: each account's followers and status (opens, closes, goes ghost or cross-posts),
/// and who actively uses each platform (trends). Allocated once per runner.
final class AccountTimeline {
    private let world: World
    /// Per account (`World.accounts`).
    let followers: [FollowerSet]
    /// The same followers as people, once each across accounts (`Metric.followersUnique`).
    let people: FollowerPeople
    /// Per account: its status in the week being simulated.
    private(set) var status: [AccountStatus]
    /// Classes of the agents, for `FollowerSet.reset`.
    private let classOf: UnsafeMutablePointer<UInt8>
    private let agentCount: Int
    /// Per agent: bit p set while the agent actively uses platform p (trends change it).
    let activeMask: UnsafeMutablePointer<UInt32>
    private var activeCount: [Int]
    /// Per platform: whether a trend changes its users (only then are views checked against `activeMask`).
    let hasTrend: [Bool]
    /// Per platform: who stops or starts using it, per replicate.
    private let trendStreams: [RandomStream]

    init(world: World) {
        self.world = world
        agentCount = world.audience.agentCount
        let people = FollowerPeople(agentCount: world.audience.agentCount, accountsPerPlatform: world.accountIndex.map(\.count),
                                    segments: world.scenario.audience.segments.count)
        self.people = people
        followers = world.accounts.map {
            FollowerSet(agentCount: world.audience.agentCount, capacity: world.usersPerClass[$0.platform],
                        platform: $0.platform, people: people)
        }
        status = Array(repeating: .posting, count: world.accounts.count)
        classOf = .allocate(capacity: max(1, agentCount))
        classOf.initialize(from: world.audience.classOf, count: agentCount)
        activeMask = .allocate(capacity: max(1, agentCount))
        activeCount = world.activeUsersAtStart
        hasTrend = world.scenario.platforms.indices.map { p in
            world.scenario.timeline.contains { if case .trend(p, _, _) = $0.kind { true } else { false } }
        }
        trendStreams = world.scenario.platforms.map { _ in RandomStream(seed: 0, purpose: .trend) }
    }

    deinit {
        classOf.deallocate()
        activeMask.deallocate()
    }

    /// Start of replicate `r`: week 0's users, statuses and initial followers.
    func startReplicate(_ r: Int) {
        activeMask.initialize(from: world.activeAtStart, count: agentCount)
        for p in activeCount.indices {
            activeCount[p] = world.activeUsersAtStart[p]
            let key = RandomStream.key(world.scenario.platforms[p].name)
            trendStreams[p].reseed(seed: world.scenario.seed, purpose: .trend, index: UInt64(r), key: key)
        }
        for (a, account) in world.accounts.enumerated() {
            status[a] = world.schedule.first?.status[a] == .inactive ? .inactive : .posting
            followers[a].reset(to: status[a] == .inactive ? [] : account.initialFollowers, classOf: classOf)
        }
    }

    /// Whether agent `v` uses platform `p` this week.
    @inline(__always)
    func isActive(_ v: Int, _ p: Int) -> Bool {
        !hasTrend[p] || activeMask[v] & (UInt32(1) << UInt32(p)) != 0
    }

    /// Start of a week: accounts open (with their initial followers who still use the platform)
    /// or close (their followers are lost), and trends move users on or off their platforms
    /// (those who leave unfollow every account of the platform).
    func apply(_ plan: WeekPlan, tallies: WeeklyTallies) {
        for a in world.accounts.indices where plan.status[a] != status[a] {
            let set = followers[a]
            let p = world.accounts[a].platform
            if status[a] == .inactive && plan.status[a].isOpen {
                let bit = UInt32(1) << UInt32(p)
                set.reset(to: world.accounts[a].initialFollowers, classOf: classOf) { activeMask[$0] & bit != 0 }
            } else if plan.status[a] == .closed {
                for c in 0..<set.classCount where set.count[c] > 0 {
                    tallies.followersLost(Double(set.count[c]), account: a, platform: p, segment: c / ActivityLevels.count)
                }
                set.reset(to: [], classOf: classOf)
            }
            status[a] = plan.status[a]
        }
        for p in hasTrend.indices where hasTrend[p] {
            let users = world.audience.platformUsers[p]
            let target = min(users.count, Int((Double(world.activeUsersAtStart[p]) * plan.activeUsers[p]).rounded()))
            let rng = trendStreams[p]
            let bit = UInt32(1) << UInt32(p)
            // Rejection sampling among the platform's potential users; each pick is uniform.
            while activeCount[p] > target {
                let v = Int(users[rng.below(users.count)])
                if activeMask[v] & bit == 0 { continue }
                activeMask[v] &= ~bit
                activeCount[p] -= 1
                let c = Int(classOf[v])
                for a in world.accountIndex[p] where followers[a].contains(v) {
                    followers[a].remove(agent: v, cls: c)
                    tallies.followersLost(1, account: a, platform: p, segment: c / ActivityLevels.count)
                }
            }
            while activeCount[p] < target {
                let v = Int(users[rng.below(users.count)])
                if activeMask[v] & bit != 0 { continue }
                activeMask[v] |= bit
                activeCount[p] += 1
            }
        }
    }
}

extension AccountTimeline: FollowerCounting {
    func followers(account a: Int, cls: Int) -> Int { followers[a].count[cls] }
    func people(platform p: Int, segment s: Int) -> Double { Double(people.people(platform: p, segment: s)) }
    func people(segment s: Int) -> Double { Double(people.people(segment: s)) }
}
