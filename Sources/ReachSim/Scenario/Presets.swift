/// Defaults for a platform, each number with its source or marked as an assumption.
///
/// A scenario names a preset (`preset: facebook`, or a platform key that is a preset's name) and
/// overrides any field. `reachsim presets show NAME` and `docs/presets.md` list every value with its
/// unit, range and source; both are generated from `parameters` (see `PresetParameters.swift`).
public struct PlatformPreset: Sendable {
    public let name: String
    /// Display name.
    public let title: String
    public let feed: FeedModel
    public let engagement: EngagementRates
    public let churnPerWeek: Double
    public let graph: GraphSpec
    public let productionHours: FormatTable<Double>
    /// Probability 0...1 that a person of each age band uses the platform: the United States'
    /// figures (`CountryProfile`) for a preset, used only when the scenario's country has no
    /// figure for the platform (`CountryProfile.use(of:age:)` comes first).
    public let useByAge: [AgeBand: Double]
    /// Share 0...1 of an account's views that come from people who do not follow it, as published
    /// (descriptive: the feed model produces it; `reachsim calibrate` checks it where published).
    public let outOfNetworkShare: Double?
    /// The self-serve ad market, nil when there is none (Mastodon, Bluesky).
    public let adMarket: AdMarket?
    /// Extra follows, per follow its posts bring, of an account listed in a starter pack
    /// (`StarterPacks`), 0...10; 0 on platforms without starter packs.
    public let starterPackUplift: Double
    /// Over-posting penalty (`overposting:`, see `OverpostingEffect`).
    public let overposting: OverpostingEffect
    /// Source of each parameter, by parameter key or key prefix (`feed.base_visibility`,
    /// `engagement`); a key with no entry is an assumption.
    public let sources: [String: String]

    public init(name: String, title: String, feed: FeedModel, engagement: EngagementRates, churnPerWeek: Double,
                graph: GraphSpec, productionHours: FormatTable<Double>, useByAge: [AgeBand: Double],
                outOfNetworkShare: Double?, adMarket: AdMarket?, starterPackUplift: Double = 0,
                overposting: OverpostingEffect,
                sources: [String: String]) {
        self.name = name
        self.title = title
        self.feed = feed
        self.engagement = engagement
        self.churnPerWeek = churnPerWeek
        self.graph = graph
        self.productionHours = productionHours
        self.useByAge = useByAge
        self.outOfNetworkShare = outOfNetworkShare
        self.adMarket = adMarket
        self.starterPackUplift = starterPackUplift
        self.overposting = overposting
        self.sources = sources
    }

    /// The source of parameter `key`: the entry for the key or its longest dotted prefix, else
    /// "assumption".
    public func source(of key: String) -> String {
        if let s = sources[key] { return s }
        if key == "starter_pack_uplift" && starterPackUplift == 0 { return "0: the platform has no starter packs" }
        if key == "feed.reach_spread", case .ranked(let r) = feed, r.reachSpread == 0 {
            return "0: posts differ only by chance (who sees, engages, shares); an account's spread is fitted from its "
                + "exports by `reachsim fit` (rOpenSci's X 2018: 0.57; the UCI Facebook page 2014: 1.42; docs/validation.md); "
                + "range 0-1.8"
        }
        if key == "engagement.effort_elasticity" {
            return "assumption: no source measures engagement against production time; twice the preset's hours engage "
                + "×1.23 at 0.3, half of them ×0.81; range 0-0.6, which the uncertainty studies draw when a scenario moves "
                + "a format's production_hours"
        }
        if PlatformPreset.notInherited.contains(key) { return "assumption" }
        var k = key
        while true {
            if let s = sources[k] { return s }
            guard let dot = k.lastIndex(of: ".") else { return "assumption" }
            k = String(k[..<dot])
        }
    }
}

extension PlatformPreset {
    /// Keys whose source is never that of their prefix (they are not what the prefix's figure is about).
    static let notInherited: Set<String> = ["engagement.follow", "engagement.by_age", "engagement.effort_elasticity"]

    /// Presets by name, in the order they are documented.
    public static let all: [PlatformPreset] = [
        facebook, instagram, x, threads, linkedin, mastodon, bluesky, tiktok, youtube, twitch, snapchat, pinterest,
    ]

    public static func named(_ name: String) -> PlatformPreset? { all.first { $0.name == name } }

    /// Hours to produce one post, before editing time. short_video 1.5 h: seed workshop (a TikTok
    /// video ≈ 1.5 h without editing); the others are assumptions.
    static let defaultProductionHours = formats(text: 0.25, image: 0.5, carousel: 1.0, shortVideo: 1.5,
                                                longVideo: 4.0, live: 3.0, story: 0.25)
    static let productionSource = "short_video 1.5 h: seed workshop (a TikTok video ≈ 1.5 h before editing); other formats: assumption"

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

