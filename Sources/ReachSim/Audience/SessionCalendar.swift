/// When people open their apps, as a cumulative share of a day's sessions.
///
/// Built from a 24-hour profile of relative session rates; the rate is constant within an hour.
/// `share(from:hours:)` is ∫ rate over [t, t + T] with the day's integral equal to 1, so a person
/// with `a` sessions a day (a Poisson process) opens the app in that window with probability
/// 1 − exp(−a × share).
public struct SessionCalendar: Sendable {
    /// cumulative[h] = share of a day's sessions before hour h, cumulative[24] = 1.
    private let cumulative: [Double]
    private let rate: [Double]

    /// - Parameter profile: 24 non-negative weights, not all zero.
    public init(profile: [Double]) {
        precondition(profile.count == 24 && profile.allSatisfy { $0 >= 0 } && profile.contains { $0 > 0 })
        let total = profile.reduce(0, +)
        rate = profile.map { $0 / total }
        var c = [0.0]
        for r in rate { c.append(c.last! + r) }
        c[24] = 1
        cumulative = c
    }

    /// Share 0...1 of the day's sessions in hour `hour` (0-23).
    public func rate(atHour hour: Int) -> Double { rate[hour] }

    /// Share of a day's sessions between `start` and `start + hours` (hours ≥ 0, may span days:
    /// the result is then above 1).
    public func share(from start: Double, hours: Double) -> Double {
        cumulativeAt(start + hours) - cumulativeAt(start)
    }

    private func cumulativeAt(_ t: Double) -> Double {
        let days = (t / 24).rounded(.down)
        let inDay = t - days * 24
        let h = min(23, Int(inDay))
        return days + cumulative[h] + rate[h] * (inDay - Double(h))
    }

    /// Session density in the `hours` after `hour`, relative to the day's average (1 = average).
    public func relativeDensity(afterHour hour: Int, hours: Double) -> Double {
        share(from: Double(hour), hours: hours) / (hours / 24)
    }
}
