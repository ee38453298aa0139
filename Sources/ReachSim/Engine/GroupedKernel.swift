import Foundation

/// The grouped engine's sampler: the catchment counted in groups of exchangeable people
/// (`GroupedAudience`), the model the exact engine's `ExposureKernel` samples person by person.
/// Allocated once per runner; nothing is allocated per post, per group or per view.
///
/// Per group it keeps its members (active users of the platform in the class who follow exactly
/// the pattern's accounts), those the platform reached this week and since week 0, the same per
/// account of the pattern's platform, the current post's viewers, recent engagers per account
/// (ranked feeds) and who decided about each migration. A pass of a post draws its viewers per
/// group (binomial), and because viewers are a uniform subset of the group's members who had not
/// seen the post, the people it reaches for the first time this week, and ever, are
/// hypergeometric draws from the group's counts. Likes, comments, shares and follows are
/// binomial draws over the viewers; a follow moves a viewer to the group with the account's bit.
///
/// Identities are kept only where the follower graph matters: each sharer is a person drawn
/// from its group's members (by their pattern at week 0), and the cascade walks the graph from
/// them, person by person, with a mark per person and post; a person the cascade reaches is
/// counted in their group, skipped with the chance that a counted pass already showed them the post.
///
/// Across platforms, reach and followers combine at the end of the week in product form within
/// each (class, platforms used): platforms are independent given those (docs/engines.md).
final class GroupedKernel: PostSampler, RepostSampler, FollowerCounting {
    let world: World
    let aud: GroupedAudience
    private let layout: MetricLayout
    private let tallies: WeeklyTallies
    private let segments: Int
    private let classCount: Int
    /// Accounts' statuses, kept by the runner.
    var status: [AccountStatus]
    /// Per platform: bits of the accounts that are open (their followers are counted).
    private(set) var openMask: [Int]
    /// Per platform: whether a trend changes its users.
    let hasTrend: [Bool]
    /// Agents per person.
    var audienceScale: Int { world.audience.scale }
    let outside: OutsideAudience?

    // Per group (`GroupedAudience` indices).
    private let n, weekReach, everReach, seen: UnsafeMutablePointer<Int>
    private let seenSerial: UnsafeMutablePointer<UInt32>
    /// Per group × account slot (`g × maxAccounts + j`).
    private let accountWeek, accountEver: UnsafeMutablePointer<Int>
    /// Ranked feeds' recent engagers: per group × account slot × week slot.
    private let engaged: UnsafeMutablePointer<Int>
    private let engagedSlots: Int
    /// Per account: weeks an engagement counts, 0 = not tracked.
    private let window: [Int]
    /// Per account × class: how much likelier an engaged follower is than the class's average
    /// member to have missed every post of the account so far this week, Π (1 − p·m)/(1 − p)
    /// over the week's engaged passes (they see each post with p·m instead of p).
    private var engagedMiss: [Double]
    /// Per group × migration: members who decided.
    private let decided: UnsafeMutablePointer<Int>
    private let migrationCount: Int
    /// Follows each migration brought, per migration × destination platform × class.
    private let migrated: UnsafeMutablePointer<Int>
    /// Per platform × class: potential users who are not active (trends), and those of them reached.
    private let inactive, inactiveEver: UnsafeMutablePointer<Int>
    /// Cascade identities: the post serial each agent was last shown, and the sharers' queue.
    private let mark: UnsafeMutablePointer<UInt32>
    private let queue: UnsafeMutablePointer<UInt32>
    private var serial: UInt32 = 0
    /// Rates flattened as in `ExposureKernel`.
    private let likeRate, commentRate, shareRate, followRate: [Double]
    private let paidLike, paidComment, paidShare, paidFollow: [Double]
    /// The current post's visibility, peer visibility and acceptance by class, and class weights.
    private var visibility, peerProbability, acceptance, weights: [Double]
    /// Reach across platforms per segment, this week and since week 0 (`finishWeek`'s sums).
    private var segmentWeek, segmentTotal: [Double]
    private static let slots = GroupedAudience.maxAccounts