    /// Engagement per viewer by format relative to an image post on ranked and chronological feeds
    /// (assumption: short video, carousels and live engage more, text and stories less; the
    /// seed workshop's "match the format the platform favours"). Image rates are the calibrated ones.
    static let formatEngagementShape = formats(text: 0.7, image: 1.0, carousel: 1.2, shortVideo: 1.3,
                                               longVideo: 1.0, live: 1.5, story: 0.4)

    /// Video platforms: `videoRate` for a short video, other formats in the same proportions.
    static func shapedFromVideo(_ videoRate: Double) -> FormatTable<Double> {
        FormatTable { videoRate * formatEngagementShape[$0] / formatEngagementShape[.shortVideo] }
    }

    /// `imageRate` × `formatEngagementShape`.
    static func shaped(_ imageRate: Double) -> FormatTable<Double> {
        FormatTable { imageRate * formatEngagementShape[$0] }
    }

    /// A preset's own use by age is the United States' (Pew figures, with their sources in
    /// `CountryProfile`): the fallback for a scenario whose country lacks the platform. Segments
    /// take the scenario country's use first (`ScenarioLoader`).
    static func usUse(_ name: String) -> [AgeBand: Double] {
        guard let p = CountryProfile.unitedStates.platform(name) else { fatalError("no US use for preset '\(name)'") }
        return p.useByAge
    }

    /// Meta's ad market (Facebook, Instagram, Threads): CPM $6-15 (aggregators, low confidence),
    /// Reach objective default frequency cap 1 impression per 7 days (medium).
    static let metaAds = AdMarket(cpmLow: 6 * AdMarket.eurosPerDollar, cpmHigh: 15 * AdMarket.eurosPerDollar,
                                  minimumDailyBudget: 1, frequencyCapPerWeek: 1)
    static let metaAdSources: [String: String] = [
        "ad_market.cpm_low": "Meta CPM $6-15 (aggregators, low confidence), at 0.92 €/$",
        "ad_market.cpm_high": "Meta CPM $6-15 (aggregators, low confidence), at 0.92 €/$",
        "ad_market.frequency_cap_per_week": "Meta Reach objective default cap: 1 impression per 7 days (medium)",
    ]

    /// Account size: F_ref shared by the ranked presets (assumption).
    static let sizeReferenceSource = "assumption (range 1,000-100,000): the vendors' smallest tiers (< 5,000 followers, Socialinsider; < 10,000, Rival IQ) are the accounts base_visibility describes; at or below it the size factor is 1"
    /// Over-posting of feeds whose one post in many is judged on its own (assumption).
    static let mildOverposting = OverpostingEffect(postsPerDay: 1, likeExponent: -0.3, commentExponent: -0.15, churnExponent: 1)
    /// No engagement penalty (chronological and interest feeds), churn × d above 3 posts a day.
    static let churnOnlyOverposting = OverpostingEffect(postsPerDay: 3, likeExponent: 0, commentExponent: 0, churnExponent: 1)
    static let trackSocialSource = "Track Social: at two posts a day a post gets 57% of the likes and 78% of the comments of a once-a-day post (like exponent log 0.57/log 2, comment log 0.78/log 2, shares as likes); churn exponent 1: assumption (twice the unfollows at twice the cadence); stories exempt (own tray)"

    /// Facebook's engagement rates × 0.65 since discovery per engagement was fitted to the UCI
    /// page's non-fan reach (100 impressions per unit of score, against the earlier assumption
    /// 0.5): the non-fans it brings engage too, and engagement per follower (Rival IQ 2022, all
    /// engagements over followers) must still hold.
    static let facebookEngagementScale = 0.65

