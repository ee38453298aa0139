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

    func repost(_ post: inout PostContext, plan: WeekPlan, accounts: AccountTimeline, kernel: ExposureKernel) {
        let amplifiers = world.accounts[post.account].amplifiers
        if amplifiers.isEmpty { return }
        let feed = world.feeds[post.platform]
        for (b, probability) in amplifiers where accounts.status[b] == .posting {
            guard post.rng.uniform() < probability else { continue }
            feed.followerVisibility(hour: post.hour, format: post.format, cadence: plan.cadence[b],
                                    followers: kernel.followerPeople(b), reach: post.reach, into: &visibility)
            kernel.exposeRepost(&post, reposter: accounts.followers[b], visibility: visibility)
        }
    }
}
