/// How a platform decides who sees a post. Each case holds the parameters of one model.
public enum FeedModel: Sendable, Equatable {
    case chronological(ChronologicalFeed)
    case ranked(RankedFeed)
    case interest(InterestFeed)
    case live(LiveFeed)

    /// Name used in files and messages.
    public var name: String { kind.rawValue }

    public var kind: FeedKind {
        switch self {
        case .chronological: .chronological
        case .ranked: .ranked
        case .interest: .interest
        case .live: .live
        }
    }
}

/// Which feed model a scenario names (`feed.model`).
public enum FeedKind: String, CaseIterable, Sendable {
    case chronological, ranked, interest, live
}

/// A feed model prepared for one audience: per-class factors computed once per run.
struct PreparedFeed: Sendable {
    let model: FeedModel
    let calendar: SessionCalendar
    let classes: ExposureClasses
    /// Ranked and interest feeds: activity factor per class (mean 1 over levels).
    private let activity: [Double]
    /// Interest feeds: probability of accepting a drawn user of each class into a test batch,
    /// proportional to the segment's affinity (the largest affinity is accepted always).
    let interestWeight: [Double]

    /// - Parameter affinity: per segment (empty = all alike).
    init(_ model: FeedModel, classes: ExposureClasses, calendar: SessionCalendar, affinity: [Double] = []) {
        self.model = model
        self.calendar = calendar
        self.classes = classes
        switch model {
        case .ranked(let r): activity = r.activityFactors(classes)
        case .interest:
            activity = RankedFeed(baseVisibility: 0, formatMultiplier: FormatTable { _ in 1 }, hourSensitivity: 0,
                                  cadenceReference: 1, cadenceExponent: 0, activitySensitivity: 1,
                                  peerVisibility: 0, discoveryPerEngagement: 0).activityFactors(classes)
        case .chronological, .live: activity = Array(repeating: 1, count: classes.count)
        }
        let top = affinity.max() ?? 0
        interestWeight = (0..<classes.count).map { c in
            top > 0 && c / ActivityLevels.count < affinity.count ? affinity[c / ActivityLevels.count] / top : 1
        }
    }

    /// Probability that a follower of the account, by exposure class, sees a post (its first wave).
    /// - Parameters:
    ///   - hour: local posting hour 0-23.
    ///   - cadence: the account's posts per week over the last 4 weeks.
    ///   - followers: the account's current followers in people (agents × audience scale), ≥ 0;
    ///     ranked feeds lower the reach rate of large accounts (`RankedFeed.sizeFactor`).
    ///   - reach: the post's reach multiplier (`postReach`), > 0; only ranked feeds use it.
    func followerVisibility(hour: Int, format: PostFormat, cadence: Double, followers: Double, reach: Double = 1,
                            into out: inout [Double]) {
        switch model {
        case .chronological(let c):
            c.visibility(hour: hour, classes: classes, calendar: calendar, into: &out)
        case .ranked(let r):
            let m = r.postMultiplier(hour: hour, format: format, cadence: cadence, calendar: calendar)
                * r.sizeFactor(followers: followers) * reach
            for k in 0..<classes.count {
                let cap = r.recencyCap(hour: hour, sessionsPerDay: classes.sessionsPerDay[k], calendar: calendar)
                out[k] = min(1, m * activity[k], cap)
            }
        case .interest(let i):
            for k in 0..<classes.count { out[k] = min(1, i.followerVisibility * activity[k]) }
        case .live(let l):
            l.online(hour: hour, classes: classes, calendar: calendar, into: &out)
            for k in 0..<classes.count { out[k] *= l.tuneIn }
        }
    }

    /// The post's reach multiplier (ranked feeds with a `reachSpread`; others use 1 and draw nothing).
    @inline(__always)
    func postReach(_ rng: RandomStream) -> Double {
        if case .ranked(let r) = model, r.reachSpread > 0 { return r.postReach(rng.gaussian()) }
        return 1
    }

    /// Probability that a follower of a sharer, by exposure class, sees the share.
    func peerVisibility(hour: Int, into out: inout [Double]) {
        switch model {
        case .chronological(let c):
            c.visibility(hour: hour, classes: classes, calendar: calendar, into: &out)
        case .ranked(let r):
            for k in 0..<classes.count { out[k] = min(1, r.peerVisibility * activity[k]) }
        case .interest(let i):
            for k in 0..<classes.count { out[k] = min(1, i.peerVisibility * activity[k]) }
        case .live:
            for k in 0..<classes.count { out[k] = 0 }
        }
    }

    /// The post's quality (engagement multiplier): interest feeds and ranked feeds' Reels draw it,
    /// others use 1 and draw nothing.
    @inline(__always)
    func postQuality(format: PostFormat, _ rng: RandomStream) -> Double {
        switch model {
        case .interest(let i) where i.qualitySpread > 0: return i.quality(rng.gaussian())
        case .ranked(let r) where format == .shortVideo:
            if let reels = r.reels, reels.qualitySpread > 0 { return reels.quality(rng.gaussian()) }
            return 1
        default: return 1
        }
    }

    /// Expected out-of-network impressions (agents) after the in-network pass: ranked feeds from
    /// the engagement score, live events from their viewers, chronological feeds a constant per
    /// post (`discoveryPerPost` people ÷ `scale` people per agent); 0 for interest feeds, whose
    /// out-of-network views come in test batches.
    func discoveryMean(_ post: PostContext, scale: Int) -> Double {
        switch model {
        case .ranked(let r):
            r.discoveryPerEngagement * r.score(likes: post.likes, comments: post.comments, shares: post.shares)
        case .live(let l): l.discoveryPerViewer * Double(post.views)
        case .chronological(let c): c.discoveryPerPost / Double(scale)
        case .interest: 0
        }
    }

    /// Probability that a user drawn for discovery, by class, is shown the post: live events need
    /// the user online; other feeds accept everyone.
    func discoveryAcceptance(hour: Int, into out: inout [Double]) {
        if case .live(let l) = model {
            l.online(hour: hour, classes: classes, calendar: calendar, into: &out)
        } else {
            for k in 0..<classes.count { out[k] = 1 }
        }
    }
}
