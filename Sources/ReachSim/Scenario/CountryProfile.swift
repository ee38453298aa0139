/// What a scenario takes from the country its institution works in: how many people are online,
/// how many use each preset platform, platform use by age band, the share of people interested in
/// culture, and the defaults of the people outside the catchment (`OutsideSpec`).
///
/// A scenario picks one with `audience.country` (default "fr"). Segments then take their default
/// platform use from `use(of:)` (falling back to the preset's `useByAge` for a platform the country
/// lacks), and `OutsideSpec.resolve` sizes the outside from `users`, `internetUsers13plus` and
/// `cultureShare`. Every number has a source in `sources`, or is an "assumption" with a plausible
/// range; `reachsim presets show NAME --country CODE` and docs/presets.md ("Countries") list them.
public struct CountryProfile: Sendable {
    /// Lower-case code written in scenarios (`fr`, `us`).
    public let code: String
    /// Display name.
    public let name: String
    /// People aged 13 or more who use the internet in the country, ≥ 0 (people).
    public let internetUsers13plus: Double
    /// Per preset platform (by preset name): monthly users in the country and use by age band.
    public let platforms: [String: CountryPlatform]
    /// Share 0...1 of people interested in culture: those an institution's posts can interest
    /// (visited a museum or an exhibition in the last 12 months). Multiplies the country's platform
    /// users to size the outside.
    public let cultureShare: Double
    /// Default interest of an outside person in the institution relative to the catchment's
    /// average person (affinity 1), 0...10.
    public let outsideAffinity: Double
    /// Default mean app sessions per day of an outside user, 0.01...100.
    public let outsideSessionsPerDay: Double
    /// Source of each number: `internet_users`, `culture_share`, `outside.affinity`,
    /// `outside.sessions_per_day`; each platform's sources are in `CountryPlatform`.
    public let sources: [String: String]

    /// Platform `preset`'s entry, nil when the country has no figure for it (custom platforms).
    public func platform(_ preset: String) -> CountryPlatform? { platforms[preset] }

    /// Probability 0...1 that a person of age band `age` uses the platform of preset `preset`;
    /// nil when the country lacks the platform.
    public func use(of preset: String, age: AgeBand) -> Double? { platforms[preset]?.useByAge[age] }

    /// The source of `key` (see `sources`), "assumption" when none is given.
    public func source(of key: String) -> String { sources[key] ?? "assumption" }
}

/// One platform in one country.
public struct CountryPlatform: Sendable {
    /// Monthly users of the platform in the country, aged 13 or more, ≥ 0 (people).
    public let users: Double
    /// Probability 0...1 that a person of each age band uses the platform in a month.
    public let useByAge: [AgeBand: Double]
    /// Source of `users`, or "assumption (range a-b)".
    public let usersSource: String
    /// Source of `useByAge`, or "assumption".
    public let useSource: String

    public init(users: Double, useByAge: [AgeBand: Double], usersSource: String, useSource: String) {
        self.users = users
        self.useByAge = useByAge
        self.usersSource = usersSource
        self.useSource = useSource
    }
}

extension CountryProfile {
    /// Every country, in the order they are documented; the first is the default.
    public static let all: [CountryProfile] = [france, unitedStates]

    /// The country of a scenario that does not name one.
    public static let `default` = france

    /// Sources the tables cite that ../shared/CALIBRATION.md does not list (docs/presets.md,
    /// Countries). "sec." = read in a press summary.
    public static let otherSources: [String] = [
        "CRÉDOC (R. Bigot, S. Hoibian, J. Müller), « Les visites du patrimoine culturel et la question de la gratuité », report for the Ministère de la Culture (Direction générale des patrimoines), March 2016, collection des rapports n° 326: « près de quatre personnes sur dix ont visité une exposition temporaire ou un musée au cours des 12 derniers mois »",
        "Ministère de la Culture, Pratiques culturelles des Français 2018 (9,200 people in metropolitan France), sec.: 44% of people aged 15+ visited a heritage site (museum, exhibition or historic monument) in 2018 (atrium-patrimoine.com, « Culture : le patrimoine toujours plébiscité par les Français »)",
        "National Endowment for the Arts, U.S. Trends in Arts Attendance and Literary Reading: 2002-2017 (Survey of Public Participation in the Arts 2017, adults 18+): 23.7% visited an art museum or gallery in the last 12 months (24% in the American Academy of Arts and Sciences' Humanities Indicators)",
        "INSEE, bilan démographique 2024 (Jan 2025, AFP, sec.): 68,606,000 inhabitants in France on 1 January 2025",
    ]

