/// One account's metric over the back-test's periods of one kind: the actual value, the
/// replicates' band and the naive forecast of each period, and their scores.
public struct BacktestSeries: Sendable {
    public var account: ObservedHistory.Account
    public var metric: BacktestMetric
    public var kind: BacktestPeriod.Kind
    public var periods: [BacktestPeriod]
    /// In the metric's unit (impressions, actions, people).
    public var actual: [Double]
    public var bands: [BacktestMetrics.Band]
    public var naive: [Double?]

    public var scores: BacktestMetrics.Scores {
        BacktestMetrics.scores(actual: actual, bands: bands, naive: naive)
    }
}
