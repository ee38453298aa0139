import Foundation

/// How an account's posting cadence changes what each post gets (feeds' own cadence terms, such as
/// ranked visibility, are in the feed models): over-posting, per platform (`OverpostingEffect`),
/// and dormancy, on every platform.
///
/// - Dormancy: an account that published fewer than `dormantBelow` posts a week over the last
///   4 weeks (a ghost, or a plan of almost nothing) loses followers `dormantChurnMultiplier` times
///   faster (assumption).
enum CadenceEffects {
    /// Posts per week below which an account counts as dormant.
    static let dormantBelow = 0.25
    static let dormantChurnMultiplier = 2.0

    /// Multipliers of (like, comment, share) probabilities for a post of `format` by an account
    /// posting `cadence` posts a week on a platform with `overposting`.
    static func engagement(cadence: Double, format: PostFormat = .image,
                           overposting: OverpostingEffect = .trackSocial) -> (like: Double, comment: Double, share: Double) {
        overposting.engagement(cadence: cadence, format: format)
    }

    /// Multiplier of the platform's weekly churn for an account posting `cadence` posts a week,
    /// `feedCadence` of them not stories (over-posting counts those; default: all).
    static func churn(cadence: Double, feedCadence: Double? = nil, overposting: OverpostingEffect = .trackSocial) -> Double {
        if cadence < dormantBelow { return dormantChurnMultiplier }
        return overposting.churn(cadence: feedCadence ?? cadence)
    }
}
