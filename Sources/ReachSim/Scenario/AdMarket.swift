/// A platform's ad market: what an impression costs and the delivery rules a paid boost meets.
/// Platforms without one (Mastodon, Bluesky) cannot be boosted.
///
/// Every number comes from `docs/presets.md` / CALIBRATION.md "Paid media", with its source.
public struct AdMarket: Sendable {
    /// Low end of the CPM range, euros per 1,000 impressions (the 5% quantile of the CPM
    /// distribution a replicate draws from).
    public var cpmLow: Double
    /// High end of the CPM range, euros per 1,000 impressions (the 95% quantile).
    public var cpmHigh: Double
    /// Smallest daily budget the platform accepts for a boost, euros per day.
    public var minimumDailyBudget: Double
    /// Default frequency cap: impressions of one boost per person per 7 days.
    public var frequencyCapPerWeek: Int

    public init(cpmLow: Double, cpmHigh: Double, minimumDailyBudget: Double, frequencyCapPerWeek: Int) {
        self.cpmLow = cpmLow
        self.cpmHigh = cpmHigh
        self.minimumDailyBudget = minimumDailyBudget
        self.frequencyCapPerWeek = frequencyCapPerWeek
    }
}
