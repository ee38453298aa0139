/// After the week's posts: every boosted platform's paid campaign of the week (see `PaidBoost.swift`
/// and docs/boost.md). The week's budget buys impressions of the boosted content on members of
/// the targeted pool; paid viewers engage and follow at paid rates, and their shares cascade.
/// A campaign is one new post for the once-per-post rule, run from the platform's first account
/// while it is open. Draws come from the delivery's own streams, never the accounts'.
final class WeeklyBoost {
    private let world: World
    let delivery: PaidDelivery
    /// Per platform: the probability that a paid impression lands outside the catchment.
    private let outsideShare: [Double]

    /// Nil when no platform of the world has a paid pool.
    init?(world: World) {
        guard world.paidPools.contains(where: { $0 != nil }) else { return nil }
        self.world = world
        delivery = PaidDelivery(agentCount: world.audience.agentCount, platforms: world.scenario.platforms.count)
        outsideShare = world.paidPools.enumerated().map { p, pool in
            pool?.outsideShare(world.outside, platform: p, segments: world.scenario.audience.segments,
                               audience: world.audience) ?? 0
        }
    }

    func startReplicate(_ r: Int) {
        delivery.startReplicate(r, seed: world.scenario.seed, pools: world.paidPools)
    }

    /// Euros spent per platform this week; `endWeek` sets them back to 0.
    var spend: [Double] { delivery.spend }

    func endWeek() {
        for p in delivery.spend.indices { delivery.spend[p] = 0 }
    }

    /// Runs the week's campaigns; `finished` gets each campaign's tallies (`posts.csv`).
    func run(week w: Int, plan: WeekPlan, replicate r: Int, accounts: AccountTimeline, kernel: ExposureKernel,
             finished: (PostContext) -> Void) {
        for (a, account) in world.accounts.enumerated() {
            let p = account.platform
            guard let pool = world.paidPools[p], world.accountIndex[p].first == a, accounts.status[a].isOpen else { continue }
            let budget = PaidPool.weekBudget(pool.boost, platform: p, week: w, plan: plan)
            if budget <= 0 { continue }
            let hour = PaidPool.cascadeHour(world.scenario.platforms[p])
            var post = kernel.beginPost(account: a, format: pool.boost.format, hour: hour, week: w, rng: delivery.engagement)
            let followers = accounts.followers[a], rng = delivery.engagement
            let delivered = delivery.deliver(pool, platform: p, week: w, replicate: r, seed: world.scenario.seed,
                                             budget: budget, scale: world.audience.scale, followers: followers,
                                             outsideShare: outsideShare[p]) { v in
                kernel.paidImpression(v, rng: rng, &post)
            }
            kernel.paidOutside(delivered.outside, engagementMultiplier: pool.boost.engagementMultiplier, &post)
            kernel.cascade(&post)
            finished(post)
        }
    }
}
