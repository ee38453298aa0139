import Foundation

/// The grouped engine's paid campaigns: the model of `WeeklyBoost` and `PaidDelivery` (docs/boost.md)
/// with the targeted people counted by group. The week's budget buys the same number of
/// impressions at the same replicate CPM; each goes outside with the same probability; the rest
/// are spread over the targeted groups in proportion to members × delivery weight (affinity for
/// the engagement objective), a group's impressions land uniformly on its members, so m of them
/// reach Binomial(n, 1 − (1 − 1/n)^m) distinct people, and the frequency cap bounds a group's
/// impressions per cap period at cap × members (impressions beyond it are not bought, as the
/// exact engine stops when nobody under the cap is left).
final class GroupedBoost {
    private let world: World
    private let targets: RandomStream
    private let engagement: RandomStream
    /// Per platform: this replicate's CPM, this week's spend.
    private var cpm: [Double]
    private(set) var spend: [Double]
    private let outsideShare: [Double]
    /// Per group: impressions delivered in the current cap period, and the period they count for.
    private var capUsed: [Int]
    private var capPeriod: [Int]
    /// Per platform × segment: whether the platform's boost targets the segment.
    private let targeted: [[Bool]]
    /// The current campaign's eligible groups (reused: nothing is allocated per campaign).
    private var eligible: [(group: Int, weight: Double, room: Int)] = []

    /// Nil when no platform of the world has a paid pool.
    init?(world: World, groups: Int) {
        guard world.paidPools.contains(where: { $0 != nil }) else { return nil }
        self.world = world
        targets = RandomStream(seed: 0, purpose: .paidTargets)
        engagement = RandomStream(seed: 0, purpose: .paidEngagement)
        cpm = Array(repeating: 0, count: world.scenario.platforms.count)
        spend = cpm
        outsideShare = world.paidPools.enumerated().map { p, pool in
            pool?.outsideShare(world.outside, platform: p, segments: world.scenario.audience.segments,
                               audience: world.audience) ?? 0
        }
        capUsed = Array(repeating: 0, count: max(1, groups))
        capPeriod = Array(repeating: -1, count: max(1, groups))
        let segments = world.scenario.audience.segments
        targeted = world.paidPools.map { pool in
            segments.indices.map { s in
                pool.map { $0.boost.segments.contains(s) && $0.boost.localities.contains(segments[s].locality) } ?? false
            }
        }
        eligible.reserveCapacity(max(1, groups))
    }

    func startReplicate(_ r: Int) {
        for p in cpm.indices {
            spend[p] = 0
            cpm[p] = PaidDelivery.cpm(world.paidPools[p], platform: p, replicate: r, seed: world.scenario.seed, stream: targets)
        }
        for g in capUsed.indices { capUsed[g] = 0; capPeriod[g] = -1 }
    }

    func endWeek() {
        for p in spend.indices { spend[p] = 0 }
    }

    /// Runs the week's campaigns; `finished` gets each campaign's tallies.
    func run(week w: Int, plan: WeekPlan, replicate r: Int, kernel: GroupedKernel, finished: (PostContext) -> Void) {
        let aud = kernel.aud
        let segments = world.scenario.audience.segments
        for (a, account) in world.accounts.enumerated() {
            let p = account.platform
            guard let pool = world.paidPools[p], world.accountIndex[p].first == a, kernel.status[a].isOpen else { continue }
            let budget = PaidPool.weekBudget(pool.boost, platform: p, week: w, plan: plan)
            let wanted = PaidPool.impressions(budget: budget, cpm: cpm[p], scale: world.audience.scale)
            if wanted == 0 { continue }
            let boost = pool.boost
            let index = PaidDelivery.weekIndex(replicate: r, platform: p, week: w)
            targets.reseed(seed: world.scenario.seed, purpose: .paidTargets, index: index)
            engagement.reseed(seed: world.scenario.seed, purpose: .paidEngagement, index: index)
            let hour = PaidPool.cascadeHour(world.scenario.platforms[p])
            var post = kernel.beginPost(account: a, format: boost.format, hour: hour, week: w, rng: engagement)
            let bit = 1 << aud.local[a]
            let period = (w - (boost.startWeek - 1)) / boost.capWeeks
            // Eligible groups and their delivery weights.
            var total = 0.0
            eligible.removeAll(keepingCapacity: true)
            for c in 0..<aud.classes where targeted[p][c / ActivityLevels.count] {
                let s = c / ActivityLevels.count
                let weight = boost.objective == .engagement ? segments[s].affinity : 1
                guard weight > 0 else { continue }
                for pattern in 0..<aud.patterns[p] {
                    switch boost.audience {
                    case .both: break
                    case .followers: if pattern & bit == 0 { continue }
                    case .nonFollowers: if pattern & bit != 0 { continue }
                    }
                    let g = aud.group(p, c, pattern)
                    let members = kernel.members(g)
                    guard members > 0 else { continue }
                    if capPeriod[g] != period { capPeriod[g] = period; capUsed[g] = 0 }
                    let room = boost.capImpressions.map { max(0, $0 * members - capUsed[g]) } ?? Int.max
                    guard room > 0 else { continue }
                    eligible.append((g, Double(members) * weight, room))
                    total += Double(members) * weight
                }
            }
            let share = outsideShare[p]
            let outside = eligible.isEmpty ? (share > 0 ? wanted : 0) : targets.binomial(wanted, share)
            var left = wanted - outside, delivered = outside
            for (g, weight, room) in eligible where left > 0 {
                let m = min(room, total <= weight ? left : targets.binomial(left, weight / total))
                total -= weight
                left -= m
                guard m > 0 else { continue }
                capUsed[g] += m
                delivered += m
                let members = kernel.members(g)
                let distinct = min(m, engagement.binomial(members, -expm1(Double(m) * log1p(-1 / Double(members)))))
                kernel.paidViews(g, distinct, repeats: m - distinct, &post)
            }
            spend[p] += Double(delivered) * PaidPool.price(cpm: cpm[p], scale: world.audience.scale)
            kernel.paidOutside(outside, engagementMultiplier: boost.engagementMultiplier, &post)
            kernel.cascade(&post)
            finished(post)
        }
    }
}