    init(world: World, audience: GroupedAudience, tallies: WeeklyTallies) {
        self.world = world
        aud = audience
        layout = world.layout
        self.tallies = tallies
        segments = world.scenario.audience.segments.count
        classCount = world.audience.classes.count
        status = Array(repeating: .posting, count: world.accounts.count)
        openMask = Array(repeating: 0, count: audience.platforms)
        hasTrend = world.scenario.platforms.indices.map { p in
            world.scenario.timeline.contains { if case .trend(p, _, _) = $0.kind { true } else { false } }
        }
        outside = world.outside.map { OutsideAudience(pools: $0, accounts: world.accounts, platforms: world.scenario.platforms.count) }
        let G = max(1, audience.groupCount)
        func ints(_ count: Int) -> UnsafeMutablePointer<Int> {
            let p = UnsafeMutablePointer<Int>.allocate(capacity: max(1, count))
            p.initialize(repeating: 0, count: max(1, count))
            return p
        }
        n = ints(G); weekReach = ints(G); everReach = ints(G); seen = ints(G)
        seenSerial = .allocate(capacity: G)
        seenSerial.initialize(repeating: 0, count: G)
        accountWeek = ints(G * Self.slots); accountEver = ints(G * Self.slots)
        window = world.accounts.map { account in
            if case .ranked(let r) = world.scenario.platforms[account.platform].feed, r.engagedMultiplier > 1 {
                return r.engagedWindowWeeks
            }
            return 0
        }
        engagedSlots = (window.max() ?? 0) + 1
        engaged = ints(window.contains { $0 > 0 } ? G * Self.slots * engagedSlots : 0)
        migrationCount = world.migrations.count
        decided = ints(G * migrationCount)
        engagedMiss = Array(repeating: 1, count: world.accounts.count * world.audience.classes.count)
        migrated = ints(migrationCount * audience.platforms * classCount)
        inactive = ints(audience.platforms * classCount)
        inactiveEver = ints(audience.platforms * classCount)
        mark = .allocate(capacity: max(1, world.audience.agentCount))
        mark.initialize(repeating: 0, count: max(1, world.audience.agentCount))
        queue = .allocate(capacity: max(1, world.audience.agentCount))
        likeRate = world.likeRate.flatMap { $0 }
        commentRate = world.commentRate.flatMap { $0 }
        shareRate = world.shareRate.flatMap { $0 }
        followRate = world.followRate.flatMap { $0 }
        let zero = Array(repeating: 0.0, count: segments)
        paidLike = world.paidPools.flatMap { $0?.like ?? zero }
        paidComment = world.paidPools.flatMap { $0?.comment ?? zero }
        paidShare = world.paidPools.flatMap { $0?.share ?? zero }
        paidFollow = world.paidPools.flatMap { $0?.follow ?? zero }
        visibility = Array(repeating: 0, count: classCount)
        peerProbability = Array(repeating: 0, count: classCount)
        acceptance = Array(repeating: 1, count: classCount)
        weights = Array(repeating: 0, count: classCount)
        segmentWeek = Array(repeating: 0, count: segments)
        segmentTotal = segmentWeek
    }

    deinit {
        for p in [n, weekReach, everReach, seen, accountWeek, accountEver, engaged, decided, migrated, inactive, inactiveEver] {
            p.deallocate()
        }
        seenSerial.deallocate()
        mark.deallocate()
        queue.deallocate()
    }

    // MARK: - Replicates and weeks

    /// Week 0: the initial followers of the accounts open at week 0, nobody reached.
    func startReplicate() {
        let G = aud.groupCount
        for g in 0..<G {
            n[g] = aud.initialMembers[g]
            weekReach[g] = 0; everReach[g] = 0; seen[g] = 0; seenSerial[g] = 0
        }
        for i in 0..<(G * Self.slots) { accountWeek[i] = 0; accountEver[i] = 0 }
        if window.contains(where: { $0 > 0 }) {
            for i in 0..<(G * Self.slots * engagedSlots) { engaged[i] = 0 }
        }
        for i in 0..<(G * migrationCount) { decided[i] = 0 }
        for i in 0..<(migrationCount * aud.platforms * classCount) { migrated[i] = 0 }
        for i in 0..<(aud.platforms * classCount) {
            inactive[i] = aud.potential[i] - aud.activeAtStart[i]
            inactiveEver[i] = 0
        }
        for p in 0..<aud.platforms { openMask[p] = 0 }
        for (a, account) in world.accounts.enumerated() {
            status[a] = world.schedule.first?.status[a] == .inactive ? .inactive : .posting
            if status[a] != .inactive { openMask[account.platform] |= 1 << aud.local[a] }
        }
        mark.initialize(repeating: 0, count: max(1, world.audience.agentCount))
        serial = 0
        outside?.startReplicate()
    }

    /// Start of a week: nobody reached this week.
    func startWeek() {
        for i in engagedMiss.indices { engagedMiss[i] = 1 }
        for g in 0..<aud.groupCount { weekReach[g] = 0 }
        for i in 0..<(aud.groupCount * Self.slots) { accountWeek[i] = 0 }
        outside?.startWeek()
    }

    /// End of week `w`: engagements older than their window are forgotten.
    func forgetEngagements(week w: Int) {
        guard engagedSlots > 1, window.contains(where: { $0 > 0 }) else { return }
        for (a, account) in world.accounts.enumerated() where window[a] > 0 {
            let j = aud.local[a], W = window[a] + 1
            let slot = (w + 1) % W
            let p = account.platform
            for g in aud.base[p]..<(aud.base[p] + classCount * aud.patterns[p]) {
                engaged[(g * Self.slots + j) * engagedSlots + slot] = 0
            }
        }
    }

    @inline(__always) private func seenCount(_ g: Int) -> Int { seenSerial[g] == serial ? seen[g] : 0 }
    @inline(__always) private func addSeen(_ g: Int, _ k: Int) {
        if seenSerial[g] != serial { seenSerial[g] = serial; seen[g] = 0 }
        seen[g] += k
    }

    /// Active users of platform `p` in class `c`.
    func activeUsers(_ p: Int, _ c: Int) -> Int {
        let first = aud.group(p, c, 0)
        var total = 0
        for g in first..<(first + aud.patterns[p]) { total += n[g] }
        return total
    }

    // MARK: - Posts

    func beginPost(account: Int, format: PostFormat, hour: Int, week: Int, rng: RandomStream) -> PostContext {
        serial &+= 1
        if serial == 0 {
            mark.initialize(repeating: 0, count: max(1, world.audience.agentCount))
            for g in 0..<aud.groupCount { seenSerial[g] = 0 }
            serial = 1
        }
        return PostContext(account: account, platform: world.accounts[account].platform, format: format, hour: hour,
                           week: week, rng: rng)
    }