    static let facebook = PlatformPreset(
        name: "facebook", title: "Facebook (page)",
        feed: .ranked(RankedFeed(
            baseVisibility: 0.055,
            formatMultiplier: formats(text: 0.8, image: 1.0, carousel: 1.05, shortVideo: 1.3,
                                      longVideo: 1.1, live: 1.5, story: 0.5),
            hourSensitivity: 0.5, cadenceReference: 3, cadenceExponent: 0.5, activitySensitivity: 1,
            peerVisibility: 0.20, discoveryPerEngagement: 100,
            engagedMultiplier: 2, engagedWindowWeeks: 4, secondWaveThreshold: 0.04 * facebookEngagementScale,
            secondWaveMultiplier: 0.5,
            recencyHours: 72,
            reels: InterestFeed(followerVisibility: 0, firstBatch: 200, batchGrowth: 3, engagementThreshold: 0.025,
                                maxBatches: 4, peerVisibility: 0, qualitySpread: 0.5),
            sizeReference: 10_000, sizeExponent: 0.4)),
        engagement: EngagementRates(like: shaped(0.0085 * facebookEngagementScale), comment: shaped(0.001 * facebookEngagementScale),
                                    share: shaped(0.0007 * facebookEngagementScale), follow: 0.01),
        churnPerWeek: 0.002,
        graph: .chungLu(meanDegree: 20, exponent: 2.5, homophily: 0.5),
        productionHours: defaultProductionHours,
        useByAge: usUse("facebook"),
        outOfNetworkShare: nil,
        adMarket: metaAds,
        overposting: .trackSocial,
        sources: metaAdSources.merging([
            "feed.base_visibility": "organic reach 5.5% of followers (Hootsuite Digital 2019); seed workshop 5-6%. Far from one page's data: the UCI page's fit on April-September 2014 gave 0.29 (×5.2, partly its posting hours read in UTC), and that page's organic reach fell from 6.2% to 2.4% of its fans over 2014 (docs/validation.md): an account's level is its own, fitted in its scenario",
            "feed.size_reference": sizeReferenceSource,
            "feed.size_exponent": "fitted to Social@Ogilvy 2014 (106 pages): organic reach 6.15% overall vs 2.11% for pages > 500,000 fans, β = ln(6.15/2.11)/ln 15 ≈ 0.4, reading the overall figure as a page of ~100,000 fans and the large group as ~1,500,000 (sizes not published: assumption); range 0.2-0.7 (size ratio 5-30)",
            "feed.format_multiplier": "story 0.5: assumption, Instagram's story/feed reach ratio 0.5 (Socialinsider, via MarketingCharts Jan 2022); range 0.13-0.9 (Rival IQ 2020-21 Instagram 0.13-0.27; one agency's Facebook stories 4.5% of fans, bfleads 2019); other formats: assumption, direction from the seed workshop (short video and live favoured)",
            "overposting": trackSocialSource,
            "feed.model": "ranked: > 1,000 candidate posts per person per visit, multi-pass ranking (Facebook, high, qualitative)",
            "feed.peer_visibility": "~300 of 1,500 eligible stories shown a day, 20% (Backstrom, Facebook, 2013)",
            "feed.discovery_per_engagement": "fitted to the UCI page's organic posts of January-June 2014 (shared/data/facebook-posts-uci, 110,000 fans): 31.7% of a post's reach outside the fans (median); predicts July-December (docs/calibration.md)",
            "feed.second_wave_threshold": "assumption; × the engagement scale 0.65 with the engagement rates, so that the same posts trigger it",
            "feed.reels": "assumption: Facebook Reels tested on non-followers in batches like TikTok (the TikTok batch folklore, low confidence); threshold ≈ 2 × the short-video engagement per view",
            "engagement": "image: calibrated, 0.06% of followers engage per post (Rival IQ 2022) at 5.5% reach, counting the engagements of the non-fans discovery brings (rates × 0.65 since that fit); split like/comment/share and other formats (× format shape): assumption",
            "production_hours": productionSource,
        ]) { a, _ in a })

    static let instagram = PlatformPreset(
        name: "instagram", title: "Instagram (feed; Reels as short_video)",
        feed: .ranked(RankedFeed(
            baseVisibility: 0.135,
            formatMultiplier: formats(text: 0.5, image: 1.0, carousel: 1.2, shortVideo: 1.5,
                                      longVideo: 1.0, live: 1.3, story: 0.5),
            hourSensitivity: 0.5, cadenceReference: 3, cadenceExponent: 0.5, activitySensitivity: 1,
            peerVisibility: 0.15, discoveryPerEngagement: 1.0,
            engagedMultiplier: 2, engagedWindowWeeks: 4, secondWaveThreshold: 0.08, secondWaveMultiplier: 0.5,
            recencyHours: 72,
            reels: InterestFeed(followerVisibility: 0, firstBatch: 300, batchGrowth: 3, engagementThreshold: 0.08,
                                maxBatches: 4, peerVisibility: 0, qualitySpread: 0.5),
            sizeReference: 10_000, sizeExponent: 0.2)),
        engagement: EngagementRates(like: shaped(0.0305), comment: shaped(0.0015), share: shaped(0.0006), follow: 0.015),
        churnPerWeek: 0.002,
        graph: .chungLu(meanDegree: 25, exponent: 2.3, homophily: 0.6),
        productionHours: defaultProductionHours,
        useByAge: usUse("instagram"),
        outOfNetworkShare: nil,
        adMarket: metaAds,
        overposting: mildOverposting,
        sources: metaAdSources.merging([
            "feed.base_visibility": "reach rate per post 13.51% (Socialinsider 2022, 933,200 posts)",
            "feed.size_reference": sizeReferenceSource,
            "feed.size_exponent": "fitted to Socialinsider (via MarketingCharts, Jan 2022): feed reach 16.85% for accounts < 5,000 followers vs 8.53% > 100,000, β = ln(16.85/8.53)/ln 30 ≈ 0.2, reading the large tier as ~300,000 followers (assumption); range 0.1-0.35",
            "feed.format_multiplier": "story 0.5: Socialinsider (via MarketingCharts, Jan 2022): stories reach 8.43% of followers vs 16.85% for feed posts (< 5,000 followers), 0.5; 5.30% vs 8.53% (> 100,000), 0.62; range 0.13-0.62 (Rival IQ 2020-21: 0.13-0.27; Minter.io 2019: 0.19-0.22); other formats: assumption (Feed, Stories, Explore, Reels ranked separately, Mosseri 2023)",
            "overposting": "assumption: like exponent −0.3, comment −0.15 above one post a day (476 fashion brands, 2018: engagement per post falls slowly above one a day; Instagram says it does not down-rank frequent posting), range 0 to Facebook's −0.811; churn exponent 1: assumption; stories exempt (own tray, several a day is the norm)",
            "feed": "ranked separately for Feed, Stories, Explore, Reels; weighs time spent, comment, like, share, profile tap (Mosseri 2023, qualitative); values: assumption",
            "feed.reels": "assumption: Reels ranked separately (Mosseri 2023) and tested on non-followers in batches like TikTok (folklore, low confidence); threshold ≈ 2 × the short-video engagement per view",
            "engagement": "image: calibrated, 0.47% of followers engage per post (Rival IQ 2022) at 13.5% reach; split and other formats (× format shape): assumption",
            "production_hours": productionSource,
        ]) { a, _ in a })

