/// A change that happens at a given week of a scenario (`timeline:` in the file; see
/// docs/scenario-format.md). Events take effect at the start of their week and last until the
/// horizon unless they have a duration.
public struct TimelineEvent: Sendable {
    /// First week the event applies to, 1-based (as in the CSV's `week` column).
    public var week: Int
    public var kind: Kind
    /// Line of the event in the scenario file, for messages (0 when built in code).
    public var line: Int

    public init(week: Int, kind: Kind, line: Int = 0) {
        self.week = week
        self.kind = kind
        self.line = line
    }

    public enum Kind: Sendable {
        /// The institution opens the account(s) at this week: before it they have no followers
        /// and no posts; from it they start with the followers and plan of their platform entry.
        case join(AccountRef)
        /// The account(s) stop posting in one of three ways (see `LeaveMode`).
        case leave(AccountRef, LeaveMode)
        /// Announcement posts on one platform pointing its followers to others.
        case announceMigration(Migration)
        /// The platform's active users change by `factor` (0.01...100) over `weeks` weeks,
        /// geometrically: people stop or start using it, and the follow edges of those who stop go quiet.
        case trend(platform: Int, factor: Double, weeks: Int)
        /// A coordinated hashtag campaign multiplies the platform's discovery (out-of-network
        /// impressions and interest-feed test batches) by `discoveryMultiplier` (1...100) for `weeks` weeks.
        case campaign(platform: Int, weeks: Int, discoveryMultiplier: Double)
        /// The platform's boost budget from this week on (the boost's window and targeting stay).
        case budget(platform: Int, BoostSpec.Budget)
        /// The team's hours per week from this week on, 0...2,000.
        case teamHours(Double)
        /// The account's editorial plan from this week on.
        case plan(AccountRef, PlanSpec)
    }

    /// Which accounts an event is about: one account of a platform, or all of its accounts.
    public struct AccountRef: Sendable, Equatable {
        public var platform: Int
        /// Index into the platform's `accounts`; nil for all of them.
        public var account: Int?

        public init(platform: Int, account: Int? = nil) {
            self.platform = platform
            self.account = account
        }
    }

    /// What happens to an account the institution leaves.
    public enum LeaveMode: Sendable, Equatable {
        /// The account is deleted: its followers are gone and can no longer be reached.
        case close
        /// The account stays, silent: followers stay but leave faster (a dormant account).
        case ghost
        /// The account posts automatic copies of the posts of the first account of platform
        /// `from`, at no production cost; copies get `engagement` (0...1) times the engagement.
        case crosspost(from: Int, engagement: Double)
    }

    /// Announcements of a move from one platform's account to other platforms.
    public struct Migration: Sendable {
        /// The announcing account.
        public var source: AccountRef
        /// Destination platforms: a follower of the source who sees an announcement and uses a
        /// destination follows the destination's first account there with `followThrough`.
        public var destinations: [Int]
        /// Announcement posts (text posts of the source account), spread evenly over `weeks` weeks.
        public var posts: Int
        public var weeks: Int
        /// Probability 0...1 per segment that such a follower follows at a destination.
        public var followThrough: [Double]

        public init(source: AccountRef, destinations: [Int], posts: Int, weeks: Int, followThrough: [Double]) {
            self.source = source
            self.destinations = destinations
            self.posts = posts
            self.weeks = weeks
            self.followThrough = followThrough
        }

        /// Default follow-through: the median migrant's followers on Mastodon were 38 against 744
        /// on Twitter (5.1%) while 5.99% of their followees had moved (He, Zia et al., IMC 2023):
        /// about 85% of the followers who were on the destination followed there.
        public static let defaultFollowThrough = 0.85
    }
}