    func prepareFollowerVisibility(_ post: PostContext, cadence: Double) {
        let followers = followerPeople(post.account)
        world.feeds[post.platform].followerVisibility(hour: post.hour, format: post.format, cadence: cadence,
                                                      followers: followers, reach: post.reach, into: &visibility)
        outside?.prepareFollowerVisibility(post, cadence: cadence, followers: followers)
    }

    func followerPeople(_ a: Int) -> Double {
        var total = 0
        for c in 0..<classCount { total += followers(account: a, cls: c) }
        let outsideAgents = outside.map { $0.followers[a] } ?? 0
        return Double(total + outsideAgents) * Double(world.audience.scale)
    }

    // MARK: - PostSampler

    func exposeFollowers(_ post: inout PostContext, multiplier: Double) {
        let p = post.platform, bit = 1 << aud.local[post.account], P = aud.patterns[p]
        let rng = post.rng
        for c in 0..<classCount {
            let q = min(1, visibility[c] * multiplier)
            if q <= 0 { continue }
            let first = aud.group(p, c, 0)
            for pattern in 0..<P where pattern & bit != 0 {
                let g = first + pattern
                let x = rng.fastBinomial(n[g] - seenCount(g), q)
                if x > 0 { view(g, x, kind: .impressionsOrganic, follower: true, &post) }
            }
        }
        outside?.exposeFollowers(&post, multiplier: multiplier, tallies: tallies)
    }

    func exposeEngagedFollowers(_ post: inout PostContext, multiplier: Double) {
        let a = post.account, p = post.platform, j = aud.local[a], bit = 1 << j, P = aud.patterns[p]
        guard window[a] > 0 else { return }
        let rng = post.rng
        for c in 0..<classCount {
            let p0 = visibility[c]
            if p0 >= 1 { continue }
            let extra = (min(1, p0 * multiplier) - p0) / (1 - p0)
            let miss = engagedMiss[a * classCount + c]
            engagedMiss[a * classCount + c] *= (1 - min(1, p0 * multiplier)) / (1 - p0)
            let first = aud.group(p, c, 0)
            for pattern in 0..<P where pattern & bit != 0 {
                let g = first + pattern
                let base = (g * Self.slots + j) * engagedSlots, current = post.week % (window[a] + 1)
                var recent = 0
                for slot in 0..<engagedSlots { recent += engaged[base + slot] }
                let members = n[g], unseenMembers = members - seenCount(g)
                recent = min(recent, members)
                let thisWeek = min(recent, engaged[base + current])
                // Those who engaged this week were reached this week; the others are taken as
                // uniform among the members.
                for (count, reached) in [(thisWeek, true), (recent - thisWeek, false)] where count > 0 {
                    let unseen = rng.hypergeometric(successes: unseenMembers, failures: members - unseenMembers, draws: count)
                    let x = rng.fastBinomial(unseen, extra)
                    if x > 0 {
                        view(g, x, kind: .impressionsOrganic, follower: true,
                             engaged: reached ? .thisWeek : .earlier(missFactor: miss), &post)
                    }
                }
            }
        }
    }

    func exposeRepost(_ post: inout PostContext, reposter b: Int, visibility: [Double]) {
        let p = post.platform, bit = 1 << aud.local[b], author = 1 << aud.local[post.account], P = aud.patterns[p]
        let rng = post.rng
        for c in 0..<classCount where visibility[c] > 0 {
            let first = aud.group(p, c, 0)
            for pattern in 0..<P where pattern & bit != 0 {
                let g = first + pattern
                let x = rng.fastBinomial(n[g] - seenCount(g), visibility[c])
                if x > 0 { view(g, x, kind: .impressionsShares, follower: pattern & author != 0, &post) }
            }
        }
    }

    func cascade(_ post: inout PostContext) {
        // As the exact engine: the outside's sharers cascade with the catchment's (when the
        // catchment has none, they wait for the post's next cascade).
        if post.queued == 0 { return }
        let p = post.platform, P = aud.platforms, author = 1 << aud.local[post.account]
        world.feeds[p].peerVisibility(hour: post.hour, into: &peerProbability)
        let rng = post.rng
        let classOf = world.audience.classOf
        let open = openMask[p]
        var head = 0
        world.graphs[p].withUnsafeCSR { offsets, targets in
            while head < post.queued {
                let u = Int(queue[head])
                head += 1
                var e = offsets[u]
                let end = offsets[u + 1]
                while e < end {
                    let v = Int(targets[e])
                    e += 1
                    if mark[v] == serial { continue }
                    let c = Int(classOf[v])
                    if rng.uniform() >= peerProbability[c] { continue }
                    mark[v] = serial
                    if hasTrend[p] {
                        let active = activeUsers(p, c), potential = aud.potential[p * classCount + c]
                        if potential == 0 || rng.below(potential) >= active { continue }
                    }
                    let pattern = Int(aud.initialPattern[v * P + p]) & open
                    var g = aud.group(p, c, pattern)
                    if n[g] == 0 { g = aud.group(p, c, 0) }
                    if n[g] == 0 { continue }
                    // Counted passes showed the post to `seen` of the group's members.
                    if rng.below(n[g]) < seenCount(g) { continue }
                    view(g, 1, kind: .impressionsShares, follower: (g - aud.group(p, c, 0)) & author != 0,
                         sharer: v, &post)
                }
            }
        }
        post.queued = 0
        outside?.cascade(&post, tallies: tallies)
    }

