import Foundation
import Yams

/// `--set KEY=VALUES` of `reachsim sweep`: a key path into the scenario file and the values it
/// takes, applied to the YAML node tree before decoding, so every check of `ScenarioLoader`
/// applies to the overridden value, with the position of the value it replaces.
public struct SweepParameter: Sendable, Equatable {
    /// As written: `platforms.instagram.boost.budget_per_month`.
    public let key: String
    /// The YAML scalars the key takes, in order: `0`, `50`, ... or `reach`, `engagement`.
    public let values: [String]

    enum Component: Equatable { case key(String), index(Int) }
    let path: [Component]

    /// The last mapping key of the path (`budget_per_month`).
    public var leaf: String {
        for c in path.reversed() { if case .key(let k) = c { return k } }
        return key
    }

    /// Parses `KEY=VALUES`: VALUES is `start:stop:step` (numbers; stop included when on the grid)
    /// or `v1,v2,...`.
    public init(parsing text: String) throws(SweepError) {
        guard let eq = text.firstIndex(of: "=") else {
            throw SweepError("--set '\(text)': expected KEY=VALUES, e.g. platforms.instagram.boost.budget_per_month=0:300:50")
        }
        key = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        let spec = String(text[text.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
        path = try SweepParameter.parsePath(key)
        guard !spec.isEmpty else { throw SweepError("--set \(key)=: no values given") }
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 3, let a = Double(parts[0]), let b = Double(parts[1]), let step = Double(parts[2]) {
            guard step > 0, b >= a, a.isFinite, b.isFinite else {
                throw SweepError("--set \(key)=\(spec): a range start:stop:step needs stop >= start and step > 0")
            }
            let count = Int(((b - a) / step + 1e-9).rounded(.down)) + 1
            guard count <= 10_000 else { throw SweepError("--set \(key)=\(spec): \(count) values, at most 10000") }
            values = (0..<count).map { SweepParameter.format(a + Double($0) * step) }
        } else if parts.count > 1 {
            throw SweepError("--set \(key)=\(spec): a range is start:stop:step with three numbers, e.g. 0:300:50")
        } else {
            values = spec.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if values.contains(where: \.isEmpty) { throw SweepError("--set \(key)=\(spec): an empty value in the list") }
        }
    }

    /// 150.0 → "150", 0.1 + 0.2 → "0.3" (12 significant digits, no float noise).
    static func format(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return String(format: "%.12g", x)
    }

    static func parsePath(_ key: String) throws(SweepError) -> [Component] {
        var result: [Component] = []
        for part in key.split(separator: ".", omittingEmptySubsequences: false) {
            var name = Substring(part)
            var indices: [Int] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
                guard let i = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]), i >= 0 else {
                    throw SweepError("--set \(key): '\(part)' has a bad list index")
                }
                indices.insert(i, at: 0)
                name = name[..<open]
            }
            guard !name.isEmpty else { throw SweepError("--set \(key): an empty key in the path") }
            result.append(.key(String(name)))
            result += indices.map { .index($0) }
        }
        return result
    }
}

/// A wrong `--set` (command-line usage, exit 64).
public struct SweepError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ message: String) { description = message }
}

extension ScenarioLoader {
    /// Loads `path` with `overrides` (key path → YAML scalar text) applied to its node tree.
    /// Errors about an overridden value point at the value it replaced (or, for a key the file
    /// does not have, at the mapping it was added to) and say which `--set` gave it.
    public static func load(path: String, overrides: [(SweepParameter, String)]) throws -> Scenario {
        let root = try YAMLValue.load(path: path)
        var node = root.node
        for (parameter, value) in overrides {
            node = try set(node, parameter.path[...], to: value, key: parameter.key)
        }
        do {
            return try decode(YAMLValue(node: node, file: path, keyPath: "", aliasNote: nil), path: path)
        } catch var error as ScenarioError {
            if let (p, v) = overrides.first(where: { error.keyPath.hasPrefix($0.0.key) || $0.0.key.hasPrefix(error.keyPath + ".") }) {
                error.message += " (set by --set \(p.key)=\(v))"
            }
            throw error
        }
    }

    /// Replaces (or adds) the value at `path`. A replaced scalar keeps its position; an added key
    /// takes the position of the first key of its mapping and its value that of the first value
    /// (`created`: the marks to use when the mapping itself was added), so errors about it point
    /// into the right part of the file.
    private static func set(_ node: Node, _ path: ArraySlice<SweepParameter.Component>, to value: String,
                            key: String, created: (Mark?, Mark?)? = nil) throws -> Node {
        guard let first = path.first else {
            if node.mapping != nil || node.sequence != nil {
                throw SweepError("--set \(key): the file has a mapping or list there, not a single value")
            }
            return .scalar(Node.Scalar(value, .implicit, .plain, node.mark))
        }
        let rest = path.dropFirst()
        switch first {
        case .key(let name):
            if case .scalar(let s) = node, created == nil {
                throw SweepError("--set \(key): '\(name)' is asked for inside a single value ('\(s.string)')")
            }
            if node.sequence != nil { throw SweepError("--set \(key): '\(name)' is asked for inside a list") }
            var pairs = node.mapping.map { Array($0).map { ($0.key, $0.value) } } ?? []
            if let i = pairs.firstIndex(where: { $0.0.scalar?.string == name }) {
                pairs[i].1 = try set(pairs[i].1, rest, to: value, key: key)
            } else {
                let marks = created ?? (pairs.first?.0.mark ?? node.mark, pairs.first?.1.mark ?? node.mark)
                let empty = Node.scalar(Node.Scalar("", Tag(.null), .plain, marks.1))
                pairs.append((.scalar(Node.Scalar(name, .implicit, .plain, marks.0)),
                              try set(empty, rest, to: value, key: key, created: marks)))
            }
            let m = node.mapping
            return .mapping(Node.Mapping(pairs, m?.tag ?? .implicit, m?.style ?? .block, node.mark))
        case .index(let i):
            guard let seq = node.sequence else { throw SweepError("--set \(key): [\(i)] is asked for where there is no list") }
            var items = Array(seq)
            guard items.indices.contains(i) else {
                throw SweepError("--set \(key): index [\(i)] is outside the list of \(items.count)")
            }
            items[i] = try set(items[i], rest, to: value, key: key)
            return .sequence(Node.Sequence(items, seq.tag, seq.style, node.mark))
        }
    }
}
