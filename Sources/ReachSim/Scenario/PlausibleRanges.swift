/// The default plausible ranges of the parameters an answer may rest on, for every platform of a
/// scenario: what `reachsim compare --uncertainty` draws when the scenario's `uncertain:` block
/// says nothing else. Ranges are either stated by a source (a preset's fit, a country's survey
/// range) or labelled assumptions; factor ranges are taken around the scenario's own value, so
/// they follow a scenario that set the parameter (a fitted one, say).
public enum PlausibleRanges {
    /// The keys under `platforms.NAME` that can be uncertain, in a fixed order (the columns of
    /// `robustness.csv`). A draw sets one number: a scalar, or for an engagement table (`tableKeys`)
    /// its mean over formats, every format scaled by the same factor, as `reachsim fit` fits them.
    public static let platformKeys = [
        "feed.base_visibility", "feed.discovery_per_engagement", "feed.size_exponent", "feed.hour_sensitivity",
        "feed.reach_spread", "feed.discovery_per_post", "feed.quality_spread", "feed.engagement_threshold",
        "engagement.like", "engagement.comment", "engagement.share", "engagement.follow", "churn_per_week",
        "engagement.effort_elasticity",
    ]
    /// The platform keys that are tables by format.
    public static let tableKeys: Set<String> = ["engagement.like", "engagement.comment", "engagement.share"]
    /// The audience keys that can be uncertain.
    public static let audienceKeys = ["audience.outside.culture_share"]

    /// The value of `key` (one of `platformKeys`) in `platform`, nil when its feed has no such key.
    public static func value(_ key: String, in platform: PlatformSpec) -> Double? {
        value(key, feed: platform.feed, engagement: platform.engagement, churn: platform.churnPerWeek)
    }

    static func value(_ key: String, feed: FeedModel, engagement: EngagementRates, churn: Double) -> Double? {
        switch (key, feed) {
        case ("feed.base_visibility", .ranked(let r)): r.baseVisibility
        case ("feed.discovery_per_engagement", .ranked(let r)): r.discoveryPerEngagement
        case ("feed.size_exponent", .ranked(let r)): r.sizeExponent
        case ("feed.hour_sensitivity", .ranked(let r)): r.hourSensitivity
        case ("feed.reach_spread", .ranked(let r)): r.reachSpread
        case ("feed.discovery_per_post", .chronological(let c)): c.discoveryPerPost
        case ("feed.quality_spread", .interest(let i)): i.qualitySpread
        case ("feed.engagement_threshold", .interest(let i)): i.engagementThreshold
        case ("engagement.like", _): mean(engagement.like)
        case ("engagement.comment", _): mean(engagement.comment)
        case ("engagement.share", _): mean(engagement.share)
        case ("engagement.follow", _): engagement.follow
        case ("engagement.effort_elasticity", _): engagement.effortElasticity
        case ("churn_per_week", _): churn
        default: nil
        }
    }

    /// An engagement table's mean over formats: the one number `reachsim fit` and the uncertainty
    /// studies scale a table by.
    static func mean(_ t: FormatTable<Double>) -> Double { t.values.reduce(0, +) / Double(t.values.count) }

    /// The assignments that give `key` (a platform key, without `platforms.NAME.`) the value `v` in
    /// `platform`: the key itself for a scalar; for an engagement table, each format's entry
    /// (`KEY.FORMAT`) times v / the table's mean, capped at 1 (probabilities).
    public static func assignments(_ key: String, value v: Double, in platform: PlatformSpec) -> [(key: String, value: Double)] {
        let table: FormatTable<Double>
        switch key {
        case "engagement.like": table = platform.engagement.like
        case "engagement.comment": table = platform.engagement.comment
        case "engagement.share": table = platform.engagement.share
        default: return [(key, v)]
        }
        let m = mean(table)
        return PostFormat.allCases.map { f in
            (key + "." + f.rawValue, m > 0 ? min(1, table[f] * v / m) : v)
        }
    }