    /// X's reach fitted to rOpenSci's 2018 exports (0.19 of followers at ≤ 10,000 against the
    /// earlier assumption 0.08). Engagement per view is divided by it and discovery per engagement
    /// multiplied, so that engagement per follower (Rival IQ) and the out-of-network share (the
    /// algorithm's ~50%), which were tuned with 0.08, still hold.
    static let xReachScale = 0.19 / 0.08

    static let x = PlatformPreset(
        name: "x", title: "X (formerly Twitter)",
        feed: .ranked(RankedFeed(
            baseVisibility: 0.08 * xReachScale,
            formatMultiplier: formats(text: 1.0, image: 1.1, carousel: 1.1, shortVideo: 1.2,
                                      longVideo: 1.0, live: 1.2, story: 1.0),
            hourSensitivity: 0.5, cadenceReference: 5, cadenceExponent: 0.5, activitySensitivity: 1,
            peerVisibility: 0.10, discoveryPerEngagement: 480 * xReachScale,
            engagedMultiplier: 2, engagedWindowWeeks: 4, secondWaveThreshold: 0.02 / xReachScale, secondWaveMultiplier: 0.5,
            recencyHours: 48, likeWeight: 0.5, commentWeight: 13.5, shareWeight: 1.0,
            sizeReference: 10_000, sizeExponent: 0.3)),
        engagement: EngagementRates(like: shaped(0.0016 / xReachScale), comment: shaped(0.0001 / xReachScale),
                                    share: shaped(0.0003 / xReachScale), follow: 0.005),
        churnPerWeek: 0.003,
        graph: .chungLu(meanDegree: 30, exponent: 2.2, homophily: 0.4),
        productionHours: formats(text: 0.2, image: 0.4, carousel: 0.8, shortVideo: 1.5, longVideo: 4.0, live: 3.0, story: 0.2),
        useByAge: usUse("x"),
        outOfNetworkShare: 0.5,
        adMarket: AdMarket(cpmLow: 4 * AdMarket.eurosPerDollar, cpmHigh: 9 * AdMarket.eurosPerDollar,
                           minimumDailyBudget: 1, frequencyCapPerWeek: 3),
        overposting: OverpostingEffect(postsPerDay: 3, likeExponent: -0.3, commentExponent: -0.15, churnExponent: 1),
        sources: [
            "feed.size_reference": sizeReferenceSource,
            "feed.size_exponent": "assumption: between Instagram's 0.2 and Facebook's 0.4 fits (no X figure by account size found); range 0-0.7",
            "feed.format_multiplier": "assumption; story 1: no story surface (Fleets ended in 2021), a story is a feed post",
            "overposting.posts_per_day": "engagement falls slightly after the third tweet of a day (SumAll/Buffer 2014, low confidence)",
            "overposting": "assumption: like exponent −0.3, comment −0.15 above three posts a day (a fast timeline where many posts a day are the norm), range 0 to −0.811; churn exponent 1: assumption",
            "feed.like_weight": "heavy ranker weight of a like 0.5 (twitter/the-algorithm, 5 Apr 2023)",
            "feed.model": "ranked For You: ~1,500 candidates per request, heavy ranker (twitter/the-algorithm, 2023)",
            "feed.comment_weight": "heavy ranker weight of a reply 13.5 (twitter/the-algorithm, 5 Apr 2023)",
            "feed.share_weight": "heavy ranker weight of a retweet 1.0 (twitter/the-algorithm, 5 Apr 2023)",
            "feed.recency_hours": "posts older than ~48 h are filtered (twitter/the-algorithm, 2023)",
            "feed.base_visibility": "fitted to rOpenSci's X exports of 2018 (shared/data/x-analytics-ropensci): median 4,939 impressions per tweet at ~19,000 followers, 7.9 tweets a week; predicts 2017 and 2019 (docs/calibration.md)",
            "feed.second_wave_threshold": "assumption; ÷ 2.375 with the engagement rates, so that the same posts trigger it",
            "feed.discovery_per_engagement": "calibrated so that ~50% of views are out of network (For You: ~50% in-network candidates, twitter/the-algorithm 2023); × 2.375 with base_visibility's fit, the engagement score per post being ÷ 2.375",
            "out_of_network_share": "~50% of For You candidates out of network (twitter/the-algorithm, 2023)",
            "engagement": "image: calibrated, 0.035% of followers engage per post (Rival IQ 2022): rates ÷ 2.375 since base_visibility's fit to rOpenSci showed 2.375 times the reach, so that engagement per follower stays Rival IQ's; rOpenSci itself had about 7 times these likes per impression (docs/calibration.md); split and other formats (× format shape): assumption",
            "ad_market.cpm_low": "X CPM $4-9 (aggregators, low confidence), at 0.92 €/$",
            "ad_market.cpm_high": "X CPM $4-9 (aggregators, low confidence), at 0.92 €/$",
            "production_hours": productionSource,
        ])

