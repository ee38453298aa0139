/// What a scenario's `audience.outside` mapping sets; nil fields take the country's defaults
/// (`CountryProfile`). Ranges are checked by the loader.
public struct OutsideOverrides: Sendable, Equatable {
    /// Share 0...1 of the country's platform users interested in culture.
    public var cultureShare: Double?
    /// Interest of an outside person relative to the catchment's average person, 0...10.
    public var affinity: Double?
    /// Mean app sessions per day of an outside user, 0.01...100.
    public var sessionsPerDay: Double?
    /// People outside the catchment across all platforms, ≥ 0.
    public var population: Double?
    /// People outside the catchment per platform, by the scenario's platform name, ≥ 0; replaces
    /// that platform's computed size.
    public var users: [String: Double]

    public init(cultureShare: Double? = nil, affinity: Double? = nil, sessionsPerDay: Double? = nil,
                population: Double? = nil, users: [String: Double] = [:]) {
        self.cultureShare = cultureShare
        self.affinity = affinity
        self.sessionsPerDay = sessionsPerDay
        self.population = population
        self.users = users
    }
}

extension OutsideSpec {
    /// The outside of a scenario, from its country and catchment, with the scenario's overrides.
    ///
    /// With c = `cultureShare` (override, else the country's) and N = `size × scale` people in
    /// the catchment:
    ///
    ///     catchment users of p = N × Σ_s share_s × platformUse_s[p]
    ///     users[p]   = max(0, countryUsers[p] × c − catchment users of p)
    ///     population = max(0, internetUsers13plus × c − N), raised to at least max_p users[p]
    ///
    /// `countryUsers[p]` is the monthly users of the platform's preset in the country
    /// (`CountryProfile.platform`); a platform the country has no figure for (a custom platform,
    /// without a preset) gets 0: no outside, discovery stays in the catchment. An override in
    /// `overrides.users` replaces the computed size of that platform, `overrides.population` the
    /// computed population (still raised to the largest platform, so that `population` ≥ every
    /// `users` entry holds). Affinity and sessions per day default to the country's
    /// `outsideAffinity` and `outsideSessionsPerDay`.
    ///
    /// - Parameters:
    ///   - country: the scenario's country.
    ///   - platformNames: the scenario's platform names, in `Scenario.platforms` order (the keys
    ///     of `overrides.users`).
    ///   - presetNames: each platform's preset name (nil for a custom platform), same order.
    ///   - size: agents in the catchment, ≥ 1.
    ///   - scale: people per agent, ≥ 1.
    ///   - segments: the catchment's segments (`share`, and `platformUse` aligned with
    ///     `platformNames`).
    ///   - overrides: what the scenario sets.
    public static func resolve(country: CountryProfile, platformNames: [String], presetNames: [String?],
                               size: Int, scale: Int, segments: [SegmentSpec],
                               overrides: OutsideOverrides = OutsideOverrides()) -> OutsideSpec {
        let c = overrides.cultureShare ?? country.cultureShare
        let people = Double(size) * Double(scale)
        var users: [Double] = []
        for (p, name) in platformNames.enumerated() {
            if let given = overrides.users[name] {
                users.append(given)
                continue
            }
            guard let preset = presetNames[p], let inCountry = country.platform(preset) else {
                users.append(0)
                continue
            }
            let catchmentUsers = people * segments.reduce(0.0) { $0 + $1.share * $1.platformUse[p] }
            users.append(max(0, inCountry.users * c - catchmentUsers))
        }
        var population = overrides.population ?? max(0, country.internetUsers13plus * c - people)
        population = max(population, users.max() ?? 0)
        return OutsideSpec(users: users, population: population,
                           affinity: overrides.affinity ?? country.outsideAffinity,
                           sessionsPerDay: overrides.sessionsPerDay ?? country.outsideSessionsPerDay, cultureShare: c)
    }
}
