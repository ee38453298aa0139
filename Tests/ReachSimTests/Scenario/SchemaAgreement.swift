@testable import ReachSim

/// Compares what `ScenarioLoader` read (a `DecoderTrace` per document) with a `SchemaNode` tree.
///
/// Every recorded key list must equal the keys of an object the schema has at that path (or the
/// schema has author-chosen names there); every recorded range, choice, list and required key must
/// match the schema's; and every object and value in the schema must have been read at least once
/// (otherwise nothing proves the loader accepts it). Returns one line per difference.
struct SchemaAgreement {
    let root: SchemaNode
    private(set) var problems: [String] = []
    private var visited: Set<String> = []

    init(root: SchemaNode) { self.root = root }

    static let howToFix = "see ScenarioSchema.swift: add or correct the key there, in the loader, or in Fixtures/schema/coverage.yaml"

    /// Checks one document's trace.
    mutating func check(document: String, events: [DecoderTrace.Event]) {
        var matchedObjects: [String: [(id: String, node: SchemaNode)]] = [:]
        var required: [String: Set<String>] = [:]
        for event in events {
            switch event {
            case let .mapping(path, keys):
                let found = resolve(path)
                let names = found.filter { if case .names = $0.node.kind { true } else { false } }
                let objects = found.filter { if case .object = $0.node.kind { true } else { false } }
                if !names.isEmpty {
                    names.forEach { visited.insert($0.id) }
                    continue
                }
                guard let keys else {
                    if objects.isEmpty { problems.append("\(document): \(shown(path)): the loader reads a mapping; the schema has none there") }
                    continue
                }
                let matches = objects.filter { Set($0.node.properties.map(\.key)) == Set(keys) }
                if matches.isEmpty {
                    problems.append("\(document): \(shown(path)): " + keyDifference(keys, objects))
                    continue
                }
                matches.forEach { visited.insert($0.id) }
                matchedObjects[path, default: []] += matches
            case let .required(path, key):
                required[path, default: []].insert(key)
            case let .list(path, nonEmpty):
                leaf(document, path, "a list\(nonEmpty ? " of at least one item" : "")") { node in
                    guard case let .list(_, count) = node.kind else { return false }
                    return (count.lowerBound >= 1) == nonEmpty
                }
            case let .integer(path, range):
                leaf(document, path, "a whole number in \(range)") { node in
                    guard case let .integer(r) = node.kind, r.lowerBound == range.lowerBound else { return false }
                    return r.upperBound == range.upperBound || (node.upperBoundFrom != nil && range.upperBound <= r.upperBound)
                }
            case let .unsigned64(path):
                leaf(document, path, "a 64-bit unsigned number") { if case .unsigned64 = $0.kind { true } else { false } }
            case let .number(path, range):
                leaf(document, path, "a number in \(range)") { if case let .number(r) = $0.kind { r == range } else { false } }
            case let .bool(path):
                leaf(document, path, "true or false") { if case .boolean = $0.kind { true } else { false } }
            case let .text(path):
                // Names and words checked by code after reading them as text (presets, 'none').
                leaf(document, path, "text") { node in
                    switch node.kind { case .text, .choice: true; default: false }
                }
            case let .choice(path, values):
                // A discriminator reads every variant's word at once: the union must match.
                let choices = resolve(path).filter { if case .choice = $0.node.kind { true } else { false } }
                let words = choices.flatMap { c -> [String] in if case let .choice(w) = c.node.kind { w } else { [] } }
                if Set(words) == Set(values) {
                    choices.forEach { visited.insert($0.id) }
                } else {
                    problems.append("\(document): \(shown(path)): the loader allows \(values.joined(separator: ", ")); "
                                    + "the schema \(words.isEmpty ? "has no choice there" : "allows \(words.joined(separator: ", "))")")
                }
            }
        }
        for (path, objects) in matchedObjects {
            let recorded = required[path] ?? []
            let fits = objects.contains { Set($0.node.properties.filter(\.required).map(\.key)) == recorded }
            if !fits, let first = objects.first {
                let schema = first.node.properties.filter(\.required).map(\.key)
                problems.append("\(document): \(shown(path)): the loader requires [\(recorded.sorted().joined(separator: ", "))], "
                                + "the schema requires [\(schema.joined(separator: ", "))]")
            }
        }
    }

    /// Parts of the schema no document reached.
    func unvisited() -> [String] {
        var missing: [String] = []
        func walk(_ node: SchemaNode, _ id: String) {
            switch node.kind {
            case .anyOf(let alternatives):
                for (i, a) in alternatives.enumerated() { walk(a, id + "<\(i)>") }
                return
            case .object(let properties, _):
                for p in properties { walk(p.node, YAMLValue.childPath(id, p.key)) }
            case .names(let value, _, _):
                walk(value, YAMLValue.childPath(id, "*"))
            case .list(let item, _):
                walk(item, id + "[]")
            default:
                break
            }
            if !visited.contains(id) { missing.append(id.isEmpty ? "(document)" : id) }
        }
        walk(root, "")
        return missing
    }

