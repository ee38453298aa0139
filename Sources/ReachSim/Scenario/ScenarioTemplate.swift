import Foundation

/// The commented scenario `reachsim init` writes: a few answers (the institution, its team, its
/// accounts, cadence and budget) laid into a file that loads as it is, every key explained in
/// place and the presets' defaults shown where they apply, so a strategist edits a file rather
/// than writes one.
public struct ScenarioTemplate: Sendable {
    public enum InstitutionType: String, CaseIterable, Sendable {
        case museum, theatre, library
        case culturalCentre = "cultural-centre"
    }

    /// One account of a platform (a platform's only account has no name).
    public struct Account: Sendable, Equatable {
        public var name: String?
        public var followers: Int
        /// Posts per week by format, in the order given.
        public var postsPerWeek: [(format: PostFormat, count: Double)]
        /// Local hours (0-23) posts go out at, most used first.
        public var postingHours: [Int]
        /// Where the numbers come from, written as a comment (e.g. the history they were read from).
        public var note: String?

        public init(name: String? = nil, followers: Int, postsPerWeek: [(format: PostFormat, count: Double)] = [],
                    postingHours: [Int] = [], note: String? = nil) {
            self.name = name
            self.followers = followers
            self.postsPerWeek = postsPerWeek
            self.postingHours = postingHours
            self.note = note
        }

        public static func == (a: Account, b: Account) -> Bool {
            a.name == b.name && a.followers == b.followers && a.postingHours == b.postingHours && a.note == b.note
                && a.postsPerWeek.map(\.format) == b.postsPerWeek.map(\.format)
                && a.postsPerWeek.map(\.count) == b.postsPerWeek.map(\.count)
        }
    }

    public struct Platform: Sendable, Equatable {
        /// A preset's name (`facebook`, `instagram`, ...).
        public var preset: String
        public var accounts: [Account]
        /// Paid boost, euros per month; nil: no budget.
        public var budgetPerMonth: Double?

        public init(preset: String, accounts: [Account], budgetPerMonth: Double? = nil) {
            self.preset = preset
            self.accounts = accounts
            self.budgetPerMonth = budgetPerMonth
        }
    }

    public var name = "my-institution"
    public var institution = "My institution"
    public var type = InstitutionType.museum
    /// `fr` or `us` (`CountryProfile`).
    public var country = "fr"
    /// People the institution could plausibly reach (its city and region, visitors).
    public var audienceSize = 300_000
    public var people = 2
    /// Team hours for social media, per week.
    public var hoursPerWeek = 10.0
    public var platforms: [Platform] = ScenarioTemplate.defaultPlatforms
    public var horizonWeeks = 52
    public var replicates = 200
    public var seed: UInt64 = 20_260_401
    /// Lines for the header comment (how the file was made).
    public var notes: [String] = []

    public init() {}

    /// The museum of `scenarios/museum-baseline.yaml`: what the template holds without answers.
    public static let defaultPlatforms = [
        Platform(preset: "facebook", accounts: [Account(followers: 40_000)]),
        Platform(preset: "instagram", accounts: [Account(followers: 15_000)]),
        Platform(preset: "x", accounts: [Account(followers: 23_500)]),
    ]

    /// A starting cadence for a platform without one: what cultural accounts commonly post there
    /// (an assumption to edit, not advice).
    public static func defaultPlan(_ preset: String) -> [(format: PostFormat, count: Double)] {
        switch preset {
        case "facebook": [(.image, 3), (.text, 1)]
        case "instagram": [(.image, 2), (.carousel, 1), (.story, 3)]
        case "x", "threads", "mastodon", "bluesky": [(.text, 3), (.image, 2)]
        case "linkedin": [(.image, 1), (.text, 1)]
        case "tiktok": [(.shortVideo, 2)]
        case "youtube": [(.longVideo, 0.25), (.shortVideo, 1)]
        case "twitch": [(.live, 0.25)]
        case "snapchat": [(.story, 3)]
        case "pinterest": [(.image, 3)]
        default: [(.image, 2)]
        }
    }

