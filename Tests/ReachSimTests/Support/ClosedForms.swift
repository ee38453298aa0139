import Foundation

/// Closed forms written out in the tests, independently of the code they check: expected
/// visibilities come from here, never from the feed's own `followerVisibility`.
enum ClosedForms {
    /// CDF of Gamma(k, 1/k) for an integer shape k: 1 − e^{−kx} Σ_{j<k} (kx)^j / j!.
    static func gammaCDF(_ x: Double, integerShape k: Int) -> Double {
        let y = Double(k) * x
        var term = 1.0, sum = 1.0
        for j in 1..<max(1, k) {
            term *= y / Double(j)
            sum += term
        }
        return 1 - exp(-y) * sum
    }

    /// The 4 activity levels of docs/model.md ("the probability midpoints of a Gamma(k, 1/k)
    /// distribution, rescaled to mean exactly 1"), by bisection on the closed-form CDF.
    static func activityLevels(integerShape k: Int, count: Int = 4) -> [Double] {
        let raw = (0..<count).map { i -> Double in
            let u = (Double(i) + 0.5) / Double(count)
            var lo = 0.0, hi = 50.0
            for _ in 0..<200 {
                let mid = (lo + hi) / 2
                if gammaCDF(mid, integerShape: k) < u { lo = mid } else { hi = mid }
            }
            return (lo + hi) / 2
        }
        let mean = raw.reduce(0, +) / Double(count)
        return raw.map { $0 / mean }
    }

    /// Ranked feeds' activity factor a^s / mean(a^s) (docs/model.md, "activity_c").
    static func activityFactors(_ levels: [Double], sensitivity s: Double) -> [Double] {
        let powered = levels.map { pow($0, s) }
        let mean = powered.reduce(0, +) / Double(levels.count)
        return powered.map { $0 / mean }
    }

    /// Share of a day's sessions in the hours [start, start + hours) of a profile that is constant
    /// within each hour (whole hours only).
    static func sessionShare(profile: [Double], start: Int, hours: Int) -> Double {
        let total = profile.reduce(0, +)
        return (start..<(start + hours)).reduce(0) { $0 + profile[$1 % 24] } / total
    }

    /// Mean and variance of the views of one post whose followers, counted by activity level in
    /// `followersPerLevel`, each see it with `probability[level]` (a sum of Bernoulli draws).
    static func views(followersPerLevel: [Int], probability: [Double]) -> (mean: Double, variance: Double) {
        zip(followersPerLevel, probability).reduce((0, 0)) { acc, x in
            (acc.0 + Double(x.0) * x.1, acc.1 + Double(x.0) * x.1 * (1 - x.1))
        }
    }
}
