/// The scenario format as data, for editors and CI: `reachsim schema` prints it as JSON Schema
/// (draft-07, which both `check-jsonschema` and VS Code's YAML extension read), and
/// docs/scenario.schema.json is that output, committed.
///
/// `ScenarioLoader` stays the authority: `ScenarioSchemaTests` decodes the coverage scenarios
/// with a trace of every key list, range, choice and required key the loader reads, and fails on
/// any difference with this tree, in either direction, and on any part of the tree the coverage
/// scenarios never reach. Feed parameters come from `PresetParameters`, formats, age bands and
/// localities from their enums, so those cannot drift.
///
/// To add a key: read it in `ScenarioLoader`, add one `SchemaProperty` here, write it in a
/// coverage scenario (Tests/ReachSimTests/Fixtures/schema/), and regenerate the file with
/// `swift run reachsim schema > docs/scenario.schema.json`. The test names whichever step is missing.
public enum ScenarioSchema {
    /// The draft the output declares.
    public static let draft = "http://json-schema.org/draft-07/schema#"

    /// Names written in CSV cells and file names (`ScenarioLoader.checkIdentifier`): letters,
    /// digits, `-`, `_`, `+`, `.`; the loader also accepts non-ASCII letters.
    static let identifierPattern = "^[-_+.0-9A-Za-z\\u00C0-\\uFFFF]{1,64}$"

    /// `reachsim schema`: the JSON Schema text, ending with a newline.
    public static func jsonText() -> String {
        var json = root.json()
        if case .object(let fields) = json {
            json = .object([("$schema", .string(draft)), ("title", .string("ReachSim scenario"))] + fields)
        }
        return json.render() + "\n"
    }

    /// The whole document.
    public static let root = SchemaNode.object(
        "A ReachSim scenario: an institution's audience, platforms and posting plan (docs/scenario-format.md).", [
            .init("name", .text("Scenario name, written in every CSV row: 1 to 64 letters, digits, '-', '_', '+' or '.'.",
                                pattern: identifierPattern), required: true),
            .init("institution", .text("Display name of the institution (default: name).")),
            .init("horizon_weeks", .integer(1...520, "Weeks simulated."), required: true),
            .init("replicates", .integer(Scenario.replicatesRange, "Monte Carlo replicates (--replicates overrides).", default: 100)),
            .init("seed", SchemaNode(.unsigned64, "Random seed, 0...2^64-1 (--seed overrides).", default: "1")),
            .init("team", team, required: true),
            .init("audience", audience, required: true),
            .init("platforms", platforms, required: true),
            .init("timeline", .list(event, count: 1...1_000_000, "Changes over time (docs/scenario-format.md, Timeline).")),
            .init("uncertain", uncertain),
        ])

    /// `uncertain:` (`ScenarioLoader.decodeUncertain`): by scenario path, a range or `fixed`.
    static let uncertain = SchemaNode(
        .names(value: .anyOf([
            .choice(["fixed"], "Hold the parameter at the scenario's value in every parameter set."),
            .object("A plausible range, replacing the default (docs/presets.md, Plausible ranges).", [
                .init("low", .number(-1e12...1e12, "Lower bound, in the parameter's unit and valid range."), required: true),
                .init("high", .number(-1e12...1e12, "Upper bound, above low."), required: true),
                .init("distribution", .choice(ParameterRange.Distribution.self, "How values are drawn.", default: .uniform)),
                .init("alpha", .number(0.01...1_000, "Beta's first shape.", default: 2)),
                .init("beta", .number(0.01...1_000, "Beta's second shape.", default: 2)),
                .init("source", .text("Where the range comes from.")),
            ]),
        ], "A range or fixed."), pattern: "^(platforms\\.[A-Za-z0-9_+.-]+|audience\\.outside\\.culture_share)$", count: nil),
        "Parameters whose value is uncertain, by scenario path (platforms.NAME.KEY or audience.outside.culture_share): "
            + "ranges for `reachsim compare --uncertainty` (docs/uncertainty.md).")

    static let team = SchemaNode.object("The people who produce the posts.", [
        .init("people", .integer(1...10_000, "People in the team (informative).", default: 1)),
        .init("hours_per_week", .number(0...2_000, "Production hours per week for all platforms."), required: true),
        .init("priorities", .list(.text("A platform (all its accounts) or platform/account."), count: 1...1_000_000,
                                  "Who gets the week's hours first (default: the file's order).")),
    ])

