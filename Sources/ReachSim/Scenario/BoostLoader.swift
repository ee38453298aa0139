/// Decoding of `platforms.<name>.boost` (see `BoostSpec`, docs/boost.md). Every error is positioned
/// at the offending key or value.
extension ScenarioLoader {
    static let boostKeys = BoostSpec.budgetKeys + ["start_week", "end_week", "objective", "target", "frequency_cap",
                                                   "cpm", "format", "engagement_multiplier", "hour"]

    static func decodeBoost(_ entry: YAMLEntry, platform: String, market: AdMarket?, segments: [SegmentSpec],
                            horizon: Int) throws -> BoostSpec {
        guard let market else {
            let boostable = PlatformPreset.all.filter { $0.adMarket != nil }.map(\.name)
            throw entry.keyError(
                "\(platform) has no ad market, so it cannot be boosted; remove 'boost' here " +
                "(platforms with an ad market: \(boostable.joined(separator: ", ")))")
        }
        let node = entry.value
        let m = try node.mapping(allowedKeys: boostKeys)
        let given = BoostSpec.budgetKeys.filter { m.has($0) }
        guard given.count == 1 else {
            if given.isEmpty {
                throw node.error("a boost needs a budget: give one of \(BoostSpec.budgetKeys.joined(separator: ", "))")
            }
            throw m.entry(given[1])!.keyError("give only one budget key, found \(given.joined(separator: " and "))")
        }
        let budgetNode = m.value(given[0])!
        let euros = try budgetNode.double(in: 0...10_000_000, unit: "euros")
        let budget = BoostSpec.Budget(key: given[0], euros: euros)!  // given[0] is one of budgetKeys
        let start = try m.value("start_week")?.int(in: 1...horizon) ?? 1
        let end = try m.value("end_week")?.int(in: 1...horizon) ?? horizon
        if end < start {
            throw try m.require("end_week").error("end_week \(end) is before start_week \(start)")
        }
        // A budget below the market's minimum cannot be booked (0 means no boost).
        let minimum = BoostSpec(budget: budget, startWeek: start, endWeek: end, segments: [], capImpressions: nil,
                                cpmLow: market.cpmLow, cpmHigh: market.cpmHigh, minimumDailyBudget: market.minimumDailyBudget)
        if let refusal = minimum.refusal(of: budget, weeks: end - start + 1, platform: platform, given: budgetNode.text) {
            throw budgetNode.error(refusal)
        }
        let objective = try m.value("objective")?.choice(BoostSpec.Objective.self) ?? .reach

        var targeted = Array(segments.indices)
        var localities = Locality.allCases
        var audience = BoostSpec.Audience.both
        if let t = m.value("target") {
            let tm = try t.mapping(allowedKeys: ["segments", "locality", "audience"])
            if let s = tm.value("segments") {
                let names = segments.map(\.name)
                targeted = []
                for item in try s.list() {
                    let name = try item.string()
                    guard let i = names.firstIndex(of: name) else {
                        throw item.error(YAMLValue.unknown("segment", name, allowed: names, listPrefix: "segments: "))
                    }
                    if targeted.contains(i) { throw item.error("segment '\(name)' is listed twice") }
                    targeted.append(i)
                }
            }
            if let l = tm.value("locality") {
                let items = l.kind == .sequence ? try l.list() : [l]
                localities = []
                for item in items {
                    let v = try item.choice(Locality.self)
                    if localities.contains(v) { throw item.error("locality '\(v.rawValue)' is listed twice") }
                    localities.append(v)
                }
            }
            if let a = tm.value("audience") { audience = try a.choice(BoostSpec.Audience.self) }
            let matching = targeted.filter { localities.contains(segments[$0].locality) }
            if matching.isEmpty {
                throw t.error("no segment matches both the targeted segments and localities: the pool would be empty")
            }
            if objective == .engagement && !matching.contains(where: { segments[$0].affinity > 0 }) {
                throw t.error("objective 'engagement' draws people by affinity, and every targeted segment has affinity 0")
            }
        }

        var capImpressions: Int? = market.frequencyCapPerWeek
        var capWeeks = 1
        if let f = m.value("frequency_cap") {
            if f.kind == .mapping {
                let fm = try f.mapping(allowedKeys: ["impressions", "per_weeks"])
                capImpressions = try fm.require("impressions").int(in: 1...10_000)
                capWeeks = try fm.value("per_weeks")?.int(in: 1...520) ?? 1
            } else {
                let text = try f.string()
                guard text == "none" else {
                    throw f.error("expected 'none' or a mapping {impressions: N, per_weeks: W}, found \(f.found)")
                }
                capImpressions = nil
            }
        }

        var low = market.cpmLow, high = market.cpmHigh
        if let c = m.value("cpm") {
            if c.kind == .mapping {
                let cm = try c.mapping(allowedKeys: ["low", "high"])
                low = try cm.require("low").double(in: 0.01...10_000, unit: "euros per 1,000 impressions")
                high = try cm.require("high").double(in: 0.01...10_000, unit: "euros per 1,000 impressions")
                if high < low { throw try cm.require("high").error("high (\(high)) is below low (\(low))") }
            } else {
                low = try c.double(in: 0.01...10_000, unit: "euros per 1,000 impressions")
                high = low
            }
        }
        return BoostSpec(
            budget: budget, startWeek: start, endWeek: end, objective: objective, segments: targeted,
            localities: localities, audience: audience, capImpressions: capImpressions, capWeeks: capWeeks,
            cpmLow: low, cpmHigh: high,
            format: try m.value("format")?.choice(PostFormat.self) ?? .image,
            engagementMultiplier: try m.value("engagement_multiplier")?.double(in: 0...10, unit: "multiplier") ?? 0.5,
            hour: try m.value("hour")?.int(in: 0...23), minimumDailyBudget: market.minimumDailyBudget)
    }
}