    /// Typical local posting hours by platform (an assumption to edit).
    public static func defaultHours(_ preset: String) -> [Int] {
        switch preset {
        case "instagram", "tiktok", "snapchat": [18, 20, 12]
        case "linkedin": [9, 12]
        case "x", "threads", "mastodon", "bluesky": [9, 13, 17]
        default: [12, 19]
        }
    }

    /// The scenario as YAML with comments. It loads as it is (`ScenarioLoader.parse`).
    public func yaml() -> String {
        var out: [String] = ["# Written by `reachsim init`. Every key is documented in docs/scenario-format.md; what is not"]
        out.append("# set here comes from the platform presets (values, units and sources: `reachsim presets show NAME`).")
        for n in notes { out.append("# " + n) }
        out.append("# Check it with `reachsim validate FILE`, run it with `reachsim run FILE`.")
        out.append(Self.commented("name: \(Self.scalar(name))", "a short id, used in file names and tables"))
        out.append(Self.commented("institution: \(Self.scalar(institution))", "shown in reports (a \(type.rawValue))"))
        out.append(Self.commented("horizon_weeks: \(horizonWeeks)", "weeks simulated"))
        out.append(Self.commented("replicates: \(replicates)", "Monte Carlo replicates: more narrow the interval of a mean"))
        out.append(Self.commented("seed: \(seed)", "same seed, same results, byte for byte"))
        out.append("")
        out.append("team:")
        out.append("  people: \(people)")
        out.append(Self.commented("  hours_per_week: \(Self.number(hoursPerWeek))", "for social media, all platforms; when a week's plan"))
        out.append(Self.commented("", "needs more, the lowest-priority posts (last platform first) are dropped"))
        out.append("")
        out.append(contentsOf: audience())
        out.append("")
        out.append("platforms:")
        out.append("  # In priority order: when the hours run short, the last platform's posts are dropped first.")
        for p in platforms { out.append(contentsOf: platform(p)) }
        return out.joined(separator: "\n") + "\n"
    }

    func audience() -> [String] {
        let who: String = switch type {
        case .museum: "visitors"
        case .theatre: "audiences"
        case .library: "readers"
        case .culturalCentre: "participants"
        }
        return [
            "audience:",
            "  # The people the institution could plausibly reach: its city and region, plus national and",
            "  # international \(who). One simulated person per person (scale: 10 for one in ten, faster, less exact).",
            "  size: \(audienceSize)",
            Self.commented("  country: \(country)", "platform use by age, and the people outside the catchment"),
            "  # Segments: age band, locality, share of the audience, affinity (interest in the institution,",
            "  # × engagement rates) and social sessions per day. These shares are a fictional mid-size",
            "  # museum's: replace them with your \(who)' survey when you have one. Platform use by age",
            "  # comes from the country's survey figures unless a segment says `uses: {PLATFORM: 0...1}`.",
            "  segments:",
            "    - {name: teens-local,       age: 13-17, locality: local,         share: 0.06, affinity: 0.6, sessions_per_day: 10}",
            "    - {name: young-local,       age: 18-24, locality: local,         share: 0.12, affinity: 0.9, sessions_per_day: 9}",
            "    - {name: adults-local,      age: 25-34, locality: local,         share: 0.16, affinity: 1.0, sessions_per_day: 6}",
            "    - {name: midlife-local,     age: 35-54, locality: local,         share: 0.26, affinity: 1.1, sessions_per_day: 4}",
            "    - {name: seniors-local,     age: 55+,   locality: local,         share: 0.20, affinity: 1.2, sessions_per_day: 2.5}",
            "    - {name: visitors-national, age: 35-54, locality: national,      share: 0.15, affinity: 0.9, sessions_per_day: 5}",
            "    - {name: visitors-intl,     age: 25-34, locality: international, share: 0.05, affinity: 0.7, sessions_per_day: 5}",
        ]
    }

