import Foundation

/// What a platform's boost needs for a whole run: the targeted pool, the paid engagement rates and
/// the CPM distribution. Built once by `World.build` for every platform whose boost spends in at
/// least one week, with its own budget or one set by a timeline `budget` event (a boost that never
/// spends is exactly no boost: no pool, no draws).
///
/// Delivery (see `PaidDelivery` and docs/boost.md): each week of the window, the week's budget buys
/// `I = ⌊budget × 1000 / (CPM × scale)⌋` agent impressions, so the spend `I × scale × CPM / 1000`
/// never exceeds the budget. Impression k goes to a random member of the pool (uniform for the
/// reach objective, weighted by segment affinity for the engagement objective); members who are
/// outside the targeted audience (followers / non-followers) or already at the frequency cap are
/// skipped without charge; when nobody is left the rest of the budget is not spent.
struct PaidPool: Sendable {
    let boost: BoostSpec
    /// Targeted users of the platform, grouped by segment (targeted segments in index order).
    let agents: [UInt32]
    /// Group g's members are `agents[groupStart[g] ..< groupStart[g + 1]]`.
    let groupStart: [Int]
    /// Cumulative delivery weight of groups, ending at 1 (engagement objective only).
    let cumulativeWeight: [Double]
    /// Paid engagement probabilities by segment, for the boosted format: the platform's rate ×
    /// affinity × the boost's multiplier, capped at 1.
    let like, comment, share, follow: [Double]
    /// Lognormal CPM: log-mean and log-sd (0 for a fixed CPM). Low and high are the 5% and 95%
    /// quantiles: μ = (ln low + ln high) / 2, σ = (ln high − ln low) / (2 × 1.6449).
    let cpmLogMean: Double
    let cpmLogSD: Double

    /// Nil when the platform has no boost or it never spends (`spends(platform:_:schedule:)`).
    init?(platform: PlatformSpec, index p: Int, schedule: [WeekPlan], audience: Audience, segments: [SegmentSpec],
          users: [UInt32]) {
        guard let boost = platform.boost, Self.spends(boost, platform: p, schedule: schedule) else { return nil }
        self.boost = boost
        var groups: [[UInt32]] = []
        var weights: [Double] = []
        let bySegment = Dictionary(grouping: users) { audience.segment(of: Int($0)) }
        for s in boost.segments.sorted() where boost.localities.contains(segments[s].locality) {
            let members = bySegment[s] ?? []
            let weight = boost.objective == .engagement ? segments[s].affinity : 1
            if members.isEmpty || weight <= 0 { continue }
            groups.append(members)
            weights.append(Double(members.count) * weight)
        }
        agents = groups.flatMap { $0 }
        var start = [0]
        for g in groups { start.append(start.last! + g.count) }
        groupStart = start
        let total = weights.reduce(0, +)
        var running = 0.0
        cumulativeWeight = weights.map { running += $0; return running / total }
        let f = boost.format, k = boost.engagementMultiplier
        like = segments.map { min(1, platform.engagement.like[f] * $0.affinity * k) }
        comment = segments.map { min(1, platform.engagement.comment[f] * $0.affinity * k) }
        share = segments.map { min(1, platform.engagement.share[f] * $0.affinity * k) }
        follow = segments.map { min(1, platform.engagement.follow * $0.affinity * k) }
        let lo = log(boost.cpmLow), hi = log(boost.cpmHigh)
        cpmLogMean = (lo + hi) / 2
        cpmLogSD = (hi - lo) / (2 * Statistics.normalQuantile(0.95))
    }

    /// Whether `boost`, on platform `p`, has a budget above 0 in some week of `schedule` (its own
    /// budget, or the one a timeline `budget` event set for that week).
    static func spends(_ boost: BoostSpec, platform p: Int, schedule: [WeekPlan]) -> Bool {
        schedule.indices.contains { w in weekBudget(boost, platform: p, week: w, plan: schedule[w]) > 0 }
    }

    /// Euros the boost may spend in week `w` (0-based): the budget in force that week (a timeline
    /// `budget` event replaces the boost's own) for the week's posts.
    static func weekBudget(_ boost: BoostSpec, platform p: Int, week w: Int, plan: WeekPlan) -> Double {
        var spec = boost
        if let changed = plan.budget[p] { spec.budget = changed }
        return spec.budget(week: w, posts: plan.produced[p])
    }

