import Foundation

/// `reachsim report DIR`: one self-contained HTML page (inline SVG and CSS, no script, no network)
/// for a run directory (`summary.csv`) or a comparison directory (`comparison.csv`).
///
/// A run's page shows, top to bottom: the key figures per platform (cumulative unique reach with the
/// spread of its replicates, 5-95%, weekly reach, followers at the end, spend, cost per 1,000 people reached); fan
/// charts (median and 5-95% band over replicates) of weekly reach, cumulative reach and followers,
/// overall and per platform; cumulative reach by segment; spend; each account's posts, hours,
/// reach, followers and engagements over the run (when there are several, from `accounts.csv`);
/// and the scenario file itself.
/// A comparison's page starts with a one-page brief (`ReportBrief`), then the verdict per
/// alternative and the difference charts; a run's page starts with its own short brief.
/// A back-test's page is `BacktestReport`'s (Evidence, which this folder does not depend on).
///
/// Charts follow a few rules: counts start their axis at 0, a difference that is 0 every week gets
/// no panel (a note names what did not change), and tick labels stay distinct on a flat series.
public enum HTMLReport {
    static let palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#edc948", "#9c755f"]

    /// The report of a run or comparison directory, in `language` (labels, sentences, numbers).
    public static func render(directory: URL, language: ReportLanguage = .en) throws -> String {
        try ReportLanguage.$current.withValue(language) { try render(directory) }
    }

    static func render(_ directory: URL) throws -> String {
        let fm = FileManager.default
        if fm.fileExists(atPath: directory.appendingPathComponent("comparison.csv").path) {
            return try renderComparison(directory)
        }
        guard fm.fileExists(atPath: directory.appendingPathComponent("summary.csv").path) else {
            throw ReportError("\(directory.path) holds no summary.csv or comparison.csv: run `reachsim run` or `reachsim compare` "
                + "first (a back-test's folder: BacktestReport)")
        }
        let summary = try SummaryFile(url: directory.appendingPathComponent("summary.csv"))
        let yaml = (try? String(contentsOf: directory.appendingPathComponent("scenario.yaml"), encoding: .utf8)) ?? ""
        let manifest = try? Manifest.decode([UInt8](Data(contentsOf: directory.appendingPathComponent("manifest.json"))))
        var body = "<h1>\(HTML.escape(summary.scenario))</h1>"
        if let m = manifest {
            body += "<p class=\"meta\">\(m.replicates) \(L("replicates")) × \(m.weeks) \(L("weeks")) · \(L("seed")) \(m.seed) · ReachSim \(HTML.escape(m.reachsimVersion))</p>"
        }
        body += ReportBrief.run(summary)
        body += section(summary, title: nil)
        body += accountsSection(directory, platforms: summary.platforms)
        body += "<h2>\(L("Scenario file"))</h2><pre>\(HTML.escape(yaml))</pre>"
        return page(title: "ReachSim: \(summary.scenario)", body: body)
    }