    /// The country with code `code` (lower case), nil when unknown.
    public static func named(_ code: String) -> CountryProfile? { all.first { $0.code == code } }

    static func ages(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double) -> [AgeBand: Double] {
        [.age13to17: a, .age18to24: b, .age25to34: c, .age35to54: d, .age55plus: e]
    }

    /// Outside defaults shared by every country (no published figure).
    static let outsideAffinity = 0.25
    static let outsideAffinitySource =
        "assumption (range 0.1-0.5): an outside person interested in culture engages a quarter as much as the catchment's average person"
    static let outsideSessionsPerDay = 5.0
    static let outsideSessionsSource =
        "assumption (range 2-15): the loader's default for a segment (`sessions_per_day` 5)"

    // MARK: - France

    /// France: Médiamétrie, DataReportal/GWI, Arcom and the platforms' DSA reports, as collected in
    /// ../shared/CALIBRATION.md ("France: platform use and French cultural institutions").
    /// Where no French figure exists the number is an assumption with a range.
    static let franceInternetUsers = 55_000_000.0
    /// DataReportal/GWI Digital 2024 France: share of internet users aged 16-64 using a platform
    /// monthly; applied to `franceInternetUsers` for platforms with no published French total.
    static let dataReportal2024 = "DataReportal/GWI Digital 2024 France"

