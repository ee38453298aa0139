/// A reverse-chronological home timeline (Mastodon, Bluesky's Following feed): no ranking, no
/// out-of-network reach. A follower sees a post if they open the app while the post is still
/// within what they scroll.
///
/// The post stays within reach for T = min(`maxAgeHours`, `scrollDepth` / `inflowPerHour`) hours:
/// after that, `scrollDepth` newer posts from other accounts sit above it. A follower with `a`
/// sessions a day (Poisson, shaped by the hourly profile) opens the app in that window with
/// probability 1 − exp(−a × S(h, T)), S being the share of a day's sessions in [h, h + T].
/// A share (boost) re-inserts the post at the top of the sharer's followers' timelines, so the
/// same formula applies to it.
public struct ChronologicalFeed: Sendable, Equatable {
    /// Posts a person scrolls back through in one session, 1...100,000. Assumption, default 40.
    public var scrollDepth: Double
    /// Posts per hour arriving in a follower's timeline from the other accounts they follow,
    /// 0...10,000. Assumption, default 5 (Mastodon), 8 (Bluesky).
    public var inflowPerHour: Double
    /// Age in hours after which nobody scrolls down to a post anymore, 1...8,760. Default 168 (a week).
    public var maxAgeHours: Double

    public init(scrollDepth: Double = 40, inflowPerHour: Double = 5, maxAgeHours: Double = 168) {
        self.scrollDepth = scrollDepth
        self.inflowPerHour = inflowPerHour
        self.maxAgeHours = maxAgeHours
    }

    /// Hours a post stays within scrolling reach.
    public var visibleHours: Double {
        inflowPerHour <= 0 ? maxAgeHours : min(maxAgeHours, scrollDepth / inflowPerHour)
    }

    /// Probability that a member of each exposure class sees a post published at `hour`.
    func visibility(hour: Int, classes: ExposureClasses, calendar: SessionCalendar, into out: inout [Double]) {
        let share = calendar.share(from: Double(hour), hours: visibleHours)
        for c in 0..<classes.count {
            out[c] = 1 - _exp(-classes.sessionsPerDay[c] * share)
        }
    }
}
