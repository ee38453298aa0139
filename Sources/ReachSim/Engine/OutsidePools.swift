/// What the people outside the catchment are for a whole run (docs/model.md, "The people outside
/// the catchment"): per platform, a pool of `people` users with no agent records, their share of
/// out-of-network impressions, their engagement and follow rates, and how their shares spread.
/// Built once by `World.build` from `AudienceSpec.outside`; nil when the audience is closed.
///
/// Counts are in agents (people ÷ `audience.scale`), like every count the engine keeps, so that
/// `WeeklyTallies.finishWeek` scales the outside like the catchment.
struct OutsidePools: Sendable {
    /// Slot of the `outside` segment in `MetricLayout`: after the catchment's segments.
    let segment: Int
    /// Per platform: outside users, in agents (0: the platform has no outside).
    let people: [Double]
    /// Outside people across all platforms, in agents (the universe platform reach combines over).
    let population: Double
    /// Per platform: probability 0...1 that an out-of-network impression (discovery, a test batch
    /// member) lands outside the catchment: the outside's interest weight `people × affinity`
    /// over that plus the catchment users' `Σ affinity` (discovery is drawn in proportion to
    /// interest, and within the catchment by `PreparedFeed.interestWeight`).
    let discoveryShare: [Double]
    /// Per platform: like, comment and share probabilities by format (`PostFormat.index`): the
    /// platform's rate × the outside's affinity, capped at 1; and the follow probability.
    let like, comment, share: [[Double]]
    let follow: [Double]
    /// Per platform: mean followers, on the platform, of a person outside the catchment, taken
    /// as the catchment graph's mean out-degree (an outside share reaches people outside).
    let followersPerPerson: [Double]
    /// Per platform: the feed prepared for the outside's activity classes (one segment, the
    /// outside's sessions per day, the audience's activity levels).
    let feeds: [PreparedFeed]
    /// The outside's interest relative to the catchment's affinity scale.
    let affinity: Double

    /// Nil when `spec` is nil or no platform has anyone outside.
    init?(_ spec: OutsideSpec?, scenario: Scenario, audience: Audience, graphs: [FollowerGraph],
          calendar: SessionCalendar) {
        guard let spec, scenario.platforms.indices.contains(where: spec.hasOutside) else { return nil }
        let platforms = scenario.platforms, segments = scenario.audience.segments
        let scale = Double(audience.scale)
        segment = segments.count
        affinity = spec.affinity
        people = platforms.indices.map { spec.hasOutside($0) ? spec.users[$0] / scale : 0 }
        population = max(spec.population / scale, people.max() ?? 0)
        discoveryShare = platforms.indices.map { p in
            let outsideWeight = spec.hasOutside(p) ? spec.users[p] / scale * spec.affinity : 0
            var catchmentWeight = 0.0
            for u in audience.platformUsers[p] { catchmentWeight += segments[audience.segment(of: Int(u))].affinity }
            let total = outsideWeight + catchmentWeight
            return total > 0 ? outsideWeight / total : 0
        }
        func rates(_ table: (PlatformSpec) -> FormatTable<Double>) -> [[Double]] {
            platforms.map { platform in PostFormat.allCases.map { min(1, table(platform)[$0] * spec.affinity) } }
        }
        like = rates(\.engagement.like)
        comment = rates(\.engagement.comment)
        share = rates(\.engagement.share)
        follow = platforms.map { min(1, $0.engagement.follow * spec.affinity) }
        followersPerPerson = platforms.indices.map { p in
            let users = audience.platformUsers[p].count
            return users > 0 ? Double(graphs[p].edgeCount) / Double(users) : 0
        }
        let classes = ExposureClasses(sessionsPerDay: [spec.sessionsPerDay],
                                      levels: ActivityLevels(shape: scenario.audience.activityShape))
        feeds = platforms.map { PreparedFeed($0.feed, classes: classes, calendar: calendar) }
    }

    /// Expected distinct people among `draws` uniform draws from `n` people (occupancy):
    /// n × (1 − (1 − 1/n)^draws). Exact in expectation for uniform draws with replacement.
    static func distinct(_ draws: Double, among n: Double) -> Double {
        guard n > 0, draws > 0 else { return 0 }
        if n <= 1 { return min(n, draws) }
        return min(draws, -n * _expm1(draws * _log1p(-1 / n)))  // min: rounding only
    }
}