    static let threads = PlatformPreset(
        name: "threads", title: "Threads",
        feed: .ranked(RankedFeed(
            baseVisibility: 0.10,
            formatMultiplier: formats(text: 1.0, image: 1.1, carousel: 1.1, shortVideo: 1.2,
                                      longVideo: 1.0, live: 1.0, story: 1.0),
            hourSensitivity: 0.5, cadenceReference: 5, cadenceExponent: 0.5, activitySensitivity: 1,
            peerVisibility: 0.10, discoveryPerEngagement: 10,
            engagedMultiplier: 2, engagedWindowWeeks: 4, secondWaveThreshold: 0.04, secondWaveMultiplier: 0.5,
            recencyHours: 48, sizeReference: 10_000, sizeExponent: 0.3)),
        engagement: EngagementRates(like: shaped(0.008), comment: shaped(0.001), share: shaped(0.0005), follow: 0.008),
        churnPerWeek: 0.004,
        graph: .chungLu(meanDegree: 20, exponent: 2.3, homophily: 0.4),
        productionHours: formats(text: 0.2, image: 0.4, carousel: 0.8, shortVideo: 1.5, longVideo: 4.0, live: 3.0, story: 0.2),
        useByAge: usUse("threads"),
        outOfNetworkShare: nil,
        adMarket: metaAds,
        overposting: OverpostingEffect(postsPerDay: 3, likeExponent: -0.3, commentExponent: -0.15, churnExponent: 1),
        sources: metaAdSources.merging([
            "feed.size_reference": sizeReferenceSource,
            "feed.size_exponent": "assumption: as X (no Threads figure by account size found); range 0-0.7",
            "overposting": "assumption: as X (a text-first timeline), range 0 to −0.811",
            "feed.model": "ranked (MODEL.md: Facebook, Instagram, X, Threads, LinkedIn); every parameter: assumption",
            "churn_per_week": "assumption; the 2023 surge was transient (Jeong et al. 2023-24, qualitative)",
            "production_hours": productionSource,
        ]) { a, _ in a })

    static let linkedin = PlatformPreset(
        name: "linkedin", title: "LinkedIn (company page)",
        feed: .ranked(RankedFeed(
            baseVisibility: 0.08,
            formatMultiplier: formats(text: 1.0, image: 1.1, carousel: 1.3, shortVideo: 1.2,
                                      longVideo: 1.0, live: 1.3, story: 1.0),
            hourSensitivity: 0.5, cadenceReference: 2, cadenceExponent: 0.5, activitySensitivity: 1,
            peerVisibility: 0.10, discoveryPerEngagement: 3,
            engagedMultiplier: 2, engagedWindowWeeks: 4, secondWaveThreshold: 0.05, secondWaveMultiplier: 0.5,
            recencyHours: 96, sizeReference: 10_000, sizeExponent: 0.3)),
        engagement: EngagementRates(like: shaped(0.02), comment: shaped(0.002), share: shaped(0.0008), follow: 0.01),
        churnPerWeek: 0.001,
        graph: .chungLu(meanDegree: 25, exponent: 2.4, homophily: 0.5),
        productionHours: defaultProductionHours,
        useByAge: usUse("linkedin"),
        outOfNetworkShare: nil,
        adMarket: AdMarket(cpmLow: 30 * AdMarket.eurosPerDollar, cpmHigh: 60 * AdMarket.eurosPerDollar,
                           minimumDailyBudget: 10, frequencyCapPerWeek: 3),
        overposting: .trackSocial,
        sources: [
            "feed.size_reference": sizeReferenceSource,
            "feed.size_exponent": "assumption: as X (no LinkedIn figure by account size found); range 0-0.7",
            "feed.format_multiplier": "assumption; story 1: no story surface (LinkedIn Stories ended in 2021), a story is a feed post",
            "overposting.posts_per_day": "once a weekday (SumAll/Buffer 2014, low confidence)",
            "overposting": "assumption: Facebook's Track Social exponents (a company page's feed like a Facebook page's); churn exponent 1: assumption",
            "engagement": "assumption; Socialinsider (2024-25) reports 3.85% per follower for LinkedIn (not used: another vendor's definition)",
            "feed.model": "ranked (MODEL.md: Facebook, Instagram, X, Threads, LinkedIn); other feed parameters: assumption",
            "ad_market.cpm_low": "LinkedIn CPM $30-60 (aggregators, low confidence), at 0.92 €/$",
            "ad_market.cpm_high": "LinkedIn CPM $30-60 (aggregators, low confidence), at 0.92 €/$",
            "production_hours": productionSource,
        ])

