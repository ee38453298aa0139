/// A live event (Twitch; live formats elsewhere use their platform's feed with a format
/// multiplier): reach is the concurrent audience of an announced broadcast.
///
/// The event starts at the posting hour and lasts `durationHours`. A person of class c is online
/// during it with probability o_c = 1 − exp(−sessions_c × S(h, duration)) (S: share of a day's
/// sessions in the window). Followers were notified of the announcement: each online follower
/// tunes in with probability `tuneIn`, so p_c = `tuneIn` × o_c. Out of network, the directory and
/// recommendations show the stream in proportion to its viewers: Poisson(viewers ×
/// `discoveryPerViewer`) users are drawn, and one who is online (probability o_c) and not yet
/// watching joins. Everyone who watches was online, so reach never exceeds the online audience
/// (tested). Live chat counts as comments; shares (raids, clips) are not modelled separately.
public struct LiveFeed: Sendable, Equatable {
    /// Length of the broadcast, hours 0.1...48.
    public var durationHours: Double
    /// Probability 0...1 that a follower who is online during the event watches it.
    public var tuneIn: Double
    /// Expected non-follower impressions per viewer (directory, recommendations), 0...1,000.
    public var discoveryPerViewer: Double

    public init(durationHours: Double = 2, tuneIn: Double = 0.3, discoveryPerViewer: Double = 1) {
        self.durationHours = durationHours
        self.tuneIn = tuneIn
        self.discoveryPerViewer = discoveryPerViewer
    }

    /// Probability that a member of each class is online during an event starting at `hour`.
    func online(hour: Int, classes: ExposureClasses, calendar: SessionCalendar, into out: inout [Double]) {
        let share = calendar.share(from: Double(hour), hours: durationHours)
        for c in 0..<classes.count { out[c] = 1 - _exp(-classes.sessionsPerDay[c] * share) }
    }
}