    func canDiscover(_ post: PostContext) -> Bool {
        !world.audience.platformUsers[post.platform].isEmpty || outside?.exists(post.platform) == true
    }

    /// Non-followers of the post's account in class `c` who have not seen it.
    private func unseenNonFollowers(_ p: Int, _ c: Int, bit: Int) -> Int {
        let first = aud.group(p, c, 0)
        var total = 0
        for pattern in 0..<aud.patterns[p] where pattern & bit == 0 { total += n[first + pattern] - seenCount(first + pattern) }
        return total
    }

    /// `x` non-followers of class `c` who have not seen the post see it, spread over the class's
    /// groups in proportion to those left in each (a uniform pick).
    private func showNonFollowers(_ x: Int, cls c: Int, unseen: Int, kind: Metric, _ post: inout PostContext) {
        let p = post.platform, bit = 1 << aud.local[post.account]
        let first = aud.group(p, c, 0), rng = post.rng
        var left = min(x, unseen), pool = unseen
        for pattern in 0..<aud.patterns[p] where pattern & bit == 0 && left > 0 {
            let g = first + pattern
            let here = n[g] - seenCount(g)
            let k = rng.hypergeometric(successes: here, failures: pool - here, draws: left)
            pool -= here
            left -= k
            if k > 0 { view(g, k, kind: kind, follower: false, &post) }
        }
    }

    func showTestBatch(_ post: inout PostContext, size: Int) -> Int {
        let p = post.platform, bit = 1 << aud.local[post.account]
        let rng = post.rng
        let outsideViews = outside?.showTestBatchShare(size, tallies: tallies, &post) ?? 0
        let users = world.audience.platformUsers[p].count
        let size = users == 0 ? 0 : size - outsideViews
        guard size > 0 else { return outsideViews }
        // The exact engine draws users uniformly (inactive ones included) and keeps unseen active
        // non-followers with their interest weight, 20 × size + 100 draws at most.
        let weight = world.feeds[p].interestWeight
        var rate = 0.0
        for c in 0..<classCount {
            let u = unseenNonFollowers(p, c, bit: bit)
            weights[c] = Double(u) * weight[c]
            rate += weights[c]
        }
        guard rate > 0 else { return outsideViews }
        let shown = min(size, rng.fastBinomial(20 * size + 100, min(1, rate / Double(users))))
        var left = shown, total = rate
        for c in 0..<classCount where left > 0 && weights[c] > 0 {
            let k = total <= weights[c] ? left : rng.fastBinomial(left, weights[c] / total)
            total -= weights[c]
            left -= k
            if k > 0 { showNonFollowers(k, cls: c, unseen: unseenNonFollowers(p, c, bit: bit), kind: .impressionsDiscovery, &post) }
        }
        return shown - left + outsideViews
    }

    func showDiscovery(_ post: inout PostContext, impressions: Int) {
        let p = post.platform, bit = 1 << aud.local[post.account]
        world.feeds[p].discoveryAcceptance(hour: post.hour, into: &acceptance)
        let rng = post.rng
        let inside = impressions - (outside?.showDiscoveryShare(impressions, tallies: tallies, &post) ?? 0)
        guard inside > 0, !world.audience.platformUsers[p].isEmpty else { return }
        // Impressions land on classes in proportion to potential users × interest weight; each
        // lands on a uniform member of the class, and counts when that member is an unseen
        // active non-follower who accepts it.
        let weight = world.feeds[p].interestWeight
        var total = 0.0
        for c in 0..<classCount {
            weights[c] = Double(aud.potential[p * classCount + c]) * weight[c]
            total += weights[c]
        }
        guard total > 0 else { return }
        var left = inside
        for c in 0..<classCount where left > 0 && weights[c] > 0 {
            let m = total <= weights[c] ? left : rng.fastBinomial(left, weights[c] / total)
            total -= weights[c]
            left -= m
            guard m > 0 else { continue }
            let potential = Double(aud.potential[p * classCount + c])
            let unseen = unseenNonFollowers(p, c, bit: bit)
            let touched = rng.fastBinomial(unseen, -expm1(Double(m) * log1p(-1 / max(potential, 1))))
            let x = rng.fastBinomial(touched, acceptance[c])
            if x > 0 { showNonFollowers(x, cls: c, unseen: unseen, kind: .impressionsDiscovery, &post) }
        }
    }

    // MARK: - Paid impressions

    /// `x` distinct people of group `g` see the boost's campaign `post` (paid rates), and
    /// `repeats` more paid impressions go to people who already saw it.
    func paidViews(_ g: Int, _ x: Int, repeats: Int, _ post: inout PostContext) {
        let p = post.platform
        let pattern = (g - aud.base[p]) % aud.patterns[p]
        if x > 0 {
            view(g, x, kind: .impressionsPaid, follower: pattern & (1 << aud.local[post.account]) != 0, paid: true, &post)
        }
        if repeats > 0 {
            let c = (g - aud.base[p]) / aud.patterns[p]
            tallies.add(.impressionsPaid, tallies.cell(platform: p, segment: c / ActivityLevels.count, account: post.account),
                        Double(repeats))
            post.paidImpressions += repeats
        }
    }

