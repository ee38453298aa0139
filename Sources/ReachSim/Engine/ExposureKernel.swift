/// The exact engine's sampler: it visits every person who sees a post, one by one. The hot loop
/// of ReachSim lives here and nowhere else: the per-agent records (seen mark, class, reach
/// stamps), the geometric-skip draws with their prefetching, the share queue and the view.
/// Allocated once per runner; nothing is allocated per post or per view.
///
/// A view (`view`): impressions of its kind, reach per platform, across platforms and per
/// account (stamps: once per person and week, and since week 0), then independent like, comment
/// and share draws at the platform's rates × the segment's affinity × the post's factors, a
/// follow draw for a non-follower, and a migration decision when the post announces one.
final class ExposureKernel: PostSampler, RepostSampler {
    private let world: World
    private let layout: MetricLayout
    /// The catchment's segments (the rate tables' stride).
    private let segments: Int
    private let classCount: Int
    private let accounts: AccountTimeline
    private let tallies: WeeklyTallies
    private let migrations: MigrationDecisions
    /// Ranked feeds: who engaged recently with each account.
    let engaged: EngagedFollowers
    /// The people outside the catchment, nil for a closed audience: out-of-network passes send
    /// them their share of the impressions, counted without agent records.
    let outside: OutsideAudience?
    /// Per agent: the last post seen, the class and the reach stamps (see `AgentRecords`).
    private let records: AgentRecords
    /// Serial of the post being simulated (`records.seen` compares with it).
    private var serial: UInt32 = 0
    /// Sharers waiting for their cascade (`PostContext.queued` entries).
    private let queue: UnsafeMutablePointer<UInt32>
    /// Viewers drawn ahead of their views (see `RandomStream.forEachSuccess(in:probability:ahead:...)`):
    /// 32 records in flight cover the memory latency of a view at 12 million agents.
    private let drawn: UnsafeMutablePointer<Int>
    private static let drawAhead = 32
    /// Engagement probabilities flattened `(platform * formats + format) * segments + segment`,
    /// and follow probabilities `platform * segments + segment`.
    private let likeRate, commentRate, shareRate, followRate: UnsafeMutablePointer<Double>
    /// Paid engagement probabilities of boosted content, `platform * segments + segment`.
    private let paidLike, paidComment, paidShare, paidFollow: UnsafeMutablePointer<Double>
    /// The current post's follower visibility, peer visibility and discovery acceptance, by class.
    private var visibility: [Double]
    private var peerProbability: [Double]
    private var acceptance: [Double]

    var audienceScale: Int { world.audience.scale }

