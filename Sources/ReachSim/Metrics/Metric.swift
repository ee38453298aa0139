/// The measured quantities, in the column order of `weekly.csv`.
///
/// Counts of people and of impressions are in people (agents × audience scale). Metrics marked
/// `perPlatformOnly` describe the institution's work on a platform (posts, hours, spend) and have
/// no meaning per audience segment: they are left empty in segment rows.
public enum Metric: Int, CaseIterable, Sendable {
    /// Posts published in the week.
    case posts
    /// Team hours spent producing them.
    case hours
    /// Views of the institution's posts by its followers, through their feed.
    case impressionsOrganic
    /// Views through shares (reposts, boosts) by people, at any cascade depth.
    case impressionsShares
    /// Views by people who do not follow the account, shown by the platform out of network.
    case impressionsDiscovery
    /// Views bought by paid boosts.
    case impressionsPaid
    /// Distinct people who saw at least one post in the week.
    case reach
    /// Distinct people who saw at least one post since week 0.
    case reachCumulative
    case likes
    case comments
    case shares
    /// Followers at the end of the week (platform `all`: sum over accounts, not deduplicated).
    case followers
    case followersGained
    case followersLost
    /// Money spent on boosts in the week, euros.
    case spend
    /// Planned posts dropped because the week's team hours ran out.
    case postsDropped
    /// Production hours those dropped posts would have needed.
    case hoursDropped
    /// Distinct people who follow at least one of the institution's accounts on the platform at
    /// the end of the week (platform `all`: on any platform). `followers` counts a person once per
    /// account they follow; this counts them once. Outside the catchment, where followers are
    /// counts without identities, accounts combine in product form over the platform's pool.
    case followersUnique

    /// Column name in `weekly.csv` and value of `metric` in `summary.csv`.
    public var column: String {
        switch self {
        case .posts: "posts"
        case .hours: "hours"
        case .impressionsOrganic: "impressions_organic"
        case .impressionsShares: "impressions_shares"
        case .impressionsDiscovery: "impressions_discovery"
        case .impressionsPaid: "impressions_paid"
        case .reach: "reach"
        case .reachCumulative: "reach_cumulative"
        case .likes: "likes"
        case .comments: "comments"
        case .shares: "shares"
        case .followers: "followers"
        case .followersGained: "followers_gained"
        case .followersLost: "followers_lost"
        case .spend: "spend"
        case .postsDropped: "posts_dropped"
        case .hoursDropped: "hours_dropped"
        case .followersUnique: "followers_unique"
        }
    }

    /// True for quantities of the institution's work, not of people.
    public var perPlatformOnly: Bool {
        switch self {
        case .posts, .hours, .spend, .postsDropped, .hoursDropped: true
        default: false
        }
    }

    /// True when the value counts people or views, so it is multiplied by the audience scale.
    var countsPeople: Bool { !perPlatformOnly }
}

/// Where each (week, platform, segment, metric) value of one replicate lives in a flat array,
/// followed by the per-account block (week, account, metric) of `accounts.csv` and, when posts
/// are recorded (`reachsim run --posts`), the per-post block (post, `PostMetric`) of `posts.csv`.
///
/// Platform slots: the scenario's platforms in order, then `all`. Segment slots: the segments in
/// order, then `all`.
public struct MetricLayout: Sendable, Equatable {
    public let weeks: Int
    public let platforms: Int
    public let segments: Int
    /// Accounts of all platforms (`World.accounts`); 0 leaves out the per-account block.
    public let accounts: Int
    /// Posts and paid campaigns recorded per replicate (`PostCatalog`); 0 leaves out the per-post block.
    public let posts: Int

    public init(weeks: Int, platforms: Int, segments: Int, accounts: Int = 0, posts: Int = 0) {
        self.weeks = weeks
        self.platforms = platforms
        self.segments = segments
        self.accounts = accounts
        self.posts = posts
    }

    public var platformSlots: Int { platforms + 1 }
    public var segmentSlots: Int { segments + 1 }
    public var allPlatforms: Int { platforms }
    public var allSegments: Int { segments }
    static let metricCount = Metric.allCases.count

    /// Values per week.
    public var perWeek: Int { platformSlots * segmentSlots * MetricLayout.metricCount }
    /// Values per replicate: the weeks, then the accounts' weeks, then the posts.
    public var perReplicate: Int { weeks * (perWeek + perAccountWeek) + posts * PostMetric.count }
    /// Per-account values per week.
    public var perAccountWeek: Int { accounts * MetricLayout.metricCount }
    /// Cumulative-reach counters a replicate keeps from week to week: one per platform slot
    /// (`all` included) and segment.
    public var cumulativeSlots: Int { platformSlots * segments }
    /// Doubles one replicate runner keeps while it simulates: the week's values, the accounts'
    /// week, the cumulative counters and each account's cumulative reach.
    public var workerValues: Int { perWeek + perAccountWeek + cumulativeSlots + accounts }

    @inline(__always)
    public func accountIndex(week: Int, account: Int, metric: Metric) -> Int {
        weeks * perWeek + (week * accounts + account) * MetricLayout.metricCount + metric.rawValue
    }

    /// Post `post` (0-based, in `PostCatalog` order) of the per-post block.
    @inline(__always)
    public func postIndex(post: Int, metric: PostMetric) -> Int {
        weeks * (perWeek + perAccountWeek) + post * PostMetric.count + metric.rawValue
    }

    @inline(__always)
    public func index(week: Int, platform: Int, segment: Int, metric: Metric) -> Int {
        ((week * platformSlots + platform) * segmentSlots + segment) * MetricLayout.metricCount + metric.rawValue
    }
}

extension MetricLayout {
    /// The layout of `scenario`'s results, known without building its world (merges and
    /// checkpoints need it); `World.layout` must agree, which `PlanRunner` checks.
    public init(_ scenario: Scenario) {
        self.init(weeks: scenario.horizonWeeks, platforms: scenario.platforms.count,
                  segments: scenario.audience.resultSegments.count,
                  accounts: scenario.platforms.reduce(0) { $0 + $1.accounts.count }, posts: scenario.postsRecorded)
    }
}
