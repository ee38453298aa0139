/// The difference between an alternative scenario and a base, replicate by replicate.
///
/// Under common random numbers replicate r of both scenarios shares its random draws wherever the
/// scenarios agree, so the paired difference dᵣ = altᵣ − baseᵣ isolates the effect of the decision.
public struct PairedComparison: Sendable, Equatable {
    public var baseMean: Double
    public var altMean: Double
    /// Mean of the paired differences.
    public var diffMean: Double
    /// 90% confidence interval of the mean difference: mean ± z₀.₉₅ · sd / √R (normal
    /// approximation; 0 width when every difference is equal).
    public var diffLow: Double
    public var diffHigh: Double
    /// 5% and 95% quantiles of the paired differences: the spread of the effect between replicates.
    public var diffP05: Double
    public var diffP95: Double
    /// Share of replicates where the alternative is higher (ties count half), 0...1.
    public var probabilityAltHigher: Double

    /// - Parameters: base and alt hold one value per replicate, paired by index.
    public init(base: [Double], alt: [Double]) {
        precondition(base.count == alt.count && !base.isEmpty)
        let n = Double(base.count)
        let d = zip(alt, base).map { $0 - $1 }
        let summary = Statistics.summarize(d)
        baseMean = base.reduce(0, +) / n
        altMean = alt.reduce(0, +) / n
        diffMean = summary.mean
        let half = Statistics.normalQuantile(0.95) * summary.sd / n.squareRoot()
        diffLow = summary.mean - half
        diffHigh = summary.mean + half
        diffP05 = summary.p05
        diffP95 = summary.p95
        let higher = d.filter { $0 > 0 }.count, ties = d.filter { $0 == 0 }.count
        probabilityAltHigher = (Double(higher) + 0.5 * Double(ties)) / n
    }
}