    // MARK: - Paths

    private enum Step: Equatable { case key(String), index }

    /// `platforms."a.b".feed`, `audience.segments[2].share` → steps.
    private static func steps(_ path: String) -> [Step] {
        var steps: [Step] = []
        var i = path.startIndex
        while i < path.endIndex {
            let c = path[i]
            if c == "." { i = path.index(after: i); continue }
            if c == "[" {
                i = path[i...].firstIndex(of: "]").map { path.index(after: $0) } ?? path.endIndex
                steps.append(.index)
            } else if c == "\"" {
                var key = ""
                i = path.index(after: i)
                while i < path.endIndex, path[i] != "\"" {
                    if path[i] == "\\" { i = path.index(after: i) }
                    if i < path.endIndex { key.append(path[i]); i = path.index(after: i) }
                }
                if i < path.endIndex { i = path.index(after: i) }
                steps.append(.key(key))
            } else {
                let end = path[i...].firstIndex { $0 == "." || $0 == "[" } ?? path.endIndex
                steps.append(.key(String(path[i..<end])))
                i = end
            }
        }
        return steps
    }

    /// Schema nodes a key path can land on (several under `anyOf`), with stable ids
    /// (`platforms.*.feed<0>.reels`).
    private func resolve(_ path: String) -> [(id: String, node: SchemaNode)] {
        func expand(_ c: (id: String, node: SchemaNode)) -> [(id: String, node: SchemaNode)] {
            if case .anyOf(let alternatives) = c.node.kind {
                return alternatives.enumerated().flatMap { expand((c.id + "<\($0.offset)>", $0.element)) }
            }
            return [c]
        }
        var current = expand(("", root))
        for step in Self.steps(path) {
            current = current.flatMap { c -> [(id: String, node: SchemaNode)] in
                switch (c.node.kind, step) {
                case let (.object(properties, _), .key(k)):
                    return properties.filter { $0.key == k }.flatMap { expand((YAMLValue.childPath(c.id, k), $0.node)) }
                case let (.names(value, _, _), .key):
                    return expand((YAMLValue.childPath(c.id, "*"), value))
                case let (.list(item, _), .index):
                    return expand((c.id + "[]", item))
                default:
                    return []
                }
            }
        }
        return current
    }

    private mutating func leaf(_ document: String, _ path: String, _ what: String, _ fits: (SchemaNode) -> Bool) {
        let found = resolve(path)
        let matches = found.filter { fits($0.node) }
        if matches.isEmpty {
            let schema = found.isEmpty ? "nothing" : found.map { describe($0.node) }.joined(separator: " or ")
            problems.append("\(document): \(shown(path)): the loader reads \(what); the schema has \(schema)")
        }
        matches.forEach { visited.insert($0.id) }
    }

    private func shown(_ path: String) -> String { path.isEmpty ? "(document)" : path }

    private func describe(_ node: SchemaNode) -> String {
        switch node.kind {
        case .object: "a mapping"
        case .names: "a mapping of names"
        case .list: "a list"
        case .integer(let r): "a whole number in \(r)"
        case .unsigned64: "a 64-bit unsigned number"
        case .number(let r): "a number in \(r)"
        case .text: "text"
        case .boolean: "true or false"
        case .choice(let w): "one of \(w.joined(separator: ", "))"
        case .anyOf: "alternatives"
        }
    }

    private func keyDifference(_ keys: [String], _ objects: [(id: String, node: SchemaNode)]) -> String {
        guard !objects.isEmpty else { return "the loader reads a mapping with keys \(keys.joined(separator: ", ")); the schema has no mapping there" }
        let closest = objects.min { a, b in
            Set(a.node.properties.map(\.key)).symmetricDifference(keys).count
                < Set(b.node.properties.map(\.key)).symmetricDifference(keys).count
        }!
        let schemaKeys = closest.node.properties.map(\.key)
        var parts: [String] = []
        let onlyLoader = keys.filter { !schemaKeys.contains($0) }
        let onlySchema = schemaKeys.filter { !keys.contains($0) }
        if !onlyLoader.isEmpty { parts.append("the loader accepts \(onlyLoader.joined(separator: ", ")), missing from the schema") }
        if !onlySchema.isEmpty { parts.append("the schema has \(onlySchema.joined(separator: ", ")), which the loader does not accept") }
        return parts.joined(separator: "; ")
    }
}