    /// Key figures, fan charts, segments and spend of one scenario.
    static func section(_ s: SummaryFile, title: String?) -> String {
        var html = title.map { "<h2>\(HTML.escape($0))</h2>" } ?? ""
        let last = s.weeks - 1
        html += "<table><tr><th>\(L("platform"))</th><th>\(L("cumulative reach (5-95% of replicates)"))</th><th>\(L("mean weekly reach"))</th>"
            + "<th>\(L("followers at end"))</th><th>\(L("spend €"))</th><th>\(L("€ per 1,000 reached"))</th></tr>"
        for p in s.platforms {
            guard let cum = s.get(p, "all", .reachCumulative), let weekly = s.get(p, "all", .reach),
                  let followers = s.get(p, "all", .followersUnique) ?? s.get(p, "all", .followers) else { continue }
            let spend = s.get(p, "all", .spend)?.mean.reduce(0, +) ?? 0
            let cost = cum.mean[last] > 0 ? spend / cum.mean[last] * 1000 : 0
            html += "<tr><td>\(HTML.escape(L(p)))</td><td>\(g(cum.mean[last])) (\(g(cum.p05[last]))–\(g(cum.p95[last])))</td>"
                + "<td>\(g(weekly.mean.reduce(0, +) / Double(s.weeks)))</td><td>\(g(followers.mean[last]))</td>"
                + "<td>\(g(spend))</td><td>\(lang.decimal(cost, digits: 2))</td></tr>"
        }
        html += "</table><div class=\"grid\">"
        for (metric, name) in [(Metric.reach, "Weekly unique reach"), (.reachCumulative, "Cumulative unique reach"), (.followersUnique, "Followers")] {
            for (k, p) in s.platforms.enumerated() {
                guard let series = s.get(p, "all", metric) ?? (metric == .followersUnique ? s.get(p, "all", .followers) : nil) else { continue }
                html += SVGChart.fan(title: "\(L(name)): \(L(p))", fans: [
                    .init(label: L(p), color: palette[k % palette.count], low: series.p05, mid: series.p50, high: series.p95),
                ], fromZero: true)
            }
        }
        let segments = s.segments.filter { $0 != "all" }
        let bySegment = segments.compactMap { s.get("all", $0, .reachCumulative) }
        if bySegment.count == segments.count, !segments.isEmpty {
            html += SVGChart.bars(title: "\(L("Cumulative reach by segment, week")) \(s.weeks)", labels: segments.map(L),
                                  mean: bySegment.map { $0.mean[last] }, low: bySegment.map { $0.p05[last] },
                                  high: bySegment.map { $0.p95[last] })
        }
        if let spend = s.get("all", "all", .spend), spend.p95.contains(where: { $0 > 0 }) {
            html += SVGChart.fan(title: L("Spend per week, €"), fans: [.init(label: "spend", color: palette[3], low: spend.p05, mid: spend.p50, high: spend.p95)],
                                 fromZero: true)
        } else {
            html += "<p class=\"note\">\(L("No paid boost in this scenario: spend is 0."))</p>"
        }
        return html + "</div>"
    }

    /// What each account put in over the run (posts, hours) and what it got (people reached with
    /// the 5-95% band, followers, engagements), from `accounts.csv`, and a bar chart of the reach.
    ///
    /// Shown when the run has more than one account in all, not only when a platform has several:
    /// the platform table above says what each platform reached, not the effort behind it, and
    /// "hours in, people out" per account is what a strategist weighs when moving hours, whether
    /// the accounts are on one platform or on five. With a single account it would repeat the key
    /// figures, so it is left out. Empty when `accounts.csv` is missing (folders written before
    /// accounts existed); a note when it cannot be read, so the rest of the report still renders.
    static func accountsSection(_ directory: URL, platforms: [String]) -> String {
        let url = directory.appendingPathComponent("accounts.csv")
        guard FileManager.default.fileExists(atPath: url.path) else { return "" }
        let file: AccountFile
        do {
            file = try AccountFile(url: url)
        } catch {
            return "<h2>\(L("Accounts"))</h2><p class=\"note\">\(L("accounts.csv could not be read:")) \(HTML.escape("\(error)"))</p>"
        }
        guard file.accounts.count > 1 else { return "" }
        let weeks = file.weeks
        var html = "<h2>\(L("Accounts"))</h2><p class=\"note\">\(L("Each account's own posts over the")) \(weeks) "
            + L("weeks, means over replicates. People reached: distinct people who saw at least one of the account's posts (5–95% of replicates); "
            + "audiences overlap, so accounts' reaches add up to more than their platform's. Reposts count for the author; "
            + "engagements are likes, comments and shares.") + "</p>"
        html += "<table class=\"accounts\"><tr><th>\(L("platform"))</th><th>\(L("account"))</th><th>\(L("posts"))</th><th>\(L("hours"))</th>"
            + "<th>\(L("people reached in")) \(weeks) \(L("weeks")) (5–95%)</th><th>\(L("followers at start"))</th><th>\(L("followers at end"))</th><th>\(L("engagements"))</th></tr>"
        for a in file.accounts {
            html += "<tr><td>\(HTML.escape(L(a.platform)))</td><td>\(HTML.escape(a.account))</td><td>\(g(a.posts.mean))</td>"
                + "<td>\(g(a.hours.mean))</td><td>\(g(a.reached.mean)) (\(g(a.reached.p05))–\(g(a.reached.p95)))</td>"
                + "<td>\(g(a.followersStart.mean))</td><td>\(g(a.followersEnd.mean))</td><td>\(g(a.engagements.mean))</td></tr>"
        }
        // Bars take their platform's colour in the fan charts above.
        let colors = file.accounts.map { a in platforms.firstIndex(of: a.platform).map { palette[$0 % palette.count] } ?? palette[0] }
        html += "</table><div class=\"grid\">" + SVGChart.bars(
            title: "\(L("people reached in")) \(weeks) \(L("weeks")), \(L("by account"))", labels: file.accounts.map(\.label),
            mean: file.accounts.map(\.reached.mean), low: file.accounts.map(\.reached.p05),
            high: file.accounts.map(\.reached.p95), colors: colors)
        return html + "</div>"
    }

