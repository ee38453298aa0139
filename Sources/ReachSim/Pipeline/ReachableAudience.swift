import Foundation

/// The people a platform can reach at all: its users in the catchment and, in an open audience,
/// its users outside. When a scenario's reach on a platform over the horizon comes close to them,
/// a difference between scenarios there is capped by saturation, not absent, and the verdict says
/// so next to the number rather than print "0 (0 to 0)".
public enum ReachableAudience {
    /// Share of the reachable people at or above which a platform counts as mostly reached.
    public static let mostlyReached = 0.8

    /// Expected users of platform `p`, in people: the catchment's (audience size × each segment's
    /// share × its use of the platform) plus the outside's.
    public static func people(_ scenario: Scenario, platform p: Int) -> Double {
        let a = scenario.audience
        let catchment = Double(a.size) * a.segments.reduce(0.0) { $0 + $1.share * (p < $1.platformUse.count ? $1.platformUse[p] : 0) }
        let outside = a.outside.map { p < $0.users.count ? $0.users[p] : 0 } ?? 0
        return catchment + outside
    }

    /// One platform of a comparison: its reachable people and the share of them each scenario
    /// reached over the horizon (mean over replicates).
    public struct Share: Sendable, Equatable {
        public let platform: String
        public let basePeople: Double
        public let altPeople: Double
        /// 0...1 (a little above 1 can happen: users are drawn, the count is their expectation).
        public let baseShare: Double
        public let altShare: Double
        public var mostlyReached: Bool { max(baseShare, altShare) >= ReachableAudience.mostlyReached }
    }

    /// The platforms both scenarios have, by name, in the base's order.
    static func shares(base: (Scenario, Simulation.Result), alt: (Scenario, Simulation.Result)) -> [Share] {
        func reached(_ run: (Scenario, Simulation.Result), _ p: Int) -> Double {
            let l = run.1.layout
            let values = (0..<run.1.replicates).map {
                run.1.value(replicate: $0, week: l.weeks - 1, platform: p, segment: l.allSegments, metric: .reachCumulative)
            }
            return values.reduce(0, +) / Double(max(1, values.count))
        }
        return base.0.platforms.enumerated().compactMap { bp, platform in
            guard let ap = alt.0.platforms.firstIndex(where: { $0.name == platform.name }) else { return nil }
            let bPeople = people(base.0, platform: bp), aPeople = people(alt.0, platform: ap)
            return Share(platform: platform.name, basePeople: bPeople, altPeople: aPeople,
                         baseShare: bPeople > 0 ? reached(base, bp) / bPeople : 0,
                         altShare: aPeople > 0 ? reached(alt, ap) / aPeople : 0)
        }
    }

    /// The terminal's line for a mostly reached platform.
    public static func note(_ s: Share, base: String, alternative: String) -> String {
        let people = ReachTable.grouped(max(s.basePeople, s.altPeople))
        return "\(s.platform): \(base) reaches \(percent(s.baseShare)) and \(alternative) \(percent(s.altShare)) of the "
            + "\(people) people who use it: its reachable audience is mostly reached, so a difference there is capped, not absent"
    }

    static func percent(_ v: Double) -> String { String(format: "%.0f%%", 100 * v) }
}
