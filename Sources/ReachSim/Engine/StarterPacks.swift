/// Bluesky's starter packs: curated lists of accounts that a user follows with one click, mostly
/// when they join. An account listed in one (`starter_pack: true`) gains, at the end of each
/// week, Poisson(u × f) extra followers, f being the follows its own posts brought that week (non-
/// followers who saw a post and followed) and u the platform's `starter_pack_uplift`.
///
/// Why this form: the published effect is a ratio. Users included in starter packs received up
/// to 85% more followers than similar users not included (Balduf et al., "Bootstrapping Social
/// Networks: Lessons from Bluesky Starter Packs", ICWSM 2025, arXiv 2501.11605), so u = 0.85
/// reproduces that statistic whatever the account's size or the catchment: the pack's share of
/// the account's follows is u / (1 + u) = 46%, in line with packs bringing up to 43% of all
/// follows at peaks. Nothing about the packs' own audience (who opens which pack, how often) is
/// published, so no absolute inflow is assumed. Consequences: an account that does not post, or
/// whose posts convert nobody, gains nothing through packs either (the matched users of the
/// study were active posters), and the effect does not follow the platform's growth waves.
///
/// The new followers come from outside the catchment with the platform's outside discovery share
/// (`OutsidePools.discoveryShare`: packs are found by interest, like discovery), the others are
/// drawn among the catchment's active users who do not follow the account, each pick uniform and accepted with the segment's affinity / the largest affinity (packs are
/// themed: the people who take a museum pack are those interested in museums), from the account's
/// own stream. Allocated once per runner; nothing is allocated per week or per follow.
final class StarterPacks {
    private let world: World
    /// Per account: u, 0 when the account is in no pack.
    private let uplift: [Double]
    /// Per account: follows its organic posts brought this week.
    private var follows: [Int]
    /// Per segment: acceptance probability of a drawn user, affinity / max affinity.
    let acceptance: [Double]

    /// Nil when no account is in a starter pack (or their platforms' uplift is 0): runs are then
    /// exactly as without the mechanism.
    init?(world: World) {
        let uplift = world.accounts.indices.map { a in
            let account = world.accounts[a]
            let platform = world.scenario.platforms[account.platform]
            let spec = platform.accounts[world.accountIndex[account.platform].firstIndex(of: a)!]
            return spec.starterPack ? platform.starterPackUplift : 0
        }
        guard uplift.contains(where: { $0 > 0 }) else { return nil }
        self.world = world
        self.uplift = uplift
        follows = Array(repeating: 0, count: uplift.count)
        let affinity = world.scenario.audience.segments.map(\.affinity)
        let top = affinity.max() ?? 1
        acceptance = affinity.map { top > 0 ? $0 / top : 1 }
    }

    /// Start of a replicate.
    func startReplicate() {
        for a in follows.indices { follows[a] = 0 }
    }

    /// An organic post ended: remember the follows it brought.
    @inline(__always)
    func add(_ post: PostContext) {
        follows[post.account] += post.follows
    }

    /// End of a week's posts: each open account in a pack gains Poisson(u × the week's follows)
    /// followers among the active non-followers of its platform (fewer if too few are left: a
    /// pick gives up after 20 × n + 100 draws).
    func apply(accounts: AccountTimeline, streams: [RandomStream], tallies: WeeklyTallies, outside: OutsideAudience?) {
        apply(isOpen: { accounts.status[$0].isOpen }, streams: streams, tallies: tallies, outside: outside) { a, n, rng in
            addFollowers(n, account: a, accounts: accounts, rng: rng, tallies: tallies)
        }
    }

    /// The same for any engine: `catchment(a, n, rng)` adds n followers of the catchment to account a.
    func apply(isOpen: (Int) -> Bool, streams: [RandomStream], tallies: WeeklyTallies, outside: OutsideAudience?,
               catchment: (Int, Int, RandomStream) -> Void) {
        for a in uplift.indices {
            defer { follows[a] = 0 }
            guard uplift[a] > 0, follows[a] > 0, isOpen(a) else { continue }
            let rng = streams[a]
            var n = rng.poisson(uplift[a] * Double(follows[a]))
            if n == 0 { continue }
            let p = world.accounts[a].platform
            if let outside, outside.exists(p) {
                let fromOutside = rng.binomial(n, outside.pools.discoveryShare[p])
                outside.addFollowers(fromOutside, account: a, platform: p, tallies: tallies)
                n -= fromOutside
                if n == 0 { continue }
            }
            catchment(a, n, rng)
        }
    }

    /// The exact engine's pick: `n` active non-followers of account `a`'s platform, each draw
    /// uniform and accepted with its segment's `acceptance`.
    private func addFollowers(_ n: Int, account a: Int, accounts: AccountTimeline, rng: RandomStream, tallies: WeeklyTallies) {
        let p = world.accounts[a].platform
        let users = world.audience.platformUsers[p]
        let set = accounts.followers[a]
        let classOf = world.audience.classOf
        var added = 0, attempts = 0
        let maxAttempts = 20 * n + 100
        while added < n && attempts < maxAttempts {
            attempts += 1
            let v = Int(users[rng.below(users.count)])
            if set.contains(v) || !accounts.isActive(v, p) { continue }
            let cls = Int(classOf[v])
            let s = cls / ActivityLevels.count
            let accept = acceptance[s]
            if accept < 1 && rng.uniform() >= accept { continue }
            set.insert(v, cls: cls)
            tallies.add(.followersGained, tallies.cell(platform: p, segment: s, account: a))
            added += 1
        }
    }
}