    static let engagementAccounts = "assumption: the presets hold an industry median (Rival IQ 2022, Socialinsider); "
        + "accounts differ by several times either way (rOpenSci's X fit: likes ×7.5, reposts ×21; the UCI page's: "
        + "likes ×4.3), so from a third to three times the value, every format by the same factor"

    /// A default range: a factor range around the value, or bounds a source states. Stated bounds
    /// are drawn from a Beta whose mode is the value (`modeAt`): the value stays the most likely,
    /// the bounds are reached rarely (a uniform draw over Mastodon's 0-1,000 around its 100 would
    /// put the median at 500, five times the preset).
    enum Rule {
        case factor(Double, Double, ParameterRange.Distribution, String)
        case absolute(Double, Double, String)
    }

    static let discoveryUnknown = "assumption: exports do not split impressions between followers and discovery (X's "
        + "~50% out of network is a 2023 statement, the UCI page's 31% one page), so from a tenth to twice the value"
    static let reachVendors = "assumption: one vendor's reach rate per platform and year; vendors, years and "
        + "accounts differ (docs/validation.md: one page's fit ×5, one X account's ×0.96), so ×0.67-1.5"

    /// The default rule of `key` for a platform of preset `preset` (nil for a custom platform).
    static func rule(_ key: String, preset: String?) -> Rule? {
        switch key {
        case "feed.base_visibility": return .factor(0.67, 1.5, .logUniform, reachVendors)
        case "feed.discovery_per_engagement": return .factor(0.1, 2, .logUniform, discoveryUnknown)
        case "feed.size_exponent":
            switch preset {
            case "facebook": return .absolute(0.2, 0.7, "the preset's fit to Social@Ogilvy 2014 with the page sizes read as a size ratio of 5 to 30 (docs/presets.md)")
            case "instagram": return .absolute(0.1, 0.35, "the preset's fit to Socialinsider 2022 with the large tier read as 100,000-1,000,000 followers (docs/presets.md)")
            default: return .absolute(0, 0.7, "assumption: no figure by account size for this platform; between none and Facebook's steepest reading")
            }
        case "feed.hour_sensitivity": return .factor(0.5, 1.5, .uniform, "assumption: the hour effect's strength is not measured; ×0.5-1.5")
        case "feed.discovery_per_post":
            switch preset {
            case "mastodon": return .absolute(0, 1_000, "the preset's stated range (Mastodon publishes no view counts)")
            case "bluesky": return .absolute(0, 1_500, "the preset's stated range (Bluesky publishes no view counts)")
            default: return .factor(0.5, 2, .logUniform, "assumption: ×0.5-2")
            }
        case "feed.quality_spread": return .factor(0.6, 1.4, .uniform, "assumption: the spread of video quality is not measured; ×0.6-1.4")
        case "feed.engagement_threshold": return .factor(0.8, 1.25, .logUniform, "assumption: the expansion threshold was calibrated at one audience size; ×0.8-1.25")
        case "engagement.like", "engagement.comment", "engagement.share": return .factor(1.0 / 3, 3, .logUniform, engagementAccounts)
        case "engagement.follow": return .factor(0.5, 2, .logUniform, "assumption: follows per non-follower view are not published; ×0.5-2 (rOpenSci's fit gave ×2.6 on X)")
        case "churn_per_week": return .factor(0.5, 2, .logUniform, "assumption: churn is not published per platform; ×0.5-2")
        case "engagement.effort_elasticity": return .absolute(0, 0.6, "assumption: from no effect to twice the hours engaging ×1.52")
        default: return nil
        }
    }

    /// Beta over [low, high] with its mode at `value`: shapes (2, 1/m) for a mode at m ≤ 1/2 of the
    /// range, (1/(1 − m), 2) above (mode (α − 1)/(α + β − 2) = m), so that the value is the most
    /// likely draw; uniform when the value is not inside the range.
    static func modeAt(_ value: Double, low: Double, high: Double, key: String, source: String) -> ParameterRange {
        let m = (value - low) / (high - low)
        guard m > 0.01 && m < 0.99 else { return ParameterRange(key: key, low: low, high: high, source: source) }
        let (alpha, beta) = m <= 0.5 ? (2, 1 / m) : (1 / (1 - m), 2)
        return ParameterRange(key: key, low: low, high: high, distribution: .beta, alpha: alpha, beta: beta,
                              source: source + "; most likely at the value")
    }

