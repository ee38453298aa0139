/// What a feed model asks of a sampler while a post runs. The feed decides (a second wave, the
/// size of a test batch, how many discovery impressions); the sampler decides who: the exact
/// engine (`ExposureKernel`) visits people one by one, with probabilities by exposure class that
/// it takes from the post's `PreparedFeed`.
///
/// Every pass draws from `post.rng`, adds to the post's tallies and queues the viewers who share;
/// a person sees a post at most once.
protocol PostSampler: AnyObject {
    /// Followers of the post's account who have not seen it see it with probability
    /// min(1, visibility × `multiplier`), by exposure class: the first wave (1) and ranked feeds'
    /// second wave.
    func exposeFollowers(_ post: inout PostContext, multiplier: Double)

    /// Followers who engaged with the account recently (ranked feeds' window) and missed the
    /// post see it with (min(1, p × m) − p) / (1 − p), p their visibility, so that their total
    /// chance is min(1, p × m).
    func exposeEngagedFollowers(_ post: inout PostContext, multiplier: Double)

    /// Breadth-first independent cascade from the queued sharers: a sharer's followers on the
    /// platform see the share with the feed's peer visibility, each follow edge tried once.
    func cascade(_ post: inout PostContext)

    /// Whether anyone outside the followers can be shown the post (its platform has users).
    func canDiscover(_ post: PostContext) -> Bool

    /// An interest feed's test batch: up to `size` non-followers who have not seen the post,
    /// each drawn uniformly among the platform's users and accepted with the feed's interest
    /// weight for their class. Gives up after 20 × size + 100 draws. Returns how many saw it.
    func showTestBatch(_ post: inout PostContext, size: Int) -> Int

    /// Out-of-network impressions: `impressions` uniform draws among the platform's users; those
    /// who follow the account, already saw the post, or refuse it (live events: offline during
    /// the event, drawn once per person and post) are skipped.
    func showDiscovery(_ post: inout PostContext, impressions: Int)

    /// Agents per person (`audience.scale`): test batches are sized in people.
    var audienceScale: Int { get }
}
