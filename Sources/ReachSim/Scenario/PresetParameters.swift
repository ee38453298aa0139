import Foundation

/// The definition of one tunable parameter: its key (as written in a scenario, under the
/// platform), unit, allowed range and meaning. The loader's ranges, `reachsim presets show` and
/// docs/presets.md all read this table, so they cannot disagree.
public struct ParameterDefinition: Sendable {
    public let key: String
    public let unit: String
    public let range: ClosedRange<Double>
    public let meaning: String

    /// "0...1", "1...10,000".
    public var rangeText: String { "\(PresetParameters.number(range.lowerBound))...\(PresetParameters.number(range.upperBound))" }
}

/// One parameter of one preset, with its value and source.
public struct PresetParameter: Sendable {
    public let definition: ParameterDefinition
    /// The value as text (a number, a per-format list, a name, or "none").
    public let value: String
    public let source: String
    public var key: String { definition.key }
}

public enum PresetParameters {
    /// Every parameter a preset can carry, in display order.
    public static let definitions: [ParameterDefinition] = [
        .init(key: "feed.model", unit: "name", range: 0...0, meaning: "feed model: ranked, chronological, interest or live"),
        // ranked
        .init(key: "feed.base_visibility", unit: "probability", range: 0...1, meaning: "share of followers who see an average post"),
        .init(key: "feed.format_multiplier", unit: "multiplier", range: 0...10, meaning: "visibility multiplier by format"),
        .init(key: "feed.hour_sensitivity", unit: "exponent", range: 0...3, meaning: "power of the session density in the 3 h after posting"),
        .init(key: "feed.cadence_reference", unit: "posts per week", range: 0.01...100, meaning: "cadence below which an account is shown less"),
        .init(key: "feed.cadence_exponent", unit: "exponent", range: 0...3, meaning: "power of the dormancy penalty"),
        .init(key: "feed.activity_sensitivity", unit: "exponent", range: 0...3, meaning: "power of the follower's activity (normalised to mean 1)"),
        .init(key: "feed.peer_visibility", unit: "probability", range: 0...1, meaning: "share of a sharer's followers who see the share"),
        .init(key: "feed.discovery_per_engagement", unit: "impressions per score unit", range: 0...10_000, meaning: "out-of-network impressions per unit of engagement score"),
        .init(key: "feed.engaged_multiplier", unit: "multiplier", range: 1...10, meaning: "visibility multiplier for followers who engaged recently (1 = off)"),
        .init(key: "feed.engaged_window_weeks", unit: "weeks", range: 1...52, meaning: "how long an engagement counts as recent"),
        .init(key: "feed.second_wave_threshold", unit: "engagements per view", range: 0...1, meaning: "first-wave engagement rate that triggers a second wave"),
        .init(key: "feed.second_wave_multiplier", unit: "multiplier", range: 0...10, meaning: "second-wave visibility for followers not yet reached, × first-wave visibility (0 = off)"),
        .init(key: "feed.recency_hours", unit: "hours", range: 1...8_760, meaning: "age after which the feed stops showing a post"),
        .init(key: "feed.like_weight", unit: "score per like", range: 0...1_000, meaning: "weight of a like in the engagement score"),
        .init(key: "feed.comment_weight", unit: "score per comment", range: 0...1_000, meaning: "weight of a comment (reply)"),
        .init(key: "feed.share_weight", unit: "score per share", range: 0...1_000, meaning: "weight of a share (repost)"),
        .init(key: "feed.size_reference", unit: "followers (people)", range: 1...1_000_000_000, meaning: "account size F_ref up to which reach rate does not fall with size"),
        .init(key: "feed.size_exponent", unit: "exponent", range: 0...2, meaning: "β of the size factor (F / F_ref)^−β on the first wave above F_ref (0 = off)"),
        .init(key: "feed.reach_spread", unit: "σ of log reach", range: 0...3, meaning: "spread of posts' follower visibility (lognormal multiplier, mean 1; 0 = every post alike)"),
        .init(key: "feed.reels.first_batch", unit: "people", range: 1...10_000_000, meaning: "Reels: first test batch of non-followers for a short video"),
        .init(key: "feed.reels.batch_growth", unit: "factor", range: 1...100, meaning: "Reels: growth of each next batch"),
        .init(key: "feed.reels.engagement_threshold", unit: "engagements per view", range: 0...1, meaning: "Reels: batch engagement rate needed to expand"),
        .init(key: "feed.reels.max_batches", unit: "batches", range: 0...20, meaning: "Reels: batches at most (0 = no Reels distribution)"),
        .init(key: "feed.reels.quality_spread", unit: "σ of log quality", range: 0...3, meaning: "Reels: spread of short-video quality"),
        // chronological
        .init(key: "feed.scroll_depth", unit: "posts per session", range: 1...100_000, meaning: "posts a person scrolls back through"),
        .init(key: "feed.inflow_per_hour", unit: "posts per hour", range: 0...10_000, meaning: "posts from other accounts arriving in a timeline"),
        .init(key: "feed.max_age_hours", unit: "hours", range: 1...8_760, meaning: "age after which nobody scrolls down to a post"),
        .init(key: "feed.session_regularity", unit: "0 Poisson ... 1 regular", range: 0...1, meaning: "regularity of app sessions"),
        .init(key: "feed.discovery_per_post", unit: "people per post", range: 0...1_000_000, meaning: "out-of-network impressions of a post: hashtag, local and federated timelines, custom feeds (Poisson mean)"),
        // interest
        .init(key: "feed.follower_visibility", unit: "probability", range: 0...1, meaning: "share of followers shown a post"),
        .init(key: "feed.first_batch", unit: "people", range: 1...10_000_000, meaning: "size of the first test batch of non-followers"),
        .init(key: "feed.batch_growth", unit: "factor", range: 1...100, meaning: "growth of each next batch"),
        .init(key: "feed.engagement_threshold", unit: "engagements per view", range: 0...1, meaning: "batch engagement rate needed to expand"),
        .init(key: "feed.max_batches", unit: "batches", range: 1...20, meaning: "batches at most, the first included"),
        .init(key: "feed.quality_spread", unit: "σ of log quality", range: 0...3, meaning: "spread of post quality (lognormal engagement multiplier, mean 1)"),
        // live
        .init(key: "feed.duration_hours", unit: "hours", range: 0.1...48, meaning: "length of a live event"),
        .init(key: "feed.tune_in", unit: "probability", range: 0...1, meaning: "chance that an online follower watches"),
        .init(key: "feed.discovery_per_viewer", unit: "impressions per viewer", range: 0...1_000, meaning: "directory and recommendation impressions per viewer"),
        // engagement
        .init(key: "engagement.like", unit: "probability per viewer", range: 0...1, meaning: "like (reaction) rate by format, × segment affinity"),
        .init(key: "engagement.comment", unit: "probability per viewer", range: 0...1, meaning: "comment rate by format, × segment affinity"),
        .init(key: "engagement.share", unit: "probability per viewer", range: 0...1, meaning: "share/repost/boost rate by format, × segment affinity"),
        .init(key: "engagement.by_age", unit: "multiplier", range: 0...10, meaning: "like, comment and share rates by the viewer's age band (per segment)"),
        .init(key: "engagement.follow", unit: "probability per viewer", range: 0...1, meaning: "follow conversion of a non-follower viewer, × segment affinity"),
        .init(key: "engagement.effort_elasticity", unit: "elasticity", range: 0...1, meaning: "a post's engagement × (its format's production_hours / the preset's)^elasticity: better-made posts engage more, each extra hour less than the one before"),
        .init(key: "churn_per_week", unit: "probability per week", range: 0...1, meaning: "baseline unfollow rate"),
        .init(key: "starter_pack_uplift", unit: "follows per follow", range: 0...10, meaning: "extra follows of an account in a starter pack per follow its posts bring (`starter_pack: true`)"),
        .init(key: "overposting.posts_per_day", unit: "posts per day", range: 0.1...100, meaning: "cadence d₀ above which each post and the followers are penalised"),
        .init(key: "overposting.like_exponent", unit: "exponent", range: -3...0, meaning: "like and share probability × (d/d₀)^exponent above d₀ (stories exempt)"),
        .init(key: "overposting.comment_exponent", unit: "exponent", range: -3...0, meaning: "comment probability × (d/d₀)^exponent above d₀ (stories exempt)"),
        .init(key: "overposting.churn_exponent", unit: "exponent", range: 0...3, meaning: "weekly churn × (d/d₀)^exponent above d₀"),
        .init(key: "out_of_network_share", unit: "share of views", range: 0...1, meaning: "published share of views from non-followers (descriptive)"),
        .init(key: "graph", unit: "generator", range: 0...0, meaning: "follower graph among users"),
        .init(key: "use_by_age", unit: "probability", range: 0...1, meaning: "share of each age band using the platform"),
        .init(key: "production_hours", unit: "hours per post", range: 0...200, meaning: "production time by format, before editing"),
        .init(key: "ad_market.cpm_low", unit: "€ per 1,000 impressions", range: 0...1_000, meaning: "low end of the usual CPM"),
        .init(key: "ad_market.cpm_high", unit: "€ per 1,000 impressions", range: 0...1_000, meaning: "high end of the usual CPM"),
        .init(key: "ad_market.minimum_daily_budget", unit: "€ per day", range: 0...10_000, meaning: "smallest daily budget accepted"),
        .init(key: "ad_market.frequency_cap_per_week", unit: "impressions per person per week", range: 1...100, meaning: "default frequency cap"),
    ]

