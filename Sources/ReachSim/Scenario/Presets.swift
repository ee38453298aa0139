/// Defaults for a platform, each number with its source or marked as an assumption.
///
/// A scenario names a preset (`preset: facebook`, or a platform key that is a preset's name) and
/// overrides any field. `docs/presets.md` lists every value with its source.
public struct PlatformPreset: Sendable {
    public let name: String
    public let feed: FeedModel
    public let engagement: EngagementRates
    public let churnPerWeek: Double
    public let graph: GraphSpec
    public let productionHours: FormatTable<Double>
    /// Probability 0...1 that a person of each age band uses the platform.
    public let useByAge: [AgeBand: Double]
    /// Where the numbers come from, one line per parameter group.
    public let sources: [String]
    /// The platform's ad market, `nil` where boosts do not exist (Mastodon, Bluesky).
    public var adMarket: AdMarket? = nil
}

extension PlatformPreset {
    /// Presets by name.
    public static let all: [PlatformPreset] = [facebook, instagram, x, mastodon, bluesky]

    public static func named(_ name: String) -> PlatformPreset? { all.first { $0.name == name } }

    /// Hours to produce one post, before editing time. short_video 1.5 h: seed workshop (a TikTok
    /// video ≈ 1.5 h without editing); the others are assumptions.
    static let defaultProductionHours = formats(text: 0.25, image: 0.5, carousel: 1.0, shortVideo: 1.5,
                                                longVideo: 4.0, live: 3.0, story: 0.25)

    static func formats(text: Double, image: Double, carousel: Double, shortVideo: Double,
                        longVideo: Double, live: Double, story: Double) -> FormatTable<Double> {
        FormatTable { f in
            switch f {
            case .text: text
            case .image: image
            case .carousel: carousel
            case .shortVideo: shortVideo
            case .longVideo: longVideo
            case .live: live
            case .story: story
            }
        }
    }

    static func uniform(_ v: Double) -> FormatTable<Double> { FormatTable { _ in v } }

    static let facebook = PlatformPreset(
        name: "facebook",
        feed: .ranked(RankedFeed(
            baseVisibility: 0.055,
            formatMultiplier: formats(text: 0.8, image: 1.0, carousel: 1.05, shortVideo: 1.3,
                                      longVideo: 1.1, live: 1.5, story: 0.7),
            hourSensitivity: 0.5, cadenceReference: 3, cadenceExponent: 0.5, activitySensitivity: 1,
            peerVisibility: 0.20, discoveryPerEngagement: 0.5)),
        engagement: EngagementRates(like: uniform(0.009), comment: uniform(0.001), share: uniform(0.001), follow: 0.01),
        churnPerWeek: 0.002,
        graph: .chungLu(meanDegree: 20, exponent: 2.5, homophily: 0.5),
        productionHours: defaultProductionHours,
        useByAge: [.age13to17: 0.32, .age18to24: 0.67, .age25to34: 0.75, .age35to54: 0.75, .age55plus: 0.62],
        sources: [
            "base_visibility 0.055: Facebook organic reach 5.5% of followers (Hootsuite Digital 2019); seed workshop 5-6%",
            "peer_visibility 0.20: ~300 of 1,500 eligible stories shown a day (Backstrom, Facebook, 2013)",
            "engagement ~1.1% of viewers: 0.06% of followers per post (Rival IQ 2022) / 5.5% reach; split like/comment/share is an assumption",
            "use by age: 71% of US adults (Pew 2025); split by age band is an assumption",
            "format and hour multipliers, cadence, discovery, follow, churn, graph: assumptions",
            "ad market: Meta CPM $6-15 (aggregators, low) → €6-14; Reach objective default cap 1 impression per 7 days (Meta, medium); minimum €1/day (Meta, assumption)",
        ],
        adMarket: AdMarket(cpmLow: 6, cpmHigh: 14, minimumDailyBudget: 1, frequencyCapPerWeek: 1))

    static let instagram = PlatformPreset(
        name: "instagram",
        feed: .ranked(RankedFeed(
            baseVisibility: 0.135,
            formatMultiplier: formats(text: 0.5, image: 1.0, carousel: 1.2, shortVideo: 1.5,
                                      longVideo: 1.0, live: 1.3, story: 0.8),
            hourSensitivity: 0.5, cadenceReference: 3, cadenceExponent: 0.5, activitySensitivity: 1,
            peerVisibility: 0.15, discoveryPerEngagement: 1.0)),
        engagement: EngagementRates(like: uniform(0.032), comment: uniform(0.002), share: uniform(0.001), follow: 0.015),
        churnPerWeek: 0.002,
        graph: .chungLu(meanDegree: 25, exponent: 2.3, homophily: 0.6),
        productionHours: defaultProductionHours,
        useByAge: [.age13to17: 0.59, .age18to24: 0.78, .age25to34: 0.60, .age35to54: 0.45, .age55plus: 0.20],
        sources: [
            "base_visibility 0.135: reach rate per post 13.51% (Socialinsider 2022, 933,200 posts)",
            "engagement ~3.5% of viewers: 0.47% of followers per post (Rival IQ 2022) / 13.5% reach; split is an assumption",
            "use by age: 18-29 78%, 65+ 15% (Pew 2023); teens 59% (Pew 2023); other bands interpolated (assumption)",
            "format and hour multipliers, cadence, peer visibility, discovery, follow, churn, graph: assumptions",
            "ad market: same Meta market as Facebook: CPM €6-14, cap 1 per 7 days, minimum €1/day",
        ],
        adMarket: AdMarket(cpmLow: 6, cpmHigh: 14, minimumDailyBudget: 1, frequencyCapPerWeek: 1))