    // MARK: Audience

    static let audience = SchemaNode.object("The synthetic population: `size` agents, each standing for `scale` people.", [
        .init("size", .integer(1...50_000_000, "Agents generated."), required: true),
        .init("scale", .integer(1...1_000_000, "People per agent.", default: 1)),
        .init("country", .choice(CountryProfile.all.map(\.code),
                                 "Country whose platform use by age and platform sizes apply (docs/presets.md, Countries).",
                                 default: CountryProfile.default.code)),
        .init("outside", outside),
        .init("platform_use_correlation", .number(0...0.99, "Overlap of platform use beyond segments.", default: 0.5)),
        .init("hourly_profile", .list(.number(0...1_000_000, "Relative sessions in this hour."), count: 24...24,
                                      "24 weights: sessions by local hour, 0 to 23 (at least one above 0).")),
        .init("activity_shape", .number(0.2...100, "Gamma shape of personal activity.", default: 2)),
        .init("segments", .list(segment, count: 1...64, "1 to 64 segments whose shares sum to 1."), required: true),
    ])

    /// `audience.outside`: `none` or overrides of the country's defaults (`OutsideSpec.resolve`).
    static let outside = SchemaNode.anyOf([
        .choice(["none"], "A closed audience: nobody outside the catchment can be reached."),
        .object("Overrides of the country's defaults.", [
            .init("culture_share", .number(0...1, "Share of the country's platform users interested in culture (default: the country's).")),
            .init("affinity", .number(0...10, "Interest of an outside person, × the catchment's average (default 0.25).")),
            .init("sessions_per_day", .number(0.01...100, "App sessions per day of an outside user (default 5).")),
            .init("population", .number(0...ScenarioLoader.maxPeople,
                                        "People outside the catchment across all platforms (default: internet users 13+ × culture_share − audience.size × scale).")),
            .init("users", SchemaNode(.names(value: .number(0...ScenarioLoader.maxPeople, "People outside the catchment who use the platform."),
                                             pattern: nil, count: nil),
                                      "By platform name: replaces the computed size (country users × culture_share − catchment users).")),
        ]),
    ], "People outside the catchment (default: on, with the country's figures).")

    static let segment = SchemaNode.object("A group of people with the same age band, locality and habits.", [
        .init("name", .text("Segment name, unique: 1 to 64 letters, digits, '-', '_', '+' or '.'.",
                            pattern: identifierPattern), required: true),
        .init("age", .choice(AgeBand.self, "Age band."), required: true),
        .init("locality", .choice(Locality.self, "Where they live relative to the institution.", default: .local)),
        .init("share", .number(0...1, "Share of the audience (shares sum to 1)."), required: true),
        .init("affinity", .number(0...10, "Multiplies engagement and follow rates.", default: 1)),
        .init("sessions_per_day", .number(0.01...100, "App sessions of a user per day.", default: 5)),
        .init("uses", SchemaNode(.names(value: .number(0...1, "Probability that a person uses the platform."),
                                        pattern: nil, count: nil),
                                 "Platform use by platform name (default: the country's use for the age band, else the preset's).")),
    ])

    // MARK: Platforms

    static let platforms = SchemaNode(
        .names(value: platform, pattern: identifierPattern, count: 1...32),
        "1 to 32 platforms by name, in priority order; a preset's name picks that preset.")

    /// One account (`followers` and `plan`) or several (`accounts`).
    static let platform = SchemaNode.anyOf([platformVariant(accounts: false), platformVariant(accounts: true)],
        "One platform: a preset (or a custom feed model), its account's followers and plan (or `accounts`), overrides.")

