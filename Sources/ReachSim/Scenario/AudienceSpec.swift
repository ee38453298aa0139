/// Age bands used throughout (Pew's and the platforms' own breakdowns).
public enum AgeBand: String, CaseIterable, Sendable {
    case age13to17 = "13-17"
    case age18to24 = "18-24"
    case age25to34 = "25-34"
    case age35to54 = "35-54"
    case age55plus = "55+"
}

/// Where a person lives relative to the institution (used for targeting and reporting).
public enum Locality: String, CaseIterable, Sendable {
    case local, national, international
}

/// The synthetic population: one agent stands for `scale` people.
public struct AudienceSpec: Sendable {
    /// Agents to generate, 1...50,000,000. People represented: `size × scale`.
    public var size: Int
    /// People per agent, 1...1,000,000. Counts of people in the output are multiplied by it.
    public var scale: Int
    /// Segments; shares sum to 1.
    public var segments: [SegmentSpec]

    /// Segments of the results, in order: the catchment's, then `outside` when the audience is
    /// open (`OutsideSpec.isOpen`); `all` follows them in every table.
    public var resultSegments: [String] {
        segments.map(\.name) + (outside?.isOpen == true ? [OutsideSpec.segmentName] : [])
    }
    /// Correlation 0...1 of the latent "online" factor that makes platform use overlap beyond
    /// what segments explain (Gaussian copula with one common factor; 0 = independent within a
    /// segment). Assumption, default 0.5: TikTok and Instagram users overlap strongly.
    public var platformUseCorrelation: Double
    /// Relative share of app sessions by hour of day (24 non-negative weights, local time,
    /// normalised internally). Default `HourlyProfile.default`.
    public var hourlyProfile: [Double]
    /// Shape k of the Gamma distribution of personal activity around the segment's mean
    /// (sessions per day); smaller is more unequal. 0.2...100, default 2 (assumption).
    public var activityShape: Double
    /// Country whose platform use and platform sizes the presets take (`CountryProfile`), e.g.
    /// "fr" (default in scenario files) or "us".
    public var country: String
    /// The people outside the catchment; nil = a closed audience (every person who can be reached
    /// is one of the agents).
    public var outside: OutsideSpec?

    public init(size: Int, scale: Int, segments: [SegmentSpec], platformUseCorrelation: Double = 0.5,
                hourlyProfile: [Double] = HourlyProfile.default, activityShape: Double = 2,
                country: String = "fr", outside: OutsideSpec? = nil) {
        self.size = size
        self.scale = scale
        self.segments = segments
        self.platformUseCorrelation = platformUseCorrelation
        self.hourlyProfile = hourlyProfile
        self.activityShape = activityShape
        self.country = country
        self.outside = outside
    }
}

/// A group of people who are alike for the model: same age band, locality, interest in the
/// institution, activity and platform use.
public struct SegmentSpec: Sendable {
    /// Label used in the CSV `segment` column.
    public var name: String
    public var age: AgeBand
    public var locality: Locality
    /// Share of the audience, 0...1 (all segments sum to 1).
    public var share: Double
    /// Cultural affinity: multiplies engagement rates and the chance of following the
    /// institution, 0...10, 1 = average.
    public var affinity: Double
    /// Mean app sessions per day of a platform user in this segment, 0.01...100.
    public var sessionsPerDay: Double
    /// Probability 0...1 that a member uses each platform, aligned with `Scenario.platforms`.
    public var platformUse: [Double]

    public init(name: String, age: AgeBand, locality: Locality, share: Double, affinity: Double,
                sessionsPerDay: Double, platformUse: [Double]) {
        self.name = name
        self.age = age
        self.locality = locality
        self.share = share
        self.affinity = affinity
        self.sessionsPerDay = sessionsPerDay
        self.platformUse = platformUse
    }
}

/// Hour-of-day session profiles.
public enum HourlyProfile {
    /// Share of daily app sessions by local hour 0-23: low at night, a lunch bump, an evening
    /// peak at 19-21 h. Assumption shaped on the seed workshop's remark that evening posts get
    /// better statistics; a tunable parameter (`audience.hourly_profile`).
    public static let `default`: [Double] = [
        1.0, 0.6, 0.4, 0.3, 0.3, 0.5, 1.5, 3.0, 4.5, 4.5, 4.5, 5.0,
        6.0, 5.5, 4.5, 4.5, 5.0, 5.5, 6.5, 7.5, 8.0, 7.5, 5.5, 2.5,
    ]
}
