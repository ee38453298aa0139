/// The grouped engine's replicate: the week of `ReplicateRunner` (docs/model.md, "A week, file by
/// file") on `GroupedKernel`'s counts. The same feeds, schedule, post factors, amplification,
/// outside audience and random-stream keys; the timeline's follower changes (accounts opening
/// and closing, trends), churn, starter packs and boosts move counts between groups.
final class GroupedRunner: ReplicateSimulator {
    let world: World
    private let layout: MetricLayout
    private let streams: [RandomStream]
    private let trendStreams: [RandomStream]
    private let tallies: WeeklyTallies
    private let kernel: GroupedKernel
    private let amplification: Amplification
    private let churn: FollowerChurn
    private let boost: GroupedBoost?
    private let starterPacks: StarterPacks?
    private let effort: [Double]
    private let classCount: Int
    /// Starter packs' weight per class (reused).
    private var classWeight: [Double]

    init(world: World, audience: GroupedAudience) {
        self.world = world
        layout = world.layout
        streams = world.accounts.map { _ in RandomStream(seed: 0, purpose: .replicate) }
        trendStreams = world.scenario.platforms.map { _ in RandomStream(seed: 0, purpose: .trend) }
        tallies = WeeklyTallies(layout: layout)
        kernel = GroupedKernel(world: world, audience: audience, tallies: tallies)
        amplification = Amplification(world: world)
        churn = FollowerChurn(world: world)
        boost = GroupedBoost(world: world, groups: audience.groupCount)
        starterPacks = StarterPacks(world: world)
        effort = ReplicateRunner.effortFactors(world)
        classCount = world.audience.classes.count
        classWeight = Array(repeating: 0, count: classCount)
    }

    func run(replicate: Int, into out: UnsafeMutableBufferPointer<Double>) {
        precondition(out.count == layout.perReplicate)
        for (a, account) in world.accounts.enumerated() {
            streams[a].reseed(seed: world.scenario.seed, purpose: .replicate, index: UInt64(replicate), key: account.streamKey)
        }
        for (p, platform) in world.scenario.platforms.enumerated() {
            trendStreams[p].reseed(seed: world.scenario.seed, purpose: .trend, index: UInt64(replicate),
                                   key: RandomStream.key(platform.name))
        }
        kernel.startReplicate()
        tallies.startReplicate()
        boost?.startReplicate(replicate)
        starterPacks?.startReplicate()

        var recorded = PostRecords(layout: layout, scale: world.audience.scale, out: out)
        for w in 0..<layout.weeks {
            tallies.startWeek()
            kernel.startWeek()
            let plan = world.schedule[w]
            applyTimeline(plan)
            for post in plan.posts {
                let done = publish(post, plan: plan, week: w)
                starterPacks?.add(done)
                recorded.add(done)
            }
            boost?.run(week: w, plan: plan, replicate: replicate, kernel: kernel) { recorded.add($0) }
            starterPacks?.apply(isOpen: { kernel.status[$0].isOpen }, streams: streams, tallies: tallies,
                                outside: kernel.outside) { a, n, rng in addStarterFollowers(n, account: a, rng: rng) }
            for (a, _) in world.accounts.enumerated() where kernel.status[a].isOpen {
                let q = churn.probability(a, plan)
                if q > 0 { kernel.unfollowAll(a, probability: q, rng: streams[a]) }
            }
            kernel.outside?.churn({ churn.probability($0, plan) }, isOpen: { kernel.status[$0].isOpen },
                                  streams: streams, tallies: tallies)
            kernel.forgetEngagements(week: w)
            kernel.finishWeek()
            tallies.finishWeek(w, plan: plan, accounts: world.accounts, accountIndex: world.accountIndex,
                               followers: kernel, classCount: classCount, spend: boost?.spend,
                               outside: kernel.outside, scale: world.audience.scale, into: out)
            boost?.endWeek()
        }
        precondition(layout.posts == 0 || recorded.count == layout.posts, "PostCatalog must list the posts the runner simulates")
    }

    /// Accounts open or close; trends move users on or off their platforms.
    private func applyTimeline(_ plan: WeekPlan) {
        for a in world.accounts.indices where plan.status[a] != kernel.status[a] {
            if kernel.status[a] == .inactive && plan.status[a].isOpen {
                kernel.open(a, rng: streams[a])
            } else if plan.status[a] == .closed {
                kernel.close(a, rng: streams[a])
                kernel.outside?.close(a, tallies: tallies)
            }
            kernel.status[a] = plan.status[a]
        }
        for p in kernel.hasTrend.indices where kernel.hasTrend[p] {
            let users = world.audience.platformUsers[p].count
            let target = min(users, Int((Double(world.activeUsersAtStart[p]) * plan.activeUsers[p]).rounded()))
            kernel.setActiveUsers(p, target: target, rng: trendStreams[p])
        }
    }

    /// One organic post, as `ReplicateRunner.publish`.
    private func publish(_ scheduled: ScheduledPost, plan: WeekPlan, week w: Int) -> PostContext {
        let a = scheduled.account
        var post = kernel.beginPost(account: a, format: scheduled.format, hour: scheduled.hour, week: w, rng: streams[a])
        let feed = world.feeds[post.platform]
        ReplicateRunner.setFactors(&post, scheduled, plan: plan, world: world, effort: effort, status: kernel.status[a])
        kernel.prepareFollowerVisibility(post, cadence: plan.cadence[a])
        kernel.exposeFollowers(&post, multiplier: 1)
        feed.afterFirstWave(&post, on: kernel)
        amplification.repost(&post, plan: plan, status: kernel.status, sampler: kernel)
        kernel.cascade(&post)
        feed.discover(&post, on: kernel)
        return post
    }

    /// Starter packs: `n` active non-followers of the account follow it, classes in proportion to
    /// non-followers × the segment's acceptance (affinity / the largest).
    private func addStarterFollowers(_ n: Int, account a: Int, rng: RandomStream) {
        guard let packs = starterPacks else { return }
        let p = world.accounts[a].platform
        var total = 0.0
        for c in 0..<classCount {
            classWeight[c] = Double(kernel.nonFollowers(account: a, cls: c)) * packs.acceptance[c / ActivityLevels.count]
            total += classWeight[c]
        }
        var left = n
        for c in 0..<classCount where left > 0 && classWeight[c] > 0 {
            let k = total <= classWeight[c] ? left : rng.binomial(left, classWeight[c] / total)
            total -= classWeight[c]
            left -= k
            let added = kernel.addFollowers(k, account: a, cls: c, rng: rng)
            if added > 0 {
                tallies.add(.followersGained, tallies.cell(platform: p, segment: c / ActivityLevels.count, account: a),
                            Double(added))
            }
        }
    }
}