    /// Members of group `g` who have not seen the current post.
    func unseen(_ g: Int) -> Int { n[g] - seenCount(g) }

    /// Members of group `g`.
    func members(_ g: Int) -> Int { n[g] }

    func paidOutside(_ count: Int, engagementMultiplier: Double, _ post: inout PostContext) {
        outside?.show(count, kind: .impressionsPaid, paidMultiplier: engagementMultiplier, tallies: tallies, &post)
    }

    // MARK: - Views of a group

    /// `x` members of group `g` who had not seen the post see it: impressions, reach (first time
    /// this week, and ever, per platform and for the account), engagement, shares (queued as
    /// identities drawn from the group, or `sharer` itself), follows and migration decisions.
    private func view(_ g: Int, _ x: Int, kind: Metric, follower: Bool, paid: Bool = false, sharer: Int = -1,
                      engaged recency: EngagedRecency = .unknown, _ post: inout PostContext) {
        let p = post.platform, a = post.account, j = aud.local[a]
        let c = (g - aud.base[p]) / aud.patterns[p]
        let s = c / ActivityLevels.count
        let rng = post.rng
        let cell = tallies.cell(platform: p, segment: s, account: a)
        tallies.add(kind, cell, Double(x))
        post.views += x
        switch kind {
        case .impressionsOrganic: post.organicViews += x
        case .impressionsShares: post.shareViews += x
        case .impressionsDiscovery: post.discoveryViews += x
        default: post.paidImpressions += x
        }
        if !follower { post.nonFollowerViews += x }
        let members = n[g], unseen = members - seenCount(g)
        let slot = g * Self.slots + j
        switch recency {
        case .thisWeek:
            break
        case .unknown, .earlier:
            // Viewers are a uniform subset of the unseen; all who were not reached this week are
            // unseen. Engaged viewers missed the week's earlier posts less often (`engagedMiss`).
            var factor = 1.0
            if case .earlier(let f) = recency { factor = f }
            let newWeek = draw(x, unreached: members - weekReach[g], unseen: unseen, factor: factor, rng)
            let newEver = rng.hypergeometric(successes: members - everReach[g], failures: everReach[g] - weekReach[g], draws: newWeek)
            weekReach[g] += newWeek
            everReach[g] += newEver
            tallies.reachedOnPlatform(cell, people: newWeek, ever: newEver)
            // A platform's only account reaches whom the platform reaches.
            let single = aud.accountCount[p] == 1
            let accountNew = single ? newWeek : draw(x, unreached: members - accountWeek[slot], unseen: unseen, factor: factor, rng)
            let accountNewEver = single ? newEver : rng.hypergeometric(successes: members - accountEver[slot],
                                                                       failures: accountEver[slot] - accountWeek[slot], draws: accountNew)
            accountWeek[slot] += accountNew
            accountEver[slot] += accountNewEver
            tallies.reachedByAccount(cell, people: accountNew, ever: accountNewEver)
        }
        addSeen(g, x)

        let like, comment, share, follow: Double
        if paid {
            let i = p * segments + s
            (like, comment, share, follow) = (paidLike[i], paidComment[i], paidShare[i], paidFollow[i])
        } else {
            let r = (p * PostFormat.count + post.format.index) * segments + s
            (like, comment, share, follow) = (likeRate[r] * post.likeFactor, commentRate[r] * post.commentFactor,
                                              shareRate[r] * post.shareFactor, followRate[p * segments + s])
        }
        let likes = rng.fastBinomial(x, min(1, like))
        let comments = rng.fastBinomial(x, min(1, comment))
        let shares = rng.fastBinomial(x, min(1, share))
        if likes > 0 { tallies.add(.likes, cell, Double(likes)); post.likes += likes }
        if comments > 0 { tallies.add(.comments, cell, Double(comments)); post.comments += comments }
        if shares > 0 {
            tallies.add(.shares, cell, Double(shares))
            post.shares += shares
            queueSharers(shares, group: g, platform: p, sharer: sharer, rng: rng, &post)
        }
        if follower && window[a] > 0 && likes + comments + shares > 0 {
            // People who liked, commented or shared: the three are independent picks among the x
            // viewers, so their union grows by a hypergeometric overlap at each step.
            let likedOrCommented = likes + comments - rng.hypergeometric(successes: likes, failures: x - likes, draws: comments)
            let engagers = likedOrCommented + shares
                - rng.hypergeometric(successes: likedOrCommented, failures: x - likedOrCommented, draws: shares)
            noteEngagers(engagers, at: slot * engagedSlots, week: post.week % (window[a] + 1), members: members,
                         recency: recency, rng: rng)
        }
        if !follower {
            let follows = rng.fastBinomial(x, min(1, follow))
            if follows > 0 {
                move(follows, from: g, to: g + (1 << j), platform: p, viewersOf: j, rng: rng)
                tallies.add(.followersGained, cell, Double(follows))
                post.follows += follows
            }
        }
        if post.announcement >= 0 && follower {
            decide(x, group: g, cls: c, platform: p, migration: post.announcement, rng: rng)
        }
    }

