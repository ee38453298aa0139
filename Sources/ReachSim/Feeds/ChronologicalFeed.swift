/// A reverse-chronological home timeline (Mastodon, Bluesky's Following feed): no ranking. A
/// follower sees a post if they open the app while the post is still within what they scroll.
/// Out of network, a post is seen through boosts (the share cascade) and through the timelines
/// that list posts by topic or place rather than by who you follow (`discoveryPerPost`).
///
/// The post stays within reach for T = min(`maxAgeHours`, `scrollDepth` / `inflowPerHour`) hours:
/// after that, `scrollDepth` newer posts from other accounts sit above it. A follower with `a`
/// sessions a day opens the app L = a × S(h, T) times in expectation in that window, S being the
/// share of a day's sessions in [h, h + T]. With Poisson sessions (`sessionRegularity` 0) they see
/// the post with probability 1 − exp(−L); with evenly spaced sessions (regularity 1, random phase
/// on the profile's clock) with probability min(1, L); in between, the mixture
///
///     p = (1 − ρ)·(1 − exp(−L)) + ρ·min(1, L).
///
/// So with one session a day, no inflow and ρ = 1, every post made since the last session is seen
/// (tested). A share (boost) re-inserts the post at the top of the sharer's followers' timelines,
/// so the same formula applies to it.
///
/// **Discovery.** Mastodon's hashtag, local and federated timelines and Bluesky's custom feeds
/// (topic and keyword feeds) show a post to people who do not follow the account. Those
/// timelines are themselves chronological filters: a post is listed because of its hashtag,
/// keyword or server, not because of its engagement, so each post gets Poisson(`discoveryPerPost`
/// × the campaigns' multiplier) out-of-network impressions, a constant per post (in people; ÷ the
/// audience scale in agents). They land on random users of the platform (`PostSampler.showDiscovery`),
/// and the shares of those viewers cascade; engagement-driven spread is the boost cascade, so it
/// is not counted a second time here. The post's format does not enter: hashtags and feeds list
/// text and images alike.
public struct ChronologicalFeed: Sendable, Equatable {
    /// Posts a person scrolls back through in one session, 1...100,000. Assumption, default 40.
    public var scrollDepth: Double
    /// Posts per hour arriving in a follower's timeline from the other accounts they follow,
    /// 0...10,000. Assumption, default 5 (Mastodon), 8 (Bluesky).
    public var inflowPerHour: Double
    /// Age in hours after which nobody scrolls down to a post anymore, 1...8,760. Default 168 (a week).
    public var maxAgeHours: Double
    /// Regularity ρ of app sessions, 0...1: 0 = Poisson sessions (default), 1 = evenly spaced.
    public var sessionRegularity: Double
    /// Mean out-of-network impressions of a post, in people per post, 0...1,000,000: hashtag,
    /// local and federated timelines (Mastodon), custom feeds (Bluesky). Default 0 (no discovery);
    /// presets: assumptions, Mastodon 100 (range 0-1,000), Bluesky 150 (range 0-1,500).
    public var discoveryPerPost: Double

    public init(scrollDepth: Double = 40, inflowPerHour: Double = 5, maxAgeHours: Double = 168,
                sessionRegularity: Double = 0, discoveryPerPost: Double = 0) {
        self.scrollDepth = scrollDepth
        self.inflowPerHour = inflowPerHour
        self.maxAgeHours = maxAgeHours
        self.sessionRegularity = sessionRegularity
        self.discoveryPerPost = discoveryPerPost
    }

    /// Hours a post stays within scrolling reach.
    public var visibleHours: Double {
        inflowPerHour <= 0 ? maxAgeHours : min(maxAgeHours, scrollDepth / inflowPerHour)
    }

    /// Probability of at least one session when L sessions are expected in the window.
    @inline(__always)
    func sessionProbability(expected l: Double) -> Double {
        let poisson = 1 - _exp(-l)
        if sessionRegularity == 0 { return poisson }
        return (1 - sessionRegularity) * poisson + sessionRegularity * min(1, l)
    }

    /// Probability that a member of each exposure class sees a post published at `hour`.
    func visibility(hour: Int, classes: ExposureClasses, calendar: SessionCalendar, into out: inout [Double]) {
        let share = calendar.share(from: Double(hour), hours: visibleHours)
        for c in 0..<classes.count {
            out[c] = sessionProbability(expected: classes.sessionsPerDay[c] * share)
        }
    }
}