    func platform(_ p: Platform) -> [String] {
        var out = ["  \(p.preset):"]
        if let preset = PlatformPreset.named(p.preset) {
            out.append("    # \(preset.title). Preset defaults, to override here with a source:")
            for line in Self.presetDefaults(preset) { out.append("    #   " + line) }
            let hours = PostFormat.allCases.filter { preset.productionHours[$0] > 0 }
                .map { "\($0.rawValue) \(Self.number(preset.productionHours[$0]))" }.joined(separator: ", ")
            out.append("    #   production_hours: \(hours)  (more hours make better posts:")
            out.append("    #     engagement × (hours / these)^\(Self.number(preset.engagement.effortElasticity)), an assumption; docs/model.md)")
        }
        if p.accounts.count == 1, p.accounts[0].name == nil {
            out.append(contentsOf: account(p.accounts[0], preset: p.preset, indent: "    "))
        } else {
            out.append(Self.commented("    accounts:", "each with its own followers and plan; `overlap: {OTHER: 0.5}` shares followers"))
            for a in p.accounts {
                out.append("      - name: \(Self.scalar(a.name ?? "main"))")
                out.append(contentsOf: account(a, preset: p.preset, indent: "        "))
            }
        }
        if let budget = p.budgetPerMonth {
            out.append(Self.commented("    boost:", "paid promotion (docs/boost.md): the preset's CPM range and targeting"))
            out.append(Self.commented("      budget_per_month: \(Self.number(budget))", "euros"))
        }
        return out
    }

    func account(_ a: Account, preset: String, indent: String) -> [String] {
        let plan = a.postsPerWeek.isEmpty ? Self.defaultPlan(preset) : a.postsPerWeek
        let hours = a.postingHours.isEmpty ? Self.defaultHours(preset) : a.postingHours
        let posts = plan.map { "\($0.format.rawValue): \(Self.number($0.count))" }.joined(separator: ", ")
        let production = PlatformPreset.named(preset).map { p in
            plan.reduce(0.0) { $0 + $1.count * p.productionHours[$1.format] }
        }
        var out: [String] = []
        if let note = a.note { out.append("\(indent)# \(note)") }
        out.append("\(indent)followers: \(a.followers)")
        out.append("\(indent)plan:")
        let postsLine = "\(indent)  posts_per_week: {\(posts)}"
        out.append(production.map { Self.commented(postsLine, "about \(Self.number(($0 * 10).rounded() / 10)) hours a week (preset production hours)") } ?? postsLine)
        out.append(Self.commented("\(indent)  posting_hours: [\(hours.map(String.init).joined(separator: ", "))]", "local time, most used first"))
        return out
    }

    /// A few of the preset's values that a strategist may want to check against their own figures.
    static func presetDefaults(_ p: PlatformPreset) -> [String] {
        var out: [String] = []
        let keys = ["feed.base_visibility", "feed.discovery_per_engagement", "feed.discovery_per_post",
                    "engagement.follow", "churn_per_week"]
        for key in keys {
            guard let v = PlausibleRanges.value(key, feed: p.feed, engagement: p.engagement, churn: p.churnPerWeek) else { continue }
            let unit = PresetParameters.definition(key).unit
            out.append("\(key): \(PresetParameters.number(v))  (\(unit))")
        }
        return out
    }

    /// `text` and a comment in the column after it (column 36, or one space past a longer text).
    static func commented(_ text: String, _ comment: String) -> String {
        text.padding(toLength: max(36, text.count + 1), withPad: " ", startingAt: 0) + "# " + comment
    }

    /// A YAML plain scalar when safe, else double-quoted.
    static func scalar(_ s: String) -> String {
        let plain = !s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber || " -_.()'".contains($0) }
            && !s.hasPrefix(" ") && !s.hasSuffix(" ") && Double(s) == nil && !["true", "false", "null", "yes", "no", "~"].contains(s.lowercased())
        if plain { return s }
        return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Integers without decimals, else up to 3 decimals.
    static func number(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
        var s = String(format: "%.3f", v)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
}
