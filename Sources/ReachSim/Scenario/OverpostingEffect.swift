import Foundation

/// Over-posting on one platform: what posting more than a platform's followers take in costs each
/// post and the account's followers. Per platform (`PlatformSpec.overposting`, scenario key
/// `overposting:`), because the one measured figure is Facebook's.
///
/// With d = the account's posts a day (its cadence over the last 4 weeks ÷ 7) above
/// `postsPerDay` d₀, a post's like and share probabilities are multiplied by (d / d₀)^`likeExponent`,
/// its comment probability by (d / d₀)^`commentExponent`, and the account's followers' weekly
/// churn by (d / d₀)^`churnExponent`. At or below d₀ nothing changes.
///
/// Facebook (`trackSocial`): d₀ = 1, like exponent log 0.57 / log 2 ≈ −0.811 and comment exponent
/// log 0.78 / log 2 ≈ −0.358 — at two posts a day each post gets 57% of the likes and 78% of the
/// comments of a once-a-day post (Track Social, shared/CALIBRATION.md); churn exponent 1
/// (assumption: twice the unfollows at twice the cadence).
///
/// Stories are exempt: a story post's own engagement is not reduced, and stories do not count in
/// d (the runner passes the account's cadence without its stories, `WeekPlan.feedCadence`).
/// Stories sit in their own tray, ranked apart from the feed (Mosseri 2023), expire after 24
/// hours, and brands post several a day (Socialinsider via MarketingCharts 2022: median brand
/// 15-16 stories a month; Fanpage Karma 2020: up to 3 a day for large profiles); Track Social's
/// figure is about page posts in the News Feed, and no source measures a per-story penalty.
public struct OverpostingEffect: Sendable, Equatable {
    /// Posts a day d₀ above which the penalty starts, 0.1...100.
    public var postsPerDay: Double
    /// Exponent −3...0 of (d / d₀) on the like and share probabilities; 0 = no penalty.
    public var likeExponent: Double
    /// Exponent −3...0 of (d / d₀) on the comment probability; 0 = no penalty.
    public var commentExponent: Double
    /// Exponent 0...3 of (d / d₀) on the followers' weekly churn; 0 = no extra churn.
    public var churnExponent: Double

    public init(postsPerDay: Double, likeExponent: Double, commentExponent: Double, churnExponent: Double) {
        self.postsPerDay = postsPerDay
        self.likeExponent = likeExponent
        self.commentExponent = commentExponent
        self.churnExponent = churnExponent
    }

    /// Facebook pages, Track Social: 57% of the likes and 78% of the comments at two posts a day.
    public static let trackSocial = OverpostingEffect(postsPerDay: 1, likeExponent: log(0.57) / log(2.0),
                                                      commentExponent: log(0.78) / log(2.0), churnExponent: 1)
    /// No over-posting effect at all.
    public static let none = OverpostingEffect(postsPerDay: 1, likeExponent: 0, commentExponent: 0, churnExponent: 0)

    /// Multipliers of (like, comment, share) probabilities of a post of `format` for an account
    /// posting `cadence` posts a week (1 for stories, and at or below `postsPerDay`).
    func engagement(cadence: Double, format: PostFormat) -> (like: Double, comment: Double, share: Double) {
        let ratio = cadence / 7 / postsPerDay
        guard ratio > 1, format != .story else { return (1, 1, 1) }
        let like = likeExponent == 0 ? 1 : pow(ratio, likeExponent)
        return (like, commentExponent == 0 ? 1 : pow(ratio, commentExponent), like)
    }

    /// Multiplier ≥ 1 of the weekly churn for over-posting at `cadence` posts a week.
    func churn(cadence: Double) -> Double {
        let ratio = cadence / 7 / postsPerDay
        guard ratio > 1, churnExponent > 0 else { return 1 }
        return pow(ratio, churnExponent)
    }
}