    /// `k` members of a group engaged with an account this week: each person counts once, in the
    /// slot of their latest week, so engagers who were in an older slot move to this week's
    /// (engagers are taken as a uniform pick among the members).
    private func noteEngagers(_ k: Int, at base: Int, week current: Int, members: Int, recency: EngagedRecency,
                              rng: RandomStream) {
        if recency == .thisWeek { return }
        var total = 0
        for slot in 0..<engagedSlots { total += engaged[base + slot] }
        let here = engaged[base + current]
        let known = recency != .unknown
        let new = known ? k : k - rng.hypergeometric(successes: here, failures: members - here, draws: k)
        var older = total - here
        var fromOlder = known ? min(k, older)
            : rng.hypergeometric(successes: older, failures: members - total, draws: new)
        engaged[base + current] += new
        for slot in 0..<engagedSlots where slot != current && fromOlder > 0 {
            let e = engaged[base + slot]
            let t = rng.hypergeometric(successes: e, failures: older - e, draws: fromOlder)
            engaged[base + slot] -= t
            older -= e
            fromOlder -= t
        }
    }

    /// Of `x` viewers among the `unseen`, those not reached this week yet: hypergeometric for a
    /// uniform pick (`factor` 1), binomial with the odds scaled by `factor` otherwise.
    @inline(__always)
    private func draw(_ x: Int, unreached: Int, unseen: Int, factor: Double, _ rng: RandomStream) -> Int {
        if factor == 1 { return rng.hypergeometric(successes: unreached, failures: unseen - unreached, draws: x) }
        guard unseen > 0 else { return 0 }
        return min(unreached, rng.fastBinomial(x, min(1, factor * Double(unreached) / Double(unseen))))
    }

    /// Queues `k` sharers of group `g` for the cascade: `sharer` itself (a person the cascade
    /// reached), else people drawn from the group's members by their week-0 pattern (all the
    /// class's users of the platform when nobody had that pattern).
    private func queueSharers(_ k: Int, group g: Int, platform p: Int, sharer: Int, rng: RandomStream, _ post: inout PostContext) {
        guard world.graphs[p].edgeCount > 0 else { return }
        if sharer >= 0 {
            queue[post.queued] = UInt32(sharer)
            post.queued += 1
            return
        }
        var lo = aud.start[g], hi = aud.start[g + 1]
        if lo == hi {
            let c = (g - aud.base[p]) / aud.patterns[p]
            lo = aud.start[aud.group(p, c, 0)]
            hi = aud.start[aud.group(p, c, 0) + aud.patterns[p]]
        }
        guard hi > lo else { return }
        for _ in 0..<k where post.queued < world.audience.agentCount {
            let v = aud.members[lo + rng.below(hi - lo)]
            if mark[Int(v)] == serial { continue }
            mark[Int(v)] = serial
            queue[post.queued] = v
            post.queued += 1
        }
    }

    /// `x` followers of group `g` saw migration `m`'s announcement: those who had not decided
    /// decide now, following each open destination they use with the follow-through.
    private func decide(_ x: Int, group g: Int, cls c: Int, platform p: Int, migration m: Int, rng: RandomStream) {
        let i = g * migrationCount + m
        let deciders = rng.hypergeometric(successes: n[g] - decided[i], failures: decided[i], draws: x)
        guard deciders > 0 else { return }
        decided[i] += deciders
        let migration = world.migrations[m].migration
        let s = c / ActivityLevels.count
        for d in migration.destinations {
            let b = world.accountIndex[d][0]
            guard status[b].isOpen else { continue }
            let active = activeUsers(d, c)
            guard active > 0 else { continue }
            // Undecided people did not follow through this migration: of the destination's
            // followers, only the others may be among them.
            let following = max(0, followers(account: b, cls: c) - migrated[(m * aud.platforms + d) * classCount + c])
            let uses = aud.alsoUses[g * aud.platforms + d]
                * Double(active) / Double(max(1, aud.potential[d * classCount + c]))
            let k = rng.fastBinomial(deciders, min(1, uses * Double(active - following) / Double(active) * migration.followThrough[s]))
            guard k > 0 else { continue }
            let added = addFollowers(k, account: b, cls: c, rng: rng)
            tallies.add(.followersGained, tallies.cell(platform: d, segment: s, account: b), Double(added))
            migrated[(m * aud.platforms + d) * classCount + c] += added
        }
    }

    // MARK: - Moving people between groups

