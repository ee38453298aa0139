import Foundation
import Yams

/// `fitted.yaml`: the scenario file with the fitted values in place, each commented with its
/// estimate, 90% interval, prior and the data it came from, and a header that says what was
/// fitted and what was not. The fit's 90% intervals of scalar parameters become the file's
/// `uncertain:` ranges (`compare --uncertainty` draws them instead of the presets' plausible
/// ranges). The file is rewritten from its YAML tree, so the original's comments are not kept
/// (the header names the original).
enum FittedScenario {
    static func yaml(path: String, fitted: FitPipeline.Result, history: String) throws -> [UInt8] {
        var node = try YAMLValue.load(path: path).node
        var notes: [[String]: String] = [:]
        for e in fitted.estimates {
            guard let estimate = e.estimate,
                  let p = fitted.scenario.platforms.firstIndex(where: { $0.name == e.platform }) else { continue }
            let platform = fitted.scenario.platforms[p]
            let value: Node
            switch e.parameter {
            case .like: value = table(platform.engagement.like)
            case .comment: value = table(platform.engagement.comment)
            case .share: value = table(platform.engagement.share)
            case .baseVisibility, .reachSpread, .follow, .churn, .discovery: value = scalar(estimate)
            }
            let keyPath = ["platforms", e.platform] + e.parameter.key.split(separator: ".").map(String.init)
            node = set(node, keyPath[...], to: value)
            notes[keyPath] = (e.low == nil ? "derived with the engagement rates (keeps discovery per view): \(number(estimate))"
                : "fitted: \(number(estimate)) [90%: \(number(e.low!))-\(number(e.high ?? estimate))]")
                + (e.prior.map { ", prior \(number($0))" } ?? "")
                + (e.parameter.isTable ? " (mean over formats; each format × the same factor)" : "")
        }
        // The fit's 90% intervals become the uncertain ranges of what it estimated (the keys
        // `compare --uncertainty` can draw; an engagement table's range is of its mean over
        // formats, as fitted), replacing the presets' plausible ranges.
        for e in fitted.estimates {
            guard let low = e.low, let high = e.high, low < high,
                  PlausibleRanges.platformKeys.contains(e.parameter.key) else { continue }
            let path = ["uncertain", "platforms.\(e.platform).\(e.parameter.key)"]
            let range = Node.mapping(Node.Mapping([
                (.scalar(Node.Scalar("low")), scalar(low)), (.scalar(Node.Scalar("high")), scalar(high)),
                (.scalar(Node.Scalar("source")), .scalar(Node.Scalar(
                    "reachsim fit: 90% interval, \(fitted.from) to \(fitted.until), \(e.posts) posts", .implicit, .doubleQuoted))),
            ]))
            node = set(node, path[...], to: range)
        }
        var lines = try Yams.serialize(node: node).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        comment(&lines, notes)
        var header = [
            "# Fitted by `reachsim fit` from \(history) (\(fitted.from) to \(fitted.until)) on \(path);",
            "# the original file keeps its comments. Each fitted value is commented where it is set; fit.csv",
            "# has every parameter with its 90% interval and the data it came from. Not identifiable here:",
        ]
        let missing = fitted.estimates.filter { $0.estimate == nil }
        header += missing.isEmpty ? ["#   none."] : missing.map { "#   \($0.platform) \($0.parameter.key): \($0.source.dropFirst("not identifiable: ".count))" }
        return Array((header + lines).joined(separator: "\n").utf8)
    }

    static func number(_ v: Double) -> String { String(format: "%.6g", v) }

    static func scalar(_ v: Double) -> Node { .scalar(Node.Scalar(number(v))) }

    static func table(_ t: FormatTable<Double>) -> Node {
        .mapping(Node.Mapping(PostFormat.allCases.map { (Node.scalar(Node.Scalar($0.rawValue)), scalar(t[$0])) }))
    }

    /// Replaces (or adds) the value at `path` in a tree of mappings.
    static func set(_ node: Node, _ path: ArraySlice<String>, to value: Node) -> Node {
        guard let key = path.first else { return value }
        var pairs = node.mapping.map { Array($0).map { ($0.key, $0.value) } } ?? []
        if let i = pairs.firstIndex(where: { $0.0.scalar?.string == key }) {
            pairs[i].1 = set(pairs[i].1, path.dropFirst(), to: value)
        } else {
            pairs.append((.scalar(Node.Scalar(key)), set(.mapping(Node.Mapping([])), path.dropFirst(), to: value)))
        }
        return .mapping(Node.Mapping(pairs))
    }

    /// Appends `# note` to the line of each key path (block style, two-space indents as Yams writes).
    static func comment(_ lines: inout [String], _ notes: [[String]: String]) {
        var stack: [(indent: Int, key: String)] = []
        for i in lines.indices {
            let line = lines[i]
            let trimmed = line.drop { $0 == " " }
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), !trimmed.hasPrefix("-"),
                  let colon = trimmed.firstIndex(of: ":") else { continue }
            let indent = line.count - trimmed.count
            while let last = stack.last, last.indent >= indent { stack.removeLast() }
            let key = String(trimmed[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            stack.append((indent, key))
            if let note = notes[stack.map(\.key)] { lines[i] += "  # " + note }
        }
    }
}

extension FitParameter {
    /// Engagement tables (one value per format).
    var isTable: Bool { self == .like || self == .comment || self == .share }
}
