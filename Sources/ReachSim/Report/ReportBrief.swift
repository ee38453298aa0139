import Foundation

/// The page a director reads first (`reachsim report`): for a comparison, the question (the
/// scenarios and what differs between their files), the answer in a few plain sentences with the
/// numbers that matter and their uncertainty, a table (reach in the year, in a typical week and of
/// the young, followers, hours, spend, posts dropped), and one chart per effect that changes; for
/// a run, the year's figures in two sentences. In the report's language (`ReportLanguage`).
enum ReportBrief {
    static var lang: ReportLanguage { ReportLanguage.current }
    static func n(_ v: Double) -> String { lang.number(v) }

    /// One row of `verdict.csv`.
    struct Measure {
        let base: Double, alt: Double, diff: Double, low: Double?, high: Double?, pHigher: Double?
        /// The 90% interval of the mean difference excludes 0.
        var settled: Bool { (low ?? 0) > 0 || (high ?? 0) < 0 }
    }

    /// The brief of a comparison folder; empty without `verdict.csv` (folders from before it).
    /// - Parameters:
    ///   - rows: `verdict.csv`'s rows (nil: no such file).
    ///   - diffs: `comparison.csv`'s series as `HTMLReport.renderComparison` parsed them, by
    ///     `alternative|platform|metric`: per week the mean difference, its 90% interval, the 5-95%.
    static func comparison(_ directory: URL, base: String, alternatives: [String], verdict rows: [CSVTable.Row]?,
                           diffs: [String: [[Double]]]) -> String {
        guard let rows else { return "" }
        func measure(_ alt: String, _ name: String, _ segment: String = "all") -> Measure? {
            guard let r = rows.first(where: { $0["scenario"] == alt && $0["measure"] == name && $0["segment"] == segment }) else { return nil }
            func opt(_ c: String) -> Double? { Double(r[c]) }
            return Measure(base: r.double("base_mean"), alt: r.double("alt_mean"), diff: r.double("diff_mean"),
                           low: opt("diff_ci90_low"), high: opt("diff_ci90_high"), pHigher: opt("p_alt_higher"))
        }
        let weeks = alternatives.first.flatMap { diffs["\($0)|all|\(Metric.reachCumulative.column)"]?[0].count } ?? 0
        var html = "<section class=\"brief\"><h2>\(L("Brief"))</h2>"

        // The question.
        html += "<h3>\(L("The question"))</h3><p>" + question(base: base, alternatives: alternatives, weeks: weeks) + "</p>"
        let baseYAML = (try? String(contentsOf: directory.appendingPathComponent("scenario-\(base).yaml"), encoding: .utf8)) ?? ""
        for alt in alternatives {
            let altYAML = (try? String(contentsOf: directory.appendingPathComponent("scenario-\(alt).yaml"), encoding: .utf8)) ?? ""
            let changes = ScenarioDifference.changes(base: baseYAML, alternative: altYAML)
            guard !changes.isEmpty else { continue }
            let shown = changes.prefix(8).map { c -> String in
                let path = "<code>\(HTML.escape(c.path))</code>"
                switch (c.base, c.alternative) {
                case (nil, _): return "<li>+ \(path)</li>"
                case (_, nil): return "<li>− \(path)</li>"
                case let (b?, a?): return "<li>\(path): \(HTML.escape(b)) → \(HTML.escape(a))</li>"
                }
            }
            html += "<p class=\"note\">\(HTML.escape(alt)) — \(L("What differs between the scenario files (+ only in the alternative, − only in the base):"))</p><ul class=\"note\">"
                + shown.joined() + (changes.count > 8 ? "<li>… \(changes.count - 8) \(L("more"))</li>" : "") + "</ul>"
        }

        // The answer.
        html += "<h3>\(L("The answer"))</h3>"
        for alt in alternatives {
            guard let year = measure(alt, "reach_year") else { continue }
            var sentences = [answer(alt: alt, base: base, year: year)]
            let catchment = measure(alt, "reach_year", "catchment"), young = measure(alt, "reach_year", ComparePipeline.Verdict.youngRow)
            if let catchment, measure(alt, "reach_year", OutsideSpec.segmentName) != nil || young != nil {
                sentences.append(groups(catchment: catchment, young: young))
            }
            sentences.append(costs(followers: measure(alt, "followers_end"), hours: measure(alt, "hours"),
                                   spend: measure(alt, "spend"), dropped: measure(alt, "posts_dropped")))
            let saturated = rows.filter {
                $0["scenario"] == alt && $0["measure"] == "reached_share_of_users"
                    && max($0.double("base_mean"), $0.double("alt_mean")) >= ReachableAudience.mostlyReached
            }
            for r in saturated { sentences.append(saturation(platform: r["segment"], base: r.double("base_mean"), alt: r.double("alt_mean"))) }
            html += "<p>" + sentences.joined(separator: " ") + "</p>"
        }
        html += "<p class=\"note\">\(HTML.escape(L("Figures are the model's answer under the presets' and the scenario's assumptions; intervals cover its randomness at fixed parameters (`reachsim compare --uncertainty` varies the parameters).")))</p>"

        // The table.
        html += "<h3>\(L("In numbers"))</h3><table><tr><th></th><th>\(HTML.escape(base))</th>"
            + alternatives.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr>"
        let lines: [(String, String, String)] = [
            ("people reached in the year", "reach_year", "all"), ("people reached in a typical week", "reach_week", "all"),
            ("under 25", "reach_year", ComparePipeline.Verdict.youngRow), ("followers at the end", "followers_end", "all"),
            ("hours", "hours", "all"), ("spend (€)", "spend", "all"), ("posts dropped for lack of hours", "posts_dropped", "all"),
        ]
        for (label, name, segment) in lines {
            let values = alternatives.map { measure($0, name, segment) }
            guard let first = values.compactMap({ $0 }).first else { continue }
            var row = "<tr><td>\(HTML.escape(L(label)))</td><td>\(n(first.base))</td>"
            for v in values {
                guard let v else { row += "<td></td>"; continue }
                row += "<td>\(n(v.alt)) <span class=\"note\">(\(lang.signed(v.diff)))</span></td>"
            }
            html += row + "</tr>"
        }
        html += "</table>"

        // One chart per effect that changes.
        var charts = ""
        /// The mean difference's band (platform `all`), or nil.
        func band(_ alt: String, _ metric: Metric) -> SVGChart.Fan? {
            guard let d = diffs["\(alt)|all|\(metric.column)"] else { return nil }
            let k = alternatives.firstIndex(of: alt) ?? 0
            return .init(label: L("mean, 90% CI"), color: HTMLReport.palette[(k + 1) % HTMLReport.palette.count],
                         low: d[1], mid: d[0], high: d[2])
        }
        for alt in alternatives {
            let suffix = alternatives.count > 1 ? " — \(alt)" : ""
            if let year = measure(alt, "reach_year"), year.settled, let fan = band(alt, .reachCumulative) {
                charts += SVGChart.fan(title: L("Δ people reached since week 1") + suffix, fans: [fan], zeroLine: true)
            }
            let segments = rows.filter {
                $0["scenario"] == alt && $0["measure"] == "reach_year"
                    && !["all", "catchment", OutsideSpec.segmentName, ComparePipeline.Verdict.youngRow].contains($0["segment"])
            }
            if segments.count > 1, segments.contains(where: { abs($0.double("diff_mean")) >= 0.5 }) {
                charts += SVGChart.differenceBars(title: L("Δ people reached in the year, by segment (90% CI)") + suffix,
                                                  labels: segments.map { $0["segment"] }, mean: segments.map { $0.double("diff_mean") },
                                                  low: segments.map { $0.double("diff_ci90_low") }, high: segments.map { $0.double("diff_ci90_high") })
            }
            if let f = measure(alt, "followers_end"), f.settled, let fan = band(alt, .followersUnique) ?? band(alt, .followers) {
                charts += SVGChart.fan(title: L("Δ followers (people, once each)") + suffix, fans: [fan], zeroLine: true)
            }
        }
        if !charts.isEmpty { html += "<h3>\(L("What changes, in charts"))</h3><div class=\"grid\">\(charts)</div>" }
        return html + "</section>"
    }