    static func renderComparison(_ directory: URL) throws -> String {
        let rows = try CSVTable.rows(url: directory.appendingPathComponent("comparison.csv"), required: ComparePipeline.header)
        guard let base = rows.first?["base"] else { throw ReportError("\(directory.path)/comparison.csv has no rows") }
        var alternatives: [String] = []
        // (alt, platform, metric) → per-week diff mean, CI low, CI high, p05, p95 (segment all).
        var diffs: [String: [[Double]]] = [:]
        var finalRows: [String: CSVTable.Row] = [:], outsideRows: [String: CSVTable.Row] = [:]
        for f in rows where f["segment"] == OutsideSpec.segmentName && f["platform"] == "all"
            && f["metric"] == Metric.reachCumulative.column {
            outsideRows[f["scenario"]] = f   // the last week's row stays
        }
        for f in rows where f["segment"] == "all" {
            let alt = f["scenario"], platform = f["platform"], metric = f["metric"]
            if !alternatives.contains(alt) { alternatives.append(alt) }
            let key = "\(alt)|\(platform)|\(metric)"
            var d = diffs[key] ?? [[], [], [], [], []]
            for (i, col) in ["diff_mean", "diff_ci90_low", "diff_ci90_high", "diff_p05", "diff_p95"].enumerated() {
                d[i].append(f.double(col))
            }
            diffs[key] = d
            if platform == "all" && metric == Metric.reachCumulative.column { finalRows[alt] = f }
        }
        // An open audience splits the difference: the catchment (the scenario's segments) and the
        // outside (the platforms' other users); the catchment's is all − outside, a mean.
        let open = !outsideRows.isEmpty
        var body = "<h1>\(HTML.escape(base)): \(L("compared"))</h1>"
        let verdictURL = directory.appendingPathComponent("verdict.csv")
        let verdict = FileManager.default.fileExists(atPath: verdictURL.path)
            ? try CSVTable.rows(url: verdictURL, required: ComparePipeline.verdictHeader) : nil
        body += ReportBrief.comparison(directory, base: base, alternatives: alternatives, verdict: verdict, diffs: diffs)
        body += "<h2>\(L("Cumulative unique reach"))</h2><table><tr><th>\(L("alternative"))</th><th>\(L("base cumulative reach"))</th>"
            + "<th>\(L("alternative"))</th><th>\(L("difference (90% CI of the mean)"))</th><th>\(L("P(alternative reaches more)"))</th>"
            + (open ? "<th>\(L("of which catchment"))</th><th>\(L("of which outside (90% CI)"))</th>" : "") + "</tr>"
        for alt in alternatives {
            guard let f = finalRows[alt] else { continue }
            func v(_ column: String, _ row: CSVTable.Row? = nil) -> Double { Double((row ?? f)[column]) ?? 0 }
            body += "<tr><td>\(HTML.escape(alt))</td><td>\(g(v("base_mean")))</td><td>\(g(v("alt_mean")))</td>"
                + "<td>\(g(v("diff_mean"))) (\(g(v("diff_ci90_low"))) \(L("to")) \(g(v("diff_ci90_high"))))</td>"
                + "<td>\(lang.percent(v("p_alt_higher")))</td>"
            if open {
                if let o = outsideRows[alt] {
                    body += "<td>\(g(v("diff_mean") - v("diff_mean", o)))</td>"
                        + "<td>\(g(v("diff_mean", o))) (\(g(v("diff_ci90_low", o))) \(L("to")) \(g(v("diff_ci90_high", o))))</td>"
                } else {
                    body += "<td>\(g(v("diff_mean")))</td><td></td>"
                }
            }
            body += "</tr>"
        }
        body += "</table>"
        if open {
            let note = L("Catchment: the people of the scenario's segments (whom the institution "
                + "targets); outside: the platforms' other users in the country, reached by discovery, shares and boosts.")
            body += "<p class=\"note\">\(note)</p>"
        }
        body += verdict.map(verdictSection) ?? ""
        let titles = [Metric.reachCumulative: "Δ cumulative reach", .reach: "Δ weekly reach", .followersUnique: "Δ followers"]
        for (k, alt) in alternatives.enumerated() {
            body += "<h2>\(HTML.escape(alt)) − \(HTML.escape(base))</h2><div class=\"grid\">"
            let platforms = Set(diffs.keys.filter { $0.hasPrefix("\(alt)|") }.map { String($0.split(separator: "|")[1]) })
            var unchanged: [String] = []
            for metric in [Metric.reachCumulative, .reach, .followersUnique] {
                for platform in ["all"] + platforms.subtracting(["all"]).sorted() {
                    guard let d = diffs["\(alt)|\(platform)|\(metric.column)"] ?? (metric == .followersUnique ? diffs["\(alt)|\(platform)|followers"] : nil)
                    else { continue }
                    let title = "\(L(titles[metric]!)): \(L(platform))"
                    // No panel for what did not change: every week's difference and band under half a person.
                    if d.allSatisfy({ $0.allSatisfy { abs($0) < 0.5 } }) {
                        unchanged.append(title)
                        continue
                    }
                    body += SVGChart.fan(title: title, fans: [
                        .init(label: L("replicates 5–95%"), color: "#999999", low: d[3], mid: d[0], high: d[4]),
                        .init(label: L("mean, 90% CI"), color: palette[(k + 1) % palette.count], low: d[1], mid: d[0], high: d[2]),
                    ], zeroLine: true)
                }
            }
            body += "</div>"
            if !unchanged.isEmpty {
                body += "<p class=\"note\">\(L("Nothing changes, so no chart for:")) \(HTML.escape(unchanged.joined(separator: "; "))).</p>"
            }
        }
        for name in [base] + alternatives {
            let url = directory.appendingPathComponent("summary-\(name).csv")
            if let s = try? SummaryFile(url: url) { body += section(s, title: name) }
            if let yaml = try? String(contentsOf: directory.appendingPathComponent("scenario-\(name).yaml"), encoding: .utf8) {
                body += "<details><summary>\(L("Scenario file of")) \(HTML.escape(name))</summary><pre>\(HTML.escape(yaml))</pre></details>"
            }
        }
        return page(title: "ReachSim: \(base) \(L("compared"))", body: body)
    }

