/// One platform as the scenario uses it: the preset's parameters with the file's overrides,
/// the institution's accounts there, and the follower graph among its users.
public struct PlatformSpec: Sendable {
    /// Identifier used in the CSV `platform` column (the scenario's key, e.g. `facebook`).
    public var name: String
    /// The preset this platform started from, if any.
    public var preset: String?
    public var feed: FeedModel
    public var engagement: EngagementRates
    /// Weekly probability 0...1 that a follower stops following (baseline churn). Assumption.
    public var churnPerWeek: Double
    /// Over-posting penalty of the platform (`overposting:`; the preset's by default).
    public var overposting: OverpostingEffect
    public var graph: GraphSpec
    /// Production hours per post, by format (before editing time), 0...200.
    public var productionHours: FormatTable<Double>
    /// The preset's production hours, by format: what a typical post of its sources took. A
    /// scenario's hours above them make better posts, below them thinner ones
    /// (`EngagementRates.effortFactor`).
    public var referenceHours: FormatTable<Double>
    /// The institution's accounts on this platform, in the file's order (`main` when the file
    /// gives `followers` and `plan` directly instead of an `accounts` list).
    public var accounts: [AccountSpec]
    /// A paid boost of the platform's posts, if any (only on platforms with an ad market).
    public var boost: BoostSpec?
    /// Extra follows of an account in a starter pack per follow its posts bring, 0...10
    /// (`StarterPacks`; Bluesky 0.85, Balduf et al. ICWSM 2025; 0 where there are no packs).
    public var starterPackUplift: Double

    public init(name: String, preset: String?, feed: FeedModel, engagement: EngagementRates,
                churnPerWeek: Double, graph: GraphSpec, productionHours: FormatTable<Double>,
                accounts: [AccountSpec], boost: BoostSpec? = nil, starterPackUplift: Double = 0,
                overposting: OverpostingEffect = .trackSocial, referenceHours: FormatTable<Double>? = nil) {
        self.name = name
        self.overposting = overposting
        self.preset = preset
        self.feed = feed
        self.engagement = engagement
        self.churnPerWeek = churnPerWeek
        self.graph = graph
        self.productionHours = productionHours
        self.referenceHours = referenceHours ?? productionHours
        self.accounts = accounts
        self.boost = boost
        self.starterPackUplift = starterPackUplift
    }
}

/// One account of the institution on one platform: the main account, a department, an event,
/// a curator.
public struct AccountSpec: Sendable {
    /// Label, unique on its platform (`main` for the single account a platform has by default).
    public var name: String
    /// Followers at week 0 (or at the account's `join` week), in people (divided by the audience
    /// scale to get agents).
    public var followers: Int
    public var plan: PlanSpec
    /// Engagement multipliers of the account's posts (a personal account gets more replies).
    public var tone: AccountTone
    /// At most this share 0...1 of the team's weekly hours goes to this account (1: no cap).
    public var hoursShare: Double
    /// Hours a week of the account's own (a curator's, a staff member's), outside the team's:
    /// its posts are made within them and take nothing from `team.hours_per_week`. nil: the
    /// account shares the team's hours.
    public var hoursPerWeek: Double? = nil
    /// Share 0...1 of this account's followers drawn among the followers of an earlier account of
    /// the same platform (index into the platform's `accounts`); the rest are drawn among the
    /// platform's users like any account's, so some overlap arises by chance too.
    public var overlap: [(account: Int, share: Double)]
    /// Probability 0...1 that this account reposts each post of another account of the same
    /// platform (index into the platform's `accounts`).
    public var amplifies: [(account: Int, probability: Double)]
    /// Whether the account is listed in a starter pack (Bluesky): it then gains the platform's
    /// `starterPackUplift` extra follows per follow its posts bring (`StarterPacks`).
    public var starterPack: Bool

    public init(name: String, followers: Int, plan: PlanSpec, tone: AccountTone = .neutral, hoursShare: Double = 1,
                overlap: [(account: Int, share: Double)] = [], amplifies: [(account: Int, probability: Double)] = [],
                starterPack: Bool = false) {
        self.name = name
        self.followers = followers
        self.plan = plan
        self.tone = tone
        self.hoursShare = hoursShare
        self.overlap = overlap
        self.amplifies = amplifies
        self.starterPack = starterPack
    }
}