    static let mastodon = PlatformPreset(
        name: "mastodon", title: "Mastodon (home timeline)",
        feed: .chronological(ChronologicalFeed(scrollDepth: 40, inflowPerHour: 5, maxAgeHours: 168,
                                               discoveryPerPost: 100)),
        engagement: EngagementRates(like: shaped(0.02), comment: shaped(0.003), share: shaped(0.0002), follow: 0.01),
        churnPerWeek: 0.003,
        graph: .preferentialAttachment(edgesPerNode: 10, reciprocity: 0.3, homophily: 0.6),
        productionHours: defaultProductionHours,
        useByAge: usUse("mastodon"),
        outOfNetworkShare: nil,
        adMarket: nil,
        starterPackUplift: 0,
        overposting: churnOnlyOverposting,
        sources: [
            "overposting": "assumption: no ranking, so no per-post penalty; unfollows × d/3 above three posts a day (churn exponent 1), range 0-2",
            "feed.model": "reverse-chronological home timeline, no ranking; reach through followers and boosts, plus local/federated timelines (Mastodon documentation)",
            "feed.discovery_per_post": "assumption (range 0-1,000): people outside the followers who see a post in hashtag, local and federated timelines; Mastodon publishes no view counts",
            "out_of_network_share": "not published: Mastodon counts no views; the share follows from feed.discovery_per_post and boosts",
            "engagement.share": "calibrated: 70-95% of posts get no reshare (Goel, Watts, Goldstein 2012); value: assumption",
            "ad_market": "none: Mastodon has no ad market",
            "starter_pack_uplift": "0: Mastodon has no starter packs in its apps (third-party lists not modelled)",
            "production_hours": productionSource,
        ])

    static let bluesky = PlatformPreset(
        name: "bluesky", title: "Bluesky (Following feed)",
        feed: .chronological(ChronologicalFeed(scrollDepth: 40, inflowPerHour: 8, maxAgeHours: 168,
                                               discoveryPerPost: 150)),
        engagement: EngagementRates(like: shaped(0.025), comment: shaped(0.003), share: shaped(0.0002), follow: 0.01),
        churnPerWeek: 0.003,
        graph: .preferentialAttachment(edgesPerNode: 15, reciprocity: 0.3, homophily: 0.5),
        productionHours: defaultProductionHours,
        useByAge: usUse("bluesky"),
        outOfNetworkShare: nil,
        adMarket: nil,
        starterPackUplift: 0.85,
        overposting: churnOnlyOverposting,
        sources: [
            "overposting": "assumption: no ranking, so no per-post penalty; unfollows × d/3 above three posts a day (churn exponent 1), range 0-2",
            "feed.model": "default Following timeline is chronological; custom feed generators (Balduf et al., ICWSM 2025)",
            "feed.discovery_per_post": "assumption (range 0-1,500): people outside the followers who see a post in custom (topic) feeds; Bluesky publishes no view counts",
            "out_of_network_share": "not published: Bluesky counts no views; the share follows from feed.discovery_per_post and reposts",
            "engagement.share": "calibrated: 70-95% of posts get no reshare (Goel, Watts, Goldstein 2012); value: assumption",
            "ad_market": "none: Bluesky has no ad market",
            "starter_pack_uplift": "users in starter packs received up to 85% more followers than similar users not in packs (Balduf et al., ICWSM 2025, arXiv 2501.11605); the upper value, range 0-0.85",
            "production_hours": productionSource,
        ])