    static func platformVariant(accounts: Bool) -> SchemaNode {
        .object(accounts ? "A platform with several accounts." : "A platform with one account, `main`.", [
            .init("preset", .choice(PlatformPreset.all.map(\.name),
                                    "Preset to start from (default: the platform's name, if it is a preset).")),
            .init("followers", .integer(0...2_000_000_000, "People following the account at week 0."), required: !accounts),
            .init("feed", feed),
            .init("engagement", engagement),
            .init("churn_per_week", parameter("churn_per_week")),
            .init("overposting", .object("Over-posting penalty above a cadence (the preset's by default; stories exempt).",
                                         ScenarioLoader.overpostingKeys.map { .init($0, parameter("overposting." + $0)) })),
            .init("graph", graph),
            .init("production_hours", formats(0...200, "hours per post", "Production hours per post, by format.")),
            .init("plan", plan, required: !accounts),
            .init("accounts", .list(account, count: 1...1_000_000, "The institution's accounts on the platform, in priority order."),
                  required: accounts),
            .init("boost", boost),
            .init("starter_pack_uplift", parameter("starter_pack_uplift")),
            .init("starter_pack", starterPack),
        ])
    }

    static let starterPack = SchemaNode(.boolean, "Whether the account is listed in a starter pack (Bluesky): it gains "
                                        + "starter_pack_uplift extra follows per follow its posts bring.", default: "false")

    static let account = SchemaNode.object("One account: main, a department, an event, a curator.", [
        .init("name", .text("Account name, unique on the platform.", pattern: identifierPattern), required: true),
        .init("followers", .integer(0...2_000_000_000, "People following the account at week 0."), required: true),
        .init("plan", plan, required: true),
        .init("tone", .object("Multipliers of the engagement rates of its posts.", [
            .init("like", .number(0...10, "multiplier", default: 1)),
            .init("comment", .number(0...10, "multiplier", default: 1)),
            .init("share", .number(0...10, "multiplier", default: 1)),
        ])),
        .init("hours_share", .number(0...1, "At most this share of the team's hours.", default: 1)),
        .init("hours_per_week", .number(0...168, "Hours a week of the account's own (a curator's), outside the team's; not with hours_share.")),
        .init("overlap", SchemaNode(.names(value: .number(0...1, "Share of its followers drawn among that account's."),
                                           pattern: nil, count: nil),
                                    "By earlier account name: share of its followers who also follow it.")),
        .init("amplifies", SchemaNode(.names(value: .number(0...1, "Probability of reposting each of its posts."),
                                             pattern: nil, count: nil),
                                      "By account name (same platform): probability of reposting each post.")),
        .init("starter_pack", starterPack),
    ])

    // MARK: Timeline

    static let week = SchemaProperty("week", .integer(1...520, "First week the event applies to, ≤ horizon_weeks.",
                                                      upperBoundFrom: "horizon_weeks"), required: true)
    static let target = SchemaNode.text("A platform, or platform/account.")

    static let event = SchemaNode.anyOf([
        .object("Open the account(s).", [week, .init("join", target, required: true),
            .init("followers", .integer(0...2_000_000_000, "Followers when it opens.")), .init("plan", plan)]),
        .object("Stop posting: close, ghost or cross-post.", [week, .init("leave", target, required: true),
            .init("mode", .choice(["close", "ghost", "crosspost"], "How."), required: true),
            .init("from", .text("crosspost: the platform whose posts are copied.")),
            .init("engagement", .number(0...1, "crosspost: engagement of a copy × a native post's.", default: 0.5))]),
        .object("Announce a move to other platforms.", [week, .init("announce_migration", target, required: true),
            .init("to", .anyOf([.text("A platform."), .list(.text("A platform."), count: 1...32, "Platforms.")],
                               "Destination platform(s)."), required: true),
            .init("posts", .integer(1...100, "Announcement posts.", default: 3)),
            .init("weeks", .integer(1...520, "Weeks they are spread over, ≤ horizon_weeks.", default: 1,
                                    upperBoundFrom: "horizon_weeks")),
            .init("follow_through", .anyOf([
                .number(0...1, "Probability for every segment."),
                SchemaNode(.names(value: .number(0...1, "probability"), pattern: nil, count: nil), "By segment name."),
            ], "Probability that a follower who saw it and uses a destination follows there (default 0.85)."))]),
        .object("Active users of a platform change.", [week, .init("trend", target, required: true),
            .init("factor", .number(0.01...100, "Factor of active users over the period."), required: true),
            .init("weeks", .integer(1...520, "Weeks of the change."), required: true)]),
        .object("A hashtag campaign raises discovery.", [week, .init("campaign", target, required: true),
            .init("weeks", .integer(1...520, "Weeks it runs.", default: 1)),
            .init("discovery_multiplier", .number(1...100, "Multiplier of discovery."), required: true)]),
        .object("A new boost budget.", [week, .init("budget", target, required: true)]
            + BoostSpec.budgetKeys.map { .init($0, .number(0...10_000_000, "Budget in euros.")) },
            exactlyOne: BoostSpec.budgetKeys),
        .object("The team's hours from this week on.", [week,
            .init("team_hours", .number(0...2_000, "Hours per week."), required: true)]),
        .object("An account's plan from this week on.", [week, .init("plan", target, required: true),
            .init("posts_per_week", formats(0...100, "posts per week", "Posts per week by format."), required: true),
            .init("posting_hours", .list(.integer(0...23, "Local hour."), "Posting hours, used in turn."))]),
    ], "One event: a week and one event key.")