    /// Probability 0...1 that a paid impression lands outside the catchment: the outside's
    /// delivery weight (its users, × its affinity for the engagement objective) over that plus
    /// the targeted catchment's. 0 when the boost targets only local people or only followers
    /// (the outside is the rest of the country and abroad, and starts with no followers).
    func outsideShare(_ outside: OutsidePools?, platform p: Int, segments: [SegmentSpec], audience: Audience) -> Double {
        guard let outside, outside.people[p] > 0, boost.audience != .followers,
              boost.localities.contains(where: { $0 != .local }) else { return 0 }
        let engagement = boost.objective == .engagement
        let outsideWeight = outside.people[p] * (engagement ? outside.affinity : 1)
        var catchmentWeight = 0.0
        for g in 0..<(groupStart.count - 1) {
            let members = groupStart[g + 1] - groupStart[g]
            let s = audience.segment(of: Int(agents[groupStart[g]]))
            catchmentWeight += Double(members) * (engagement ? segments[s].affinity : 1)
        }
        return outsideWeight / (outsideWeight + catchmentWeight)
    }

    /// The hour whose peer visibility a campaign's sharers cascade with: the boost's `hour`, else
    /// the platform's first account's first posting hour (see `BoostSpec.hour`).
    static func cascadeHour(_ platform: PlatformSpec) -> Int {
        platform.boost?.hour ?? platform.accounts[0].plan.postingHours.first ?? 19
    }

    /// Euros per agent impression.
    static func price(cpm: Double, scale: Int) -> Double { cpm * Double(scale) / 1000 }

    /// Agent impressions the budget buys at `cpm` (euros per 1,000 people) when one agent stands
    /// for `scale` people; the spend of that many never exceeds `budget`.
    static func impressions(budget: Double, cpm: Double, scale: Int) -> Int {
        guard budget > 0, cpm > 0 else { return 0 }
        let price = price(cpm: cpm, scale: scale)
        var n = Int((budget / price).rounded(.down))
        while n > 0 && Double(n) * price > budget { n -= 1 }
        return n
    }
}

/// A runner's paid-delivery state: random streams, per-person frequency-cap counters and the
/// replicate's CPMs. Allocated once per runner; nothing is allocated per delivery.
///
/// Common random numbers: delivery draws from streams of its own, never from the replicate's main
/// stream, so the organic simulation is unchanged by a boost except through what paid viewers do
/// (follow, share). Week w of platform p uses a fresh target stream (seed, paidTargets, r/p/w) and a
/// fresh engagement stream (seed, paidEngagement, r/p/w), and the CPM comes from
/// (seed, paidCPM, r/p): a larger budget walks a longer prefix of the same candidate sequence, so
/// the people it reaches are a superset of those a smaller budget reaches.
final class PaidDelivery {
    let targets: RandomStream
    let engagement: RandomStream
    private let agentCount: Int
    private let platforms: Int
    /// Per agent × platform: (cap period + 1) << 16 | impressions in that period.
    private let capState: UnsafeMutablePointer<UInt32>
    /// Per agent: the delivery id in which it is eligible (targeted audience, under the cap).
    private let eligibleStamp: UnsafeMutablePointer<UInt32>
    private var deliveryId: UInt32 = 0
    /// This replicate's CPM per platform (euros per 1,000 impressions; 0 without a boost).
    private(set) var cpm: [Double]
    /// Spend per platform in the current week, euros.
    var spend: [Double]

    init(agentCount: Int, platforms: Int) {
        self.agentCount = agentCount
        self.platforms = platforms
        targets = RandomStream(seed: 0, purpose: .paidTargets)
        engagement = RandomStream(seed: 0, purpose: .paidEngagement)
        capState = .allocate(capacity: max(1, agentCount * platforms))
        eligibleStamp = .allocate(capacity: max(1, agentCount))
        cpm = Array(repeating: 0, count: platforms)
        spend = Array(repeating: 0, count: platforms)
    }

    deinit {
        capState.deallocate()
        eligibleStamp.deallocate()
    }

    static func weekIndex(replicate: Int, platform: Int, week: Int) -> UInt64 {
        UInt64(replicate) << 16 | UInt64(platform) << 10 | UInt64(week)
    }

    /// Clears the counters and draws each boosted platform's CPM for replicate `r`.
    func startReplicate(_ r: Int, seed: UInt64, pools: [PaidPool?]) {
        capState.initialize(repeating: 0, count: agentCount * platforms)
        eligibleStamp.initialize(repeating: 0, count: agentCount)
        deliveryId = 0
        for p in 0..<platforms {
            spend[p] = 0
            cpm[p] = Self.cpm(pools[p], platform: p, replicate: r, seed: seed, stream: targets)
        }
    }

    /// Replicate `r`'s CPM of platform `p` (0 without a boost), drawn from `stream` reseeded with
    /// (seed, paidCPM, r/p): both engines pay the same prices.
    static func cpm(_ pool: PaidPool?, platform p: Int, replicate r: Int, seed: UInt64, stream: RandomStream) -> Double {
        guard let pool else { return 0 }
        if pool.cpmLogSD == 0 { return pool.boost.cpmLow }
        stream.reseed(seed: seed, purpose: .paidCPM, index: UInt64(r) << 6 | UInt64(p))
        return exp(pool.cpmLogMean + pool.cpmLogSD * stream.gaussian())
    }

