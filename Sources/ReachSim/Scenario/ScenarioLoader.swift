import Foundation

/// Reads a scenario file into a validated `Scenario`. Every error names the file, line, column,
/// key path, the value and what is allowed (see `ScenarioError`); `docs/scenario-format.md`
/// documents every key.
public enum ScenarioLoader {
    /// Loads and validates `path`.
    public static func load(path: String) throws -> Scenario {
        let root = try YAMLValue.load(path: path)
        return try decode(root, path: path)
    }

    /// Decodes YAML text (for tests and tools); `file` is used in messages and to resolve the
    /// paths of edge lists.
    public static func parse(_ text: String, file: String) throws -> Scenario {
        try decode(try YAMLValue.parse(text, file: file), path: file)
    }

    static let topKeys = ["name", "institution", "horizon_weeks", "replicates", "seed", "team", "audience", "platforms",
                          "timeline", "uncertain"]

    static func decode(_ root: YAMLValue, path: String) throws -> Scenario {
        let doc = try root.mapping(allowedKeys: topKeys)
        let name = try doc.require("name").string()
        try checkIdentifier(name, at: doc.require("name"))
        let institution = try doc.value("institution")?.string() ?? name
        let horizon = try doc.require("horizon_weeks").int(in: 1...520)
        let replicates = try doc.value("replicates")?.int(in: Scenario.replicatesRange) ?? 100
        let seed = try doc.value("seed")?.uint64() ?? 1
        var team = try decodeTeam(doc.require("team"))

        // Platforms first: segments refer to them by name.
        let platformsNode = try doc.require("platforms")
        let platformMap = try platformsNode.mapping()
        guard !platformMap.entries.isEmpty else { throw platformsNode.error("at least one platform is required") }
        guard platformMap.entries.count <= 32 else { throw platformsNode.error("at most 32 platforms") }
        let baseDirectory = URL(fileURLWithPath: path).deletingLastPathComponent()
        var platforms: [PlatformSpec] = []
        var presets: [PlatformPreset] = []
        for entry in platformMap.entries {
            try checkIdentifier(entry.key, at: entry.value)
            let (platform, preset) = try decodePlatform(name: entry.key, entry.value, baseDirectory: baseDirectory)
            platforms.append(platform)
            presets.append(preset)
        }

        let audienceNode = try doc.require("audience")
        let audience = try decodeAudience(audienceNode, platformNames: platforms.map(\.name), presets: presets,
                                          presetNames: platforms.map(\.preset))

        // Boosts last: they target segments by name and need the horizon.
        for (p, entry) in platformMap.entries.enumerated() {
            guard let boostEntry = try entry.value.mapping(allowedKeys: platformKeys).entry("boost") else { continue }
            platforms[p].boost = try decodeBoost(boostEntry, platform: platforms[p].name, market: presets[p].adMarket,
                                                 segments: audience.segments, horizon: horizon)
        }

        if let p = try doc.require("team").mapping().value("priorities") {
            team.priorities = try decodePriorities(p, platforms: platforms)
        }
        var timeline: [TimelineEvent] = []
        if let t = doc.value("timeline") {
            timeline = try decodeTimeline(t, platforms: &platforms, segments: audience.segments, horizon: horizon)
        }

        // Followers must fit among the expected users of each platform.
        for (p, platform) in platforms.enumerated() {
            let expectedUsers = audience.segments.reduce(0.0) { $0 + Double(audience.size) * $1.share * $1.platformUse[p] }
            for (a, account) in platform.accounts.enumerated() {
                let agents = Double(account.followers) / Double(audience.scale)
                if agents > expectedUsers * 0.98 {
                    let node = try accountNode(platformMap.value(platform.name)!, account: a, key: "followers")
                    throw node.error(
                        "\(account.followers) followers is more than the \(Int(expectedUsers) * audience.scale) people " +
                        "expected to use \(platform.name) in the audience (audience.size × scale × segment use); " +
                        "raise audience.size or the segments' use of \(platform.name)")
                }
            }
        }
        var scenario = Scenario(name: name, institution: institution, horizonWeeks: horizon, replicates: replicates,
                                seed: seed, audience: audience, team: team, platforms: platforms, timeline: timeline,
                                sourcePath: path)
        if let u = doc.value("uncertain") { scenario.uncertain = try decodeUncertain(u, platforms: platforms) }
        return scenario
    }

