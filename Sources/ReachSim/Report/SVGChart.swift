import Foundation

/// Small self-contained SVG charts (no script, no external file): fan charts of a quantity over
/// weeks and horizontal bars with intervals.
enum SVGChart {
    static let width = 440.0, height = 230.0
    static let left = 62.0, right = 12.0, top = 28.0, bottom = 34.0

    /// A band per series (5-95%), its median line, and an optional zero line.
    struct Fan {
        var label: String
        var color: String
        var low: [Double]
        var mid: [Double]
        var high: [Double]
    }

    /// - Parameter fromZero: the axis starts at 0 (counts: a band near 50,000 drawn from 48,000 up
    ///   would look like a collapse).
    static func fan(title: String, fans: [Fan], zeroLine: Bool = false, fromZero: Bool = false) -> String {
        let values = fans.flatMap { $0.low + $0.high + $0.mid }.filter(\.isFinite) + (zeroLine || fromZero ? [0] : [])
        let weeks = fans.map(\.mid.count).max() ?? 0
        guard weeks > 0, let lo = values.min(), let hi = values.max() else { return "" }
        let (y0, y1, ticks) = niceRange(lo, hi)
        let label = tickLabels(ticks)
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ i: Int) -> Double { left + (weeks == 1 ? plotW / 2 : plotW * Double(i) / Double(weeks - 1)) }
        func y(_ v: Double) -> Double { top + plotH * (1 - (v - y0) / (y1 - y0)) }
        var s = header(title)
        for (t, tick) in zip(ticks, label) {
            s += line(left, y(t), width - right, y(t), "#e5e5e5")
            s += text(left - 6, y(t) + 4, tick, anchor: "end")
        }
        for w in xTicks(weeks) {
            s += text(x(w - 1), height - bottom + 16, "\(w)", anchor: "middle")
        }
        s += text(left + plotW / 2, height - 4, L("week"), anchor: "middle")
        if zeroLine { s += line(left, y(0), width - right, y(0), "#555") }
        for f in fans {
            let upper = (0..<f.high.count).map { "\(fmt(x($0))),\(fmt(y(f.high[$0])))" }
            let lower = (0..<f.low.count).reversed().map { "\(fmt(x($0))),\(fmt(y(f.low[$0])))" }
            s += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(f.color)\" fill-opacity=\"0.22\" stroke=\"none\"/>"
            let mid = (0..<f.mid.count).map { "\(fmt(x($0))),\(fmt(y(f.mid[$0])))" }
            s += "<polyline points=\"\(mid.joined(separator: " "))\" fill=\"none\" stroke=\"\(f.color)\" stroke-width=\"2\"/>"
        }
        if fans.count > 1 {
            for (k, f) in fans.enumerated() {
                let lx = left + 8 + Double(k) * 140
                s += "<rect x=\"\(fmt(lx))\" y=\"\(fmt(top + 4))\" width=\"10\" height=\"10\" fill=\"\(f.color)\"/>"
                s += text(lx + 14, top + 13, f.label, anchor: "start")
            }
        }
        return s + "</svg>"
    }

    /// A back-test's forecast over periods: the 95% and 80% ranges (bands), the predicted median
    /// (line), the actual values (dots on a dark line) and the naive forecast (dashed), with the
    /// training cut-off marked at the left edge.
    static func forecast(title: String, labels: [String], actual: [Double], median: [Double], low80: [Double],
                         high80: [Double], low95: [Double], high95: [Double], naive: [Double?], cutoff: String) -> String {
        let n = labels.count
        let values = (actual + median + low95 + high95 + naive.compactMap { $0 }).filter(\.isFinite)
        guard n > 0, let lo = values.min(), let hi = values.max() else { return "" }
        let (y0, y1, ticks) = niceRange(min(0, lo), hi)
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ i: Int) -> Double { left + 10 + (n == 1 ? (plotW - 20) / 2 : (plotW - 20) * Double(i) / Double(n - 1)) }
        func y(_ v: Double) -> Double { top + plotH * (1 - (v - y0) / (y1 - y0)) }
        func band(_ low: [Double], _ high: [Double], _ opacity: String) -> String {
            let upper = (0..<n).map { "\(fmt(x($0))),\(fmt(y(high[$0])))" }
            let lower = (0..<n).reversed().map { "\(fmt(x($0))),\(fmt(y(low[$0])))" }
            return "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"#4e79a7\" fill-opacity=\"\(opacity)\" stroke=\"none\"/>"
        }
        var s = header(title)
        for (t, tick) in zip(ticks, tickLabels(ticks)) {
            s += line(left, y(t), width - right, y(t), "#e5e5e5")
            s += text(left - 6, y(t) + 4, tick, anchor: "end")
        }
        let every = max(1, Int((Double(n) / 6).rounded(.up)))
        for i in stride(from: 0, to: n, by: every) { s += text(x(i), height - bottom + 16, labels[i], anchor: "middle") }
        s += "<line x1=\"\(fmt(left + 2))\" y1=\"\(fmt(top))\" x2=\"\(fmt(left + 2))\" y2=\"\(fmt(height - bottom))\" stroke=\"#e15759\" stroke-width=\"2\"/>"
        s += text(left + 6, height - 4, "← \(L("trained until")) \(cutoff)", anchor: "start")
        s += band(low95, high95, "0.15") + band(low80, high80, "0.3")
        s += "<polyline points=\"\((0..<n).map { "\(fmt(x($0))),\(fmt(y(median[$0])))" }.joined(separator: " "))\" fill=\"none\" stroke=\"#4e79a7\" stroke-width=\"2\"/>"
        let naivePoints = (0..<n).compactMap { i in naive[i].map { "\(fmt(x(i))),\(fmt(y($0)))" } }
        if naivePoints.count > 1 {
            s += "<polyline points=\"\(naivePoints.joined(separator: " "))\" fill=\"none\" stroke=\"#999\" stroke-width=\"1.5\" stroke-dasharray=\"5,4\"/>"
        }
        s += "<polyline points=\"\((0..<n).map { "\(fmt(x($0))),\(fmt(y(actual[$0])))" }.joined(separator: " "))\" fill=\"none\" stroke=\"#222\" stroke-width=\"1\"/>"
        for i in 0..<n { s += "<circle cx=\"\(fmt(x(i)))\" cy=\"\(fmt(y(actual[i])))\" r=\"3\" fill=\"#222\"/>" }
        let legend: [(String, String)] = [("#222", L("actual")), ("#4e79a7", L("predicted, 80/95%")), ("#999", L("naive"))]
        for (k, item) in legend.enumerated() {
            let lx = left + 8 + Double(k) * 120
            s += "<rect x=\"\(fmt(lx))\" y=\"\(fmt(top + 4))\" width=\"10\" height=\"10\" fill=\"\(item.0)\"/>"
            s += text(lx + 14, top + 13, item.1, anchor: "start")
        }
        return s + "</svg>"
    }

    /// Horizontal bars (mean) with 5-95% whiskers; `colors` per bar (default: all the first
    /// palette colour). The label column widens for labels beyond about 18 characters (up to 240 px).
    /// `tick` formats the axis (default: people, grouped); the axis reaches at least `atLeast`.
    static func bars(title: String, labels: [String], mean: [Double], low: [Double], high: [Double],
                     colors: [String]? = nil, atLeast: Double = 1, tick: ((Double) -> String)? = nil) -> String {
        let rowH = 24.0
        let h = top + Double(labels.count) * rowH + bottom
        let maxV = max(atLeast, (high + mean).filter(\.isFinite).max() ?? atLeast)
        let (_, x1, ticks) = niceRange(0, maxV)
        // 11 px system-ui averages under 6.3 px per character.
        let longest = Double(labels.map(\.count).max() ?? 0)
        let labelW = min(240, max(130, 6.3 * longest + 12)), plotW = width - labelW - right - 22
        func x(_ v: Double) -> Double { labelW + plotW * v / x1 }
        var s = header(title, height: h)
        for (t, label) in zip(ticks, tick.map { f in ticks.map(f) } ?? tickLabels(ticks)) {
            s += line(x(t), top, x(t), h - bottom, "#e5e5e5")
            s += text(x(t), h - bottom + 16, label, anchor: "middle")
        }
        for (i, label) in labels.enumerated() {
            let yy = top + Double(i) * rowH
            s += text(labelW - 6, yy + 16, label, anchor: "end")
            s += "<rect x=\"\(fmt(labelW))\" y=\"\(fmt(yy + 5))\" width=\"\(fmt(max(0, x(mean[i]) - labelW)))\" height=\"14\" fill=\"\(colors?[i] ?? "#4e79a7")\"/>"
            s += line(x(low[i]), yy + 12, x(high[i]), yy + 12, "#222")
        }
        return s + "</svg>"
    }

    /// Horizontal bars of differences from a zero line (left: less, right: more), with whiskers
    /// (an interval per bar): what a decision changes for each segment.
    static func differenceBars(title: String, labels: [String], mean: [Double], low: [Double], high: [Double]) -> String {
        let rowH = 24.0
        let h = top + Double(labels.count) * rowH + bottom
        let values = (low + high + mean + [0]).filter(\.isFinite)
        let (x0, x1, ticks) = niceRange(values.min() ?? -1, values.max() ?? 1)
        let longest = Double(labels.map(\.count).max() ?? 0)
        let labelW = min(240, max(130, 6.3 * longest + 12)), plotW = width - labelW - right - 22
        func x(_ v: Double) -> Double { labelW + plotW * (v - x0) / (x1 - x0) }
        var s = header(title, height: h)
        for (t, label) in zip(ticks, tickLabels(ticks)) {
            s += line(x(t), top, x(t), h - bottom, "#e5e5e5")
            s += text(x(t), h - bottom + 16, label, anchor: "middle")
        }
        s += line(x(0), top, x(0), h - bottom, "#555")
        for (i, label) in labels.enumerated() {
            let yy = top + Double(i) * rowH
            let a = min(x(0), x(mean[i])), b = max(x(0), x(mean[i]))
            s += text(labelW - 6, yy + 16, label, anchor: "end")
            s += "<rect x=\"\(fmt(a))\" y=\"\(fmt(yy + 5))\" width=\"\(fmt(b - a))\" height=\"14\" fill=\"\(mean[i] < 0 ? "#e15759" : "#59a14f")\"/>"
            s += line(x(low[i]), yy + 12, x(high[i]), yy + 12, "#222")
        }
        return s + "</svg>"
    }

    /// Tick labels in the report's language with as many decimals as the step needs, so that
    /// labels stay distinct on a nearly flat series (ticks 0.2 apart are not all "0" or "1").
    static func tickLabels(_ ticks: [Double]) -> [String] {
        let lang = ReportLanguage.current
        let step = ticks.count > 1 ? abs(ticks[1] - ticks[0]) : 1
        let digits = step >= 1 ? 0 : min(6, Int((-log10(step)).rounded(.up)))
        var labels = ticks.map { lang.decimal(abs($0) < step * 1e-9 ? 0 : $0, digits: digits) }
        // A step such as 0.25 needs one decimal more than its magnitude says.
        if Set(labels).count < labels.count { labels = ticks.map { lang.decimal($0, digits: digits + 1) } }
        return labels
    }

    private static func header(_ title: String, height h: Double = height) -> String {
        let size = titleSize(title)
        // Past what fits even at the smallest size, the title is cut (the full one is the aria-label);
        // the cut takes an average width (7.3 px a character at 13 px), the size the widest.
        let fits = Int(((width - 8 - right) * 13 / (7.3 * size)).rounded(.down))
        let shown = title.count > fits ? String(title.prefix(max(1, fits - 1))) + "…" : title
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(fmt(width))\" height=\"\(fmt(h))\" viewBox=\"0 0 \(fmt(width)) \(fmt(h))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
            + "<text x=\"8\" y=\"16\" font-size=\"\(fmt(size))\" font-weight=\"600\">\(HTML.escape(shown))</text>"
    }

    /// The title's font size: 13 px, smaller for a title that would run past the chart's right
    /// edge (bold system-ui takes up to about 8.4 px per character at 13 px), 7 px at least.
    static func titleSize(_ title: String) -> Double {
        let room = width - 8 - right
        return max(7, min(13, 13 * room / (8.4 * Double(max(1, title.count)))))
    }

    private static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ color: String) -> String {
        "<line x1=\"\(fmt(x1))\" y1=\"\(fmt(y1))\" x2=\"\(fmt(x2))\" y2=\"\(fmt(y2))\" stroke=\"\(color)\" stroke-width=\"1\"/>"
    }

    private static func text(_ x: Double, _ y: Double, _ s: String, anchor: String) -> String {
        "<text x=\"\(fmt(x))\" y=\"\(fmt(y))\" font-size=\"11\" text-anchor=\"\(anchor)\">\(HTML.escape(s))</text>"
    }

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }

    /// A range covering lo...hi with 4-6 round ticks.
    static func niceRange(_ lo: Double, _ hi: Double) -> (Double, Double, [Double]) {
        var lo = lo, hi = hi
        if hi - lo < 1e-9 { lo -= 1; hi += 1 }
        let raw = (hi - lo) / 5
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let start = floor(lo / step) * step, end = ceil(hi / step) * step
        let ticks = stride(from: start, through: end + step / 2, by: step).map { $0 }
        return (start, end, ticks)
    }

    static func xTicks(_ weeks: Int) -> [Int] {
        if weeks <= 8 { return Array(1...weeks) }
        let step = weeks <= 26 ? 5 : (weeks <= 60 ? 10 : 50)
        return [1] + stride(from: step, through: weeks, by: step).map { $0 }
    }
}

enum HTML {
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}