    static let plan = SchemaNode.object("What the account posts.", [
        .init("posts_per_week", formats(0...100, "posts per week", "Posts per week by format (fractions spread over weeks)."),
              required: true),
        .init("posting_hours", .list(.integer(0...23, "Local hour."), "Posting hours, used in turn (default [12, 19]).")),
    ])

    /// A mapping from post format to a number in `range`.
    static func formats(_ range: ClosedRange<Double>, _ unit: String, _ description: String) -> SchemaNode {
        .object(description, PostFormat.allCases.map { .init($0.rawValue, .number(range, unit)) })
    }

    /// A parameter defined in `PresetParameters`, with its range and meaning.
    static func parameter(_ key: String, integer: Bool = false) -> SchemaNode {
        let d = PresetParameters.definition(key)
        let text = "\(d.meaning) (\(d.unit))."
        if integer { return .integer(Int(d.range.lowerBound)...Int(d.range.upperBound), text) }
        return .number(d.range, text)
    }

    static func feedParameters(_ keys: [String], prefix: String = "feed.") -> [SchemaProperty] {
        keys.map { key in
            let full = prefix + key
            if key == "format_multiplier" {
                let d = PresetParameters.definition(full)
                return .init(key, formats(d.range, d.unit, "\(d.meaning) (\(d.unit))."))
            }
            return .init(key, parameter(full, integer: ["engaged_window_weeks", "max_batches"].contains(key)))
        }
    }

    static func feedVariant(_ kind: FeedKind, _ description: String, _ keys: [String], extra: [SchemaProperty] = []) -> SchemaNode {
        .object(description, [.init("model", .choice([kind.rawValue], "Feed model."))] + feedParameters(keys) + extra)
    }

    static let feed = SchemaNode.anyOf([
        feedVariant(.ranked, "Ranked feed (Facebook, Instagram, X, LinkedIn, ...).",
                    ["base_visibility", "format_multiplier", "hour_sensitivity", "cadence_reference", "cadence_exponent",
                     "activity_sensitivity", "peer_visibility", "discovery_per_engagement", "engaged_multiplier",
                     "engaged_window_weeks", "second_wave_threshold", "second_wave_multiplier", "recency_hours",
                     "like_weight", "comment_weight", "share_weight", "size_reference", "size_exponent", "reach_spread"],
                    extra: [.init("reels", .object("Short videos tested on non-followers in growing batches.",
                                                   feedParameters(["first_batch", "batch_growth", "engagement_threshold",
                                                                   "max_batches", "quality_spread"], prefix: "feed.reels.")))]),
        feedVariant(.chronological, "Chronological timeline (Mastodon, Bluesky).",
                    ["scroll_depth", "inflow_per_hour", "max_age_hours", "session_regularity", "discovery_per_post"]),
        feedVariant(.interest, "Interest feed testing posts on non-followers (TikTok, YouTube Shorts).",
                    ["follower_visibility", "first_batch", "batch_growth", "engagement_threshold", "max_batches",
                     "peer_visibility", "format_multiplier", "quality_spread"]),
        feedVariant(.live, "Live events (Twitch).", ["duration_hours", "tune_in", "discovery_per_viewer"]),
    ], "Overrides of the preset's feed; `model` is required for a platform that is not a preset (docs/presets.md).")

    static func rate(_ key: String) -> SchemaNode {
        let d = PresetParameters.definition(key)
        return .anyOf([.number(d.range, "One rate for every format."), formats(d.range, d.unit, "Rates by format.")],
                      "\(d.meaning) (\(d.unit)).")
    }