    /// The `key` value of account `a` of a platform entry, or the entry itself (for messages).
    private static func accountNode(_ node: YAMLValue, account a: Int, key: String) throws -> YAMLValue {
        let m = try node.mapping()
        if let list = m.value("accounts") {
            let item = try list.list()[a]
            return try item.mapping().value(key) ?? item
        }
        return m.value(key) ?? node
    }

    /// Names end up in CSV cells and file names: keep them to letters, digits, `-`, `_`, `+`, `.`.
    static func checkIdentifier(_ s: String, at node: YAMLValue) throws {
        let ok = !s.isEmpty && s.count <= 64 && s.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "-_+.".unicodeScalars.contains($0)
        }
        if !ok {
            throw node.error("'\(s)' is not a valid name: use 1 to 64 letters, digits, '-', '_', '+' or '.'")
        }
    }

    // MARK: - Team

    static func decodeTeam(_ node: YAMLValue) throws -> TeamSpec {
        let m = try node.mapping(allowedKeys: ["people", "hours_per_week", "priorities"])
        return TeamSpec(people: try m.value("people")?.int(in: 1...10_000) ?? 1,
                        hoursPerWeek: try m.require("hours_per_week").double(in: 0...2_000, unit: "hours per week"))
    }

    // MARK: - Audience

    static let audienceKeys = ["size", "scale", "country", "outside", "platform_use_correlation", "hourly_profile",
                               "activity_shape", "segments"]
    static let outsideKeys = ["culture_share", "affinity", "sessions_per_day", "population", "users"]
    /// Upper bound of a count of people in `audience.outside` (more than the world's population).
    static let maxPeople = 10_000_000_000.0

    static func decodeAudience(_ node: YAMLValue, platformNames: [String], presets: [PlatformPreset],
                               presetNames: [String?]) throws -> AudienceSpec {
        let m = try node.mapping(allowedKeys: audienceKeys)
        let size = try m.require("size").int(in: 1...50_000_000)
        let scale = try m.value("scale")?.int(in: 1...1_000_000) ?? 1
        let country = try m.value("country").map(decodeCountry) ?? CountryProfile.default
        // Absent: the outside is on with the country's defaults; `none`: a closed audience (nil).
        var outsideOverrides: OutsideOverrides? = OutsideOverrides()
        if let o = m.value("outside") { outsideOverrides = try decodeOutside(o, platformNames: platformNames) }
        let rho = try m.value("platform_use_correlation")?.double(in: 0...0.99) ?? 0.5
        let shape = try m.value("activity_shape")?.double(in: 0.2...100) ?? 2
        var profile = HourlyProfile.default
        if let p = m.value("hourly_profile") {
            let items = try p.list()
            guard items.count == 24 else { throw p.error("expected 24 values (hours 0 to 23), found \(items.count)") }
            profile = try items.map { try $0.double(in: 0...1_000_000) }
            guard profile.contains(where: { $0 > 0 }) else { throw p.error("at least one hour must have sessions") }
        }
        let segNode = try m.require("segments")
        var segments: [SegmentSpec] = []
        var seen: [String: Int] = [:]
        for item in try segNode.list() {
            let s = try item.mapping(allowedKeys: ["name", "age", "locality", "share", "affinity",
                                                   "sessions_per_day", "uses"])
            let name = try s.require("name").string()
            try checkIdentifier(name, at: s.require("name"))
            if name == "all" || name == OutsideSpec.segmentName {
                throw try s.require("name").error("segment name '\(name)' is reserved: the results use it for "
                    + (name == "all" ? "the whole audience" : "the people outside the catchment"))
            }
            if let first = seen[name] {
                throw try s.require("name").error("duplicate segment name '\(name)' (first at line \(first))")
            }
            seen[name] = try s.require("name").line
            let age = try s.require("age").choice(AgeBand.self)
            // The country's use of the platform's preset first, the preset's own (US) for the rest.
            var use = presets.map { country.use(of: $0.name, age: age) ?? $0.useByAge[age] ?? 0 }
            if let usesNode = s.value("uses") {
                let uses = try usesNode.mapping(allowedKeys: platformNames)
                for entry in uses.entries {
                    use[platformNames.firstIndex(of: entry.key)!] = try entry.value.double(in: 0...1, unit: "probability")
                }
            }
            segments.append(SegmentSpec(
                name: name, age: age,
                locality: try s.value("locality")?.choice(Locality.self) ?? .local,
                share: try s.require("share").double(in: 0...1, unit: "share of the audience"),
                affinity: try s.value("affinity")?.double(in: 0...10) ?? 1,
                sessionsPerDay: try s.value("sessions_per_day")?.double(in: 0.01...100, unit: "sessions per day") ?? 5,
                platformUse: use))
        }
        guard segments.count <= 64 else { throw segNode.error("at most 64 segments") }
        let total = segments.reduce(0) { $0 + $1.share }
        guard abs(total - 1) < 1e-6 else {
            throw segNode.error("segment shares must sum to 1, they sum to \(total)")
        }
        let outside = outsideOverrides.map {
            OutsideSpec.resolve(country: country, platformNames: platformNames, presetNames: presetNames,
                                size: size, scale: scale, segments: segments, overrides: $0)
        }
        return AudienceSpec(size: size, scale: scale, segments: segments, platformUseCorrelation: rho,
                            hourlyProfile: profile, activityShape: shape, country: country.code, outside: outside)
    }

    /// `audience.country`: a code of `CountryProfile.all`.
    static func decodeCountry(_ node: YAMLValue) throws -> CountryProfile {
        let code = try node.string()
        if let found = CountryProfile.named(code) { return found }
        let codes = CountryProfile.all.map(\.code)
        let hint = nearest(code, among: codes).map { "did you mean '\($0)'? " } ?? ""
        throw node.error("unknown country '\(code)'; \(hint)known countries: \(codes.joined(separator: ", "))")
    }

    /// `audience.outside`: `none` (a closed audience: nil) or a mapping of overrides (`OutsideOverrides`).
    static func decodeOutside(_ node: YAMLValue, platformNames: [String]) throws -> OutsideOverrides? {
        guard node.kind == .mapping else {
            let text = try node.string()
            guard text == "none" else {
                throw node.error("expected 'none' (a closed audience) or a mapping {\(outsideKeys.joined(separator: ", "))}, "
                                 + "found \(node.found)")
            }
            return nil
        }
        let m = try node.mapping(allowedKeys: outsideKeys)
        var o = OutsideOverrides()
        o.cultureShare = try m.value("culture_share")?.double(in: 0...1, unit: "share of people")
        o.affinity = try m.value("affinity")?.double(in: 0...10, unit: "× the catchment's average affinity")
        o.sessionsPerDay = try m.value("sessions_per_day")?.double(in: 0.01...100, unit: "sessions per day")
        o.population = try m.value("population")?.double(in: 0...maxPeople, unit: "people")
        if let u = m.value("users") {
            for entry in try u.mapping(allowedKeys: platformNames).entries {
                o.users[entry.key] = try entry.value.double(in: 0...maxPeople, unit: "people")
            }
        }
        return o
    }

    // MARK: - Platforms

    static let platformKeys = ["preset", "followers", "feed", "engagement", "churn_per_week", "overposting", "graph",
                               "production_hours", "plan", "accounts", "boost", "starter_pack", "starter_pack_uplift"]

    static func decodePlatform(name: String, _ node: YAMLValue, baseDirectory: URL) throws -> (PlatformSpec, PlatformPreset) {
        let m = try node.mapping(allowedKeys: platformKeys)
        var preset: PlatformPreset
        var presetName: String?
        if let p = m.value("preset") {
            let n = try p.string()
            guard let found = PlatformPreset.named(n) else {
                let names = PlatformPreset.all.map(\.name)
                let hint = nearest(n, among: names).map { "did you mean '\($0)'? " } ?? ""
                throw p.error("unknown preset '\(n)'; \(hint)allowed: \(names.joined(separator: ", "))")
            }
            preset = found
            presetName = n
        } else if let found = PlatformPreset.named(name) {
            preset = found
            presetName = name
        } else {
            // A platform from scratch: its feed model must be named.
            let names = PlatformPreset.all.map(\.name)
            let notPreset = "'\(name)' is not a preset"
                + (nearest(name, among: names).map { " (did you mean '\($0)'?)" } ?? " (\(names.joined(separator: ", ")))")
                + ": name one with 'preset:' or define a custom platform with 'feed: {model: ranked|chronological|interest|live}'"
            guard let feedNode = m.value("feed") else { throw node.error(notPreset) }
            guard let modelNode = try feedNode.mapping().value("model") else { throw feedNode.error(notPreset) }
            preset = PlatformPreset.custom(name, feed: try modelNode.choice(FeedKind.self))
        }

        let feed = try m.value("feed").map { try decodeFeed($0, base: preset.feed) } ?? preset.feed
        let engagement = try m.value("engagement").map { try decodeEngagement($0, base: preset.engagement) } ?? preset.engagement
        let churn = try m.value("churn_per_week")?.double(in: 0...1, unit: "probability per week") ?? preset.churnPerWeek
        let overposting = try m.value("overposting").map { try decodeOverposting($0, base: preset.overposting) } ?? preset.overposting
        let graph = try m.value("graph").map { try decodeGraph($0, baseDirectory: baseDirectory) } ?? preset.graph
        var hours = preset.productionHours
        if let h = m.value("production_hours") {
            try decodeFormats(h, into: &hours, range: 0...200, unit: "hours per post")
        }
        let accounts: [AccountSpec]
        if let list = m.entry("accounts") {
            for key in ["followers", "plan", "starter_pack"] where m.has(key) {
                throw m.entry(key)!.keyError(
                    "give '\(key)' inside each entry of 'accounts' (line \(list.keyLine)), not on the platform")
            }
            accounts = try decodeAccounts(m.require("accounts"))
        } else {
            let followers = try m.require("followers").int(in: 0...2_000_000_000)
            let plan = try decodePlan(m.require("plan"))
            accounts = [AccountSpec(name: "main", followers: followers, plan: plan,
                                    starterPack: try m.value("starter_pack")?.bool() ?? false)]
        }
        let upliftRange = PresetParameters.range("starter_pack_uplift")
        let uplift = try m.value("starter_pack_uplift")?.double(in: upliftRange, unit: "follows per follow")
            ?? preset.starterPackUplift
        if uplift == 0, let a = accounts.firstIndex(where: \.starterPack) {
            throw try accountNode(node, account: a, key: "starter_pack").error(
                "\(name) has no starter packs (starter_pack_uplift 0): give the platform a 'starter_pack_uplift' "
                + "(Bluesky's is 0.85) or remove 'starter_pack'")
        }
        let spec = PlatformSpec(name: name, preset: presetName, feed: feed, engagement: engagement,
                                churnPerWeek: churn, graph: graph, productionHours: hours, accounts: accounts,
                                starterPackUplift: uplift, overposting: overposting, referenceHours: preset.productionHours)
        return (spec, preset)
    }

    static let overpostingKeys = ["posts_per_day", "like_exponent", "comment_exponent", "churn_exponent"]

    /// `overposting:` of a platform: any of its keys, the others from `base` (the preset's).
    static func decodeOverposting(_ node: YAMLValue, base: OverpostingEffect) throws -> OverpostingEffect {
        let m = try node.mapping(allowedKeys: overpostingKeys)
        var o = base
        func number(_ key: String) throws -> Double? {
            guard let v = m.value(key) else { return nil }
            let d = PresetParameters.definition("overposting." + key)
            return try v.double(in: d.range, unit: d.unit)
        }
        if let v = try number("posts_per_day") { o.postsPerDay = v }
        if let v = try number("like_exponent") { o.likeExponent = v }
        if let v = try number("comment_exponent") { o.commentExponent = v }
        if let v = try number("churn_exponent") { o.churnExponent = v }
        return o
    }

    static func decodeFormats(_ node: YAMLValue, into table: inout FormatTable<Double>,
                              range: ClosedRange<Double>, unit: String) throws {
        let m = try node.mapping(allowedKeys: PostFormat.allCases.map(\.rawValue))
        for entry in m.entries {
            table[PostFormat(rawValue: entry.key)!] = try entry.value.double(in: range, unit: unit)
        }
    }

    static func decodeFeed(_ node: YAMLValue, base: FeedModel) throws -> FeedModel {
        let probe = try node.mapping()
        var kind = base.kind
        if let k = probe.value("model") { kind = try k.choice(FeedKind.self) }
        /// Reads `key` (its last dotted component in `m`) in the range of its `PresetParameters`
        /// definition `feed.key`.
        func number(_ m: YAMLMapping, _ key: String) throws -> Double? {
            guard let v = m.value(String(key.split(separator: ".").last!)) else { return nil }
            let d = PresetParameters.definition("feed." + key)
            return try v.double(in: d.range, unit: d.unit)
        }
        func integer(_ m: YAMLMapping, _ key: String) throws -> Int? {
            guard let v = m.value(String(key.split(separator: ".").last!)) else { return nil }
            let r = PresetParameters.range("feed." + key)
            return try v.int(in: Int(r.lowerBound)...Int(r.upperBound))
        }
        let fallback = PlatformPreset.custom("", feed: kind).feed
        switch kind {
        case .chronological:
            guard case .chronological(var c) = base.kind == kind ? base : fallback else { fatalError() }
            let m = try node.mapping(allowedKeys: ["model", "scroll_depth", "inflow_per_hour", "max_age_hours",
                                                   "session_regularity", "discovery_per_post"])
            if let v = try number(m, "scroll_depth") { c.scrollDepth = v }
            if let v = try number(m, "inflow_per_hour") { c.inflowPerHour = v }
            if let v = try number(m, "max_age_hours") { c.maxAgeHours = v }
            if let v = try number(m, "session_regularity") { c.sessionRegularity = v }
            if let v = try number(m, "discovery_per_post") { c.discoveryPerPost = v }
            return .chronological(c)
        case .ranked:
            guard case .ranked(var r) = base.kind == kind ? base : fallback else { fatalError() }
            let m = try node.mapping(allowedKeys: ["model", "base_visibility", "format_multiplier", "hour_sensitivity",
                                                   "cadence_reference", "cadence_exponent", "activity_sensitivity",
                                                   "peer_visibility", "discovery_per_engagement", "engaged_multiplier",
                                                   "engaged_window_weeks", "second_wave_threshold",
                                                   "second_wave_multiplier", "recency_hours", "like_weight",
                                                   "comment_weight", "share_weight", "reels", "size_reference",
                                                   "size_exponent", "reach_spread"])
            if let v = try number(m, "base_visibility") { r.baseVisibility = v }
            if let v = m.value("format_multiplier") { try decodeFormats(v, into: &r.formatMultiplier, range: 0...10, unit: "multiplier") }
            if let v = try number(m, "hour_sensitivity") { r.hourSensitivity = v }
            if let v = try number(m, "cadence_reference") { r.cadenceReference = v }
            if let v = try number(m, "cadence_exponent") { r.cadenceExponent = v }
            if let v = try number(m, "activity_sensitivity") { r.activitySensitivity = v }
            if let v = try number(m, "peer_visibility") { r.peerVisibility = v }
            if let v = try number(m, "discovery_per_engagement") { r.discoveryPerEngagement = v }
            if let v = try number(m, "engaged_multiplier") { r.engagedMultiplier = v }
            if let v = try integer(m, "engaged_window_weeks") { r.engagedWindowWeeks = v }
            if let v = try number(m, "second_wave_threshold") { r.secondWaveThreshold = v }
            if let v = try number(m, "second_wave_multiplier") { r.secondWaveMultiplier = v }
            if let v = try number(m, "recency_hours") { r.recencyHours = v }
            if let v = try number(m, "like_weight") { r.likeWeight = v }
            if let v = try number(m, "comment_weight") { r.commentWeight = v }
            if let v = try number(m, "share_weight") { r.shareWeight = v }
            if let v = try number(m, "size_reference") { r.sizeReference = v }
            if let v = try number(m, "size_exponent") { r.sizeExponent = v }
            if let v = try number(m, "reach_spread") { r.reachSpread = v }
            if let node = m.value("reels") {
                var reels = r.reels ?? InterestFeed(followerVisibility: 0, firstBatch: 300, batchGrowth: 3,
                                                    engagementThreshold: 0.05, maxBatches: 3, peerVisibility: 0)
                let rm = try node.mapping(allowedKeys: ["first_batch", "batch_growth", "engagement_threshold",
                                                        "max_batches", "quality_spread"])
                if let v = try number(rm, "reels.first_batch") { reels.firstBatch = v }
                if let v = try number(rm, "reels.batch_growth") { reels.batchGrowth = v }
                if let v = try number(rm, "reels.engagement_threshold") { reels.engagementThreshold = v }
                if let v = try number(rm, "reels.quality_spread") { reels.qualitySpread = v }
                var batches = reels.maxBatches
                if let v = try integer(rm, "reels.max_batches") { batches = v }
                reels.maxBatches = batches
                r.reels = batches == 0 ? nil : reels
            }
            return .ranked(r)
        case .interest:
            guard case .interest(var i) = base.kind == kind ? base : fallback else { fatalError() }
            let m = try node.mapping(allowedKeys: ["model", "follower_visibility", "first_batch", "batch_growth",
                                                   "engagement_threshold", "max_batches", "peer_visibility",
                                                   "format_multiplier", "quality_spread"])
            if let v = try number(m, "follower_visibility") { i.followerVisibility = v }
            if let v = try number(m, "first_batch") { i.firstBatch = v }
            if let v = try number(m, "batch_growth") { i.batchGrowth = v }
            if let v = try number(m, "engagement_threshold") { i.engagementThreshold = v }
            if let v = try integer(m, "max_batches") { i.maxBatches = v }
            if let v = try number(m, "peer_visibility") { i.peerVisibility = v }
            if let v = m.value("format_multiplier") { try decodeFormats(v, into: &i.formatMultiplier, range: 0...10, unit: "multiplier") }
            if let v = try number(m, "quality_spread") { i.qualitySpread = v }
            return .interest(i)
        case .live:
            guard case .live(var l) = base.kind == kind ? base : fallback else { fatalError() }
            let m = try node.mapping(allowedKeys: ["model", "duration_hours", "tune_in", "discovery_per_viewer"])
            if let v = try number(m, "duration_hours") { l.durationHours = v }
            if let v = try number(m, "tune_in") { l.tuneIn = v }
            if let v = try number(m, "discovery_per_viewer") { l.discoveryPerViewer = v }
            return .live(l)
        }
    }

    static func decodeEngagement(_ node: YAMLValue, base: EngagementRates) throws -> EngagementRates {
        let m = try node.mapping(allowedKeys: ["like", "comment", "share", "follow", "by_age", "effort_elasticity"])
        var e = base
        // Either one probability for every format or a mapping by format.
        func rates(_ key: String, _ table: inout FormatTable<Double>) throws {
            guard let v = m.value(key) else { return }
            if v.kind == .mapping {
                try decodeFormats(v, into: &table, range: 0...1, unit: "probability per viewer")
            } else {
                table = PlatformPreset.uniform(try v.double(in: 0...1, unit: "probability per viewer"))
            }
        }
        try rates("like", &e.like)
        try rates("comment", &e.comment)
        try rates("share", &e.share)
        if let v = m.value("follow") { e.follow = try v.double(in: 0...1, unit: "probability per viewer") }
        if let v = m.value("effort_elasticity") {
            e.effortElasticity = try v.double(in: PresetParameters.range("engagement.effort_elasticity"), unit: "elasticity")
        }
        if let v = m.value("by_age") {
            let d = PresetParameters.definition("engagement.by_age")
            for entry in try v.mapping(allowedKeys: AgeBand.allCases.map(\.rawValue)).entries {
                e.byAge[AgeBand(rawValue: entry.key)!] = try entry.value.double(in: d.range, unit: d.unit)
            }
        }
        return e
    }

    enum GeneratorKind: String, CaseIterable {
        case chungLu = "chung_lu"
        case preferentialAttachment = "preferential_attachment"
        case edgeList = "edge_list"
        case none
    }

    static func decodeGraph(_ node: YAMLValue, baseDirectory: URL) throws -> GraphSpec {
        let probe = try node.mapping()
        let kind = try probe.require("generator").choice(GeneratorKind.self)
        switch kind {
        case .none:
            _ = try node.mapping(allowedKeys: ["generator"])
            return .none
        case .chungLu:
            let m = try node.mapping(allowedKeys: ["generator", "mean_degree", "exponent", "homophily"])
            return .chungLu(meanDegree: try m.value("mean_degree")?.double(in: 0...10_000, unit: "follow edges per user") ?? 15,
                            exponent: try m.value("exponent")?.double(in: 2.01...5) ?? 2.5,
                            homophily: try m.value("homophily")?.double(in: 0...1, unit: "probability") ?? 0.5)
        case .preferentialAttachment:
            let m = try node.mapping(allowedKeys: ["generator", "edges_per_node", "reciprocity", "homophily"])
            return .preferentialAttachment(
                edgesPerNode: try m.value("edges_per_node")?.int(in: 1...10_000) ?? 10,
                reciprocity: try m.value("reciprocity")?.double(in: 0...1, unit: "probability") ?? 0.3,
                homophily: try m.value("homophily")?.double(in: 0...1, unit: "probability") ?? 0.5)
        case .edgeList:
            let m = try node.mapping(allowedKeys: ["generator", "path"])
            let pathNode = try m.require("path")
            let given = try pathNode.string()
            let url = given.hasPrefix("/") ? URL(fileURLWithPath: given)
                : baseDirectory.appendingPathComponent(given).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  FileManager.default.isReadableFile(atPath: url.path) else {
                throw pathNode.error("cannot read edge list '\(given)' (looked for \(url.path))")
            }
            return .edgeList(path: url.path)
        }
    }

    static func decodePlan(_ node: YAMLValue) throws -> PlanSpec {
        let m = try node.mapping(allowedKeys: ["posts_per_week", "posting_hours"])
        var posts = PlatformPreset.uniform(0)
        try decodeFormats(m.require("posts_per_week"), into: &posts, range: 0...100, unit: "posts per week")
        var hours = [12, 19]
        if let h = m.value("posting_hours") {
            hours = try h.list().map { try $0.int(in: 0...23) }
        }
        return PlanSpec(postsPerWeek: posts, postingHours: hours)
    }
}
