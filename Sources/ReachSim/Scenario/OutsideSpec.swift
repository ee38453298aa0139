/// The people outside the catchment: per platform, the rest of its users in the country (and
/// abroad where the scenario says so) who could be shown the institution's posts. They have no
/// agent records: the engine counts their views, engagement, follows and reach per platform and
/// account (`OutsideAudience`, docs/model.md "The people outside the catchment").
///
/// Sizes come from `CountryProfile` (users of each platform in the country × the share interested
/// in culture, minus the catchment's own users: `OutsideSpec.resolve`, OutsideResolution.swift); a
/// scenario can override each (`audience.outside`, docs/scenario-format.md "The outside").
public struct OutsideSpec: Sendable, Equatable {
    /// People, per platform (aligned with `Scenario.platforms`), outside the catchment who use the
    /// platform and could be shown a cultural institution's posts, ≥ 0. 0: the platform has no
    /// outside (discovery stays in the catchment, as before the open audience).
    public var users: [Double]
    /// People outside the catchment across all platforms (the universe that platform reach is
    /// combined over, in product form), ≥ every entry of `users`.
    public var population: Double
    /// Interest of an outside person in the institution relative to the catchment's affinity
    /// scale (1 = an average catchment person), 0...10. Weighs discovery between the catchment and
    /// the outside, and multiplies the outside's engagement and follow rates.
    public var affinity: Double
    /// Mean app sessions per day of an outside user, 0.01...100 (follower visibility of outside
    /// followers on ranked and chronological feeds).
    public var sessionsPerDay: Double
    /// Share 0...1 of the country's platform users interested in culture that `users` and
    /// `population` were computed with (nil when built in code), for `PlausibleRanges`.
    public var cultureShare: Double?

    public init(users: [Double], population: Double, affinity: Double, sessionsPerDay: Double, cultureShare: Double? = nil) {
        self.users = users
        self.population = population
        self.affinity = affinity
        self.sessionsPerDay = sessionsPerDay
        self.cultureShare = cultureShare
    }

    /// Whether any platform has anyone outside (the results then have an `outside` segment).
    public var isOpen: Bool { users.contains { $0 >= 1 } }

    /// Name of the outside's segment in the results.
    public static let segmentName = "outside"

    /// Whether anyone is outside on platform `p`.
    public func hasOutside(_ p: Int) -> Bool { p < users.count && users[p] >= 1 }
}