    /// What the decision changes, per alternative, from `verdict.csv` (absent in folders written
    /// before it existed): the year's reach by segment, a typical week, reach per post, followers,
    /// posts dropped, hours, spend and euros per extra person of the catchment.
    static func verdictSection(_ rows: [CSVTable.Row]) -> String {
        var out = ""
        var alternatives: [String] = []
        for r in rows where !alternatives.contains(r["scenario"]) { alternatives.append(r["scenario"]) }
        for alt in alternatives {
            out += "<h2>\(L("What")) \(HTML.escape(alt)) \(L("changes"))</h2><table><tr><th>\(L("measure"))</th><th>\(L("who"))</th><th>\(L("base"))</th>"
                + "<th>\(L("alternative"))</th><th>\(L("difference (90% CI of the mean)"))</th></tr>"
            var notes: [String] = []
            for r in rows where r["scenario"] == alt {
                let measure = L(verdictLabels[r["measure"]] ?? r["measure"])
                let share = r["measure"] == "reached_share_of_users"
                func cell(_ c: String) -> String {
                    guard let v = Double(r[c]) else { return "" }
                    if share { return c == "diff_mean" ? lang.decimal(100 * v, digits: 1) + " pt" : lang.percent(v) }
                    return r["measure"] == "reach_per_post" || r["measure"] == "cost_per_extra_person" ? lang.decimal(v, digits: 2) : g(v)
                }
                let diff = r["diff_ci90_low"].isEmpty ? cell("diff_mean")
                    : "\(cell("diff_mean")) (\(cell("diff_ci90_low")) \(L("to")) \(cell("diff_ci90_high")))"
                var who = L(r["segment"] == ComparePipeline.Verdict.youngRow ? "under 25" : r["segment"])
                if share, max(r.double("base_mean"), r.double("alt_mean")) >= ReachableAudience.mostlyReached {
                    who += " *"
                    notes.append("\(L(r["segment"])): \(L("mostly reached: a difference there is capped, not absent"))")
                }
                out += "<tr><td>\(HTML.escape(measure))</td><td>\(HTML.escape(who))</td><td>\(cell("base_mean"))</td>"
                    + "<td>\(cell("alt_mean"))</td><td>\(diff)</td></tr>"
            }
            out += "</table>" + notes.map { "<p class=\"note\">* \(HTML.escape($0))</p>" }.joined()
        }
        return out
    }

