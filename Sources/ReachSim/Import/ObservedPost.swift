/// The platforms whose exports `reachsim import` reads; the raw value is written in the
/// `platform` column of `observed_posts.csv` and `observed_followers.csv`.
public enum ObservedPlatform: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case x, facebook, instagram, tiktok, youtube, linkedin, mastodon, bluesky

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A post's kind as the export states it; the raw value is written in the `format` column.
/// Exports that do not say leave it `nil` (an empty cell), never a guess.
public enum ObservedPostFormat: String, Sendable, Hashable, Codable {
    case text, image, carousel
    case shortVideo = "short_video"
    case longVideo = "long_video"
    case live, story, link
}

/// Whether money was spent on a post, as far as the export tells.
public enum PaidStatus: String, Sendable, Hashable, Codable {
    /// The export says it was promoted or boosted (or shows paid figures for it).
    case paid = "true"
    /// The export says it was not (a `-` promoted column, a "not boosted" status, paid reach 0).
    case organic = "false"
    /// The export has no such information.
    case unknown
}

/// Where a value came from: the file as the user named it (an entry of a zip is
/// `archive.zip/entry.csv`) and the 1-based physical line where its row starts.
public struct SourcePosition: Sendable, Hashable, Comparable {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public static func < (a: Self, b: Self) -> Bool { (a.file, a.line) < (b.file, b.line) }
}

/// One post as an export reports it: one row of `observed_posts.csv`.
///
/// Every count is **lifetime per post as of the export** (what the platform had counted when the
/// file was downloaded), in actions or views; `nil` is "the export does not give it" and is
/// written as an empty cell, never as 0.
public struct ObservedPost: Sendable, Hashable {
    public var platform: ObservedPlatform
    /// The account's handle or page name as the export writes it (`rOpenSci`, `@museum`);
    /// empty when neither the export nor `--account` says.
    public var account: String
    /// The platform's id of the post (for X the tweet id, for Mastodon the status id, for Bluesky
    /// the `at://` URI); unique per platform and account.
    public var postID: String
    /// Publication time in UTC; `nil` when the export has none (the UCI data set).
    public var publishedAt: ObservedTime?
    public var format: ObservedPostFormat?
    public var paid: PaidStatus
    /// Views, counting repeats (X and Meta "impressions", Meta "views" since November 2025,
    /// TikTok and YouTube "views").
    public var impressions: Int?
    /// Distinct people (accounts) who saw the post: Meta "reach", YouTube "unique viewers".
    public var reach: Int?
    /// Likes, favourites or reactions.
    public var likes: Int?
    /// Comments or replies.
    public var comments: Int?
    /// Shares, retweets, reposts, reblogs (quotes included where the platform counts them apart).
    public var shares: Int?
    /// Clicks on the post (links, profile, media), as the platform totals them.
    public var clicks: Int?
    /// Follows attributed to the post.
    public var follows: Int?
    public var source: SourcePosition

    public init(platform: ObservedPlatform, account: String, postID: String, publishedAt: ObservedTime?,
                format: ObservedPostFormat? = nil, paid: PaidStatus = .unknown, impressions: Int? = nil,
                reach: Int? = nil, likes: Int? = nil, comments: Int? = nil, shares: Int? = nil,
                clicks: Int? = nil, follows: Int? = nil, source: SourcePosition) {
        self.platform = platform
        self.account = account
        self.postID = postID
        self.publishedAt = publishedAt
        self.format = format
        self.paid = paid
        self.impressions = impressions
        self.reach = reach
        self.likes = likes
        self.comments = comments
        self.shares = shares
        self.clicks = clicks
        self.follows = follows
        self.source = source
    }

    /// The identity used to merge overlapping exports.
    public var key: PostKey { PostKey(platform: platform, account: account, postID: postID) }
}

/// A post's identity across files.
public struct PostKey: Sendable, Hashable {
    public var platform: ObservedPlatform
    public var account: String
    public var postID: String
}
