/// Simulates replicates of a world, one at a time, reusing its buffers: a worker thread owns one
/// runner and allocates nothing per post, per view or per replicate after `init`.
///
/// A week, in order (docs/model.md, "A week, file by file"):
/// 1. `AccountTimeline.apply`: accounts open or close, trends move users on or off platforms;
/// 2. each post of the week (`publish`): the first wave (`ExposureKernel.exposeFollowers`), the
///    feed's own steps (`PreparedFeed.afterFirstWave`, Feeds/FeedSteps.swift), the institution's
///    reposts (`Amplification`), the cascade of the sharers, and discovery (`PreparedFeed.discover`);
/// 3. `WeeklyBoost`: the week's paid campaigns;
/// 4. `StarterPacks`: accounts in a Bluesky starter pack gain followers in proportion to the
///    follows their week's posts brought;
/// 5. `FollowerChurn`: followers leave;
/// 6. `WeeklyTallies.finishWeek`: the week's results (and `PostRecords`, each post's, when the
///    layout records posts).
///
/// Random streams: one per account, reseeded for each replicate from (seed, replicate, account),
/// so what happens to one account's posts does not shift another account's draws; trends and
/// paid delivery have streams of their own.
final class ReplicateRunner: ReplicateSimulator {
    let world: World
    private let layout: MetricLayout
    /// One random stream per account (see above).
    private let streams: [RandomStream]
    private let accounts: AccountTimeline
    private let tallies: WeeklyTallies
    private let migrations: MigrationDecisions
    private let kernel: ExposureKernel
    private let amplification: Amplification
    private let churn: FollowerChurn
    /// Nil when no platform is boosted.
    private let boost: WeeklyBoost?
    /// Nil when no account is in a starter pack.
    private let starterPacks: StarterPacks?
    /// The engagement factor of the time spent on a post (`EngagementRates.effortFactor`, 1 at
    /// the preset's hours), at `platform × formats + format.index`: one flat array, so a runner
    /// allocates one block for it, not one per platform.
    private let effort: [Double]
    /// Called with each post's tallies when set (calibration); nil in ordinary runs.
    var onPost: ((ScheduledPost, PostContext) -> Void)?

    init(world: World) {
        self.world = world
        layout = world.layout
        streams = world.accounts.map { _ in RandomStream(seed: 0, purpose: .replicate) }
        accounts = AccountTimeline(world: world)
        tallies = WeeklyTallies(layout: layout)
        migrations = MigrationDecisions(world: world)
        kernel = ExposureKernel(world: world, accounts: accounts, tallies: tallies, migrations: migrations)
        amplification = Amplification(world: world)
        churn = FollowerChurn(world: world)
        boost = WeeklyBoost(world: world)
        starterPacks = StarterPacks(world: world)
        effort = Self.effortFactors(world)
    }

    /// Simulates replicate `replicate` into `out` (`layout.perReplicate` values).
    func run(replicate: Int, into out: UnsafeMutableBufferPointer<Double>) {
        precondition(out.count == layout.perReplicate)
        for (a, account) in world.accounts.enumerated() {
            streams[a].reseed(seed: world.scenario.seed, purpose: .replicate, index: UInt64(replicate), key: account.streamKey)
        }
        accounts.startReplicate(replicate)
        kernel.startReplicate()
        migrations.startReplicate()
        tallies.startReplicate()
        boost?.startReplicate(replicate)
        starterPacks?.startReplicate()

        var recorded = PostRecords(layout: layout, scale: world.audience.scale, out: out)
        for w in 0..<layout.weeks {
            tallies.startWeek()
            kernel.outside?.startWeek()
            let plan = world.schedule[w]
            accounts.apply(plan, tallies: tallies)
            if let outside = kernel.outside {
                for a in world.accounts.indices where plan.status[a] == .closed { outside.close(a, tallies: tallies) }
            }
            for post in plan.posts {
                let done = publish(post, plan: plan, week: w)
                starterPacks?.add(done)
                recorded.add(done)
            }
            boost?.run(week: w, plan: plan, replicate: replicate, accounts: accounts, kernel: kernel) { recorded.add($0) }
            starterPacks?.apply(accounts: accounts, streams: streams, tallies: tallies, outside: kernel.outside)
            churn.apply(plan, accounts: accounts, streams: streams, tallies: tallies, outside: kernel.outside)
            kernel.engaged.forget(week: w)
            kernel.outside?.finishWeek()
            tallies.finishWeek(w, plan: plan, accounts: world.accounts, accountIndex: world.accountIndex,
                               followers: accounts, classCount: world.audience.classes.count,
                               spend: boost?.spend, outside: kernel.outside, scale: world.audience.scale, into: out)
            boost?.endWeek()
        }
        precondition(layout.posts == 0 || recorded.count == layout.posts, "PostCatalog must list the posts the runner simulates")
    }

    /// One organic post, from the first wave to discovery; returns its tallies.
    private func publish(_ scheduled: ScheduledPost, plan: WeekPlan, week w: Int) -> PostContext {
        let a = scheduled.account
        let rng = streams[a]
        var post = kernel.beginPost(account: a, format: scheduled.format, hour: scheduled.hour, week: w, rng: rng)
        let feed = world.feeds[post.platform]
        Self.setFactors(&post, scheduled, plan: plan, world: world, effort: effort, status: accounts.status[a])
        kernel.prepareFollowerVisibility(post, cadence: plan.cadence[a])
        kernel.exposeFollowers(&post, multiplier: 1)
        feed.afterFirstWave(&post, on: kernel)
        amplification.repost(&post, plan: plan, status: accounts.status, sampler: kernel)
        kernel.cascade(&post)
        feed.discover(&post, on: kernel)
        onPost?(scheduled, post)
        return post
    }

    /// The post's draws and factors before anyone sees it (both engines): quality, reach
    /// multiplier, engagement factors (tone, cadence, effort, cross-post copy), announcement and
    /// the campaigns' discovery multiplier.
    static func setFactors(_ post: inout PostContext, _ scheduled: ScheduledPost, plan: WeekPlan, world: World,
                           effort: [Double], status: AccountStatus) {
        let a = scheduled.account, rng = post.rng
        let feed = world.feeds[post.platform]
        post.quality = feed.postQuality(format: scheduled.format, rng)
            * effort[post.platform * PostFormat.count + scheduled.format.index]
        post.reach = feed.postReach(rng)
        let tone = world.accounts[a].tone
        let effect = CadenceEffects.engagement(cadence: plan.feedCadence(a), format: scheduled.format,
                                               overposting: world.scenario.platforms[post.platform].overposting)
        var copyFactor = 1.0
        if scheduled.copy, case .crosspost(_, let engagement) = status { copyFactor = engagement }
        post.likeFactor = post.quality * tone.like * effect.like * copyFactor
        post.commentFactor = post.quality * tone.comment * effect.comment * copyFactor
        post.shareFactor = post.quality * tone.share * effect.share * copyFactor
        post.announcement = scheduled.announcement
        post.discoveryMultiplier = plan.discoveryMultiplier[post.platform]
    }

    /// The engagement factor of each platform's formats' production hours (`effort` above).
    static func effortFactors(_ world: World) -> [Double] {
        var effort: [Double] = []
        effort.reserveCapacity(world.scenario.platforms.count * PostFormat.count)
        for p in world.scenario.platforms {
            for f in PostFormat.allCases {
                effort.append(p.engagement.effortFactor(hours: p.productionHours[f], reference: p.referenceHours[f]))
            }
        }
        return effort
    }
}
