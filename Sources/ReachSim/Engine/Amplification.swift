/// The institution's own accounts reposting each other (`amplifies`): each account of the same
/// platform that amplifies the author reposts the post with its probability, and its followers
/// who have not seen the post see the repost with the amplifier's own feed visibility (its cadence
/// and its own size: `RankedFeed.sizeFactor` of the amplifier's followers; the post's reach
/// multiplier), counted as
/// share impressions of the author's post. Draws come from the post's stream.
final class Amplification {
    private let world: World
    /// Visibility of the amplifier's followers, by exposure class (scratch, reused).
    private var visibility: [Double]

    init(world: World) {
        self.world = world
        visibility = Array(repeating: 0, count: world.audience.classes.count)
    }

    /// - Parameter status: the accounts' statuses this week (only posting accounts repost).
    func repost(_ post: inout PostContext, plan: WeekPlan, status: [AccountStatus], sampler: some RepostSampler) {
        let amplifiers = world.accounts[post.account].amplifiers
        if amplifiers.isEmpty { return }
        let feed = world.feeds[post.platform]
        for (b, probability) in amplifiers where status[b] == .posting {
            guard post.rng.uniform() < probability else { continue }
            feed.followerVisibility(hour: post.hour, format: post.format, cadence: plan.cadence[b],
                                    followers: sampler.followerPeople(b), reach: post.reach, into: &visibility)
            sampler.exposeRepost(&post, reposter: b, visibility: visibility)
        }
    }
}

/// What the institution's reposts ask of an engine.
protocol RepostSampler: AnyObject {
    /// Account `a`'s followers in people (catchment and outside).
    func followerPeople(_ a: Int) -> Double
    /// Followers of account `reposter` who have not seen the post see it with `visibility` by
    /// exposure class, as share impressions of the author's post.
    func exposeRepost(_ post: inout PostContext, reposter: Int, visibility: [Double])
}
