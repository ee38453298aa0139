/// An interest-graph feed (TikTok's For You; YouTube Shorts, Pinterest, Snapchat Spotlight):
/// followers are a small part of the views, and follower count is not a direct factor.
///
/// 1. Followers: each sees the post with probability `followerVisibility` × activity_c (activity
///    factor normalised to mean 1, as in `RankedFeed`).
/// 2. Test batches: the post is shown to `firstBatch` people (in people; ÷ audience scale in agents)
///    drawn among the platform's users who do not follow the account, each drawn with probability
///    proportional to their segment's affinity (the "matching interests"). If the batch's
///    engagements per view reach `engagementThreshold`, a next batch `batchGrowth` times larger
///    follows, up to `maxBatches` batches; otherwise distribution stops. A post whose engagement
///    stays below the threshold therefore never leaves its first batch (tested).
/// 3. Shares reach the sharer's followers with `peerVisibility` × activity_c.
///
/// Posts differ: each post draws a quality q = exp(σZ − σ²/2) (lognormal, mean 1, σ =
/// `qualitySpread`) that multiplies every viewer's engagement probabilities, so a good video is
/// expanded and a weak one stops early (σ = 0: every post alike).
///
/// Batch views are counted as `impressions_discovery`. First batch 200-500 people and the
/// expansion rule are folklore (low confidence): tunable parameters with wide ranges.
public struct InterestFeed: Sendable, Equatable {
    /// Share 0...1 of followers shown a post.
    public var followerVisibility: Double
    /// People 1...10,000,000 in the first test batch.
    public var firstBatch: Double
    /// Growth factor 1...100 of each next batch.
    public var batchGrowth: Double
    /// Engagements per view 0...1 a batch needs for the post to be expanded.
    public var engagementThreshold: Double
    /// Batches 1...20 at most (the first included).
    public var maxBatches: Int
    /// Probability 0...1 that a follower of a sharer sees the share.
    public var peerVisibility: Double
    /// Multiplier 0...10 of the first batch's size by format (short video favoured).
    public var formatMultiplier: FormatTable<Double>
    /// σ 0...3 of the lognormal quality of a post (engagement multiplier, mean 1).
    public var qualitySpread: Double

    public init(followerVisibility: Double = 0.1, firstBatch: Double = 300, batchGrowth: Double = 4,
                engagementThreshold: Double = 0.05, maxBatches: Int = 6, peerVisibility: Double = 0.1,
                formatMultiplier: FormatTable<Double> = FormatTable { _ in 1 }, qualitySpread: Double = 0) {
        self.followerVisibility = followerVisibility
        self.firstBatch = firstBatch
        self.batchGrowth = batchGrowth
        self.engagementThreshold = engagementThreshold
        self.maxBatches = maxBatches
        self.peerVisibility = peerVisibility
        self.formatMultiplier = formatMultiplier
        self.qualitySpread = qualitySpread
    }

    /// A post's quality: exp(σZ − σ²/2) for a standard normal Z (1 when σ = 0).
    func quality(_ z: Double) -> Double {
        qualitySpread == 0 ? 1 : _exp(qualitySpread * z - qualitySpread * qualitySpread / 2)
    }

    /// Size in agents of batch `k` (0-based) for a post of `format`, at least 1.
    func batchSize(_ k: Int, format: PostFormat, scale: Int) -> Int {
        var people = firstBatch * formatMultiplier[format]
        for _ in 0..<k { people *= batchGrowth }
        return max(1, Int((people / Double(scale)).rounded()))
    }

    /// Whether a batch with these views and engagements earns the next one.
    @inline(__always)
    func expands(views: Int, engagements: Int) -> Bool {
        views > 0 && Double(engagements) >= engagementThreshold * Double(views)
    }
}
