/// People differ in how often they open their apps. Rather than a continuous activity per person,
/// each agent gets one of `count` equally likely levels: the midpoints (in probability) of a
/// Gamma(shape, 1/shape) distribution, rescaled to mean exactly 1. People of one segment and one
/// level are exchangeable, which lets feeds draw exposure per group (geometric skipping) while
/// keeping the heterogeneity that matters for reach.
public struct ActivityLevels: Sendable, Equatable {
    /// Multipliers of the segment's sessions per day, mean exactly 1, ascending.
    public let multipliers: [Double]

    public static let count = 4

    /// - Parameter shape: Gamma shape 0.2...100 (smaller = more unequal).
    public init(shape: Double) {
        let n = ActivityLevels.count
        let raw = (0..<n).map { i in
            Statistics.gammaQuantile((Double(i) + 0.5) / Double(n), shape: shape, scale: 1 / shape)
        }
        let mean = raw.reduce(0, +) / Double(n)
        multipliers = raw.map { $0 / mean }
    }
}
