/// Decoding of `timeline:` (see `TimelineEvent`, docs/scenario-format.md). Each item has a
/// `week` and exactly one event key; the event's value names what it is about.
extension ScenarioLoader {
    /// Event key → the other keys it accepts (besides `week`).
    static let timelineEventKeys: [(key: String, options: [String])] = [
        ("join", ["followers", "plan"]),
        ("leave", ["mode", "from", "engagement"]),
        ("announce_migration", ["to", "posts", "weeks", "follow_through"]),
        ("trend", ["factor", "weeks"]),
        ("campaign", ["weeks", "discovery_multiplier"]),
        ("budget", BoostSpec.budgetKeys),
        ("team_hours", []),
        ("plan", ["posts_per_week", "posting_hours"]),
    ]

    enum LeaveModeName: String, CaseIterable { case close, ghost, crosspost }

    /// Decodes the events, in file order (events of the same week apply in that order). `join`'s
    /// `followers` replace the accounts' followers; its `plan` replaces their plan.
    static func decodeTimeline(_ node: YAMLValue, platforms: inout [PlatformSpec], segments: [SegmentSpec],
                               horizon: Int) throws -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        var joined: [TimelineEvent.AccountRef] = []
        var migrations = 0
        for item in try node.list() {
            let probe = try item.mapping()
            let found = timelineEventKeys.filter { probe.has($0.key) }
            // `plan` is also an option of `join`: with another event key it is that option.
            let given = found.count > 1 && found.contains(where: { $0.options.contains("plan") })
                ? found.filter { $0.key != "plan" } : found
            guard given.count == 1 else {
                let names = timelineEventKeys.map(\.key).joined(separator: ", ")
                if given.isEmpty { throw item.error("an event needs one of \(names)") }
                throw probe.entry(given[1].key)!.keyError(
                    "one event per item: found \(given.map(\.key).joined(separator: " and ")); split them into two items")
            }
            let (key, options) = given[0]
            let m = try item.mapping(allowedKeys: ["week", key] + options)
            let week = try m.require("week").int(in: 1...horizon)
            let value = try m.require(key)
            func platform() throws -> Int {
                let ref = try accountRef(value, platforms: platforms)
                if ref.account != nil {
                    throw value.error("'\(key)' applies to a whole platform: write '\(platforms[ref.platform].name)'")
                }
                return ref.platform
            }
            let kind: TimelineEvent.Kind
            switch key {
            case "join":
                let ref = try accountRef(value, platforms: platforms)
                if joined.contains(where: { $0.platform == ref.platform && ($0.account == nil || ref.account == nil
                                                                             || $0.account == ref.account) }) {
                    throw value.error("\(try value.string()) already joins earlier in the timeline")
                }
                joined.append(ref)
                let indices = ref.account.map { [$0] } ?? Array(platforms[ref.platform].accounts.indices)
                if let f = m.value("followers") {
                    let followers = try f.int(in: 0...2_000_000_000)
                    for a in indices { platforms[ref.platform].accounts[a].followers = followers }
                }
                if let p = m.value("plan") {
                    let plan = try decodePlan(p)
                    for a in indices { platforms[ref.platform].accounts[a].plan = plan }
                }
                kind = .join(ref)
            case "leave":
                let ref = try accountRef(value, platforms: platforms)
                let modeNode = try m.require("mode")
                let mode: TimelineEvent.LeaveMode
                switch try modeNode.choice(LeaveModeName.self) {
                case .close: mode = .close
                case .ghost: mode = .ghost
                case .crosspost:
                    guard let fromNode = m.value("from") else {
                        throw modeNode.error("mode: crosspost needs 'from: PLATFORM', the platform whose posts are copied")
                    }
                    let from = try accountRef(fromNode, platforms: platforms)
                    if from.platform == ref.platform { throw fromNode.error("an account cannot cross-post from its own platform") }
                    mode = .crosspost(from: from.platform,
                                      engagement: try m.value("engagement")?.double(in: 0...1, unit: "multiplier") ?? 0.5)
                }
                if case .crosspost = mode {} else {
                    for k in ["from", "engagement"] where m.has(k) {
                        throw m.entry(k)!.keyError("'\(k)' only goes with mode: crosspost")
                    }
                }
                kind = .leave(ref, mode)
            case "announce_migration":
                let ref = try accountRef(value, platforms: platforms)
                let toNode = try m.require("to")
                let toItems = toNode.kind == .sequence ? try toNode.list() : [toNode]
                var destinations: [Int] = []
                for t in toItems {
                    let d = try accountRef(t, platforms: platforms)
                    if d.account != nil { throw t.error("name the destination platform only: its first account is followed") }
                    if d.platform == ref.platform { throw t.error("the destination must be another platform") }
                    if destinations.contains(d.platform) { throw t.error("'\(try t.string())' is listed twice") }
                    destinations.append(d.platform)
                }
                let posts = try m.value("posts")?.int(in: 1...100) ?? 3
                let weeks = try m.value("weeks")?.int(in: 1...horizon) ?? 1
                var followThrough = Array(repeating: TimelineEvent.Migration.defaultFollowThrough, count: segments.count)
                if let f = m.value("follow_through") {
                    if f.kind == .mapping {
                        let names = segments.map(\.name)
                        for entry in try f.mapping(allowedKeys: names).entries {
                            followThrough[names.firstIndex(of: entry.key)!] = try entry.value.double(in: 0...1, unit: "probability")
                        }
                    } else {
                        let v = try f.double(in: 0...1, unit: "probability")
                        followThrough = Array(repeating: v, count: segments.count)
                    }
                }
                migrations += 1
                if migrations > 8 { throw value.error("at most 8 announce_migration events (one decision per person each)") }
                kind = .announceMigration(TimelineEvent.Migration(
                    source: ref, destinations: destinations, posts: posts, weeks: weeks, followThrough: followThrough))
            case "trend":
                kind = .trend(platform: try platform(),
                              factor: try m.require("factor").double(in: 0.01...100, unit: "factor of active users"),
                              weeks: try m.require("weeks").int(in: 1...520))
            case "campaign":
                let p = try platform()
                if case .chronological(let c) = platforms[p].feed, c.discoveryPerPost == 0 {
                    throw value.error("\(platforms[p].name) has a chronological feed with no discovery "
                                      + "(feed.discovery_per_post 0): there is nothing for a campaign to raise")
                }
                kind = .campaign(platform: p, weeks: try m.value("weeks")?.int(in: 1...520) ?? 1,
                                 discoveryMultiplier: try m.require("discovery_multiplier").double(in: 1...100, unit: "multiplier"))
            case "budget":
                let p = try platform()
                guard let boost = platforms[p].boost else {
                    throw value.error("\(platforms[p].name) has no 'boost' to change: declare one (it may start with a budget of 0)")
                }
                let amounts = BoostSpec.budgetKeys.filter { m.has($0) }
                guard amounts.count == 1 else {
                    throw value.error("give exactly one of \(BoostSpec.budgetKeys.joined(separator: ", "))")
                }
                let amount = m.value(amounts[0])!
                let euros = try amount.double(in: 0...10_000_000, unit: "euros")
                let budget = BoostSpec.Budget(key: amounts[0], euros: euros)!  // one of budgetKeys
                // From this week to the end of the boost's window, the same rule as the boost's own budget.
                let weeks = boost.endWeek - max(boost.startWeek, week) + 1
                if euros > 0 && weeks < 1 {
                    throw amount.error("week \(week) is after the boost's window (weeks \(boost.startWeek)-\(boost.endWeek)): "
                                       + "this budget would never be spent; extend the boost's end_week")
                }
                if let refusal = boost.refusal(of: budget, weeks: weeks, platform: platforms[p].name, given: amount.text) {
                    throw amount.error(refusal)
                }
                kind = .budget(platform: p, budget)
            case "team_hours":
                kind = .teamHours(try value.double(in: 0...2_000, unit: "hours per week"))
            default:  // plan
                let ref = try accountRef(value, platforms: platforms)
                var posts = PlatformPreset.uniform(0.0)
                try decodeFormats(m.require("posts_per_week"), into: &posts, range: 0...100, unit: "posts per week")
                let hours = try m.value("posting_hours")?.list().map { try $0.int(in: 0...23) }
                let indices = ref.account.map { [$0] } ?? Array(platforms[ref.platform].accounts.indices)
                for a in indices {
                    let plan = PlanSpec(postsPerWeek: posts,
                                        postingHours: hours ?? platforms[ref.platform].accounts[a].plan.postingHours)
                    events.append(TimelineEvent(week: week, kind: .plan(.init(platform: ref.platform, account: a), plan),
                                                line: item.line))
                }
                continue
            }
            events.append(TimelineEvent(week: week, kind: kind, line: item.line))
        }
        // Stable: events of the same week keep the file's order.
        return events.enumerated().sorted { ($0.element.week, $0.offset) < ($1.element.week, $1.offset) }.map(\.element)
    }
}
