import Foundation

/// What differs between two scenario files, key by key, for the brief's question: the base's
/// value and the alternative's at every key path where they differ (`platforms.x.followers:
/// 23500 → absent`). Lists whose items have a `name` (segments, accounts) are compared by name;
/// other lists (the timeline) as sets of items, each written on one line, so that an added event
/// reads as one difference. The name, seed and replicates are left out (they always differ, or do
/// not change the answer).
enum ScenarioDifference {
    struct Change: Equatable {
        let path: String
        /// The value as written on one line, nil when the key is absent.
        let base: String?
        let alternative: String?
    }

    static let ignored: Set<String> = ["name", "seed", "replicates", "institution"]

    /// The differences of two YAML documents; empty when either cannot be read.
    static func changes(base: String, alternative: String) -> [Change] {
        guard let a = try? YAMLValue.parse(base, file: "base"), let b = try? YAMLValue.parse(alternative, file: "alternative")
        else { return [] }
        var left: [(String, String)] = [], right: [(String, String)] = []
        flatten(a, path: "", into: &left)
        flatten(b, path: "", into: &right)
        let l = Dictionary(left, uniquingKeysWith: { $1 }), r = Dictionary(right, uniquingKeysWith: { $1 })
        var order: [String] = []
        for (k, _) in left + right where !order.contains(k) { order.append(k) }
        var out: [Change] = []
        for k in order where l[k] != r[k] && !ignored.contains(k) {
            // A whole part one file lacks (a platform added) is one change, not one per key.
            if l[k] == nil || r[k] == nil, let part = wholePart(k, absentFrom: l[k] == nil ? left : right) {
                let change = Change(path: part, base: l[k] == nil ? nil : "…", alternative: r[k] == nil ? nil : "…")
                if !out.contains(change) { out.append(change) }
                continue
            }
            out.append(Change(path: k, base: l[k], alternative: r[k]))
        }
        return out
    }

    /// The shortest key path above `key` (a `.`-separated prefix, below the top level) that the
    /// other file has no key under, if any.
    static func wholePart(_ key: String, absentFrom other: [(String, String)]) -> String? {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 2 else { return nil }
        for n in 2..<parts.count {
            let prefix = parts.prefix(n).joined(separator: ".")
            if !other.contains(where: { $0.0 == prefix || $0.0.hasPrefix(prefix + ".") || $0.0.hasPrefix(prefix + "[")
                || $0.0.hasPrefix(prefix + ":") }) {
                return prefix
            }
        }
        return nil
    }

    /// Key paths and one-line values of every leaf.
    static func flatten(_ v: YAMLValue, path: String, into out: inout [(String, String)]) {
        switch v.kind {
        case .mapping:
            guard let m = try? v.mapping() else { return }
            for e in m.entries { flatten(e.value, path: path.isEmpty ? e.key : "\(path).\(e.key)", into: &out) }
        case .sequence:
            let items = (try? v.list(nonEmpty: false)) ?? []
            let names = items.map { (try? $0.mapping())?.value("name").flatMap { try? $0.string() } }
            if !items.isEmpty, names.allSatisfy({ $0 != nil }) {
                for (item, name) in zip(items, names) { flatten(item, path: "\(path)[\(name!)]", into: &out) }
            } else {
                // A set of items: each one line, as its own key.
                for item in items { out.append(("\(path): \(inline(item))", "present")) }
            }
        default:
            out.append((path, inline(v)))
        }
    }

    /// A value on one line, in YAML's flow style.
    static func inline(_ v: YAMLValue) -> String {
        switch v.kind {
        case .mapping:
            let entries = (try? v.mapping())?.entries ?? []
            return "{" + entries.map { "\($0.key): \(inline($0.value))" }.joined(separator: ", ") + "}"
        case .sequence:
            return "[" + ((try? v.list(nonEmpty: false)) ?? []).map(inline).joined(separator: ", ") + "]"
        case .null:
            return "~"
        default:
            return (try? v.string()) ?? "?"
        }
    }
}