    /// Moves `k` members of group `g` to group `h` of the same platform and class, with their
    /// share of reach, engagement and decisions. `viewersOf` ≥ 0: they are viewers of the current
    /// post of the platform's account of that slot, so reached this week by it and the platform.
    func move(_ k: Int, from g: Int, to h: Int, platform p: Int, viewersOf j: Int, rng: RandomStream) {
        let members = n[g]
        let k = min(k, members)
        guard k > 0 else { return }
        var last = (0, 0)
        func carry(_ week: UnsafeMutablePointer<Int>, _ ever: UnsafeMutablePointer<Int>, _ from: Int, _ to: Int, reached: Bool,
                   same: Bool = false) {
            let w: Int, e: Int
            if same {
                (w, e) = last
            } else if reached {
                w = min(k, week[from]); e = min(k, ever[from])
            } else {
                w = rng.hypergeometric(successes: week[from], failures: members - week[from], draws: k)
                e = w + rng.hypergeometric(successes: ever[from] - week[from], failures: members - ever[from], draws: k - w)
            }
            week[from] -= w; ever[from] -= e
            if to >= 0 { week[to] += w; ever[to] += e }
            last = (w, e)
        }
        let viewers = j >= 0
        carry(weekReach, everReach, g, h, reached: viewers)
        // A platform's only account keeps the platform's reach (see `view`).
        let single = aud.accountCount[p] == 1
        for i in 0..<aud.accountCount[p] {
            carry(accountWeek, accountEver, g * Self.slots + i, h < 0 ? -1 : h * Self.slots + i, reached: viewers && i == j,
                  same: single)
        }
        let seenHere = seenCount(g)
        if seenHere > 0 {
            let moved = viewers ? min(k, seenHere) : rng.hypergeometric(successes: seenHere, failures: members - seenHere, draws: k)
            seen[g] -= moved
            if h >= 0 && moved > 0 { addSeen(h, moved) }
        }
        if engagedSlots > 1 && window.contains(where: { $0 > 0 }) {
            for i in 0..<aud.accountCount[p] {
                for slot in 0..<engagedSlots {
                    let from = (g * Self.slots + i) * engagedSlots + slot
                    let e = engaged[from]
                    if e == 0 { continue }
                    let moved = rng.hypergeometric(successes: min(e, members), failures: members - min(e, members), draws: k)
                    engaged[from] -= moved
                    if h >= 0 { engaged[(h * Self.slots + i) * engagedSlots + slot] += moved }
                }
            }
        }
        for m in 0..<migrationCount {
            let d = decided[g * migrationCount + m]
            if d == 0 { continue }
            let moved = rng.hypergeometric(successes: d, failures: members - d, draws: k)
            decided[g * migrationCount + m] -= moved
            if h >= 0 { decided[h * migrationCount + m] += moved }
        }
        n[g] -= k
        if h >= 0 { n[h] += k }
    }

    // MARK: - Accounts and users over time

    /// Account `a` opens: its initial followers who use the platform now follow it.
    func open(_ a: Int, rng: RandomStream) {
        let p = world.accounts[a].platform, bit = 1 << aud.local[a]
        for (full, count) in aud.openingFollowers[a] {
            let c = (full - aud.base[p]) / aud.patterns[p]
            let pattern = ((full - aud.base[p]) % aud.patterns[p]) & openMask[p]
            let potential = aud.potential[p * classCount + c]
            let wanted = rng.fastBinomial(count, Double(activeUsers(p, c)) / Double(max(1, potential)))
            let g = aud.group(p, c, pattern)
            let here = min(wanted, n[g])
            move(here, from: g, to: g + bit, platform: p, viewersOf: -1, rng: rng)
            let rest = min(wanted - here, n[aud.group(p, c, 0)])
            if rest > 0 && pattern != 0 {
                move(rest, from: aud.group(p, c, 0), to: aud.group(p, c, bit), platform: p, viewersOf: -1, rng: rng)
            }
        }
        openMask[p] |= bit
    }

    /// Account `a` closes: every follower is lost.
    func close(_ a: Int, rng: RandomStream) {
        let p = world.accounts[a].platform, bit = 1 << aud.local[a]
        unfollowAll(a, probability: 1, rng: rng)
        openMask[p] &= ~bit
    }

    /// Each follower of account `a` leaves with `probability` (churn); returns nothing, tallies
    /// the losses.
    func unfollowAll(_ a: Int, probability q: Double, rng: RandomStream) {
        let p = world.accounts[a].platform, bit = 1 << aud.local[a]
        for c in 0..<classCount {
            let first = aud.group(p, c, 0)
            var lost = 0
            for pattern in 0..<aud.patterns[p] where pattern & bit != 0 {
                let g = first + pattern
                let k = q >= 1 ? n[g] : rng.fastBinomial(n[g], q)
                if k > 0 {
                    move(k, from: g, to: g - bit, platform: p, viewersOf: -1, rng: rng)
                    lost += k
                }
            }
            if lost > 0 { tallies.followersLost(Double(lost), account: a, platform: p, segment: c / ActivityLevels.count) }
        }
    }

    /// A trend: platform `p` has `target` active users from now on. Leavers are drawn uniformly
    /// among active users and unfollow the platform's accounts; joiners uniformly among potential
    /// users who are not active, and follow nobody.
    func setActiveUsers(_ p: Int, target: Int, rng: RandomStream) {
        var active = 0
        for c in 0..<classCount { active += activeUsers(p, c) }
        if active > target {
            var left = active - target, pool = active
            for c in 0..<classCount where left > 0 {
                let first = aud.group(p, c, 0)
                for pattern in 0..<aud.patterns[p] where left > 0 {
                    let g = first + pattern
                    let k = rng.hypergeometric(successes: n[g], failures: pool - n[g], draws: left)
                    pool -= n[g]
                    left -= k
                    guard k > 0 else { continue }
                    let ever = rng.hypergeometric(successes: everReach[g], failures: n[g] - everReach[g], draws: k)
                    inactiveEver[p * classCount + c] += ever
                    inactive[p * classCount + c] += k
                    move(k, from: g, to: -1, platform: p, viewersOf: -1, rng: rng)
                    for (j, a) in world.accountIndex[p].enumerated() where pattern & (1 << j) != 0 {
                        tallies.followersLost(Double(k), account: a, platform: p, segment: c / ActivityLevels.count)
                    }
                }
            }
        } else if active < target {
            var pool = 0
            for c in 0..<classCount { pool += inactive[p * classCount + c] }
            var left = min(target - active, pool)
            for c in 0..<classCount where left > 0 {
                let i = p * classCount + c
                let k = rng.hypergeometric(successes: inactive[i], failures: pool - inactive[i], draws: left)
                pool -= inactive[i]
                left -= k
                guard k > 0 else { continue }
                let ever = rng.hypergeometric(successes: inactiveEver[i], failures: inactive[i] - inactiveEver[i], draws: k)
                inactive[i] -= k
                inactiveEver[i] -= ever
                let g = aud.group(p, c, 0)
                n[g] += k
                everReach[g] += ever
            }
        }
    }

