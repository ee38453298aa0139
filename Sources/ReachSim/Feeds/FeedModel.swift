/// How a platform decides who sees a post. Each case holds the parameters of one model.
public enum FeedModel: Sendable {
    case chronological(ChronologicalFeed)
    case ranked(RankedFeed)

    /// Name used in files and messages.
    public var name: String {
        switch self {
        case .chronological: "chronological"
        case .ranked: "ranked"
        }
    }
}

/// Which feed model a scenario names (`feed.model`).
public enum FeedKind: String, CaseIterable, Sendable {
    case chronological, ranked
}

/// A feed model prepared for one audience: per-class factors computed once per run.
struct PreparedFeed: Sendable {
    let model: FeedModel
    let calendar: SessionCalendar
    let classes: ExposureClasses
    /// Ranked feeds: activity factor per class (mean 1 over levels).
    private let activity: [Double]

    init(_ model: FeedModel, classes: ExposureClasses, calendar: SessionCalendar) {
        self.model = model
        self.calendar = calendar
        self.classes = classes
        switch model {
        case .ranked(let r): activity = r.activityFactors(classes)
        case .chronological: activity = Array(repeating: 1, count: classes.count)
        }
    }

    /// Probability that a follower of the account, by exposure class, sees a post.
    /// - Parameters:
    ///   - hour: local posting hour 0-23.
    ///   - cadence: the account's posts per week over the last 4 weeks.
    func followerVisibility(hour: Int, format: PostFormat, cadence: Double, into out: inout [Double]) {
        switch model {
        case .chronological(let c):
            c.visibility(hour: hour, classes: classes, calendar: calendar, into: &out)
        case .ranked(let r):
            let m = r.postMultiplier(hour: hour, format: format, cadence: cadence, calendar: calendar)
            for k in 0..<classes.count { out[k] = min(1, m * activity[k]) }
        }
    }

    /// Probability that a follower of a sharer, by exposure class, sees the share.
    func peerVisibility(hour: Int, into out: inout [Double]) {
        switch model {
        case .chronological(let c):
            c.visibility(hour: hour, classes: classes, calendar: calendar, into: &out)
        case .ranked(let r):
            for k in 0..<classes.count { out[k] = min(1, r.peerVisibility * activity[k]) }
        }
    }

    /// Expected out-of-network impressions per engagement (0 for chronological feeds).
    var discoveryPerEngagement: Double {
        switch model {
        case .chronological: 0
        case .ranked(let r): r.discoveryPerEngagement
        }
    }
}