    static let france = CountryProfile(
        code: "fr", name: "France",
        internetUsers13plus: franceInternetUsers,
        platforms: [
            "facebook": CountryPlatform(
                users: 40_000_000, useByAge: ages(0.30, 0.45, 0.70, 0.72, 0.55),
                usersSource: "Facebook: 40M monthly users in France (early 2021); Arcom (Nov 2024, sec.): about 50M monthly visitors, not all users (range 40M-50M)",
                useSource: "18-24: 41% daily of 15-24 (Médiamétrie, L'Année Internet 2023) and 38% of 16-25 (Diplomeo 2025), monthly slightly higher; 25-34, 35-54: 60% daily of 25-49 (2020; Europe 1, sec.), monthly higher; 55+: 38% daily of 50+ (2020; Europe 1, sec.), monthly higher; 13-17: assumption (range 0.2-0.4)"),
            "instagram": CountryPlatform(
                users: 40_000_000, useByAge: ages(0.70, 0.76, 0.60, 0.40, 0.18),
                usersSource: "over 40M monthly visitors (Arcom, Nov 2024, sec.); 20M daily users (Médiamétrie 2023); range 33M-40M: 60.3% of internet users 16-64 (\(dataReportal2024))",
                useSource: "13-17: 71% daily at 17 (Arcom, Sept 2025); 18-24: 76% of 16-25 (Diplomeo 2025), 66% daily of 15-24 (Médiamétrie 2023); 25-34, 35-54, 55+: assumption shaped on 60.3% of internet users 16-64 (\(dataReportal2024))"),
            "x": CountryPlatform(
                users: 15_000_000, useByAge: ages(0.15, 0.28, 0.25, 0.18, 0.08),
                usersSource: "under 15M monthly active users (X's DSA report, BFM Tech 30 Apr 2025); 17.4M in Dec 2024",
                useSource: "18-24: 28% of 16-25 (Diplomeo 2025); other bands: assumption shaped on 30.2% of internet users 16-64 (\(dataReportal2024))"),
            "threads": CountryPlatform(
                users: 3_000_000, useByAge: ages(0.05, 0.10, 0.07, 0.04, 0.02),
                usersSource: "assumption (range 1M-6M): no French figure",
                useSource: "18-24: 10% of 16-25 (Diplomeo 2025); other bands: assumption"),
            "linkedin": CountryPlatform(
                users: 11_500_000, useByAge: ages(0.0, 0.43, 0.35, 0.28, 0.08),
                usersSource: "about 11.5M monthly users in France (2024)",
                useSource: "18-24: 43% of 16-25 (Diplomeo 2025, a student sample: likely high); 13-17: 0 (LinkedIn requires 16+); other bands: assumption shaped on 25.3% of internet users 16-64 (\(dataReportal2024))"),
            "mastodon": CountryPlatform(
                users: 300_000, useByAge: ages(0.003, 0.008, 0.010, 0.007, 0.003),
                usersSource: "assumption (range 100,000-600,000): Mastodon claimed 600,000 accounts in France (Apr 2022); fediverse ~1.5M monthly actives worldwide (mid 2023, low-medium)",
                useSource: "assumption: users / internet users, spread by age"),
            "bluesky": CountryPlatform(
                users: 1_500_000, useByAge: ages(0.01, 0.04, 0.04, 0.03, 0.01),
                usersSource: "assumption (range 0.5M-3M): no French figure; ~40M Bluesky accounts worldwide, Oct 2025 (sec.)",
                useSource: "assumption"),
            "tiktok": CountryPlatform(
                users: 21_400_000, useByAge: ages(0.65, 0.60, 0.40, 0.25, 0.08),
                usersSource: "21.4M monthly active users, Apr-Sep 2023 (TikTok's DSA report)",
                useSource: "18-24: 60% of 16-25 (Diplomeo 2025), 55% daily of 15-24 (Médiamétrie 2023); other bands: assumption shaped on 39.4% of internet users 16-64 (\(dataReportal2024))"),
            "youtube": CountryPlatform(
                users: 50_000_000, useByAge: ages(0.92, 0.95, 0.90, 0.85, 0.65),
                usersSource: "about 50M monthly visitors (Arcom, Nov 2024, sec.)",
                useSource: "18-24: 95% of 16-25 (Diplomeo 2023); 13-17: 58% daily of 11-17 (Arcom, Sept 2025), monthly higher; other bands: assumption"),
            "twitch": CountryPlatform(
                users: 6_000_000, useByAge: ages(0.25, 0.23, 0.12, 0.05, 0.01),
                usersSource: "assumption (range 3M-10M): no French figure",
                useSource: "18-24: 23% of 16-25 (Diplomeo 2023); other bands: assumption"),
            "snapchat": CountryPlatform(
                users: 23_800_000, useByAge: ages(0.80, 0.81, 0.40, 0.15, 0.04),
                usersSource: "43.2% of internet users 16-64 (\(dataReportal2024)) × 55M internet users 13+",
                useSource: "18-24: 81% daily of 15-24 (Médiamétrie 2023), 63% of 16-25 (Diplomeo 2025); 13-17: assumption; other bands: assumption shaped on 43.2% of internet users 16-64 (\(dataReportal2024))"),
            "pinterest": CountryPlatform(
                users: 15_500_000, useByAge: ages(0.25, 0.30, 0.32, 0.30, 0.18),
                usersSource: "28.1% of internet users 16-64 (\(dataReportal2024)) × 55M internet users 13+",
                useSource: "assumption shaped on 28.1% of internet users 16-64 (\(dataReportal2024))"),
        ],
        cultureShare: 0.40,
        outsideAffinity: outsideAffinity,
        outsideSessionsPerDay: outsideSessionsPerDay,
        sources: [
            "internet_users": "derived: 68.6M inhabitants on 1 Jan 2025 (INSEE) × about 85% aged 13+ × 95% online (DataReportal Digital 2025: 63.4M internet users); assumption range 52M-58M",
            "culture_share": "nearly 4 in 10 people visited a museum or a temporary exhibition in the last 12 months (CRÉDOC for the Ministère de la Culture, DGP, 2016); 44% of people aged 15+ visited a museum, an exhibition or a historic monument in 2018 (Ministère de la Culture, Pratiques culturelles des Français 2018, sec.); range 0.3-0.45",
            "outside.affinity": outsideAffinitySource,
            "outside.sessions_per_day": outsideSessionsSource,
        ])

    // MARK: - United States

    /// United States: Pew Research Center (2023, 2025), as collected in ../shared/CALIBRATION.md;
    /// the same use by age the presets carry (`PlatformPreset.useByAge`). Monthly users are Pew's
    /// share of adults × 262M adults plus the 13-17 use × 21M teenagers (both population figures
    /// approximate US Census Bureau 2024 estimates: assumption ±3%).
    static let usAdultsAndTeens = "× 262M adults + the 13-17 use × 21M teens (US Census 2024, approx.)"