    static let tiktok = PlatformPreset(
        name: "tiktok", title: "TikTok (For You)",
        feed: .interest(InterestFeed(
            followerVisibility: 0.10, firstBatch: 300, batchGrowth: 4, engagementThreshold: 0.085, maxBatches: 5,
            peerVisibility: 0.05,
            formatMultiplier: formats(text: 0.2, image: 0.5, carousel: 0.7, shortVideo: 1.0, longVideo: 0.8,
                                      live: 1.0, story: 0.5),
            qualitySpread: 0.5)),
        engagement: EngagementRates(like: shapedFromVideo(0.038), comment: shapedFromVideo(0.0025), share: shapedFromVideo(0.0001), follow: 0.005),
        churnPerWeek: 0.003,
        graph: .chungLu(meanDegree: 20, exponent: 2.2, homophily: 0.5),
        productionHours: defaultProductionHours,
        useByAge: usUse("tiktok"),
        outOfNetworkShare: nil,
        adMarket: AdMarket(cpmLow: 3 * AdMarket.eurosPerDollar, cpmHigh: 20 * AdMarket.eurosPerDollar,
                           minimumDailyBudget: 20 * AdMarket.eurosPerDollar, frequencyCapPerWeek: 3),
        overposting: churnOnlyOverposting,
        sources: [
            "overposting": "assumption: each post is judged on its own test batch, so no per-post penalty; unfollows × d/3 above three posts a day (churn exponent 1), range 0-2",
            "feed": "model: interactions, video information, account settings; follower count not a direct factor (TikTok newsroom 2020); values not listed here: assumption",
            "feed.follower_visibility": "assumption: followers are a small part of views (TikTok newsroom 2020)",
            "feed.first_batch": "first test batch of ~200-500 viewers (folklore, low confidence)",
            "feed.batch_growth": "expanding waves (folklore, low confidence); value: assumption",
            "feed.engagement_threshold": "calibrated so that engagement per follower matches Rival IQ 2022 (5.69%), with quality_spread 0.5",
            "feed.quality_spread": "assumption: posts differ in quality (lognormal σ 0.5), so expansion depends on the post",
            "engagement": "short video: 4.14% of views engage (Rival IQ 2023, per view); split and other formats (format shape): assumption",
            "engagement.share": "calibrated: 70-95% of posts get no reshare (Goel, Watts, Goldstein 2012)",
            "ad_market.cpm_low": "TikTok CPM $3-20 (aggregators, low confidence), at 0.92 €/$",
            "ad_market.cpm_high": "TikTok CPM $3-20 (aggregators, low confidence), at 0.92 €/$",
            "ad_market.minimum_daily_budget": "TikTok minimum $20 a day per ad group (CALIBRATION.md), at 0.92 €/$",
            "production_hours.short_video": "a TikTok video ≈ 1.5 h before editing (seed workshop)",
        ])

    static let youtube = PlatformPreset(
        name: "youtube", title: "YouTube (Shorts and videos)",
        feed: .interest(InterestFeed(
            followerVisibility: 0.08, firstBatch: 300, batchGrowth: 4, engagementThreshold: 0.05, maxBatches: 5,
            peerVisibility: 0.03,
            formatMultiplier: formats(text: 0.1, image: 0.2, carousel: 0.2, shortVideo: 1.0, longVideo: 0.8,
                                      live: 0.8, story: 0.3),
            qualitySpread: 0.5)),
        engagement: EngagementRates(like: shapedFromVideo(0.025), comment: shapedFromVideo(0.002), share: shapedFromVideo(0.0001), follow: 0.005),
        churnPerWeek: 0.001,
        graph: .chungLu(meanDegree: 15, exponent: 2.3, homophily: 0.5),
        productionHours: formats(text: 0.25, image: 0.5, carousel: 1.0, shortVideo: 1.5, longVideo: 8.0, live: 6.0, story: 0.25),
        useByAge: usUse("youtube"),
        outOfNetworkShare: nil,
        adMarket: AdMarket(cpmLow: 4, cpmHigh: 10, minimumDailyBudget: 1, frequencyCapPerWeek: 3),
        overposting: churnOnlyOverposting,
        sources: [
            "overposting": "assumption: each post is judged on its own test batch, so no per-post penalty; unfollows × d/3 above three posts a day (churn exponent 1), range 0-2",
            "feed.model": "interest graph: YouTube Shorts distributed like TikTok (issue 3, MODEL.md); parameters: assumption",
            "production_hours.short_video": "≈ 1.5 h before editing, like a TikTok video (seed workshop)",
            "engagement.share": "calibrated: 70-95% of posts get no reshare (Goel, Watts, Goldstein 2012)",
            "ad_market": "assumption (no YouTube figure in CALIBRATION.md)",
        ])

    static let twitch = PlatformPreset(
        name: "twitch", title: "Twitch (live)",
        feed: .live(LiveFeed(durationHours: 2, tuneIn: 0.3, discoveryPerViewer: 0.5)),
        engagement: EngagementRates(like: uniform(0.0), comment: uniform(0.08), share: uniform(0.0), follow: 0.02),
        churnPerWeek: 0.002,
        graph: .none,
        productionHours: formats(text: 0.25, image: 0.5, carousel: 1.0, shortVideo: 1.5, longVideo: 6.0, live: 16.0, story: 0.25),
        useByAge: usUse("twitch"),
        outOfNetworkShare: nil,
        adMarket: nil,
        overposting: .none,
        sources: [
            "overposting": "assumption: none (a live event is announced and attended, not ranked against the account's other posts)",
            "feed.model": "live: reach is the concurrent audience of an announced event (MODEL.md); parameters: assumption",
            "production_hours.live": "assumption: a team and days of preparation for a live event (issue 3, seed discussion)",
            "ad_market": "none modelled: no self-serve promotion of a stream (assumption)",
            "engagement": "assumption; comments are live chat messages",
        ])

