/// A complete, validated description of one what-if: who the institution is, who its audience
/// is, where it posts, how, with how many hours, and for how long. Built by `ScenarioLoader`
/// from a YAML file; every field is already range-checked.
public struct Scenario: Sendable {
    /// Short identifier written into every CSV row (`scenario` column).
    public var name: String
    /// The institution's display name.
    public var institution: String
    /// Simulated weeks, 1...520.
    public var horizonWeeks: Int
    /// Monte Carlo replicates, `Scenario.replicatesRange`.
    public var replicates: Int
    /// The replicates a scenario or `--replicates` may ask for: the one place of this range
    /// (the loader, the schema and the command line read it here).
    public static let replicatesRange = 1...1_000_000
    /// The run's seed: every random stream derives from it.
    public var seed: UInt64
    public var audience: AudienceSpec
    public var team: TeamSpec
    /// Platforms in the file's order (also the default priority order, see `TeamSpec.priorities`).
    public var platforms: [PlatformSpec]
    /// Changes over time, in week order.
    public var timeline: [TimelineEvent]
    /// The `uncertain:` block, in the file's order: ranges that replace or add to the defaults of
    /// `PlausibleRanges`, and keys held `fixed` (`PlausibleRanges.resolve`).
    public var uncertain: [UncertainSetting] = []
    /// The file the scenario came from, for messages and relative paths (nil when built in code).
    public var sourcePath: String?
    /// Posts and paid campaigns each replicate records for `posts.csv` (`reachsim run --posts`
    /// sets it to `PostCatalog`'s count); 0, the default, records none. Not a key of the file.
    public var postsRecorded = 0

    public init(name: String, institution: String, horizonWeeks: Int, replicates: Int, seed: UInt64,
                audience: AudienceSpec, team: TeamSpec, platforms: [PlatformSpec], timeline: [TimelineEvent] = [],
                sourcePath: String? = nil) {
        self.name = name
        self.institution = institution
        self.horizonWeeks = horizonWeeks
        self.replicates = replicates
        self.seed = seed
        self.audience = audience
        self.team = team
        self.platforms = platforms
        self.timeline = timeline
        self.sourcePath = sourcePath
    }
}

/// The team that produces posts.
public struct TeamSpec: Sendable {
    /// People on the team (informative; capacity is `hoursPerWeek`).
    public var people: Int
    /// Hours per week the team spends producing posts, all platforms together, 0...2,000
    /// (at week 1; `team_hours` events change it).
    public var hoursPerWeek: Double
    /// Accounts in the order their posts get the week's hours, as (platform, account) indices:
    /// when hours run short, posts of later accounts are dropped first. Default: the file's order.
    public var priorities: [(platform: Int, account: Int)]?

    public init(people: Int, hoursPerWeek: Double, priorities: [(platform: Int, account: Int)]? = nil) {
        self.people = people
        self.hoursPerWeek = hoursPerWeek
        self.priorities = priorities
    }
}