    static let verdictLabels = ["reach_year": "people reached in the year", "reach_week": "people reached in a typical week",
                                "reach_per_post": "people reached per post", "followers_end": "followers at the end",
                                "posts_dropped": "posts dropped for lack of hours", "hours": "hours", "spend": "spend (€)",
                                "cost_per_extra_person": "€ per extra person of the catchment",
                                "reached_share_of_users": "share of the platform's users reached"]

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(lang.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>\(HTML.escape(title))</title>
        <style>
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#222;max-width:1400px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}.meta,.note{color:#666;font-size:13px}
        table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}
        th:first-child,td:first-child,table.accounts td:nth-child(2),table.accounts th:nth-child(2){text-align:left}.grid{display:flex;flex-wrap:wrap;gap:8px}
        svg.chart{background:#fff;border:1px solid #eee;max-width:100%;height:auto}pre{background:#f6f6f6;padding:10px;font-size:12px;overflow:auto}
        table{display:block;overflow-x:auto;max-width:100%}.brief{border:1px solid #ccd;background:#f8f9fc;padding:4px 16px 12px;margin:12px 0 20px}
        .brief p{font-size:15px;line-height:1.45;max-width:60em}@media (max-width:600px){body{margin:8px}.brief{padding:2px 8px 8px}}
        </style></head><body>
        \(body)
        <p class="note">\(L("Bands: 5–95% of replicates; lines: medians (difference charts: mean difference). Generated by ReachSim."))</p>
        </body></html>

        """
    }

    static func g(_ v: Double) -> String { lang.number(v) }
    static var lang: ReportLanguage { ReportLanguage.current }
}