    // MARK: - Sentences

    static func question(base: String, alternatives: [String], weeks: Int) -> String {
        let alts = alternatives.map { "<b>\(HTML.escape($0))</b>" }.joined(separator: ", ")
        switch lang {
        case .en: return "Over \(weeks) weeks, what does \(alts) change compared with <b>\(HTML.escape(base))</b>?"
        case .fr: return "Sur \(weeks) semaines, que change \(alts) par rapport à <b>\(HTML.escape(base))</b> ?"
        }
    }

    static func interval(_ m: Measure) -> String {
        guard let low = m.low, let high = m.high else { return "" }
        switch lang {
        case .en: return "90% interval of the difference \(lang.signed(low)) to \(lang.signed(high))"
        case .fr: return "intervalle à 90\(ReportLanguage.narrowSpace)% de la différence\(ReportLanguage.narrowSpace): \(lang.signed(low)) à \(lang.signed(high))"
        }
    }

    static func answer(alt: String, base: String, year: Measure) -> String {
        let relative = year.base > 0 ? lang.percent(abs(year.diff) / year.base, digits: 1) : ""
        let more = year.diff >= 0
        let chance = year.pHigher.map { lang.percent($0) } ?? ""
        switch lang {
        case .en:
            return "<b>\(HTML.escape(alt))</b> reaches \(n(year.alt)) people in the year against \(n(year.base)) for <b>\(HTML.escape(base))</b>: "
                + "\(n(abs(year.diff))) \(more ? "more" : "fewer") (\(relative); \(interval(year))). "
                + (year.settled ? "The difference is clear at 90%; the alternative reaches more in \(chance) of the replicates."
                    : "The interval includes 0: the model cannot tell the two apart (the alternative reaches more in \(chance) of the replicates).")
        case .fr:
            return "<b>\(HTML.escape(alt))</b> touche \(n(year.alt)) personnes dans l'année contre \(n(year.base)) pour <b>\(HTML.escape(base))</b>\u{202F}: "
                + "\(n(abs(year.diff))) \(more ? "de plus" : "de moins") (\(relative)\u{202F}; \(interval(year))). "
                + (year.settled ? "La différence est nette à 90\u{202F}%\u{202F}; l'alternative touche plus dans \(chance) des réplicats."
                    : "L'intervalle contient 0\u{202F}: le modèle ne distingue pas les deux (l'alternative touche plus dans \(chance) des réplicats).")
        }
    }

