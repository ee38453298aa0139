import Foundation

/// How an account's posting cadence changes what each post gets, on every platform (feeds'
/// own cadence terms, such as ranked visibility, are in the feed models).
///
/// - Over-posting: above one post a day, each post's like (and share) probability is multiplied
///   by d^−0.811 and its comment probability by d^−0.358, d = posts per day: at two posts a day a
///   post gets 57% of the likes and 78% of the comments of a once-a-day post (Track Social, see
///   docs/model.md). Followers' weekly churn is multiplied by d (assumption: twice the unfollows
///   at two posts a day).
/// - Dormancy: an account that published fewer than `dormantBelow` posts a week over the last
///   4 weeks (a ghost, or a plan of almost nothing) loses followers `dormantChurnMultiplier` times
///   faster (assumption).
enum CadenceEffects {
    static let likeExponent = log(0.57) / log(2.0)
    static let commentExponent = log(0.78) / log(2.0)
    /// Posts per week below which an account counts as dormant.
    static let dormantBelow = 0.25
    static let dormantChurnMultiplier = 2.0

    /// Multipliers of (like, comment, share) probabilities for an account posting `cadence` posts a week.
    static func engagement(cadence: Double) -> (like: Double, comment: Double, share: Double) {
        let perDay = cadence / 7
        guard perDay > 1 else { return (1, 1, 1) }
        let like = pow(perDay, likeExponent)
        return (like, pow(perDay, commentExponent), like)
    }

    /// Multiplier of the platform's weekly churn for an account posting `cadence` posts a week.
    static func churn(cadence: Double) -> Double {
        if cadence < dormantBelow { return dormantChurnMultiplier }
        return max(1, cadence / 7)
    }
}