    /// `k` active non-followers of account `a` in class `c` start following it without a view
    /// (starter packs, migrations), drawn uniformly among them; returns how many did (fewer when
    /// fewer are left).
    func addFollowers(_ k: Int, account a: Int, cls c: Int, rng: RandomStream) -> Int {
        let p = world.accounts[a].platform, bit = 1 << aud.local[a]
        let first = aud.group(p, c, 0)
        var pool = 0
        for pattern in 0..<aud.patterns[p] where pattern & bit == 0 { pool += n[first + pattern] }
        var left = min(k, pool)
        let added = left
        for pattern in 0..<aud.patterns[p] where pattern & bit == 0 && left > 0 {
            let g = first + pattern
            let t = rng.hypergeometric(successes: n[g], failures: pool - n[g], draws: left)
            pool -= n[g]
            left -= t
            if t > 0 { move(t, from: g, to: g + bit, platform: p, viewersOf: -1, rng: rng) }
        }
        return added
    }

    /// Active non-followers of account `a` in class `c`.
    func nonFollowers(account a: Int, cls c: Int) -> Int {
        activeUsers(world.accounts[a].platform, c) - followers(account: a, cls: c)
    }

    // MARK: - End of the week

    /// Reach across platforms, this week and since week 0, per segment: within a class, a person
    /// using platforms m is missed by all of them with Π(1 − reached on p / users of p).
    func finishWeek() {
        let P = aud.platforms
        for s in 0..<segments { segmentWeek[s] = 0; segmentTotal[s] = 0 }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * P) { share in
            for c in 0..<classCount {
                for p in 0..<P {
                    let potential = Double(aud.potential[p * classCount + c])
                    var w = 0, e = inactiveEver[p * classCount + c]
                    let first = aud.group(p, c, 0)
                    for g in first..<(first + aud.patterns[p]) { w += weekReach[g]; e += everReach[g] }
                    share[2 * p] = potential > 0 ? min(1, Double(w) / potential) : 0
                    share[2 * p + 1] = potential > 0 ? min(1, Double(e) / potential) : 0
                }
                let s = c / ActivityLevels.count
                for i in aud.maskStart[c]..<aud.maskStart[c + 1] {
                    var missedWeek = 1.0, missedEver = 1.0
                    var m = aud.useMask[i]
                    while m != 0 {
                        let p = m.trailingZeroBitCount
                        missedWeek *= 1 - share[2 * p]
                        missedEver *= 1 - share[2 * p + 1]
                        m &= m - 1
                    }
                    segmentWeek[s] += Double(aud.maskPeople[i]) * (1 - missedWeek)
                    segmentTotal[s] += Double(aud.maskPeople[i]) * (1 - missedEver)
                }
            }
        }
        for s in 0..<segments { tallies.setReachAcrossPlatforms(segment: s, week: segmentWeek[s], total: segmentTotal[s]) }
        outside?.finishWeek()
    }

    // MARK: - FollowerCounting

    func followers(account a: Int, cls c: Int) -> Int {
        let p = world.accounts[a].platform, bit = 1 << aud.local[a]
        let first = aud.group(p, c, 0)
        var total = 0
        for pattern in 0..<aud.patterns[p] where pattern & bit != 0 { total += n[first + pattern] }
        return total
    }

    /// People of class `c` following at least one account of platform `p`.
    private func followerPeople(platform p: Int, cls c: Int) -> Int {
        let first = aud.group(p, c, 0)
        var total = 0
        for pattern in 1..<aud.patterns[p] { total += n[first + pattern] }
        return total
    }

    func people(platform p: Int, segment s: Int) -> Double {
        var total = 0
        for l in 0..<ActivityLevels.count { total += followerPeople(platform: p, cls: s * ActivityLevels.count + l) }
        return Double(total)
    }

    func people(segment s: Int) -> Double {
        var total = 0.0
        for l in 0..<ActivityLevels.count {
            let c = s * ActivityLevels.count + l
            for i in aud.maskStart[c]..<aud.maskStart[c + 1] {
                var missed = 1.0
                var m = aud.useMask[i]
                while m != 0 {
                    let p = m.trailingZeroBitCount
                    let potential = Double(aud.potential[p * classCount + c])
                    if potential > 0 { missed *= 1 - min(1, Double(followerPeople(platform: p, cls: c)) / potential) }
                    m &= m - 1
                }
                total += Double(aud.maskPeople[i]) * (1 - missed)
            }
        }
        return total
    }
}

/// What a view's group pass knows of its viewers' recent engagement with the post's account.
enum EngagedRecency: Equatable {
    /// Nothing: viewers are a uniform pick among the group's members.
    case unknown
    /// They engaged this week (so were reached this week and stay in this week's slot).
    case thisWeek
    /// They engaged in an earlier week of the window (an engagement moves them to this week);
    /// `missFactor`: how much likelier than a uniform member they are to be unreached this week.
    case earlier(missFactor: Double)
}
