/// One post while it is being simulated: who published it, the stream it draws from, its tallies
/// so far and the factors of every viewer's engagement draws. Feed steps read the tallies (second
/// wave, test batches, discovery); a sampler adds to them.
///
/// It is the one value a post carries through the feed's steps and the sampler's passes, so that
/// a step's signature names what the step decides, not the plumbing.
struct PostContext {
    /// Index into `World.accounts` of the publishing account, and its platform.
    let account: Int
    let platform: Int
    let format: PostFormat
    /// Local hour of publication, 0-23.
    let hour: Int
    /// Week of the run, from 0.
    let week: Int
    /// Where every draw of the post comes from: the account's stream for the replicate (organic
    /// posts), or the week's paid-engagement stream (boosted content).
    let rng: RandomStream

    /// People who saw the post (each sees it at most once).
    var views = 0
    /// Views through the feed's in-network pass (followers).
    var organicViews = 0
    /// Views through shares and the institution's reposts.
    var shareViews = 0
    /// Views out of network (discovery, test batches).
    var discoveryViews = 0
    /// Paid impressions, repeats of the same person included.
    var paidImpressions = 0
    /// Non-followers who followed after seeing it.
    var follows = 0
    /// Views by people who did not follow the account when they saw the post.
    var nonFollowerViews = 0
    var likes = 0
    var comments = 0
    var shares = 0
    var engagements: Int { likes + comments + shares }
    /// Multiplier of every viewer's engagement probabilities for this post (interest feeds' quality).
    var quality = 1.0
    /// Multiplier of the follower visibility of this post (ranked feeds' reach spread), mean 1.
    var reach = 1.0
    /// Multipliers of the like, comment and share probabilities: quality × the account's tone ×
    /// cadence effects × the cross-post factor.
    var likeFactor = 1.0
    var commentFactor = 1.0
    var shareFactor = 1.0
    /// Index into `World.migrations` when the post announces one, else -1.
    var announcement = -1
    /// Multiplier ≥ 1 of discovery from running campaigns.
    var discoveryMultiplier = 1.0
    /// Sharers waiting for their cascade (entries of the sampler's queue).
    var queued = 0
    /// Outside sharers waiting for their cascade (a count: the outside has no agent records).
    var outsideQueued = 0
    /// Views by the account's outside followers (so that a second wave shows only the others).
    var outsideFollowerViews = 0

    init(account: Int, platform: Int, format: PostFormat, hour: Int, week: Int, rng: RandomStream) {
        self.account = account
        self.platform = platform
        self.format = format
        self.hour = hour
        self.week = week
        self.rng = rng
    }
}