    static func groups(catchment: Measure, young: Measure?) -> String {
        switch lang {
        case .en:
            return "In the catchment (the people the institution targets) the difference is \(lang.signed(catchment.diff))"
                + (young.map { "; among the under-25s, \(lang.signed($0.diff)) (\(interval($0)))" } ?? "") + "."
        case .fr:
            return "Dans la zone de chalandise (le public que vise l'institution), la différence est de \(lang.signed(catchment.diff))"
                + (young.map { "\u{202F}; chez les moins de 25 ans, \(lang.signed($0.diff)) (\(interval($0)))" } ?? "") + "."
        }
    }

    static func costs(followers: Measure?, hours: Measure?, spend: Measure?, dropped: Measure?) -> String {
        let f = followers.map { lang.signed($0.diff) } ?? "0", h = hours.map { lang.signed($0.diff) } ?? "0"
        let e = spend.map { $0.diff == 0 ? lang.euros(0) : ($0.diff > 0 ? "+" : "") + lang.euros($0.diff) } ?? lang.euros(0)
        let d = dropped.map { lang.signed($0.diff) } ?? "0"
        switch lang {
        case .en: return "Followers at the end (people, once each): \(f); hours over the period: \(h); spend: \(e); posts dropped for lack of hours: \(d)."
        case .fr: return "Abonnés à la fin (personnes, comptées une fois)\u{202F}: \(f)\u{202F}; heures sur la période\u{202F}: \(h)\u{202F}; dépense\u{202F}: \(e)\u{202F}; publications abandonnées faute d'heures\u{202F}: \(d)."
        }
    }

    static func saturation(platform: String, base: Double, alt: Double) -> String {
        switch lang {
        case .en:
            return "On \(HTML.escape(platform)), the scenarios reach \(lang.percent(base)) and \(lang.percent(alt)) of the people who use it: "
                + "its reachable audience is mostly reached, so a difference there is capped, not absent."
        case .fr:
            return "Sur \(HTML.escape(platform)), les scénarios touchent \(lang.percent(base)) et \(lang.percent(alt)) de ses utilisateurs\u{202F}: "
                + "son public atteignable est presque entièrement touché, donc une différence y est plafonnée, pas absente."
        }
    }

    // MARK: - A run

    /// Two sentences of a run's year: people reached (all, a typical week), followers at the end.
    static func run(_ s: SummaryFile) -> String {
        let last = s.weeks - 1
        guard last >= 0, let cum = s.get("all", "all", .reachCumulative), let weekly = s.get("all", "all", .reach) else { return "" }
        let followers = (s.get("all", "all", .followersUnique) ?? s.get("all", "all", .followers))?.mean[last] ?? 0
        let week = weekly.mean.reduce(0, +) / Double(s.weeks)
        let text: String
        switch lang {
        case .en:
            text = "Over \(s.weeks) weeks, <b>\(HTML.escape(s.scenario))</b> reaches \(n(cum.mean[last])) people "
                + "(5-95% of replicates: \(n(cum.p05[last])) to \(n(cum.p95[last]))), \(n(week)) in a typical week; "
                + "\(n(followers)) people follow it at the end. These are the model's answer under the presets' and the scenario's assumptions."
        case .fr:
            text = "Sur \(s.weeks) semaines, <b>\(HTML.escape(s.scenario))</b> touche \(n(cum.mean[last])) personnes "
                + "(5 à 95\u{202F}% des réplicats\u{202F}: \(n(cum.p05[last])) à \(n(cum.p95[last]))), \(n(week)) une semaine type\u{202F}; "
                + "\(n(followers)) personnes le suivent à la fin. C'est la réponse du modèle sous les hypothèses des préréglages et du scénario."
        }
        return "<section class=\"brief\"><h2>\(L("Brief"))</h2><p>\(text)</p></section>"
    }
}