    static let engagement = SchemaNode.object("Overrides of the preset's engagement rates.", [
        .init("like", rate("engagement.like")),
        .init("comment", rate("engagement.comment")),
        .init("share", rate("engagement.share")),
        .init("follow", parameter("engagement.follow")),
        .init("effort_elasticity", parameter("engagement.effort_elasticity")),
        .init("by_age", .object("Multipliers of the like, comment and share rates by age band.",
                                AgeBand.allCases.map { .init($0.rawValue, parameter("engagement.by_age")) })),
    ])

    static let graph = SchemaNode.anyOf([
        .object("No follower links.", [.init("generator", .choice(["none"], "Generator."), required: true)]),
        .object("Chung-Lu random graph with power-law degrees.", [
            .init("generator", .choice(["chung_lu"], "Generator."), required: true),
            .init("mean_degree", .number(0...10_000, "Follow edges per user.", default: 15)),
            .init("exponent", .number(2.01...5, "Power-law exponent of the degrees.", default: 2.5)),
            .init("homophily", .number(0...1, "Probability that a link stays within the segment.", default: 0.5)),
        ]),
        .object("Preferential attachment (Barabási-Albert) with reciprocity.", [
            .init("generator", .choice(["preferential_attachment"], "Generator."), required: true),
            .init("edges_per_node", .integer(1...10_000, "Links made by each new user.", default: 10)),
            .init("reciprocity", .number(0...1, "Probability that a link is returned.", default: 0.3)),
            .init("homophily", .number(0...1, "Probability that a link stays within the segment.", default: 0.5)),
        ]),
        .object("A real network from an edge-list file (docs/scenario-format.md, Edge lists).", [
            .init("generator", .choice(["edge_list"], "Generator."), required: true),
            .init("path", .text("The file, relative to the scenario file."), required: true),
        ]),
    ], "Follower links among the platform's users (default: the preset's).")

    // MARK: Boost

    static let boost = SchemaNode.object("Paid boost of the account's posts (docs/boost.md); exactly one budget key.",
        BoostSpec.budgetKeys.map { .init($0, .number(0...10_000_000, "Budget in euros (0 = no boost).")) } + [
            .init("start_week", .integer(1...520, "First boosted week, ≤ horizon_weeks.", default: 1, upperBoundFrom: "horizon_weeks")),
            .init("end_week", .integer(1...520, "Last boosted week, ≤ horizon_weeks (default: the horizon).",
                                       upperBoundFrom: "horizon_weeks")),
            .init("objective", .choice(BoostSpec.Objective.self, "What the ads optimise for.", default: .reach)),
            .init("target", .object("Who may be shown the ads.", [
                .init("segments", .list(.text("Segment name."), "Targeted segments (default: all).")),
                .init("locality", .anyOf([.choice(Locality.self, "One locality."),
                                          .list(.choice(Locality.self, "Locality."), "Localities.")],
                                         "Targeted localities (default: all).")),
                .init("audience", .choice(BoostSpec.Audience.self, "Followers, non-followers or both.", default: .both)),
            ])),
            .init("frequency_cap", .anyOf([
                .choice(["none"], "No cap."),
                .object("At most `impressions` per person per `per_weeks` weeks.", [
                    .init("impressions", .integer(1...10_000, "Impressions per person."), required: true),
                    .init("per_weeks", .integer(1...520, "Weeks the cap spans.", default: 1)),
                ]),
            ], "Frequency cap (default: the ad market's).")),
            .init("cpm", .anyOf([
                .number(0.01...10_000, "One price, euros per 1,000 impressions."),
                .object("A price range, drawn per replicate.", [
                    .init("low", .number(0.01...10_000, "Euros per 1,000 impressions."), required: true),
                    .init("high", .number(0.01...10_000, "Euros per 1,000 impressions, ≥ low."), required: true),
                ]),
            ], "Cost per 1,000 impressions (default: the ad market's range).")),
            .init("format", .choice(PostFormat.self, "Format of the boosted content.", default: .image)),
            .init("engagement_multiplier", .number(0...10, "Paid engagement rates × organic rates.", default: 0.5)),
            .init("hour", .integer(0...23, "Local hour at which paid viewers share (their cascade's peer visibility); "
                                   + "default: the account's first posting hour.")),
        ], exactlyOne: BoostSpec.budgetKeys)
}
