/// Simulates replicates of a world, one at a time, reusing its buffers: a worker thread owns one
/// runner and allocates nothing per post, per view or per replicate after `init`.
///
/// One post, in order (see docs/model.md):
/// 1. organic: followers of the account see it with the feed's probability for their class
///    (geometric skipping within each class: one draw per viewer); then the feed model's own
///    steps (`feedSteps`: ranked feeds' engaged followers and second wave, interest feeds' test
///    batches; see the extension at the end of this file);
/// 2. every viewer may like, comment, share (independent draws at the platform's rates × the
///    segment's affinity); a non-follower viewer may follow;
/// 3. shares cascade: a sharer's followers on the platform see the share with the feed's peer
///    probability, each follow edge tried once, each person counted once per post;
/// 4. discovery (ranked feeds, live events): Poisson(engagement score × rate, or viewers × rate)
///    impressions land on random users of the platform; those who follow the account or already
///    saw the post are skipped (live: so are those offline during the event);
///    their shares cascade as in 3.
/// 5. paid boost (after the week's posts, see `PaidBoost.swift`): the week's budget buys
///    impressions of the boosted content on random members of the targeted pool, within the
///    frequency cap; paid viewers engage and follow at paid rates, their shares cascade as in 3.
///    Paid draws come from separate streams, so the organic draws do not depend on the budget.
/// At the end of the week each follower leaves with the platform's churn probability (one
/// binomial draw per class, then uniform removals).
final class ReplicateRunner {
    let world: World
    private let layout: MetricLayout
    private let agentCount: Int
    private let segments: Int
    private let classCount: Int
    private let followers: [FollowerSet]
    /// One random stream per account, reseeded for each replicate from (seed, replicate, account):
    /// what happens to one account's posts does not shift another account's draws.
    private let streams: [RandomStream]
    /// Classes of the agents, for `FollowerSet` (views read them from `records`).
    private let classOf: UnsafeMutablePointer<UInt8>
    /// Per agent: the last post seen, the class and the reach stamps (see `AgentRecords`).
    private let records: AgentRecords
    private let stampSlots: Int
    /// This week's per-account counters, `account * metricCount + metric`.
    private let accountWeek: UnsafeMutablePointer<Double>
    /// Reached since week 0 by each account's posts.
    private var accountCumulative: [Int]
    /// Per agent: bit p set while the agent actively uses platform p (trends change it).
    private let activeMask: UnsafeMutablePointer<UInt32>
    private var activeCount: [Int]
    /// Per platform: whether a trend changes its users (only then are views checked against `activeMask`).
    private let hasTrend: [Bool]
    /// Per platform: who stops or starts using it, per replicate.
    private let trendStreams: [RandomStream]
    /// Per agent: bit m set once the agent has decided about migration m (one decision per person).
    private let decided: UnsafeMutablePointer<UInt8>
    /// Per account: its status in the week being simulated.
    private var status: [AccountStatus]
    /// Visibility of an amplifying account's followers, by class.
    private var amplifierVisibility: [Double]
    /// Engagement probabilities flattened `(platform * formats + format) * segments + segment`,
    /// and follow probabilities `platform * segments + segment`.
    private let likeRate, commentRate, shareRate, followRate: UnsafeMutablePointer<Double>
    /// Paid engagement probabilities of boosted content, `platform * segments + segment`.
    private let paidLike, paidComment, paidShare, paidFollow: UnsafeMutablePointer<Double>
    private let queue: UnsafeMutablePointer<UInt32>
    /// Viewers drawn ahead of their views (see `RandomStream.forEachSuccess(in:probability:ahead:...)`):
    /// 32 records in flight cover the memory latency of a view at 12 million agents.
    private let drawn: UnsafeMutablePointer<Int>
    private static let drawAhead = 32
    /// This week's counters, indexed like one week of `MetricLayout` (segment slots only).
    private let week: UnsafeMutablePointer<Double>
    /// Reached since week 0, per platform slot × segment.
    private var cumulative: [Int]
    private var visibility: [Double]
    private var peerProbability: [Double]
    private var serial: UInt32 = 0
    /// Discovery acceptance probability by class (live events: online during the event).
    private var acceptance: [Double]
    /// The account whose post is being simulated.
    private var currentAccount = 0
    /// Ranked feeds: who engaged recently with each account.
    private let engaged: EngagedFollowers
    /// Called with each post's tallies when set (calibration); nil in ordinary runs.
    var onPost: ((ScheduledPost, PostCounters) -> Void)?
    /// Paid-boost state, nil when no platform is boosted.
    private let paid: PaidDelivery?

