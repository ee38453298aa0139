/// A replicate's people outside the catchment (see `OutsidePools`): they have no agent records,
/// so their views, engagement and follows are drawn as counts and their reach is counted in
/// closed form. Allocated once per runner; nothing is allocated per post or per view.
///
/// - Views: an outside viewer of a post is a distinct person (pools of millions against posts of
///   thousands of views: the chance that two draws of one post hit the same person is
///   views / pool, under 1 % for the presets). Likes, comments, shares and follows are binomial
///   draws over the viewers at the platform's rates × the outside's affinity × the post's factors.
/// - Shares: each outside sharer's followers, outside the catchment, see the share with the
///   feed's peer visibility: Poisson(sharers × followers per person × peer visibility) views per
///   generation, whose own sharers make the next generation.
/// - Followers: per account, a count that sees posts like catchment followers (the feed's follower
///   visibility for the outside's activity classes), leaves with the platform's churn and is lost
///   when the account closes.
/// - Reach: anonymous views land uniformly on the platform's outside pool, so m of them reach
///   N(1 − (1 − 1/N)^m) distinct people (`OutsidePools.distinct`), this week and since week 0;
///   the account's followers reached this week are F(1 − Π(1 − views/F)) over its posts; parts
///   and platforms combine in product form (`OutsidePools.union`), platforms over the outside
///   population. Outside followers were reached by the post that made them follow, so they add
///   to weekly reach, not to reach since week 0, which is kept at least the week's reach
///   (`finishWeek`). Starter-pack followers (`StarterPacks`) are the exception, uncounted until
///   a post reaches them.
final class OutsideAudience {
    let pools: OutsidePools
    private let platformOf: [Int]
    private let platformCount: Int
    /// Anonymous (non-follower) views, per platform and per account: this week and since week 0.
    private var platformWeek, platformTotal: [Double]
    private var accountWeek, accountTotal: [Double]
    /// Outside followers per account, in agents.
    private(set) var followers: [Int]
    /// Per account: probability that an outside follower saw none of this week's posts so far,
    /// and the follower views drawn this week.
    private var followersMissed: [Double]
    private var followerViews: [Double]
    /// Reach in agents set by `finishWeek`: per platform, across platforms, per account.
    private(set) var platformReach: [(week: Double, total: Double)]
    private(set) var allReach: (week: Double, total: Double) = (0, 0)
    private(set) var accountReach: [(week: Double, total: Double)]
    /// The current post's outside-follower visibility (mean over activity levels), and a buffer.
    private var visibility = 0.0
    private var classBuffer: [Double]

    init(pools: OutsidePools, accounts: [World.Account], platforms: Int) {
        self.pools = pools
        platformOf = accounts.map(\.platform)
        platformCount = platforms
        platformWeek = Array(repeating: 0, count: platforms)
        platformTotal = Array(repeating: 0, count: platforms)
        accountWeek = Array(repeating: 0, count: accounts.count)
        accountTotal = Array(repeating: 0, count: accounts.count)
        followers = Array(repeating: 0, count: accounts.count)
        followersMissed = Array(repeating: 1, count: accounts.count)
        followerViews = Array(repeating: 0, count: accounts.count)
        platformReach = Array(repeating: (0, 0), count: platforms)
        accountReach = Array(repeating: (0, 0), count: accounts.count)
        classBuffer = Array(repeating: 0, count: ActivityLevels.count)
    }

    func startReplicate() {
        for p in 0..<platformCount {
            platformTotal[p] = 0
            platformReach[p] = (0, 0)
        }
        allReach = (0, 0)
        for a in followers.indices {
            accountTotal[a] = 0
            accountReach[a] = (0, 0)
            followers[a] = 0
        }
    }

    func startWeek() {
        for p in 0..<platformCount { platformWeek[p] = 0 }
        for a in followers.indices {
            accountWeek[a] = 0
            followersMissed[a] = 1
            followerViews[a] = 0
        }
    }

