extension ScenarioLoader {
    /// `uncertain:`: a mapping from a scenario path to `fixed` or a range.
    ///
    ///     uncertain:
    ///       platforms.x.feed.discovery_per_engagement: {low: 100, high: 2000, distribution: log-uniform}
    ///       platforms.x.churn_per_week: fixed
    ///       audience.outside.culture_share: {low: 0.35, high: 0.4, source: "our visitor survey"}
    ///
    /// Keys are `platforms.NAME.KEY` with KEY one of `PlausibleRanges.platformKeys` that the
    /// platform's feed has, or one of `PlausibleRanges.audienceKeys`. Bounds lie in the
    /// parameter's valid range, low < high; `log-uniform` needs low > 0; `beta` takes `alpha` and
    /// `beta` (default 2, 2). Errors name the key or value, with its position.
    static func decodeUncertain(_ node: YAMLValue, platforms: [PlatformSpec]) throws -> [UncertainSetting] {
        let m = try node.mapping()
        var out: [UncertainSetting] = []
        for entry in m.entries {
            let key = entry.key
            let valid: ClosedRange<Double>
            let unit: String
            if key.hasPrefix("platforms.") {
                let rest = key.dropFirst("platforms.".count)
                guard let dot = rest.firstIndex(of: ".") else { throw unknownUncertain(entry.keyNode, key) }
                let name = String(rest[..<dot]), parameter = String(rest[rest.index(after: dot)...])
                guard let platform = platforms.first(where: { $0.name == name }) else {
                    throw entry.keyNode.error("'\(key)': the scenario has no platform '\(name)' (platforms: "
                                              + platforms.map(\.name).joined(separator: ", ") + ")")
                }
                guard PlausibleRanges.platformKeys.contains(parameter) else { throw unknownUncertain(entry.keyNode, key) }
                guard PlausibleRanges.value(parameter, in: platform) != nil else {
                    throw entry.keyNode.error("'\(key)': \(name)'s \(platform.feed.kind) feed has no \(parameter)")
                }
                let d = PresetParameters.definition(parameter)
                (valid, unit) = (d.range, d.unit)
            } else if PlausibleRanges.audienceKeys.contains(key) {
                (valid, unit) = (0...1, "share of people")
            } else {
                throw unknownUncertain(entry.keyNode, key)
            }
            if case .text = entry.value.kind {
                let word = try entry.value.string()
                guard word == "fixed" else {
                    throw entry.value.error("expected 'fixed' or a mapping {low, high, distribution}, found '\(word)'")
                }
                out.append(UncertainSetting(key: key, kind: .fixed))
                continue
            }
            let r = try entry.value.mapping(allowedKeys: ["low", "high", "distribution", "alpha", "beta", "source"])
            // Read as any number, then checked against the parameter's own range (which depends on the key).
            func bound(_ name: String) throws -> (Double, YAMLValue) {
                let node = try r.require(name)
                let v = try node.double(in: -1e12...1e12, unit: unit)
                guard valid.contains(v) else {
                    throw node.error("\(name) \(PresetParameters.number(v)) is outside \(key)'s valid range "
                                     + "\(PresetParameters.number(valid.lowerBound))...\(PresetParameters.number(valid.upperBound)) (\(unit))")
                }
                return (v, node)
            }
            let (low, _) = try bound("low")
            let (high, highNode) = try bound("high")
            guard low < high else { throw highNode.error("high (\(PresetParameters.number(high))) must be above low (\(PresetParameters.number(low)))") }
            var distribution = ParameterRange.Distribution.uniform
            if let d = r.value("distribution") {
                let word = try d.string()
                guard let parsed = ParameterRange.Distribution(rawValue: word) else {
                    throw d.error(YAMLValue.unknown("distribution", word, allowed: ParameterRange.Distribution.allCases.map(\.rawValue),
                                                    listPrefix: "expected "))
                }
                if parsed == .logUniform && low <= 0 {
                    throw d.error("log-uniform needs low > 0 (found \(PresetParameters.number(low))); use uniform")
                }
                distribution = parsed
            }
            let alpha = try r.value("alpha")?.double(in: 0.01...1_000) ?? 2
            let beta = try r.value("beta")?.double(in: 0.01...1_000) ?? 2
            let source = try r.value("source")?.string() ?? "the scenario's uncertain: block"
            out.append(UncertainSetting(key: key, kind: .range(ParameterRange(
                key: key, low: low, high: high, distribution: distribution, alpha: alpha, beta: beta, source: source))))
        }
        return out
    }

    private static func unknownUncertain(_ at: YAMLValue, _ key: String) -> ScenarioError {
        at.error("'\(key)' is not a parameter that can be uncertain; expected platforms.NAME.KEY with KEY one of "
                 + PlausibleRanges.platformKeys.joined(separator: ", ") + ", or "
                 + PlausibleRanges.audienceKeys.joined(separator: ", "))
    }
}