    init(world: World, accounts: AccountTimeline, tallies: WeeklyTallies, migrations: MigrationDecisions) {
        self.world = world
        self.accounts = accounts
        self.tallies = tallies
        self.migrations = migrations
        layout = world.layout
        segments = world.scenario.audience.segments.count
        classCount = world.audience.classes.count
        records = AgentRecords(classOf: world.audience.classOf, slots: Self.stampSlots(layout))
        let agentCount = world.audience.agentCount
        queue = .allocate(capacity: max(1, agentCount))
        drawn = .allocate(capacity: Self.drawAhead)
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
            flat(world.paidPools.map { $0.map(rates) ?? Array(repeating: 0, count: world.scenario.audience.segments.count) })
        }
        paidLike = paidTable(\.like)
        paidComment = paidTable(\.comment)
        paidShare = paidTable(\.share)
        paidFollow = paidTable(\.follow)
        visibility = Array(repeating: 0, count: classCount)
        peerProbability = Array(repeating: 0, count: classCount)
        acceptance = Array(repeating: 1, count: classCount)
        engaged = EngagedFollowers(world: world)
        outside = world.outside.map { OutsideAudience(pools: $0, accounts: world.accounts, platforms: world.scenario.platforms.count) }
    }

    deinit {
        queue.deallocate()
        drawn.deallocate()
        for p in [likeRate, commentRate, shareRate, followRate, paidLike, paidComment, paidShare, paidFollow] {
            p.deallocate()
        }
    }

    /// Reach stamps per agent: the platforms, `all`, then the accounts.
    static func stampSlots(_ layout: MetricLayout) -> Int { layout.platformSlots + layout.accounts }

    /// Start of a replicate: nobody has seen anything, been reached or engaged.
    func startReplicate() {
        records.reset()
        serial = 0
        engaged.reset()
        outside?.startReplicate()
    }

    /// A new post (or paid campaign): a fresh serial, so that everyone may see it once.
    func beginPost(account: Int, format: PostFormat, hour: Int, week: Int, rng: RandomStream) -> PostContext {
        serial &+= 1
        if serial == 0 {  // wrapped: forget every mark
            records.forgetSeen()
            serial = 1
        }
        return PostContext(account: account, platform: world.accounts[account].platform, format: format, hour: hour,
                           week: week, rng: rng)
    }

    /// Sets the post's follower visibility by class from its feed (the first and second waves
    /// and the engaged pass use it).
    func prepareFollowerVisibility(_ post: PostContext, cadence: Double) {
        let followers = followerPeople(post.account)
        world.feeds[post.platform].followerVisibility(hour: post.hour, format: post.format, cadence: cadence,
                                                      followers: followers, reach: post.reach, into: &visibility)
        outside?.prepareFollowerVisibility(post, cadence: cadence, followers: followers)
    }

    /// Account `a`'s followers in people, the catchment's and the outside's (ranked feeds scale
    /// the reach rate by the account's whole size).
    func followerPeople(_ a: Int) -> Double {
        let outsideAgents = outside.map { Double($0.followers[a]) } ?? 0
        return accounts.followers[a].people(scale: world.audience.scale) + outsideAgents * Double(world.audience.scale)
    }

    // MARK: - PostSampler

    func exposeFollowers(_ post: inout PostContext, multiplier: Double) {
        let set = accounts.followers[post.account]
        let rng = post.rng
        for c in 0..<classCount {
            let members = set.members(ofClass: c)
            rng.forEachSuccess(in: members.count, probability: min(1, visibility[c] * multiplier),
                               ahead: Self.drawAhead, buffer: drawn,
                               prefetch: { records.prefetch(Int(members[$0])) }) { i in
                let v = Int(members[i])
                if records.seen(v) != serial {
                    records.markSeen(v, serial)
                    view(v, set: set, kind: .impressionsOrganic, follower: true, rng: rng, &post)
                }
            }
        }
        outside?.exposeFollowers(&post, multiplier: multiplier, tallies: tallies)
    }

    func exposeEngagedFollowers(_ post: inout PostContext, multiplier: Double) {
        let set = accounts.followers[post.account]
        let rng = post.rng
        let list = engaged.members(account: post.account)
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
            let extra = (min(1, p0 * multiplier) - p0) / (1 - p0)
            if rng.uniform() < extra {
                records.markSeen(v, serial)
                view(v, set: set, kind: .impressionsOrganic, follower: true, rng: rng, &post)
            }
        }
    }

    func cascade(_ post: inout PostContext) {
        if post.queued == 0 { return }
        let p = post.platform
        world.feeds[p].peerVisibility(hour: post.hour, into: &peerProbability)
        var head = 0
        let set = accounts.followers[post.account]
        let checkActive = accounts.hasTrend[p], bit = UInt32(1) << UInt32(p)
        let activeMask = accounts.activeMask
        let rng = post.rng
        world.graphs[p].withUnsafeCSR { offsets, targets in
            while head < post.queued {
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
                        view(v, set: set, kind: .impressionsShares, follower: set.contains(v), rng: rng, &post)
                    }
                }
            }
        }
        post.queued = 0
        outside?.cascade(&post, tallies: tallies)
    }

    func canDiscover(_ post: PostContext) -> Bool {
        !world.audience.platformUsers[post.platform].isEmpty || outside?.exists(post.platform) == true
    }

    func showTestBatch(_ post: inout PostContext, size: Int) -> Int {
        let p = post.platform
        let users = world.audience.platformUsers[p]
        let set = accounts.followers[post.account]
        let weight = world.feeds[p].interestWeight
        let rng = post.rng
        let outsideViews = outside?.showTestBatchShare(size, tallies: tallies, &post) ?? 0
        let size = users.isEmpty ? 0 : size - outsideViews
        var shown = 0, attempts = 0
        let maxAttempts = 20 * size + 100
        while shown < size && attempts < maxAttempts {
            attempts += 1
            let v = Int(users[rng.below(users.count)])
            if records.seen(v) == serial || set.contains(v) || !accounts.isActive(v, p) { continue }
            let w = weight[records.cls(v)]
            if w < 1 && rng.uniform() >= w { continue }
            records.markSeen(v, serial)
            view(v, set: set, kind: .impressionsDiscovery, follower: false, rng: rng, &post)
            shown += 1
        }
        return shown + outsideViews
    }

    func showDiscovery(_ post: inout PostContext, impressions: Int) {
        let p = post.platform
        let users = world.audience.platformUsers[p]
        let set = accounts.followers[post.account]
        world.feeds[p].discoveryAcceptance(hour: post.hour, into: &acceptance)
        let weight = world.feeds[p].interestWeight
        let rng = post.rng
        let inside = impressions - (outside?.showDiscoveryShare(impressions, tallies: tallies, &post) ?? 0)
        if users.isEmpty { return }
        for _ in 0..<inside {
            // In proportion to interest: a drawn user is kept with their segment's weight (a
            // few redraws at most: the largest affinity is kept always).
            var v = Int(users[rng.below(users.count)])
            var tries = 1
            while weight[records.cls(v)] < 1 && rng.uniform() >= weight[records.cls(v)] && tries < 20 {
                v = Int(users[rng.below(users.count)])
                tries += 1
            }
            if records.seen(v) == serial || set.contains(v) || !accounts.isActive(v, p) { continue }
            // Decided once per person and post: someone offline stays offline for this post.
            let accept = acceptance[records.cls(v)]
            if accept < 1 && rng.uniform() >= accept { records.markSeen(v, serial); continue }
            records.markSeen(v, serial)
            view(v, set: set, kind: .impressionsDiscovery, follower: false, rng: rng, &post)
        }
    }

    // MARK: - The institution's reposts and paid impressions

    /// The followers of `reposter` who have not seen the post see it with `visibility` by class,
    /// as share impressions of the author's post (see `Amplification`).
    func exposeRepost(_ post: inout PostContext, reposter b: Int, visibility: [Double]) {
        let author = accounts.followers[post.account], reposter = accounts.followers[b]
        let rng = post.rng
        for c in 0..<classCount {
            let members = reposter.members(ofClass: c)
            rng.forEachSuccess(in: members.count, probability: visibility[c],
                               ahead: Self.drawAhead, buffer: drawn,
                               prefetch: { records.prefetch(Int(members[$0])) }) { i in
                let v = Int(members[i])
                if records.seen(v) != serial {
                    records.markSeen(v, serial)
                    view(v, set: author, kind: .impressionsShares, follower: author.contains(v), rng: rng, &post)
                }
            }
        }
    }

    /// One paid impression of the campaign `post` on agent `v`: a person who already saw the
    /// campaign adds a paid impression and nothing else. `rng` is `post.rng`.
    func paidImpression(_ v: Int, rng: RandomStream, _ post: inout PostContext) {
        let set = accounts.followers[post.account]
        if records.seen(v) == serial {
            let s = records.cls(v) / ActivityLevels.count
            tallies.add(.impressionsPaid, tallies.cell(platform: post.platform, segment: s, account: post.account))
            post.paidImpressions += 1
            return
        }
        records.markSeen(v, serial)
        view(v, set: set, kind: .impressionsPaid, follower: set.contains(v), paid: true, rng: rng, &post)
    }

    /// `n` paid impressions of the campaign `post` on people outside the catchment (distinct
    /// people: see `OutsideAudience`), engaging at the platform's rates × the outside's affinity
    /// × `engagementMultiplier`.
    func paidOutside(_ n: Int, engagementMultiplier: Double, _ post: inout PostContext) {
        outside?.show(n, kind: .impressionsPaid, paidMultiplier: engagementMultiplier, tallies: tallies, &post)
    }

    // MARK: - One view

    /// One person sees the post: impressions, reach, engagement, maybe a share and a follow.
    /// `set`: the author's followers; `follower`: whether `v` followed it when the view began;
    /// `paid`: a paid impression, whose viewer engages and follows at the boost's paid rates (the
    /// people their shares reach engage at the organic rates).
    @inline(__always)
    ///
    /// `rng` is `post.rng`, hoisted by the caller out of its loop (a class reference read from the
    /// `inout` post would be retained and released at every view).
    private func view(_ v: Int, set: FollowerSet, kind: Metric, follower: Bool, paid: Bool = false,
                      rng: RandomStream, _ post: inout PostContext) {
        let p = post.platform, a = post.account, w = post.week
        let cls = records.cls(v)
        let s = cls / ActivityLevels.count
        let cell = tallies.cell(platform: p, segment: s, account: a)
        tallies.add(kind, cell)
        post.views += 1
        switch kind {
        case .impressionsOrganic: post.organicViews += 1
        case .impressionsShares: post.shareViews += 1
        case .impressionsDiscovery: post.discoveryViews += 1
        default: post.paidImpressions += 1
        }
        if !follower { post.nonFollowerViews += 1 }
        let stamp = UInt16(truncatingIfNeeded: w + 1)
        let stamps = records.stamps(v)
        if stamps[p] != stamp {
            tallies.reachedOnPlatform(cell, ever: stamps[p] == 0)
            stamps[p] = stamp
        }
        let all = layout.allPlatforms
        if stamps[all] != stamp {
            tallies.reachedAcrossPlatforms(cell, ever: stamps[all] == 0)
            stamps[all] = stamp
        }
        let slot = layout.platformSlots + a
        if stamps[slot] != stamp {
            tallies.reachedByAccount(cell, ever: stamps[slot] == 0)
            stamps[slot] = stamp
        }
        let like, comment, share, follow: Double
        if paid {
            let i = p * segments + s
            (like, comment, share, follow) = (paidLike[i], paidComment[i], paidShare[i], paidFollow[i])
        } else {
            let r = (p * PostFormat.count + post.format.index) * segments + s
            (like, comment, share, follow) = (likeRate[r], commentRate[r], shareRate[r], followRate[p * segments + s])
        }
        let engagementsBefore = post.engagements
        if rng.uniform() < like * post.likeFactor {
            tallies.add(.likes, cell)
            post.likes += 1
        }
        if rng.uniform() < comment * post.commentFactor {
            tallies.add(.comments, cell)
            post.comments += 1
        }
        if rng.uniform() < share * post.shareFactor {
            tallies.add(.shares, cell)
            post.shares += 1
            queue[post.queued] = UInt32(v)
            post.queued += 1
        }
        if post.engagements != engagementsBefore { engaged.note(v, account: a, week: w) }
        if !follower && rng.uniform() < follow {
            set.insert(v, cls: cls)
            tallies.add(.followersGained, cell)
            post.follows += 1
        }
        if post.announcement >= 0 && follower {
            migrations.decide(v, cls: cls, migration: post.announcement, rng: rng, accounts: accounts, tallies: tallies)
        }
    }
}