    /// Whether platform `p` has anyone outside.
    @inline(__always)
    func exists(_ p: Int) -> Bool { pools.people[p] > 0 }

    /// Sets the post's outside-follower visibility (the mean over activity levels, which are
    /// equally likely).
    func prepareFollowerVisibility(_ post: PostContext, cadence: Double, followers: Double) {
        pools.feeds[post.platform].followerVisibility(hour: post.hour, format: post.format, cadence: cadence,
                                                      followers: followers, reach: post.reach,
                                                      into: &classBuffer)
        visibility = classBuffer.reduce(0, +) / Double(classBuffer.count)
    }

    /// Mean over activity levels of the probability that an outside user drawn for discovery is
    /// shown the post (live events need the user online).
    func discoveryAcceptance(_ post: PostContext) -> Double {
        pools.feeds[post.platform].discoveryAcceptance(hour: post.hour, into: &classBuffer)
        return classBuffer.reduce(0, +) / Double(classBuffer.count)
    }

    // MARK: - Views

    /// `n` people outside who do not follow the account see the post (`kind`: discovery, shares
    /// or paid). `paidMultiplier`: the boost's engagement multiplier for paid impressions, else nil.
    func show(_ n: Int, kind: Metric, paidMultiplier: Double? = nil, tallies: WeeklyTallies, _ post: inout PostContext) {
        guard n > 0 else { return }
        let p = post.platform, a = post.account
        let views = Double(n)
        platformWeek[p] += views
        platformTotal[p] += views
        accountWeek[a] += views
        accountTotal[a] += views
        post.nonFollowerViews += n
        let cell = count(n, kind: kind, tallies: tallies, &post)
        let f = post.format.index
        let k = paidMultiplier ?? 1
        let rng = post.rng
        let (like, comment, share) = paidMultiplier == nil
            ? (pools.like[p][f] * post.likeFactor, pools.comment[p][f] * post.commentFactor, pools.share[p][f] * post.shareFactor)
            : (pools.like[p][f] * k, pools.comment[p][f] * k, pools.share[p][f] * k)
        engage(n, like: like, comment: comment, share: share, cell: cell, tallies: tallies, &post)
        let follows = rng.binomial(n, min(1, pools.follow[p] * k))
        if follows > 0 {
            followers[a] += follows
            tallies.add(.followersGained, cell, Double(follows))
            post.follows += follows
        }
    }

    /// Of `n` test-batch impressions of the post, those that land outside (binomial with the
    /// platform's `OutsidePools.discoveryShare`), shown there; returns them (both engines).
    func showTestBatchShare(_ n: Int, tallies: WeeklyTallies, _ post: inout PostContext) -> Int {
        let landed = landedOutside(n, post)
        show(landed, kind: .impressionsDiscovery, tallies: tallies, &post)
        return landed
    }

    /// Of `n` discovery impressions of the post, those that land outside, shown to those who
    /// accept (live events: online); returns how many landed outside (both engines).
    func showDiscoveryShare(_ n: Int, tallies: WeeklyTallies, _ post: inout PostContext) -> Int {
        let landed = landedOutside(n, post)
        let accept = discoveryAcceptance(post)
        show(accept >= 1 ? landed : post.rng.binomial(landed, accept), kind: .impressionsDiscovery, tallies: tallies, &post)
        return landed
    }

    /// Of `n` out-of-network impressions of the post, those that land outside the catchment
    /// (binomial with the platform's `OutsidePools.discoveryShare`).
    private func landedOutside(_ n: Int, _ post: PostContext) -> Int {
        guard n > 0, exists(post.platform) else { return 0 }
        let q = pools.discoveryShare[post.platform]
        return q >= 1 ? n : post.rng.binomial(n, q)
    }

    /// `n` people outside start following account `a` of platform `p` without a view of ours
    /// (starter packs).
    func addFollowers(_ n: Int, account a: Int, platform p: Int, tallies: WeeklyTallies) {
        guard n > 0 else { return }
        followers[a] += n
        tallies.add(.followersGained, tallies.cell(platform: p, segment: pools.segment, account: a), Double(n))
    }