    /// The definition of `key` (a programming error if unknown).
    public static func definition(_ key: String) -> ParameterDefinition {
        guard let d = definitions.first(where: { $0.key == key }) else { fatalError("no parameter definition '\(key)'") }
        return d
    }

    /// Range of `key`, for the loader.
    public static func range(_ key: String) -> ClosedRange<Double> { definition(key).range }

    /// A number as people write it: integers without decimals, thousands with commas, at most 6
    /// significant digits.
    public static func number(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 {
            let i = Int(x)
            let digits = String(abs(i))
            var out = ""
            for (n, ch) in digits.reversed().enumerated() {
                if n > 0 && n % 3 == 0 { out.append(",") }
                out.append(ch)
            }
            return (i < 0 ? "-" : "") + String(out.reversed())
        }
        var s = String(format: "%.6g", x)
        if s.contains("e") { return s }
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    static func formats(_ t: FormatTable<Double>) -> String {
        let first = t.values[0]
        if t.values.allSatisfy({ $0 == first }) { return "\(number(first)) (every format)" }
        return PostFormat.allCases.map { "\($0.rawValue) \(number(t[$0]))" }.joined(separator: ", ")
    }

    /// "13-17 0.32, 18-24 0.67, ...".
    static func agesText(_ use: [AgeBand: Double]) -> String {
        AgeBand.allCases.map { "\($0.rawValue) \(number(use[$0] ?? 0))" }.joined(separator: ", ")
    }

    /// The use by age a scenario in `country` gives segments for preset `p`, with its source: the
    /// country's, else the preset's own.
    static func use(_ p: PlatformPreset, in country: CountryProfile) -> (value: String, source: String) {
        if let c = country.platform(p.name) { return (agesText(c.useByAge), "\(country.name): \(c.useSource)") }
        return (agesText(p.useByAge), p.source(of: "use_by_age"))
    }

    /// The values of a preset, keyed like `definitions`; `use_by_age` is `country`'s.
    static func values(_ p: PlatformPreset, country: CountryProfile = .default) -> [(String, String)] {
        var v: [(String, String)] = [("feed.model", p.feed.name)]
        switch p.feed {
        case .ranked(let r):
            v += [("feed.base_visibility", number(r.baseVisibility)), ("feed.format_multiplier", formats(r.formatMultiplier)),
                  ("feed.hour_sensitivity", number(r.hourSensitivity)), ("feed.cadence_reference", number(r.cadenceReference)),
                  ("feed.cadence_exponent", number(r.cadenceExponent)), ("feed.activity_sensitivity", number(r.activitySensitivity)),
                  ("feed.peer_visibility", number(r.peerVisibility)), ("feed.discovery_per_engagement", number(r.discoveryPerEngagement)),
                  ("feed.engaged_multiplier", number(r.engagedMultiplier)), ("feed.engaged_window_weeks", number(Double(r.engagedWindowWeeks))),
                  ("feed.second_wave_threshold", number(r.secondWaveThreshold)), ("feed.second_wave_multiplier", number(r.secondWaveMultiplier)),
                  ("feed.recency_hours", number(r.recencyHours)), ("feed.like_weight", number(r.likeWeight)),
                  ("feed.comment_weight", number(r.commentWeight)), ("feed.share_weight", number(r.shareWeight)),
                  ("feed.size_reference", number(r.sizeReference)), ("feed.size_exponent", number(r.sizeExponent)),
                  ("feed.reach_spread", number(r.reachSpread))]
            if let reels = r.reels {
                v += [("feed.reels.first_batch", number(reels.firstBatch)), ("feed.reels.batch_growth", number(reels.batchGrowth)),
                      ("feed.reels.engagement_threshold", number(reels.engagementThreshold)),
                      ("feed.reels.max_batches", number(Double(reels.maxBatches))),
                      ("feed.reels.quality_spread", number(reels.qualitySpread))]
            } else {
                v += [("feed.reels.max_batches", "0 (no Reels distribution)")]
            }
        case .chronological(let c):
            v += [("feed.scroll_depth", number(c.scrollDepth)), ("feed.inflow_per_hour", number(c.inflowPerHour)),
                  ("feed.max_age_hours", number(c.maxAgeHours)), ("feed.session_regularity", number(c.sessionRegularity)),
                  ("feed.discovery_per_post", number(c.discoveryPerPost))]
        case .interest(let i):
            v += [("feed.follower_visibility", number(i.followerVisibility)), ("feed.first_batch", number(i.firstBatch)),
                  ("feed.batch_growth", number(i.batchGrowth)), ("feed.engagement_threshold", number(i.engagementThreshold)),
                  ("feed.max_batches", number(Double(i.maxBatches))), ("feed.peer_visibility", number(i.peerVisibility)),
                  ("feed.format_multiplier", formats(i.formatMultiplier)), ("feed.quality_spread", number(i.qualitySpread))]
        case .live(let l):
            v += [("feed.duration_hours", number(l.durationHours)), ("feed.tune_in", number(l.tuneIn)),
                  ("feed.discovery_per_viewer", number(l.discoveryPerViewer))]
        }
        v += [("engagement.like", formats(p.engagement.like)), ("engagement.comment", formats(p.engagement.comment)),
              ("engagement.share", formats(p.engagement.share)),
              ("engagement.by_age", AgeBand.allCases.map { "\($0.rawValue) \(number(p.engagement.byAge[$0] ?? 1))" }.joined(separator: ", ")),
              ("engagement.follow", number(p.engagement.follow)),
              ("engagement.effort_elasticity", number(p.engagement.effortElasticity)),
              ("churn_per_week", number(p.churnPerWeek)),
              ("starter_pack_uplift", number(p.starterPackUplift)),
              ("overposting.posts_per_day", number(p.overposting.postsPerDay)),
              ("overposting.like_exponent", number(p.overposting.likeExponent)),
              ("overposting.comment_exponent", number(p.overposting.commentExponent)),
              ("overposting.churn_exponent", number(p.overposting.churnExponent)),
              ("out_of_network_share", p.outOfNetworkShare.map(number) ?? "not published"),
              ("graph", graphText(p.graph)),
              ("use_by_age", use(p, in: country).value),
              ("production_hours", formats(p.productionHours))]
        if let ad = p.adMarket {
            v += [("ad_market.cpm_low", number(ad.cpmLow)), ("ad_market.cpm_high", number(ad.cpmHigh)),
                  ("ad_market.minimum_daily_budget", number(ad.minimumDailyBudget)),
                  ("ad_market.frequency_cap_per_week", number(Double(ad.frequencyCapPerWeek)))]
        } else {
            v += [("ad_market.cpm_low", "none"), ("ad_market.cpm_high", "none"),
                  ("ad_market.minimum_daily_budget", "none"), ("ad_market.frequency_cap_per_week", "none")]
        }
        return v
    }

    static func graphText(_ g: GraphSpec) -> String {
        switch g {
        case let .chungLu(d, e, h): "chung_lu mean_degree \(number(d)), exponent \(number(e)), homophily \(number(h))"
        case let .preferentialAttachment(m, r, h): "preferential_attachment edges_per_node \(m), reciprocity \(number(r)), homophily \(number(h))"
        case .edgeList(let path): "edge_list \(path)"
        case .none: "none"
        }
    }

    /// Every parameter of `preset` with its definition and source; `use_by_age` is that of
    /// `country` (the default country when not given).
    public static func parameters(of preset: PlatformPreset, country: CountryProfile = .default) -> [PresetParameter] {
        values(preset, country: country).map { key, value in
            let source = key == "use_by_age" ? use(preset, in: country).source : preset.source(of: key)
            return PresetParameter(definition: definition(key), value: value, source: source)
        }
    }

    /// `reachsim presets list`: one line per preset.
    public static func list() -> String {
        let width = PlatformPreset.all.map(\.name.count).max() ?? 0
        return PlatformPreset.all.map { p in
            let pad = String(repeating: " ", count: width - p.name.count)
            let ads = p.adMarket.map { "ads CPM €\(number($0.cpmLow))-\(number($0.cpmHigh))" } ?? "no ad market"
            return "\(p.name)\(pad)  \(p.feed.name.padding(toLength: 13, withPad: " ", startingAt: 0))  \(ads)  \(p.title)"
        }.joined(separator: "\n")
    }

    /// `reachsim presets show NAME [--country CODE]`: every parameter with unit, range and
    /// source; `use_by_age` is `country`'s, followed by the platform's monthly users there.
    public static func show(_ p: PlatformPreset, country: CountryProfile = .default) -> String {
        var lines = ["\(p.name): \(p.title) (use by age and users: \(country.name), --country \(country.code))"]
        let params = parameters(of: p, country: country)
        let width = params.map(\.key.count).max() ?? 0
        for q in params {
            let pad = String(repeating: " ", count: width - q.key.count)
            let range = q.definition.range == 0...0 ? "" : " [\(q.definition.rangeText)]"
            lines.append("  \(q.key)\(pad)  \(q.value)  (\(q.definition.unit)\(range))")
            lines.append("  \(String(repeating: " ", count: width))  source: \(q.source)")
            if let r = PlausibleRanges.range(q.key, preset: p) {
                lines.append("  \(String(repeating: " ", count: width))  plausible: \(r.description)\(PlausibleRanges.tableKeys.contains(q.key) ? " (mean over formats)" : "") (\(r.source))")
            }
        }
        let pad = String(repeating: " ", count: max(0, width - "users".count))
        if let c = country.platform(p.name) {
            lines.append("  users\(pad)  \(number(c.users))  (people, monthly, in \(country.name))")
            lines.append("  \(String(repeating: " ", count: width))  source: \(c.usersSource)")
        } else {
            lines.append("  users\(pad)  no figure for \(country.name): no outside audience on this platform")
        }
        return lines.joined(separator: "\n")
    }

    /// `reachsim presets countries`: one line per country.
    public static func countries() -> String {
        CountryProfile.all.map { c in
            "\(c.code)  \(c.name): \(number(c.internetUsers13plus)) internet users 13+, culture share "
                + "\(number(c.cultureShare)), \(c.platforms.count) platforms"
                + (c.code == CountryProfile.default.code ? " (default)" : "")
        }.joined(separator: "\n")
    }

    /// The "Countries" section of docs/presets.md: each country's figures and sources.
    static func countriesMarkdown() -> String {
        var out = """

        ## Countries

        `audience.country` (default `\(CountryProfile.default.code)`) picks the table segments take their
        default platform use from (`use_by_age`; a platform the country lacks falls back to the
        preset's own, the United States' figures) and that sizes the people outside the catchment
        (`audience.outside`, docs/scenario-format.md): per platform, monthly users × culture share −
        the catchment's users of the platform. Use is the probability that a person of the age band
        uses the platform in a month. "sec." = a press summary of the source. Sources are in
        ../shared/CALIBRATION.md ("France: platform use ...", Pew in "Platform migration"), except:


        """
        for source in CountryProfile.otherSources { out += "- \(source)\n" }
        for c in CountryProfile.all {
            out += "\n### `\(c.code)`: \(c.name)\(c.code == CountryProfile.default.code ? " (default)" : "")\n\n"
            out += "| figure | value | unit | source |\n|---|---|---|---|\n"
            out += "| internet users aged 13+ | \(number(c.internetUsers13plus)) | people | \(c.source(of: "internet_users")) |\n"
            out += "| `outside.culture_share` | \(number(c.cultureShare)) | share of people, 0...1 | \(c.source(of: "culture_share")) |\n"
            out += "| `outside.affinity` | \(number(c.outsideAffinity)) | × the catchment's average affinity, 0...10 | \(c.source(of: "outside.affinity")) |\n"
            out += "| `outside.sessions_per_day` | \(number(c.outsideSessionsPerDay)) | sessions per day, 0.01...100 | \(c.source(of: "outside.sessions_per_day")) |\n"
            out += "\n| platform | monthly users (people) | "
                + AgeBand.allCases.map(\.rawValue).joined(separator: " | ")
                + " | source of users | source of use by age |\n|---|---|"
                + String(repeating: "---|", count: AgeBand.allCases.count) + "---|---|\n"
            for preset in PlatformPreset.all {
                guard let p = c.platform(preset.name) else { continue }
                out += "| `\(preset.name)` | \(number(p.users)) | "
                    + AgeBand.allCases.map { number(p.useByAge[$0] ?? 0) }.joined(separator: " | ")
                    + " | \(p.usersSource) | \(p.useSource) |\n"
            }
        }
        return out
    }

    /// docs/presets.md, generated (`swift run reachsim presets markdown > docs/presets.md`).
    public static func markdown() -> String {
        var out = """
        # Platform presets

        <!-- Generated from Sources/ReachSim/Scenario/Presets.swift and PresetParameters.swift by
             `swift run reachsim presets markdown > docs/presets.md`; a test fails when this file is stale. -->

        Every number a preset sets, with its unit, allowed range and source. "assumption" marks a
        number with no published source: it is a tunable parameter, override it in a scenario
        (`platforms.NAME.feed.KEY`, `engagement.KEY`, ...). "calibrated" marks a number chosen so
        that `reachsim calibrate` reproduces a published figure (see docs/calibration.md). "plausible"
        is the range `reachsim compare --uncertainty` draws the parameter from (around the
        scenario's own value for factor ranges; docs/uncertainty.md). Sources are
        listed in ../shared/CALIBRATION.md. Prices are converted at 1 USD = 0.92 EUR (assumption).
        Platform use by age and platform sizes depend on the scenario's country (`audience.country`,
        default `fr`): see "Countries" at the end.

        | preset | feed model | ad market | title |
        |---|---|---|---|

        """
        for p in PlatformPreset.all {
            let ads = p.adMarket.map { "CPM €\(number($0.cpmLow))-\(number($0.cpmHigh))" } ?? "none"
            out += "| `\(p.name)` | \(p.feed.name) | \(ads) | \(p.title) |\n"
        }
        for p in PlatformPreset.all {
            out += "\n## \(p.name): \(p.title)\n\n| parameter | value | unit | range | plausible | source |\n|---|---|---|---|---|---|\n"
            for q in parameters(of: p) {
                let range = q.definition.range == 0...0 ? "" : q.definition.rangeText
                guard q.key == "use_by_age" else {
                    let plausible = PlausibleRanges.range(q.key, preset: p).map {
                        "\($0.description)\(PlausibleRanges.tableKeys.contains(q.key) ? " (mean over formats)" : ""): \($0.source)"
                    } ?? ""
                    out += "| `\(q.key)` | \(q.value) | \(q.definition.unit) | \(range) | \(plausible) | \(q.source) |\n"
                    continue
                }
                // One row per country: segments take the scenario country's use.
                for c in CountryProfile.all {
                    let u = use(p, in: c)
                    out += "| `\(q.key)` (\(c.code)) | \(u.value) | \(q.definition.unit) | \(range) | | \(u.source) |\n"
                }
            }
        }
        out += countriesMarkdown()
        return out
    }
}
