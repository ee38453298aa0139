/// A paid boost on one platform (`platforms.<name>.boost` in a scenario; see docs/boost.md).
///
/// Each week of the boost window the week's budget buys `budget / CPM × 1000` impressions (in
/// people), which land on random members of the targeted pool, respecting the frequency cap.
/// Unique reach therefore saturates by itself as the pool is exhausted.
public struct BoostSpec: Sendable, Equatable {
    /// How the money is given.
    public enum Budget: Sendable, Equatable {
        /// Euros per week of the window.
        case perWeek(Double)
        /// Euros per month of the window; a week gets `perMonth × 12 / 52`.
        case perMonth(Double)
        /// Euros per post published on the platform in a week of the window (posts dropped for
        /// lack of hours are not boosted).
        case perPost(Double)
        /// Euros over the whole window, spread evenly over its weeks.
        case total(Double)

        /// The budget that key `key` (one of `BoostSpec.budgetKeys`) gives `euros`; nil for any
        /// other key. The one mapping from the file's keys to budgets (a boost's and a timeline
        /// `budget` event's).
        public init?(key: String, euros: Double) {
            switch key {
            case "budget_per_week": self = .perWeek(euros)
            case "budget_per_month": self = .perMonth(euros)
            case "budget_per_post": self = .perPost(euros)
            case "budget_total": self = .total(euros)
            default: return nil
            }
        }

        /// The money given, whatever the unit (0 means no boost at all).
        public var amount: Double {
            switch self {
            case .perWeek(let v), .perMonth(let v), .perPost(let v), .total(let v): v
            }
        }
    }

    /// What the platform optimises delivery for.
    public enum Objective: String, CaseIterable, Sendable {
        /// Impressions land uniformly on the targeted pool (Meta's Reach objective).
        case reach
        /// Impressions favour people likelier to engage: a pool member is drawn with weight
        /// proportional to their segment's affinity (segments of affinity 0 are left out).
        case engagement
    }

    /// Which people of the targeted segments may be shown the boost.
    public enum Audience: String, CaseIterable, Sendable {
        case followers
        case nonFollowers = "non_followers"
        case both
    }

    public var budget: Budget
    /// First and last week of the boost, 1-based and inclusive, within the horizon.
    public var startWeek: Int
    public var endWeek: Int
    public var objective: Objective
    /// Indices of the targeted segments (all by default).
    public var segments: [Int]
    /// Targeted localities (all by default).
    public var localities: [Locality]
    public var audience: Audience
    /// At most `capImpressions` impressions per person per `capWeeks` weeks (periods counted from
    /// `startWeek`); `nil` for no cap. Default: the ad market's cap per 7 days.
    public var capImpressions: Int?
    public var capWeeks: Int
    /// CPM range in euros per 1,000 impressions: each replicate draws its CPM from a lognormal
    /// distribution whose 5% and 95% quantiles are `cpmLow` and `cpmHigh` (equal: a fixed CPM).
    public var cpmLow: Double
    public var cpmHigh: Double
    /// Format of the boosted content (engagement rates are the platform's for that format).
    public var format: PostFormat
    /// Paid viewers engage and follow at the platform's rates for the format × the segment's
    /// affinity × this multiplier (0...10; default 0.5, an assumption: people who did not choose
    /// to see the institution respond less than its public).
    public var engagementMultiplier: Double
    /// Local hour 0...23 whose peer visibility the cascade of the paid viewers' shares uses (the
    /// hour the campaign's viewers are taken to share at). Nil: the boosted account's first
    /// posting hour (a plan read from a file always has one; 19 for a plan built without).
    public var hour: Int?
    /// Smallest daily budget the platform accepts, euros (its ad market's; 0 when built in code):
    /// a timeline `budget` event below it is refused like the boost's own budget.
    public var minimumDailyBudget: Double

    public init(budget: Budget, startWeek: Int, endWeek: Int, objective: Objective = .reach,
                segments: [Int], localities: [Locality] = Locality.allCases, audience: Audience = .both,
                capImpressions: Int?, capWeeks: Int = 1, cpmLow: Double, cpmHigh: Double,
                format: PostFormat = .image, engagementMultiplier: Double = 0.5, hour: Int? = nil,
                minimumDailyBudget: Double = 0) {
        self.budget = budget
        self.startWeek = startWeek
        self.endWeek = endWeek
        self.objective = objective
        self.segments = segments
        self.localities = localities
        self.audience = audience
        self.capImpressions = capImpressions
        self.capWeeks = capWeeks
        self.cpmLow = cpmLow
        self.cpmHigh = cpmHigh
        self.format = format
        self.engagementMultiplier = engagementMultiplier
        self.hour = hour
        self.minimumDailyBudget = minimumDailyBudget
    }

    /// Euros a day that `budget` spends over a window of `weeks` weeks: per week ÷ 7, per month
    /// × 12 ÷ 365, per post as one day (a boosted post runs at least a day), total ÷ the window's days.
    public static func perDay(_ budget: Budget, weeks: Int) -> Double {
        switch budget {
        case .perWeek(let v): v / 7
        case .perMonth(let v): v * 12 / 365
        case .perPost(let v): v
        case .total(let v): v / (7 * Double(weeks))
        }
    }

    /// Why `budget` over `weeks` weeks cannot be booked (a positive budget below the minimum
    /// daily budget), nil when it can; 0 means no boost and is always allowed.
    public func refusal(of budget: Budget, weeks: Int, platform: String, given text: String) -> String? {
        let perDay = Self.perDay(budget, weeks: weeks)
        guard budget.amount > 0, perDay < minimumDailyBudget - 1e-9 else { return nil }
        let daily = (perDay * 100).rounded(.down) / 100
        return "\(text) euros is €\(PresetParameters.number(daily)) a day, below \(platform)'s minimum daily budget of " +
            "€\(PresetParameters.number(minimumDailyBudget)); raise it, or set 0 for no boost"
    }

    /// Weeks in the window.
    public var weeks: Int { endWeek - startWeek + 1 }

    /// Whether week `w` (0-based) is in the window.
    public func isActive(week w: Int) -> Bool { w + 1 >= startWeek && w + 1 <= endWeek }

    /// The budget of 0-based week `w`, in euros, given the posts the platform publishes that week.
    public func budget(week w: Int, posts: Int) -> Double {
        guard isActive(week: w) else { return 0 }
        switch budget {
        case .perWeek(let v): return v
        case .perMonth(let v): return v * 12 / 52
        case .perPost(let v): return v * Double(posts)
        case .total(let v): return v / Double(weeks)
        }
    }

    /// The `budget_*` key names, in the order documented.
    public static let budgetKeys = ["budget_per_week", "budget_per_month", "budget_per_post", "budget_total"]
}