    /// The account's outside followers who have not seen the post see it with
    /// min(1, visibility × `multiplier`) (first and second waves).
    func exposeFollowers(_ post: inout PostContext, multiplier: Double, tallies: WeeklyTallies) {
        let a = post.account
        let unseen = followers[a] - post.outsideFollowerViews
        guard unseen > 0 else { return }
        let n = post.rng.binomial(unseen, min(1, visibility * multiplier))
        guard n > 0 else { return }
        followersMissed[a] *= max(0, 1 - Double(n) / Double(followers[a]))
        post.outsideFollowerViews += n
        followerViews[a] += Double(n)
        let cell = count(n, kind: .impressionsOrganic, tallies: tallies, &post)
        let p = post.platform, f = post.format.index
        engage(n, like: pools.like[p][f] * post.likeFactor, comment: pools.comment[p][f] * post.commentFactor,
               share: pools.share[p][f] * post.shareFactor, cell: cell, tallies: tallies, &post)
    }

    /// The outside sharers' cascade, generation by generation (see the type's comment).
    /// `peerVisibility`: the feed's share visibility for the outside's classes (mean).
    func cascade(_ post: inout PostContext, tallies: WeeklyTallies) {
        guard post.outsideQueued > 0 else { return }
        let p = post.platform
        pools.feeds[p].peerVisibility(hour: post.hour, into: &classBuffer)
        let peer = classBuffer.reduce(0, +) / Double(classBuffer.count)
        let perSharer = pools.followersPerPerson[p] * peer
        var generations = 0
        while post.outsideQueued > 0 && generations < 1_000 {
            let sharers = post.outsideQueued
            post.outsideQueued = 0
            generations += 1
            let views = perSharer > 0 ? post.rng.poisson(Double(sharers) * perSharer) : 0
            show(views, kind: .impressionsShares, tallies: tallies, &post)
        }
        post.outsideQueued = 0
    }

    private func count(_ n: Int, kind: Metric, tallies: WeeklyTallies, _ post: inout PostContext) -> WeeklyTallies.Cell {
        let cell = tallies.cell(platform: post.platform, segment: pools.segment, account: post.account)
        tallies.add(kind, cell, Double(n))
        post.views += n
        switch kind {
        case .impressionsOrganic: post.organicViews += n
        case .impressionsShares: post.shareViews += n
        case .impressionsDiscovery: post.discoveryViews += n
        default: post.paidImpressions += n
        }
        return cell
    }

    private func engage(_ n: Int, like: Double, comment: Double, share: Double, cell: WeeklyTallies.Cell,
                        tallies: WeeklyTallies, _ post: inout PostContext) {
        let rng = post.rng
        let likes = rng.binomial(n, min(1, like))
        let comments = rng.binomial(n, min(1, comment))
        let shares = rng.binomial(n, min(1, share))
        if likes > 0 { tallies.add(.likes, cell, Double(likes)) }
        if comments > 0 { tallies.add(.comments, cell, Double(comments)) }
        if shares > 0 { tallies.add(.shares, cell, Double(shares)) }
        post.likes += likes
        post.comments += comments
        post.shares += shares
        post.outsideQueued += shares
    }

    // MARK: - Followers

    /// End of a week: each outside follower of an open account leaves with probability `q[a]`.
    func churn(_ q: (Int) -> Double, isOpen: (Int) -> Bool, streams: [RandomStream], tallies: WeeklyTallies) {
        for a in followers.indices where followers[a] > 0 && isOpen(a) {
            let k = streams[a].binomial(followers[a], min(1, q(a)))
            if k == 0 { continue }
            followers[a] -= k
            tallies.add(.followersLost, tallies.cell(platform: platformOf[a], segment: pools.segment, account: a), Double(k))
        }
    }