    init(world: World) {
        self.world = world
        layout = world.layout
        agentCount = world.audience.agentCount
        segments = layout.segments
        classCount = world.audience.classes.count
        followers = world.accounts.map {
            FollowerSet(agentCount: world.audience.agentCount, capacity: world.usersPerClass[$0.platform])
        }
        streams = world.accounts.map { _ in RandomStream(seed: 0, purpose: .replicate) }
        classOf = .allocate(capacity: max(1, agentCount))
        classOf.initialize(from: world.audience.classOf, count: agentCount)
        stampSlots = layout.platformSlots + world.accounts.count
        records = AgentRecords(classOf: world.audience.classOf, slots: stampSlots)
        accountWeek = .allocate(capacity: max(1, layout.perAccountWeek))
        accountCumulative = Array(repeating: 0, count: world.accounts.count)
        activeMask = .allocate(capacity: max(1, agentCount))
        activeCount = world.activeUsersAtStart
        hasTrend = world.scenario.platforms.indices.map { p in
            world.scenario.timeline.contains { if case .trend(p, _, _) = $0.kind { true } else { false } }
        }
        trendStreams = world.scenario.platforms.map { _ in RandomStream(seed: 0, purpose: .trend) }
        decided = .allocate(capacity: max(1, agentCount))
        status = Array(repeating: .posting, count: world.accounts.count)
        amplifierVisibility = Array(repeating: 0, count: world.audience.classes.count)
        queue = .allocate(capacity: max(1, agentCount))
        drawn = .allocate(capacity: Self.drawAhead)
        week = .allocate(capacity: layout.perWeek)
        cumulative = Array(repeating: 0, count: layout.platformSlots * layout.segments)
        func flat(_ table: [[Double]]) -> UnsafeMutablePointer<Double> {
            let values = table.flatMap { $0 }
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(1, values.count))
            p.initialize(from: values, count: values.count)
            return p
        }
        likeRate = flat(world.likeRate)
        commentRate = flat(world.commentRate)
        shareRate = flat(world.shareRate)
        followRate = flat(world.followRate)
        func paidTable(_ rates: (PaidPool) -> [Double]) -> UnsafeMutablePointer<Double> {
            flat(world.paidPools.map { $0.map(rates) ?? Array(repeating: 0, count: world.layout.segments) })
        }
        paidLike = paidTable(\.like)
        paidComment = paidTable(\.comment)
        paidShare = paidTable(\.share)
        paidFollow = paidTable(\.follow)
        paid = world.paidPools.contains { $0 != nil }
            ? PaidDelivery(agentCount: agentCount, platforms: layout.platforms) : nil
        visibility = Array(repeating: 0, count: classCount)
        peerProbability = Array(repeating: 0, count: classCount)
        acceptance = Array(repeating: 1, count: classCount)
        engaged = EngagedFollowers(world: world)
    }

    deinit {
        classOf.deallocate()
        accountWeek.deallocate()
        activeMask.deallocate()
        decided.deallocate()
        queue.deallocate()
        drawn.deallocate()
        week.deallocate()
        for p in [likeRate, commentRate, shareRate, followRate, paidLike, paidComment, paidShare, paidFollow] {
            p.deallocate()
        }
    }

    /// Simulates replicate `replicate` into `out` (`layout.perReplicate` values).
    func run(replicate: Int, into out: UnsafeMutableBufferPointer<Double>) {
        precondition(out.count == layout.perReplicate)
        for (a, account) in world.accounts.enumerated() {
            streams[a].reseed(seed: world.scenario.seed, purpose: .replicate, index: UInt64(replicate), key: account.streamKey)
        }
        activeMask.initialize(from: world.activeAtStart, count: agentCount)
        for p in activeCount.indices {
            activeCount[p] = world.activeUsersAtStart[p]
            let key = RandomStream.key(world.scenario.platforms[p].name)
            trendStreams[p].reseed(seed: world.scenario.seed, purpose: .trend, index: UInt64(replicate), key: key)
        }
        for (a, account) in world.accounts.enumerated() {
            status[a] = world.schedule.first?.status[a] == .inactive ? .inactive : .posting
            followers[a].reset(to: status[a] == .inactive ? [] : account.initialFollowers, classOf: classOf)
        }
        records.reset()
        decided.initialize(repeating: 0, count: agentCount)
        serial = 0
        for i in cumulative.indices { cumulative[i] = 0 }
        for i in accountCumulative.indices { accountCumulative[i] = 0 }
        engaged.reset()
        paid?.startReplicate(replicate, seed: world.scenario.seed, pools: world.paidPools)

        for w in 0..<layout.weeks {
            week.initialize(repeating: 0, count: layout.perWeek)
            accountWeek.initialize(repeating: 0, count: layout.perAccountWeek)
            let plan = world.schedule[w]
            applyTimeline(plan)
            for post in plan.posts {
                publish(post, plan: plan, week: w, rng: streams[post.account])
            }
            if paid != nil { boost(week: w, plan: plan, replicate: replicate) }
            churn(plan)
            engaged.forget(week: w)
            finishWeek(w, plan: plan, into: out)
        }
    }

    // MARK: - One post

    private func publish(_ post: ScheduledPost, plan: WeekPlan, week w: Int, rng: RandomStream) {
        let cadence = plan.cadence[post.account]
        serial &+= 1
        if serial == 0 {  // wrapped: forget every mark
            records.forgetSeen()
            serial = 1
        }
        let a = post.account
        let p = world.accounts[a].platform
        let feed = world.feeds[p]
        let set = followers[a]
        var ctx = PostCounters()
        var queued = 0
        currentAccount = a
        ctx.quality = feed.postQuality(format: post.format, rng)
        let tone = world.accounts[a].tone
        let effect = CadenceEffects.engagement(cadence: cadence)
        var copyFactor = 1.0
        if post.copy, case .crosspost(_, let engagement) = status[a] { copyFactor = engagement }
        ctx.likeFactor = ctx.quality * tone.like * effect.like * copyFactor
        ctx.commentFactor = ctx.quality * tone.comment * effect.comment * copyFactor
        ctx.shareFactor = ctx.quality * tone.share * effect.share * copyFactor
        ctx.announcement = post.announcement
        ctx.discoveryMultiplier = plan.discoveryMultiplier[p]

        feed.followerVisibility(hour: post.hour, format: post.format, cadence: cadence, into: &visibility)
        exposeFollowers(set, platform: p, format: post.format, week: w, multiplier: 1, ctx: &ctx, queued: &queued, rng: rng)
        feedSteps(feed, post: post, week: w, ctx: &ctx, queued: &queued, rng: rng)
        amplify(post, plan: plan, week: w, ctx: &ctx, queued: &queued, rng: rng)
        cascade(platform: p, account: a, hour: post.hour, format: post.format, week: w,
                ctx: &ctx, queued: &queued, rng: rng)

        let discoveryMean = feed.discoveryMean(ctx) * ctx.discoveryMultiplier  // ranked: engagement score; live: viewers
        if discoveryMean > 0 && !world.audience.platformUsers[p].isEmpty {
            let users = world.audience.platformUsers[p]
            feed.discoveryAcceptance(hour: post.hour, into: &acceptance)
            let shown = rng.poisson(discoveryMean)
            for _ in 0..<shown {
                let v = Int(users[rng.below(users.count)])
                if records.seen(v) == serial || set.contains(v) || !isActive(v, p) { continue }
                // Decided once per person and post: someone offline stays offline for this post.
                let accept = acceptance[records.cls(v)]
                if accept < 1 && rng.uniform() >= accept { records.markSeen(v, serial); continue }
                records.markSeen(v, serial)
                view(v, platform: p, set: set, format: post.format, kind: .impressionsDiscovery,
                     week: w, follower: false, ctx: &ctx, queued: &queued, rng: rng)
            }
            cascade(platform: p, account: a, hour: post.hour, format: post.format, week: w,
                    ctx: &ctx, queued: &queued, rng: rng)
        }
        onPost?(post, ctx)
    }

    // MARK: - Paid boost

    /// Delivers the week's paid impressions of every boosted platform (one campaign per platform
    /// and week, a new post for the once-per-post rule), then cascades the paid viewers' shares.
    private func boost(week w: Int, plan: WeekPlan, replicate r: Int) {
        guard let paid else { return }
        for (a, account) in world.accounts.enumerated() {
            let p = account.platform
            guard let pool = world.paidPools[p], world.accountIndex[p].first == a, status[a].isOpen else { continue }
            var spec = pool.boost
            if let changed = plan.budget[p] { spec.budget = changed }
            let budget = spec.budget(week: w, posts: plan.produced[p])
            if budget <= 0 { continue }
            serial &+= 1
            if serial == 0 {
                records.forgetSeen()
                serial = 1
            }
            let set = followers[a]
            currentAccount = a
            let format = pool.boost.format
            let rng = paid.engagement
            var ctx = PostCounters()
            var queued = 0
            _ = paid.deliver(pool, platform: p, week: w, replicate: r, seed: world.scenario.seed, budget: budget,
                             scale: world.audience.scale, followers: set) { v in
                if records.seen(v) == serial {  // a repeat impression: paid for, seen before
                    let s = records.cls(v) / ActivityLevels.count
                    week[(p * layout.segmentSlots + s) * MetricLayout.metricCount + Metric.impressionsPaid.rawValue] += 1
                    accountWeek[a * MetricLayout.metricCount + Metric.impressionsPaid.rawValue] += 1
                    return
                }
                records.markSeen(v, serial)
                view(v, platform: p, set: set, format: format, kind: .impressionsPaid, week: w,
                     follower: set.contains(v), paid: true, ctx: &ctx, queued: &queued, rng: rng)
            }
            let hours = world.scenario.platforms[p].accounts[0].plan.postingHours
            cascade(platform: p, account: a, hour: hours.first ?? 19, format: format, week: w,
                    ctx: &ctx, queued: &queued, rng: rng)
        }
    }

    /// Breadth-first independent cascade from the queued sharers.
    private func cascade(platform p: Int, account a: Int, hour: Int, format: PostFormat, week w: Int,
                         ctx: inout PostCounters, queued: inout Int, rng: RandomStream) {
        if queued == 0 { return }
        world.feeds[p].peerVisibility(hour: hour, into: &peerProbability)  // probabilities, by class
        var head = 0
        let set = followers[a]
        let checkActive = hasTrend[p], bit = UInt32(1) << UInt32(p)
        world.graphs[p].withUnsafeCSR { offsets, targets in
            while head < queued {
                let u = Int(queue[head])
                head += 1
                var e = offsets[u]
                let end = offsets[u + 1]
                while e < end {
                    let v = Int(targets[e])
                    e += 1
                    if records.seen(v) == serial || (checkActive && activeMask[v] & bit == 0) { continue }
                    if rng.uniform() < peerProbability[records.cls(v)] {
                        records.markSeen(v, serial)
                        view(v, platform: p, set: set, format: format, kind: .impressionsShares,
                             week: w, follower: set.contains(v), ctx: &ctx, queued: &queued, rng: rng)
                    }
                }
            }
        }
        queued = 0
    }

    /// One person sees the post: impressions, reach, engagement, maybe a share and a follow.
    @inline(__always)
    private func view(_ v: Int, platform p: Int, set: FollowerSet, format: PostFormat, kind: Metric, week w: Int,
                      follower: Bool, paid: Bool = false, ctx: inout PostCounters, queued: inout Int,
                      rng: RandomStream) {
        let cls = records.cls(v)
        let s = cls / ActivityLevels.count
        let base = (p * layout.segmentSlots + s) * MetricLayout.metricCount
        let own = currentAccount * MetricLayout.metricCount
        week[base + kind.rawValue] += 1
        accountWeek[own + kind.rawValue] += 1
        ctx.views += 1
        if kind == .impressionsOrganic { ctx.organicViews += 1 }
        if !follower { ctx.nonFollowerViews += 1 }
        let stamp = UInt16(truncatingIfNeeded: w + 1)
        let stamps = records.stamps(v)
        if stamps[p] != stamp {
            if stamps[p] == 0 { cumulative[p * segments + s] += 1 }
            stamps[p] = stamp
            week[base + Metric.reach.rawValue] += 1
        }
        let all = layout.allPlatforms
        if stamps[all] != stamp {
            if stamps[all] == 0 { cumulative[all * segments + s] += 1 }
            stamps[all] = stamp
            week[(all * layout.segmentSlots + s) * MetricLayout.metricCount + Metric.reach.rawValue] += 1
        }
        let slot = layout.platformSlots + currentAccount
        if stamps[slot] != stamp {
            if stamps[slot] == 0 { accountCumulative[currentAccount] += 1 }
            stamps[slot] = stamp
            accountWeek[own + Metric.reach.rawValue] += 1
        }
        let r = (p * PostFormat.count + format.index) * segments + s
        var like = likeRate[r], comment = commentRate[r], share = shareRate[r], follow = followRate[p * segments + s]
        if paid {
            let i = p * segments + s
            (like, comment, share, follow) = (paidLike[i], paidComment[i], paidShare[i], paidFollow[i])
        }
        let engagementsBefore = ctx.engagements
        if rng.uniform() < like * ctx.likeFactor {
            week[base + Metric.likes.rawValue] += 1
            accountWeek[own + Metric.likes.rawValue] += 1
            ctx.likes += 1
        }
        if rng.uniform() < comment * ctx.commentFactor {
            week[base + Metric.comments.rawValue] += 1
            accountWeek[own + Metric.comments.rawValue] += 1
            ctx.comments += 1
        }
        if rng.uniform() < share * ctx.shareFactor {
            week[base + Metric.shares.rawValue] += 1
            accountWeek[own + Metric.shares.rawValue] += 1
            ctx.shares += 1
            queue[queued] = UInt32(v)
            queued += 1
        }
        if ctx.engagements != engagementsBefore { engaged.note(v, account: currentAccount, week: w) }
        if !follower && rng.uniform() < follow {
            set.insert(v, cls: cls)
            week[base + Metric.followersGained.rawValue] += 1
            accountWeek[own + Metric.followersGained.rawValue] += 1
        }
        if ctx.announcement >= 0 && follower { migrate(v, cls: cls, ctx.announcement, rng: rng) }
    }

    // MARK: - End of week

    private func churn(_ plan: WeekPlan) {
        for (a, account) in world.accounts.enumerated() where status[a].isOpen {
            let rng = streams[a]
            let q = min(1, world.scenario.platforms[account.platform].churnPerWeek * CadenceEffects.churn(cadence: plan.cadence[a]))
            if q <= 0 { continue }
            let set = followers[a]
            for c in 0..<classCount {
                let n = set.count[c]
                let k = rng.binomial(n, q)
                if k == 0 { continue }
                lost(Double(k), account: a, cls: c)
                for _ in 0..<k { set.remove(cls: c, at: rng.below(set.count[c])) }
            }
        }
    }

    /// Counts `k` followers of class `cls` lost by account `a`.
    private func lost(_ k: Double, account a: Int, cls c: Int) {
        let base = (world.accounts[a].platform * layout.segmentSlots + c / ActivityLevels.count) * MetricLayout.metricCount
        week[base + Metric.followersLost.rawValue] += k
        accountWeek[a * MetricLayout.metricCount + Metric.followersLost.rawValue] += k
    }

    @inline(__always)
    private func isActive(_ v: Int, _ p: Int) -> Bool {
        !hasTrend[p] || activeMask[v] & (UInt32(1) << UInt32(p)) != 0
    }

    // MARK: - Timeline

    /// Start of a week: accounts open (with their initial followers who still use the platform)
    /// or close (their followers are lost), and trends move users on or off their platforms.
    private func applyTimeline(_ plan: WeekPlan) {
        for a in world.accounts.indices where plan.status[a] != status[a] {
            let set = followers[a]
            let p = world.accounts[a].platform
            if status[a] == .inactive && plan.status[a].isOpen {
                let bit = UInt32(1) << UInt32(p)
                set.reset(to: world.accounts[a].initialFollowers, classOf: classOf) { activeMask[$0] & bit != 0 }
            } else if plan.status[a] == .closed {
                for c in 0..<classCount where set.count[c] > 0 { lost(Double(set.count[c]), account: a, cls: c) }
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
                for a in world.accountIndex[p] where followers[a].contains(v) {
                    followers[a].remove(agent: v, cls: records.cls(v))
                    lost(1, account: a, cls: records.cls(v))
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

    /// A follower of a migration's source saw an announcement: once per person and migration,
    /// they follow each destination they use with the migration's follow-through.
    private func migrate(_ v: Int, cls: Int, _ m: Int, rng: RandomStream) {
        let flag = UInt8(1) << UInt8(m)
        if decided[v] & flag != 0 { return }
        decided[v] |= flag
        let migration = world.migrations[m].migration
        let probability = migration.followThrough[cls / ActivityLevels.count]
        for d in migration.destinations {
            let b = world.accountIndex[d][0]
            let set = followers[b]
            guard status[b].isOpen, activeMask[v] & (UInt32(1) << UInt32(d)) != 0, !set.contains(v) else { continue }
            if rng.uniform() < probability {
                set.insert(v, cls: cls)
                week[(d * layout.segmentSlots + cls / ActivityLevels.count) * MetricLayout.metricCount
                     + Metric.followersGained.rawValue] += 1
                accountWeek[b * MetricLayout.metricCount + Metric.followersGained.rawValue] += 1
            }
        }
    }

    /// Accounts of the same platform that amplify the author repost the post (each with its
    /// probability): their followers who have not seen it see the repost with the amplifier's own
    /// feed visibility, as share impressions of the author's post.
    private func amplify(_ post: ScheduledPost, plan: WeekPlan, week w: Int, ctx: inout PostCounters, queued: inout Int,
                         rng: RandomStream) {
        let a = post.account
        let amplifiers = world.accounts[a].amplifiers
        if amplifiers.isEmpty { return }
        let p = world.accounts[a].platform
        let author = followers[a]
        for (b, probability) in amplifiers where status[b] == .posting {
            guard rng.uniform() < probability else { continue }
            world.feeds[p].followerVisibility(hour: post.hour, format: post.format, cadence: plan.cadence[b],
                                              into: &amplifierVisibility)
            let reposter = followers[b]
            for c in 0..<classCount {
                let members = reposter.members(ofClass: c)
                rng.forEachSuccess(in: members.count, probability: amplifierVisibility[c],
                                   ahead: Self.drawAhead, buffer: drawn,
                                   prefetch: { records.prefetch(Int(members[$0])) }) { i in
                    let v = Int(members[i])
                    if records.seen(v) != serial {
                        records.markSeen(v, serial)
                        view(v, platform: p, set: author, format: post.format, kind: .impressionsShares,
                             week: w, follower: author.contains(v), ctx: &ctx, queued: &queued, rng: rng)
                    }
                }
            }
        }
    }

    /// Adds followers, cumulative reach and the work metrics, fills the `all` slots, applies the
    /// audience scale and copies the week into `out`.
    private func finishWeek(_ w: Int, plan: WeekPlan, into out: UnsafeMutableBufferPointer<Double>) {
        let m = MetricLayout.metricCount
        let P = layout.platforms, S = segments
        func at(_ p: Int, _ s: Int, _ metric: Metric) -> Int { (p * layout.segmentSlots + s) * m + metric.rawValue }
        for (a, account) in world.accounts.enumerated() {
            for c in 0..<classCount {
                week[at(account.platform, c / ActivityLevels.count, .followers)] += Double(followers[a].count[c])
            }
        }
        for p in 0...P {
            for s in 0..<S { week[at(p, s, .reachCumulative)] = Double(cumulative[p * S + s]) }
        }
        // Platform `all`: sums over platforms, except reach (tracked per person above).
        for s in 0..<S {
            for metric in Metric.allCases where !metric.perPlatformOnly && metric != .reach && metric != .reachCumulative {
                var total = 0.0
                for p in 0..<P { total += week[at(p, s, metric)] }
                week[at(P, s, metric)] = total
            }
        }
        // Segment `all`: sums over segments (segments partition people, so reach adds up).
        for p in 0...P {
            for metric in Metric.allCases where !metric.perPlatformOnly {
                var total = 0.0
                for s in 0..<S { total += week[at(p, s, metric)] }
                week[at(p, S, metric)] = total
            }
        }
        for p in 0..<P {
            week[at(p, S, .posts)] = Double(plan.produced[p])
            week[at(p, S, .hours)] = plan.hoursUsed[p]
            week[at(p, S, .postsDropped)] = Double(plan.dropped[p])
            week[at(p, S, .hoursDropped)] = plan.hoursDropped[p]
            week[at(p, S, .spend)] = paid?.spend[p] ?? 0
            paid?.spend[p] = 0
        }
        for metric in Metric.allCases where metric.perPlatformOnly {
            var total = 0.0
            for p in 0..<P { total += week[at(p, S, metric)] }
            week[at(P, S, metric)] = total
        }
        let scale = Double(world.audience.scale)
        // Accounts: their own counters, followers, cumulative reach and work.
        for (a, account) in world.accounts.enumerated() {
            let base = a * MetricLayout.metricCount
            var count = 0
            for c in 0..<classCount { count += followers[a].count[c] }
            accountWeek[base + Metric.followers.rawValue] = Double(count)
            accountWeek[base + Metric.reachCumulative.rawValue] = Double(accountCumulative[a])
            accountWeek[base + Metric.posts.rawValue] = Double(plan.accountProduced[a])
            accountWeek[base + Metric.hours.rawValue] = plan.accountHours[a]
            accountWeek[base + Metric.postsDropped.rawValue] = Double(plan.accountDropped[a])
            accountWeek[base + Metric.hoursDropped.rawValue] = plan.accountHoursDropped[a]
            accountWeek[base + Metric.spend.rawValue] = world.accountIndex[account.platform].first == a ? week[at(account.platform, S, .spend)] : 0
            for metric in Metric.allCases {
                out[layout.accountIndex(week: w, account: a, metric: metric)] =
                    accountWeek[base + metric.rawValue] * (metric.perPlatformOnly ? 1 : scale)
            }
        }
        let offset = w * layout.perWeek
        for p in 0...P {
            for s in 0...S {
                for metric in Metric.allCases {
                    let i = at(p, s, metric)
                    if metric.perPlatformOnly {
                        out[offset + i] = s == S ? week[i] : .nan
                    } else {
                        out[offset + i] = week[i] * scale
                    }
                }
            }
        }
    }
}

/// Tallies of one post, for engagement-driven feeds (second wave, batches, discovery).
struct PostCounters {
    var views = 0
    /// Views through the feed's in-network pass (followers).
    var organicViews = 0
    /// Views by people who did not follow the account when they saw the post.
    var nonFollowerViews = 0
    var likes = 0
    var comments = 0
    var shares = 0
    var engagements: Int { likes + comments + shares }
    /// Multiplier of every viewer's engagement probabilities for this post (interest feeds' quality).
    var quality = 1.0
    /// Multipliers of the like, comment and share probabilities: quality × the account's tone ×
    /// cadence effects × the cross-post factor.
    var likeFactor = 1.0
    var commentFactor = 1.0
    var shareFactor = 1.0
    /// Index into `World.migrations` when the post announces one, else -1.
    var announcement = -1
    /// Multiplier of discovery from running campaigns.
    var discoveryMultiplier = 1.0
}

// MARK: - Feed models' own steps

extension ReplicateRunner {
    /// After the first in-network pass: ranked feeds show the post again to recently engaged
    /// followers and, after strong early engagement, in a second wave, and test their short videos
    /// in Reels batches; interest feeds run their test batches. Chronological feeds and live events have no extra step.
    private func feedSteps(_ feed: PreparedFeed, post: ScheduledPost, week w: Int,
                           ctx: inout PostCounters, queued: inout Int, rng: RandomStream) {
        let a = post.account
        let p = world.accounts[a].platform
        let set = followers[a]
        switch feed.model {
        case .ranked(let ranked):
            if ranked.engagedMultiplier > 1 {
                engagedPass(ranked, set, platform: p, format: post.format, week: w, ctx: &ctx, queued: &queued, rng: rng)
            }
            if ranked.secondWaveMultiplier > 0 && ctx.views > 0
                && Double(ctx.engagements) >= ranked.secondWaveThreshold * Double(ctx.views) {
                exposeFollowers(set, platform: p, format: post.format, week: w, multiplier: ranked.secondWaveMultiplier,
                           ctx: &ctx, queued: &queued, rng: rng)
            }
            if post.format == .shortVideo, let reels = ranked.reels {
                cascade(platform: p, account: a, hour: post.hour, format: post.format, week: w,
                        ctx: &ctx, queued: &queued, rng: rng)
                interestBatches(reels, feed: feed, set, platform: p, account: a, post: post, week: w,
                                ctx: &ctx, queued: &queued, rng: rng)
            }
        case .interest(let interest):
            cascade(platform: p, account: a, hour: post.hour, format: post.format, week: w,
                    ctx: &ctx, queued: &queued, rng: rng)
            interestBatches(interest, feed: feed, set, platform: p, account: a, post: post, week: w,
                            ctx: &ctx, queued: &queued, rng: rng)
        case .chronological, .live:
            break
        }
    }

    /// Followers of each class who have not seen the post see it with min(1, visibility[c] × m):
    /// the first wave (m = 1, nobody has seen it yet) and the second wave of ranked feeds.
    private func exposeFollowers(_ set: FollowerSet, platform p: Int, format: PostFormat, week w: Int, multiplier: Double,
                                 ctx: inout PostCounters, queued: inout Int, rng: RandomStream) {
        for c in 0..<classCount {
            let members = set.members(ofClass: c)
            rng.forEachSuccess(in: members.count, probability: min(1, visibility[c] * multiplier),
                               ahead: Self.drawAhead, buffer: drawn,
                               prefetch: { records.prefetch(Int(members[$0])) }) { i in
                let v = Int(members[i])
                if records.seen(v) != serial {
                    records.markSeen(v, serial)
                    view(v, platform: p, set: set, format: format, kind: .impressionsOrganic,
                         week: w, follower: true, ctx: &ctx, queued: &queued, rng: rng)
                }
            }
        }
    }

    /// Followers who engaged with the account recently and missed the first wave see the post
    /// with (min(1, p·m) − p) / (1 − p), so their total is min(1, p·m).
    private func engagedPass(_ feed: RankedFeed, _ set: FollowerSet, platform p: Int, format: PostFormat, week w: Int,
                             ctx: inout PostCounters, queued: inout Int, rng: RandomStream) {
        let list = engaged.members(account: currentAccount)
        let ahead = 16  // entries: the list is known, so its people's records are fetched early
        for i in 0..<list.count {
            if i + ahead < list.count {
                let u = Int(list[i + ahead])
                records.prefetch(u)
                set.prefetch(u)
            }
            let v = Int(list[i])
            if records.seen(v) == serial || !set.contains(v) { continue }
            let p0 = visibility[records.cls(v)]
            if p0 >= 1 { continue }
            let extra = (min(1, p0 * feed.engagedMultiplier) - p0) / (1 - p0)
            if rng.uniform() < extra {
                records.markSeen(v, serial)
                view(v, platform: p, set: set, format: format, kind: .impressionsOrganic,
                     week: w, follower: true, ctx: &ctx, queued: &queued, rng: rng)
            }
        }
    }

    /// Interest feeds: test batches of non-followers drawn in proportion to affinity, expanded
    /// while the batch's engagements per view reach the threshold (see `InterestFeed`).
    private func interestBatches(_ interest: InterestFeed, feed: PreparedFeed, _ set: FollowerSet, platform p: Int,
                                 account a: Int, post: ScheduledPost, week w: Int,
                                 ctx: inout PostCounters, queued: inout Int, rng: RandomStream) {
        let users = world.audience.platformUsers[p]
        if users.isEmpty { return }
        for k in 0..<interest.maxBatches {
            let size = Int((Double(interest.batchSize(k, format: post.format, scale: world.audience.scale))
                            * ctx.discoveryMultiplier).rounded())
            let viewsBefore = ctx.views, engagementsBefore = ctx.engagements
            var shown = 0, attempts = 0
            let maxAttempts = 20 * size + 100
            while shown < size && attempts < maxAttempts {
                attempts += 1
                let v = Int(users[rng.below(users.count)])
                if records.seen(v) == serial || set.contains(v) || !isActive(v, p) { continue }
                let weight = feed.interestWeight[records.cls(v)]
                if weight < 1 && rng.uniform() >= weight { continue }
                records.markSeen(v, serial)
                view(v, platform: p, set: set, format: post.format, kind: .impressionsDiscovery,
                     week: w, follower: false, ctx: &ctx, queued: &queued, rng: rng)
                shown += 1
            }
            let views = ctx.views - viewsBefore, engagements = ctx.engagements - engagementsBefore
            cascade(platform: p, account: a, hour: post.hour, format: post.format, week: w,
                    ctx: &ctx, queued: &queued, rng: rng)
            if shown < size || !interest.expands(views: views, engagements: engagements) { break }
        }
    }
}
