/// One day of an account's follower history: one row of `observed_followers.csv`.
///
/// `nil` is "the export does not say" (an empty cell). `gained` and `lost` cover the period that
/// ends on `date`: one day for daily exports (TikTok, X overview, Meta page metrics, LinkedIn),
/// the month described for the monthly X summary (see docs/import.md).
public struct ObservedFollowers: Sendable, Hashable {
    public var platform: ObservedPlatform
    public var account: String
    /// The day (UTC) the figures are for.
    public var date: ObservedDate
    /// Followers at the end of `date`, in people.
    public var followers: Int?
    /// New followers during the period (gross), in people.
    public var gained: Int?
    /// Followers lost during the period (unfollows), in people.
    public var lost: Int?
    public var source: SourcePosition

    public init(platform: ObservedPlatform, account: String, date: ObservedDate, followers: Int? = nil,
                gained: Int? = nil, lost: Int? = nil, source: SourcePosition) {
        self.platform = platform
        self.account = account
        self.date = date
        self.followers = followers
        self.gained = gained
        self.lost = lost
        self.source = source
    }

    /// The identity used to merge overlapping exports.
    public var key: FollowerKey { FollowerKey(platform: platform, account: account, date: date) }
}

/// A follower row's identity across files.
public struct FollowerKey: Sendable, Hashable {
    public var platform: ObservedPlatform
    public var account: String
    public var date: ObservedDate
}