    /// Account `a` closed: its outside followers are lost.
    func close(_ a: Int, tallies: WeeklyTallies) {
        guard followers[a] > 0 else { return }
        tallies.add(.followersLost, tallies.cell(platform: platformOf[a], segment: pools.segment, account: a),
                    Double(followers[a]))
        followers[a] = 0
    }

    // MARK: - Reach, in agents

    /// End of the week: this week's outside reach and reach since week 0 per platform, across
    /// platforms and per account (read by `WeeklyTallies.finishWeek`). Reach since week 0 is the
    /// distinct anonymous viewers since week 0, and never less than last week's value or this
    /// week's reach (the followers a week reaches were reached before, by the post they followed).
    func finishWeek() {
        let n = pools.population
        var missedWeek = 1.0, missedTotal = 1.0, largestWeek = 0.0, largestTotal = 0.0
        var sumWeek = 0.0, sumTotal = 0.0
        for p in 0..<platformCount where exists(p) {
            let people = pools.people[p]
            let anonymous = OutsidePools.distinct(platformWeek[p], among: people)
            var missed = 1 - anonymous / people, parts = anonymous
            for a in followers.indices where platformOf[a] == p {
                let reached = followersReached(a)
                missed *= max(0, 1 - reached / people)
                parts += reached
            }
            let week = min(parts, people * (1 - missed))  // min: rounding only
            let total = max(platformReach[p].total, OutsidePools.distinct(platformTotal[p], among: people), week)
            platformReach[p] = (week, total)
            missedWeek *= max(0, 1 - week / n)
            missedTotal *= max(0, 1 - total / n)
            largestWeek = max(largestWeek, week); largestTotal = max(largestTotal, total)
            sumWeek += week; sumTotal += total
        }
        // The product form lies between the largest platform and the sum; clamping only removes
        // rounding.
        let week = min(sumWeek, max(largestWeek, n * (1 - missedWeek)))
        let total = min(sumTotal, max(largestTotal, n * (1 - missedTotal)))
        allReach = (week, max(allReach.total, total, week))
        for a in followers.indices {
            let people = pools.people[platformOf[a]]
            guard people > 0 else { continue }
            let anonymous = OutsidePools.distinct(accountWeek[a], among: people)
            let reached = followersReached(a)
            let week = min(anonymous + reached, people * (1 - (1 - anonymous / people) * max(0, 1 - reached / people)))
            accountReach[a] = (week, max(accountReach[a].total, OutsidePools.distinct(accountTotal[a], among: people), week))
        }
    }

    /// Distinct outside people following at least one account of platform `p`, in agents: the
    /// accounts' followers drawn independently from the platform's pool, so they overlap in
    /// product form, N(1 − Π(1 − F_a/N)).
    func followerPeople(platform p: Int) -> Double {
        let people = pools.people[p]
        guard people > 0 else { return 0 }
        var missed = 1.0, sum = 0.0
        for a in followers.indices where platformOf[a] == p {
            missed *= max(0, 1 - Double(followers[a]) / people)
            sum += Double(followers[a])
        }
        return min(sum, people * (1 - missed))  // min: rounding only
    }

    /// The same across platforms, over the outside population (as reach combines platforms).
    func allFollowerPeople() -> Double {
        let n = pools.population
        var missed = 1.0, sum = 0.0, largest = 0.0
        for p in 0..<platformCount where exists(p) {
            let f = followerPeople(platform: p)
            missed *= max(0, 1 - f / n)
            sum += f
            largest = max(largest, f)
        }
        return n > 0 ? min(sum, max(largest, n * (1 - missed))) : 0
    }

    /// Outside followers of account `a` reached this week: F(1 − Π(1 − views/F)) over its posts,
    /// never more than the follower views drawn (F grows during the week as people follow).
    private func followersReached(_ a: Int) -> Double {
        min(Double(followers[a]) * (1 - followersMissed[a]), followerViews[a])
    }
}