    static let x = PlatformPreset(
        name: "x",
        feed: .ranked(RankedFeed(
            baseVisibility: 0.08,
            formatMultiplier: formats(text: 1.0, image: 1.1, carousel: 1.1, shortVideo: 1.2,
                                      longVideo: 1.0, live: 1.2, story: 1.0),
            hourSensitivity: 0.5, cadenceReference: 5, cadenceExponent: 0.5, activitySensitivity: 1,
            peerVisibility: 0.10, discoveryPerEngagement: 2.0)),
        engagement: EngagementRates(like: uniform(0.003), comment: uniform(0.0004), share: uniform(0.001), follow: 0.005),
        churnPerWeek: 0.003,
        graph: .chungLu(meanDegree: 30, exponent: 2.2, homophily: 0.4),
        productionHours: formats(text: 0.2, image: 0.4, carousel: 0.8, shortVideo: 1.5, longVideo: 4.0, live: 3.0, story: 0.2),
        useByAge: [.age13to17: 0.20, .age18to24: 0.42, .age25to34: 0.27, .age35to54: 0.20, .age55plus: 0.10],
        sources: [
            "engagement ~0.44% of viewers: 0.035% of followers per post (Rival IQ 2022) / assumed 8% reach",
            "discovery 2 per engagement: For You mixes ~50% out-of-network candidates (twitter/the-algorithm, 2023); value is an assumption",
            "use by age: 21% of US adults (Pew 2025); split by age band is an assumption",
            "base_visibility 0.08, multipliers, peer visibility, follow, churn, graph: assumptions",
            "ad market: X CPM $4-9 (aggregators, low) → €4-8.5; cap 1 per 7 days and minimum €1/day: assumptions",
        ],
        adMarket: AdMarket(cpmLow: 4, cpmHigh: 8.5, minimumDailyBudget: 1, frequencyCapPerWeek: 1))

    static let mastodon = PlatformPreset(
        name: "mastodon",
        feed: .chronological(ChronologicalFeed(scrollDepth: 40, inflowPerHour: 5, maxAgeHours: 168)),
        engagement: EngagementRates(like: uniform(0.02), comment: uniform(0.003), share: uniform(0.008), follow: 0.01),
        churnPerWeek: 0.003,
        graph: .preferentialAttachment(edgesPerNode: 10, reciprocity: 0.3, homophily: 0.6),
        productionHours: defaultProductionHours,
        useByAge: [.age13to17: 0.01, .age18to24: 0.03, .age25to34: 0.03, .age35to54: 0.02, .age55plus: 0.01],
        sources: [
            "chronological home timeline, no ranking, reach through followers and boosts only (Mastodon documentation)",
            "use: fediverse ~1.5M monthly actives mid 2023 (low-medium); by age band: assumption",
            "scroll depth, inflow, engagement, follow, churn, graph: assumptions",
        ])

    static let bluesky = PlatformPreset(
        name: "bluesky",
        feed: .chronological(ChronologicalFeed(scrollDepth: 40, inflowPerHour: 8, maxAgeHours: 168)),
        engagement: EngagementRates(like: uniform(0.025), comment: uniform(0.003), share: uniform(0.006), follow: 0.01),
        churnPerWeek: 0.003,
        graph: .preferentialAttachment(edgesPerNode: 15, reciprocity: 0.3, homophily: 0.5),
        productionHours: defaultProductionHours,
        useByAge: [.age13to17: 0.02, .age18to24: 0.07, .age25to34: 0.07, .age35to54: 0.04, .age55plus: 0.02],
        sources: [
            "default Following timeline is chronological (Balduf et al., ICWSM 2025)",
            "use: 4% of US adults (Pew 2025); split by age band is an assumption",
            "scroll depth, inflow, engagement, follow, churn, graph: assumptions",
        ])

    /// Starting point of a platform defined from scratch (no preset): neutral assumptions.
    static func custom(_ name: String, feed: FeedKind) -> PlatformPreset {
        PlatformPreset(
            name: name,
            feed: feed == .ranked
                ? .ranked(RankedFeed(baseVisibility: 0.1, formatMultiplier: uniform(1), hourSensitivity: 0.5,
                                     cadenceReference: 3, cadenceExponent: 0.5, activitySensitivity: 1,
                                     peerVisibility: 0.15, discoveryPerEngagement: 0.5))
                : .chronological(ChronologicalFeed()),
            engagement: EngagementRates(like: uniform(0.01), comment: uniform(0.002), share: uniform(0.002), follow: 0.01),
            churnPerWeek: 0.002,
            graph: .chungLu(meanDegree: 15, exponent: 2.5, homophily: 0.5),
            productionHours: defaultProductionHours,
            useByAge: Dictionary(uniqueKeysWithValues: AgeBand.allCases.map { ($0, 0.05) }),
            sources: ["custom platform: every default is an assumption"])
    }
}
