/// Which weeks a back-test holds out (`--holdout`).
public enum BacktestHoldout: String, Sendable, CaseIterable {
    /// The period after `--train-until`, to the last observed post: can the model forecast what
    /// comes next (trend included)? Scored per week and per month.
    case last
    /// Every k-th week of the whole history, from its first post, with k = round(days of the
    /// whole history / days after `--train-until`) (at least 2), so that about the same share of
    /// weeks is held out as with `last`, spread over the period: weeks 1·k, 2·k, … (the k-th, the
    /// 2k-th, …). A trend then cannot make the forecast wrong, the mechanics can. Scored per
    /// week only (held-out weeks do not make up months).
    case spread
}