    static let snapchat = PlatformPreset(
        name: "snapchat", title: "Snapchat (Stories and Spotlight)",
        feed: .interest(InterestFeed(
            followerVisibility: 0.15, firstBatch: 200, batchGrowth: 3, engagementThreshold: 0.04, maxBatches: 4,
            peerVisibility: 0.05,
            formatMultiplier: formats(text: 0.2, image: 0.6, carousel: 0.6, shortVideo: 1.0, longVideo: 0.5,
                                      live: 0.5, story: 1.0),
            qualitySpread: 0.5)),
        engagement: EngagementRates(like: uniform(0.02), comment: uniform(0.002), share: uniform(0.0001), follow: 0.005),
        churnPerWeek: 0.003,
        graph: .chungLu(meanDegree: 20, exponent: 2.5, homophily: 0.7),
        productionHours: defaultProductionHours,
        useByAge: usUse("snapchat"),
        outOfNetworkShare: nil,
        adMarket: AdMarket(cpmLow: 3, cpmHigh: 8, minimumDailyBudget: 5, frequencyCapPerWeek: 3),
        overposting: churnOnlyOverposting,
        sources: [
            "overposting": "assumption: each post is judged on its own test batch, so no per-post penalty; unfollows × d/3 above three posts a day (churn exponent 1), range 0-2",
            "feed.model": "assumption: Spotlight and Discover recommend to non-followers (interest graph); no figure in CALIBRATION.md",
            "engagement.share": "calibrated: 70-95% of posts get no reshare (Goel, Watts, Goldstein 2012)",
        ])

    static let pinterest = PlatformPreset(
        name: "pinterest", title: "Pinterest",
        feed: .interest(InterestFeed(
            followerVisibility: 0.05, firstBatch: 300, batchGrowth: 3, engagementThreshold: 0.03, maxBatches: 4,
            peerVisibility: 0.05,
            formatMultiplier: formats(text: 0.2, image: 1.0, carousel: 1.0, shortVideo: 1.0, longVideo: 0.5,
                                      live: 0.2, story: 0.5),
            qualitySpread: 0.5)),
        engagement: EngagementRates(like: uniform(0.015), comment: uniform(0.0005), share: uniform(0.0002), follow: 0.003),
        churnPerWeek: 0.001,
        graph: .chungLu(meanDegree: 15, exponent: 2.5, homophily: 0.6),
        productionHours: defaultProductionHours,
        useByAge: usUse("pinterest"),
        outOfNetworkShare: nil,
        adMarket: AdMarket(cpmLow: 2, cpmHigh: 5, minimumDailyBudget: 1, frequencyCapPerWeek: 3),
        overposting: churnOnlyOverposting,
        sources: [
            "overposting": "assumption: each post is judged on its own test batch, so no per-post penalty; unfollows × d/3 above three posts a day (churn exponent 1), range 0-2",
            "feed.model": "assumption: pins are distributed by interest and search (interest graph); no figure in CALIBRATION.md",
            "engagement.share": "calibrated: 70-95% of posts get no reshare (Goel, Watts, Goldstein 2012)",
        ])

    /// Starting point of a platform defined from scratch (no preset): neutral assumptions.
    static func custom(_ name: String, feed: FeedKind) -> PlatformPreset {
        let model: FeedModel = switch feed {
        case .ranked:
            .ranked(RankedFeed(baseVisibility: 0.1, formatMultiplier: uniform(1), hourSensitivity: 0.5,
                               cadenceReference: 3, cadenceExponent: 0.5, activitySensitivity: 1,
                               peerVisibility: 0.15, discoveryPerEngagement: 0.5))
        case .chronological: .chronological(ChronologicalFeed())
        case .interest: .interest(InterestFeed())
        case .live: .live(LiveFeed())
        }
        return PlatformPreset(
            name: name, title: name, feed: model,
            engagement: EngagementRates(like: uniform(0.01), comment: uniform(0.002), share: uniform(0.002), follow: 0.01),
            churnPerWeek: 0.002,
            graph: .chungLu(meanDegree: 15, exponent: 2.5, homophily: 0.5),
            productionHours: defaultProductionHours,
            useByAge: Dictionary(uniqueKeysWithValues: AgeBand.allCases.map { ($0, 0.05) }),
            outOfNetworkShare: nil, adMarket: nil, overposting: .trackSocial,
            sources: ["": "custom platform: every default is an assumption"])
    }
}