    /// Culture share's range by country (`CountryProfile` sources state them).
    static func cultureShare(country: String) -> (Double, Double, String)? {
        switch country {
        case "fr": (0.3, 0.45, "the country profile's stated range (CRÉDOC 2016, Ministère de la Culture 2018)")
        case "us": (0.2, 0.35, "the country profile's stated range (NEA, Survey of Public Participation in the Arts 2017: 23.7% visited an art museum; other museums not counted)")
        default: nil
        }
    }

    /// The default range of `key` for preset `p` at the preset's own value (what `presets show`
    /// and docs/presets.md print), nil when the key has none there.
    public static func range(_ key: String, preset p: PlatformPreset) -> ParameterRange? {
        guard let v = value(key, feed: p.feed, engagement: p.engagement, churn: p.churnPerWeek) else { return nil }
        return resolved(key: key, path: key, value: v, preset: p.name)
    }

    /// The rule of `key` resolved at `value`, clamped to the parameter's valid range; nil when
    /// there is no rule, or a factor range of 0.
    static func resolved(key: String, path: String, value v: Double, preset: String?) -> ParameterRange? {
        guard let rule = rule(key, preset: preset) else { return nil }
        let valid = PresetParameters.range(key)
        var r: ParameterRange
        switch rule {
        case let .factor(a, b, d, source):
            guard v > 0 else { return nil }
            r = ParameterRange(key: path, low: v * a, high: v * b, distribution: d, source: source)
        case let .absolute(a, b, source):
            r = modeAt(v, low: a, high: b, key: path, source: source)
        }
        r.low = max(r.low, valid.lowerBound)
        r.high = min(r.high, valid.upperBound)
        if r.distribution == .logUniform && r.low <= 0 { r.distribution = .uniform }
        return r.low < r.high ? r : nil
    }

    /// True when one of the platform's planned formats has production hours other than the
    /// preset's: only then does the effort elasticity change anything, so only then is it drawn.
    static func movesHours(_ platform: PlatformSpec) -> Bool {
        platform.accounts.contains { account in
            PostFormat.allCases.contains { f in
                account.plan.postsPerWeek[f] > 0 && platform.productionHours[f] != platform.referenceHours[f]
            }
        }
    }

    /// Every default range of `scenario` (platform keys in `platformKeys` order per platform, then
    /// the audience's), each within the parameter's valid range. A factor range of a value 0 is
    /// left out (0 × anything is 0: the parameter is off, not uncertain).
    public static func defaults(for scenario: Scenario) -> [ParameterRange] {
        var out: [ParameterRange] = []
        for platform in scenario.platforms {
            for key in platformKeys where key != "engagement.effort_elasticity" || movesHours(platform) {
                guard let v = value(key, in: platform),
                      let r = resolved(key: key, path: "platforms.\(platform.name).\(key)", value: v, preset: platform.preset)
                else { continue }
                out.append(r)
            }
        }
        if let outside = scenario.audience.outside, outside.isOpen, let c = cultureShare(country: scenario.audience.country),
           let profile = CountryProfile.named(scenario.audience.country) {
            out.append(modeAt(outside.cultureShare ?? profile.cultureShare, low: c.0, high: c.1,
                              key: "audience.outside.culture_share", source: c.2))
        }
        return out
    }

    /// The ranges a design draws for `scenario`: the defaults, with the scenario's `uncertain:`
    /// settings applied in order (a range replaces or adds its key; `fixed` removes it).
    public static func resolve(_ scenario: Scenario) -> [ParameterRange] {
        var ranges = defaults(for: scenario)
        for setting in scenario.uncertain {
            ranges.removeAll { $0.key == setting.key }
            if case .range(let r) = setting.kind { ranges.append(r) }
        }
        return ranges
    }
}