/// Multipliers 0...10 of the platform's like, comment and share probabilities for one account's
/// posts.
public struct AccountTone: Sendable, Equatable {
    public var like: Double
    public var comment: Double
    public var share: Double

    public init(like: Double, comment: Double, share: Double) {
        self.like = like
        self.comment = comment
        self.share = share
    }

    public static let neutral = AccountTone(like: 1, comment: 1, share: 1)
}

/// The editorial plan of one account.
public struct PlanSpec: Sendable {
    /// Posts per week by format, 0...100 each; fractional rates are spread over weeks
    /// (1.5 a week = 1, 2, 1, 2, ...).
    public var postsPerWeek: FormatTable<Double>
    /// Local hours (0-23) at which posts go out, used in turn. Default [12, 19].
    public var postingHours: [Int]

    public init(postsPerWeek: FormatTable<Double>, postingHours: [Int]) {
        self.postsPerWeek = postsPerWeek
        self.postingHours = postingHours
    }

    /// Posts of all formats per week.
    public var totalPerWeek: Double { postsPerWeek.values.reduce(0, +) }
}

/// Per-viewer engagement probabilities of a platform, by format. Multiplied by the viewer's
/// segment affinity (capped at 1).
public struct EngagementRates: Sendable {
    /// Probability 0...1 that a viewer likes (reacts to) a post.
    public var like: FormatTable<Double>
    /// Probability 0...1 that a viewer comments.
    public var comment: FormatTable<Double>
    /// Probability 0...1 that a viewer shares (reposts, boosts, retweets) the post to their own
    /// followers; each share starts a cascade step.
    public var share: FormatTable<Double>
    /// Probability 0...1 that a viewer who does not follow the account starts following it.
    public var follow: Double
    /// Multiplier 0...10 of the like, comment and share rates by the viewer's age band (per
    /// segment, on top of its affinity); 1 for every band unless a preset or scenario says otherwise.
    public var byAge: [AgeBand: Double]
    /// Elasticity 0...1 of a post's engagement to the time spent making it: a post of a format
    /// whose `production_hours` are h, against the preset's h₀, engages (h/h₀)^elasticity times
    /// as much (every like, comment and share rate; on interest feeds, the quality their batches
    /// test). Below 1, each extra hour adds less than the one before. An assumption
    /// (`defaultEffortElasticity`): no source measures engagement against production time.
    public var effortElasticity: Double

    public init(like: FormatTable<Double>, comment: FormatTable<Double>, share: FormatTable<Double>, follow: Double,
                byAge: [AgeBand: Double] = EngagementRates.neutralAges,
                effortElasticity: Double = EngagementRates.defaultEffortElasticity) {
        self.like = like
        self.comment = comment
        self.share = share
        self.follow = follow
        self.byAge = byAge
        self.effortElasticity = effortElasticity
    }

    /// 0.3: twice the preset's hours make a post engage ×1.23, half of them ×0.81. An assumption,
    /// range 0 (time changes nothing) to 0.6 (twice the hours, ×1.52), drawn by the uncertainty
    /// studies when a scenario moves a format's hours off the preset's.
    public static let defaultEffortElasticity = 0.3

    /// The engagement multiplier of a post made in `hours` of a format whose preset takes
    /// `reference` hours: (hours / reference)^elasticity, 1 when either is 0.
    public func effortFactor(hours: Double, reference: Double) -> Double {
        guard hours > 0, reference > 0, effortElasticity > 0, hours != reference else { return 1 }
        return _pow(hours / reference, effortElasticity)
    }

    /// Every age band at 1.
    public static let neutralAges = Dictionary(uniqueKeysWithValues: AgeBand.allCases.map { ($0, 1.0) })
}

/// How the follower graph among a platform's users is made.
public enum GraphSpec: Sendable {
    /// Barabási–Albert growth: each user follows `edgesPerNode` earlier users chosen in
    /// proportion to their followers; `reciprocity` 0...1 follow back.
    case preferentialAttachment(edgesPerNode: Int, reciprocity: Double, homophily: Double)
    /// Chung-Lu with a power-law expected degree sequence (`exponent` 2.01...5).
    case chungLu(meanDegree: Double, exponent: Double, homophily: Double)
    /// A real edge list (`source,target`, information flows source → target), its nodes placed
    /// on randomly chosen users of the platform.
    case edgeList(path: String)
    /// No follow links among users: no share cascades.
    case none
}