    /// Delivers platform `p`'s budget of week `w`: calls `visit(agent)` once per impression on the
    /// catchment, in delivery order, and returns the impressions delivered (in agents), of which
    /// `outside` landed outside the catchment. Adds the spend. Each impression goes outside with
    /// probability `outsideShare` (0 for a closed audience: no draw is made, so a closed audience
    /// delivers exactly as before), and every impression goes outside once nobody in the targeted
    /// catchment is left.
    /// `visit` must not change who is in the pool's audience before the delivery ends except by
    /// follows, which the eligibility marks made at the start ignore (targeting is set when the
    /// week's campaign starts).
    func deliver(_ pool: PaidPool, platform p: Int, week w: Int, replicate r: Int, seed: UInt64, budget: Double,
                 scale: Int, followers: FollowerSet, outsideShare: Double = 0,
                 visit: (Int) -> Void) -> (delivered: Int, outside: Int) {
        let wanted = PaidPool.impressions(budget: budget, cpm: cpm[p], scale: scale)
        if wanted == 0 || (pool.agents.isEmpty && outsideShare <= 0) { return (0, 0) }
        let index = PaidDelivery.weekIndex(replicate: r, platform: p, week: w)
        targets.reseed(seed: seed, purpose: .paidTargets, index: index)
        engagement.reseed(seed: seed, purpose: .paidEngagement, index: index)
        let boost = pool.boost
        let capped = boost.capImpressions != nil
        let cap = boost.capImpressions.map(UInt32.init) ?? UInt32.max
        let period = UInt32((w - (boost.startWeek - 1)) / boost.capWeeks + 1) << 16

        // Eligible people of this week's campaign.
        deliveryId &+= 1
        if deliveryId == 0 {
            eligibleStamp.initialize(repeating: 0, count: agentCount)
            deliveryId = 1
        }
        var eligible = 0
        for a in pool.agents {
            let v = Int(a)
            switch boost.audience {
            case .both: break
            case .followers: if !followers.contains(v) { continue }
            case .nonFollowers: if followers.contains(v) { continue }
            }
            let state = capState[v * platforms + p]
            if state & 0xFFFF_0000 == period && state & 0xFFFF >= cap { continue }
            eligibleStamp[v] = deliveryId
            eligible += 1
        }

        let weighted = boost.objective == .engagement && pool.groupStart.count > 2
        var delivered = 0, outside = 0
        while delivered < wanted && (eligible > 0 || outsideShare > 0) {
            if outsideShare > 0 && (eligible == 0 || targets.uniform() < outsideShare) {
                delivered += 1
                outside += 1
                continue
            }
            let v: Int
            if weighted {
                let u = targets.uniform()
                var g = 0
                while g < pool.cumulativeWeight.count - 1 && u >= pool.cumulativeWeight[g] { g += 1 }
                let lo = pool.groupStart[g]
                v = Int(pool.agents[lo + targets.below(pool.groupStart[g + 1] - lo)])
            } else {
                v = Int(pool.agents[targets.below(pool.agents.count)])
            }
            if eligibleStamp[v] != deliveryId { continue }
            if capped {
                let slot = v * platforms + p
                var state = capState[slot]
                if state & 0xFFFF_0000 != period { state = period }
                state += 1
                capState[slot] = state
                if state & 0xFFFF >= cap {
                    eligibleStamp[v] = 0
                    eligible -= 1
                }
            }
            delivered += 1
            visit(v)
        }
        spend[p] += Double(delivered) * PaidPool.price(cpm: cpm[p], scale: scale)
        return (delivered, outside)
    }
}

extension World {
    /// This world with the boosts of `scenario`, which must equal this world's scenario in
    /// everything but its platforms' boosts and its replicates and seed (a sweep over budgets
    /// reuses the audience, graphs and schedules instead of rebuilding them).
    func withBoosts(of scenario: Scenario) -> World {
        precondition(scenario.platforms.count == self.scenario.platforms.count)
        precondition(scenario.seed == self.scenario.seed, "the audience and graphs depend on the seed")
        return World(
            scenario: scenario, audience: audience, graphs: graphs, accounts: accounts, accountIndex: accountIndex,
            schedule: schedule, migrations: migrations, activeAtStart: activeAtStart,
            activeUsersAtStart: activeUsersAtStart, feeds: feeds, likeRate: likeRate, commentRate: commentRate, shareRate: shareRate,
            followRate: followRate, usersPerClass: usersPerClass,
            paidPools: scenario.platforms.enumerated().map { p, platform in
                PaidPool(platform: platform, index: p, schedule: schedule, audience: audience,
                         segments: scenario.audience.segments, users: audience.platformUsers[p])
            },
            outside: outside)
    }
}