    static let unitedStates = CountryProfile(
        code: "us", name: "United States",
        internetUsers13plus: 270_000_000,
        platforms: [
            "facebook": CountryPlatform(
                users: 193_000_000, useByAge: ages(0.32, 0.67, 0.75, 0.75, 0.62),
                usersSource: "71% of US adults (Pew 2025) \(usAdultsAndTeens)",
                useSource: "71% of US adults (Pew 2025); split by age band: assumption"),
            "instagram": CountryPlatform(
                users: 143_000_000, useByAge: ages(0.59, 0.78, 0.60, 0.45, 0.20),
                usersSource: "50% of US adults (Pew 2025) \(usAdultsAndTeens)",
                useSource: "18-29 78%, 65+ 15% (Pew 2023); other bands interpolated: assumption"),
            "x": CountryPlatform(
                users: 59_000_000, useByAge: ages(0.20, 0.42, 0.27, 0.20, 0.10),
                usersSource: "21% of US adults (Pew 2025) \(usAdultsAndTeens)",
                useSource: "21% of US adults (Pew 2025); split by age band: assumption"),
            "threads": CountryPlatform(
                users: 22_000_000, useByAge: ages(0.06, 0.15, 0.12, 0.08, 0.03),
                usersSource: "8% of US adults (Pew 2025) \(usAdultsAndTeens)",
                useSource: "8% of US adults (Pew 2025); split by age band: assumption"),
            "linkedin": CountryPlatform(
                users: 70_000_000, useByAge: ages(0.0, 0.20, 0.35, 0.30, 0.15),
                usersSource: "assumption (range 50M-100M): no LinkedIn figure in CALIBRATION.md",
                useSource: "assumption (no LinkedIn figure in CALIBRATION.md; LinkedIn requires age 16+)"),
            "mastodon": CountryPlatform(
                users: 500_000, useByAge: ages(0.01, 0.03, 0.03, 0.02, 0.01),
                usersSource: "assumption (range 200,000-1M): about a third of the fediverse's ~1.5M monthly actives (mid 2023, low-medium)",
                useSource: "fediverse ~1.5M monthly actives mid 2023 (low-medium); by age band: assumption"),
            "bluesky": CountryPlatform(
                users: 11_000_000, useByAge: ages(0.02, 0.07, 0.07, 0.04, 0.02),
                usersSource: "4% of US adults (Pew 2025) \(usAdultsAndTeens)",
                useSource: "4% of US adults (Pew 2025); split by age band: assumption"),
            "tiktok": CountryPlatform(
                users: 110_000_000, useByAge: ages(0.63, 0.62, 0.45, 0.33, 0.10),
                usersSource: "37% of US adults (Pew 2025) \(usAdultsAndTeens)",
                useSource: "18-29 62%, 65+ 10% (Pew 2023); 37% of US adults (Pew 2025); other bands: assumption"),
            "youtube": CountryPlatform(
                users: 239_000_000, useByAge: ages(0.90, 0.93, 0.88, 0.83, 0.60),
                usersSource: "84% of US adults (Pew 2025) \(usAdultsAndTeens)",
                useSource: "84% of US adults (Pew 2025); 18-29 93%, 65+ 60% (Pew 2023); other bands: assumption"),
            "twitch": CountryPlatform(
                users: 30_000_000, useByAge: ages(0.25, 0.20, 0.12, 0.05, 0.01),
                usersSource: "assumption (range 20M-50M)",
                useSource: "assumption"),
            "snapchat": CountryPlatform(
                users: 80_000_000, useByAge: ages(0.60, 0.55, 0.30, 0.15, 0.04),
                usersSource: "assumption (range 60M-110M)",
                useSource: "assumption"),
            "pinterest": CountryPlatform(
                users: 85_000_000, useByAge: ages(0.30, 0.35, 0.35, 0.35, 0.25),
                usersSource: "assumption (range 60M-100M)",
                useSource: "assumption"),
        ],
        cultureShare: 0.237,
        outsideAffinity: outsideAffinity,
        outsideSessionsPerDay: outsideSessionsPerDay,
        sources: [
            "internet_users": "derived: about 95% online (Pew, range 93-97%) of 262M adults + 21M teens 13-17 (US Census 2024, approx.); assumption range 260M-285M",
            "culture_share": "23.7% of US adults visited an art museum or gallery in the last 12 months (NEA, Survey of Public Participation in the Arts 2017); range 0.2-0.35 (other museums not counted)",
            "outside.affinity": outsideAffinitySource,
            "outside.sessions_per_day": outsideSessionsSource,
        ])
}
