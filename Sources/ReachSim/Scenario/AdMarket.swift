/// A platform's self-serve ad market, as paid boosts use it. Plain data: the sources of each
/// preset's figures are in `PlatformPreset.sources` (keys `ad_market.*`) and docs/presets.md.
///
/// Euros: the published ranges are in US dollars; they are converted at 1 USD = 0.92 EUR
/// (assumption, late 2025) and not adjusted for the 20-40% higher Q4 prices.
public struct AdMarket: Sendable {
    /// Lowest usual price of 1,000 impressions, euros, > 0.
    public var cpmLow: Double
    /// Highest usual price of 1,000 impressions, euros, ≥ `cpmLow`.
    public var cpmHigh: Double
    /// Smallest daily budget the platform accepts for one campaign or ad group, euros, ≥ 0.
    public var minimumDailyBudget: Double
    /// Default cap of impressions of one ad per person per 7 days, ≥ 1.
    public var frequencyCapPerWeek: Int

    public init(cpmLow: Double, cpmHigh: Double, minimumDailyBudget: Double, frequencyCapPerWeek: Int) {
        self.cpmLow = cpmLow
        self.cpmHigh = cpmHigh
        self.minimumDailyBudget = minimumDailyBudget
        self.frequencyCapPerWeek = frequencyCapPerWeek
    }
}

extension AdMarket {
    /// US dollars to euros for the published CPM ranges (assumption).
    public static let eurosPerDollar = 0.92
}
