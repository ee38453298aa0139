import Foundation
import Yams

// A typed, position-aware reading layer over Yams' node tree.
//
// Scenario files are written by hand, so every error must say where (`file:line:column`), which
// key (`audience.segments[2].share`), what was found and what is allowed. Decoders read each field
// through `YAMLValue` and `YAMLMapping`; they never see Yams.
//
// YAML rules, as decided here (Yams 6.2.2 composes with YAML 1.1 tag resolution):
// - Numbers: decimal digits with optional `_` separators (`40_000`), and for `double` the usual
//   decimal/exponent forms (`0.05`, `1e-3`). `010` is ten (YAML 1.2), not octal eight;
//   hex/octal/binary/sexagesimal (`0x1F`, `1:30`) are refused with a hint. `.nan`/`.inf` are refused.
//   Quoted numbers (`"5"`) and `!!str 5` are text, and are refused where a number is expected.
// - Booleans: only `true`/`false` (also `True`/`TRUE`/...). YAML 1.1's `yes/no/on/off` are refused
//   by `bool()`, and read back as the text `no` by `string()` (a segment may be named "no").
// - Aliases (`*name`) are supported transparently: Yams substitutes the anchored node. Errors inside
//   such a value point at the anchored text (where the value is written), name the key path by which
//   it was reached, and end with "(reached through the alias under 'key' at line N)". An alias used
//   as a *key* is not detected and points at its anchor.
// - Merge keys (`<<: *defaults`) are refused at the `<<`: "merge keys (<<) are not supported; write the keys out".
// - One document per file; an empty document is an error. Duplicate keys are errors at the second
//   occurrence. Tags other than the standard ones (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`,
//   `!!map`, `!!seq`, ...) are refused: "the tag '!foo' is not supported; remove it".

/// A YAML node with the file and key path it came from; read it with the typed accessors, each of
/// which throws a `ScenarioError` positioned at this node (or at the offending key).
public struct YAMLValue {
    let node: Node
    /// The file as given to `parse`/`load`; used in every error.
    public let file: String
    /// `platforms.facebook.feed.base_visibility`, `audience.segments[2]`; `""` for the document.
    public let keyPath: String
    /// Set when this value, or a container above it, was reached through an alias.
    let aliasNote: String?

    init(node: Node, file: String, keyPath: String, aliasNote: String?) {
        self.node = node
        self.file = file
        self.keyPath = keyPath
        self.aliasNote = aliasNote
    }

    /// 1-based line where the value starts (at its anchor or tag, if it has one).
    public var line: Int { node.mark?.line ?? 1 }
    /// 1-based column in Unicode scalars.
    public var column: Int { node.mark?.column ?? 1 }

    /// `true` for an absent value (`key:` with nothing after it), `~` and `null`.
    public var isNull: Bool { kind == .null }

    /// An error positioned at this value, for checks the reader cannot make (cross-field rules).
    public func error(_ message: String) -> ScenarioError {
        ScenarioError(file: file, line: line, column: column, keyPath: keyPath,
                      message: message + (aliasNote.map { " (\($0))" } ?? ""))
    }
}

// MARK: - Loading

extension YAMLValue {
    /// Parses one YAML document.
    ///
    /// - Throws: a `ScenarioError` at Yams' line and column for syntax errors; at the second
    ///   occurrence for duplicate keys; at line 1 for an empty document; at the `---` of a second
    ///   document.
    public static func parse(_ text: String, file: String) throws(ScenarioError) -> YAMLValue {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw translate(error, text: text, file: file)
        } catch {
            throw ScenarioError(file: file, line: 1, column: 1, message: "cannot parse YAML: \(error)")
        }
        guard let root else {
            throw ScenarioError(file: file, line: 1, column: 1, message: "the document is empty: expected YAML content")
        }
        let value = YAMLValue(node: root, file: file, keyPath: "", aliasNote: nil)
        if value.isNull {
            throw value.error("the document is empty: expected YAML content")
        }
        return value
    }

    /// Reads a UTF-8 file and parses it (see `parse`).
    ///
    /// - Throws: a `ScenarioError` without a line when the file cannot be read
    ///   (`cannot read: No such file or directory`), with the line of the first bad byte when it is
    ///   not UTF-8.
    public static func load(path: String) throws(ScenarioError) -> YAMLValue {
        let bytes: [UInt8]
        switch readFile(path) {
        case .success(let read): bytes = read
        case .failure(let reason): throw ScenarioError(file: path, message: "cannot read: \(reason)")
        }
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            let bad = lines.firstIndex { String(bytes: $0, encoding: .utf8) == nil }
            throw ScenarioError(file: path, line: bad.map { $0 + 1 },
                                message: "cannot read: the file is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// The whole file, or `strerror`'s reason ("No such file or directory", "Is a directory").
    private static func readFile(_ path: String) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(ReadFailure(errno)) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(errno))
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    private struct ReadFailure: Error, CustomStringConvertible {
        let description: String
        init(_ code: Int32) { description = String(cString: strerror(code)) }
    }
}

// MARK: - Mappings

extension YAMLValue {
    /// This value as a mapping whose keys must all be in `allowedKeys` (in the order given, which
    /// is also the order listed in messages).
    ///
    /// Errors: not a mapping → "expected a mapping of keys, found a list"; an unknown key, at that
    /// key → "unknown key 'base_visiblity'; did you mean 'base_visibility'?" or, with no close
    /// match, "unknown key 'foo'; allowed keys: a, b, c"; a merge key → "merge keys (<<) are not
    /// supported; write the keys out"; an empty or non-text key.
    public func mapping(allowedKeys: [String]) throws(ScenarioError) -> YAMLMapping {
        try makeMapping(allowedKeys: allowedKeys)
    }

    /// This value as a mapping whose keys are names chosen by the author (platform names, format
    /// names): any text key is accepted; check names through `YAMLEntry.keyError`.
    public func mapping() throws(ScenarioError) -> YAMLMapping {
        try makeMapping(allowedKeys: nil)
    }

    private func makeMapping(allowedKeys: [String]?) throws(ScenarioError) -> YAMLMapping {
        DecoderTrace.note(.mapping(path: keyPath, allowedKeys: allowedKeys))
        try checkSupported()
        guard case .mapping(let pairs) = node else {
            throw error("expected a mapping of keys, found \(found)")
        }
        var entries: [YAMLEntry] = []
        var firstSeen: [String: Mark] = [:]
        for (keyNode, valueNode) in pairs {
            let keyValue = YAMLValue(node: keyNode, file: file, keyPath: keyPath, aliasNote: aliasNote)
            let name: String
            switch keyValue.kind {
            case .mapping, .sequence:
                throw keyValue.error("a key must be a plain name, found \(keyValue.found)")
            case .null:
                throw keyValue.error("a key is empty: write a name before the ':'")
            case .merge:
                throw keyValue.error("merge keys (<<) are not supported; write the keys out")
            case .unsupported(let tag):
                throw keyValue.error("the tag '\(tag)' is not supported; remove it")
            case .bool, .int, .float, .text:
                name = keyNode.scalar?.string ?? ""
            }
            let path = YAMLValue.childPath(keyPath, name)
            let atKey = YAMLValue(node: keyNode, file: file, keyPath: path, aliasNote: aliasNote)
            if let first = firstSeen[name] {
                let whereFirst = first.line == atKey.line ? "column \(first.column)" : "line \(first.line)"
                throw atKey.error("duplicate key '\(name)' (first at \(whereFirst))")
            }
            firstSeen[name] = keyNode.mark
            if let allowedKeys, !allowedKeys.contains(name) {
                throw atKey.error(YAMLValue.unknown("key", name, allowed: allowedKeys, listPrefix: "allowed keys: "))
            }
            var note = aliasNote
            if note == nil, let keyMark = keyNode.mark, let valueMark = valueNode.mark,
               !keyMark.isBefore(valueMark) {
                note = "reached through the alias under '\(name)' at line \(keyMark.line)"
            }
            entries.append(YAMLEntry(key: name, keyNode: atKey,
                                     value: YAMLValue(node: valueNode, file: file, keyPath: path, aliasNote: note)))
        }
        return YAMLMapping(node: self, entries: entries, allowedKeys: allowedKeys)
    }

    /// "unknown key 'x'; did you mean 'y'?" or "unknown key 'x'; allowed keys: a, b".
    static func unknown(_ what: String, _ word: String, allowed: [String], listPrefix: String) -> String {
        let head = "unknown \(what) \(display(word))"
        if let close = nearest(word, among: allowed) { return head + "; did you mean \(display(close))?" }
        if allowed.isEmpty { return head + "; nothing is allowed here" }
        return head + "; " + listPrefix + allowed.joined(separator: ", ")
    }
}

/// A mapping read with `YAMLValue.mapping(allowedKeys:)` or `mapping()`: keys are unique, in file
/// order (a priority order in scenarios), and known when `allowedKeys` was given.
public struct YAMLMapping {
    /// The mapping itself, for errors about it as a whole.
    public let node: YAMLValue
    /// Key–value pairs in file order; each key keeps its position (`YAMLEntry.keyError`).
    public let entries: [YAMLEntry]
    let allowedKeys: [String]?

    /// Keys in file order.
    public var keys: [String] { entries.map(\.key) }

    public func has(_ key: String) -> Bool { entry(key) != nil }

    /// The value of an optional key, or `nil` when the key is absent (a present `key:` with nothing
    /// after it is a value: check `isNull`). Debug builds trap when `key` is not among
    /// `allowedKeys`, so a decoder's own misspelling cannot silently read nothing.
    public func value(_ key: String) -> YAMLValue? { entry(key)?.value }

    /// The value of a required key. Missing → error at the mapping: "missing required key 'replicates'".
    public func require(_ key: String) throws(ScenarioError) -> YAMLValue {
        DecoderTrace.note(.required(path: node.keyPath, key: key))
        guard let value = value(key) else { throw node.error("missing required key '\(key)'") }
        return value
    }

    /// The entry for `key`, with the key's own position.
    public func entry(_ key: String) -> YAMLEntry? {
        assert(allowedKeys?.contains(key) ?? true, "'\(key)' is not among the allowed keys \(allowedKeys ?? [])")
        return entries.first { $0.key == key }
    }
}

/// One key of a mapping with its value; the key's position is kept for errors about the name
/// itself ("platform 'tiktok' is not simulated yet").
public struct YAMLEntry {
    public let key: String
    let keyNode: YAMLValue
    public let value: YAMLValue

    public var keyLine: Int { keyNode.line }
    public var keyColumn: Int { keyNode.column }

    /// An error positioned at the key, with the key path of this entry.
    public func keyError(_ message: String) -> ScenarioError { keyNode.error(message) }
}

// MARK: - Sequences

extension YAMLValue {
    /// This value as a list; element `i` has key path `keyPath[i]`.
    ///
    /// Errors: "expected a list, found the number 3"; with `nonEmpty`, "expected at least one
    /// item, found an empty list".
    public func list(nonEmpty: Bool = true) throws(ScenarioError) -> [YAMLValue] {
        DecoderTrace.note(.list(path: keyPath, nonEmpty: nonEmpty))
        try checkSupported()
        guard case .sequence(let items) = node else { throw error("expected a list, found \(found)") }
        if nonEmpty && items.isEmpty { throw error("expected at least one item, found an empty list") }
        var result: [YAMLValue] = []
        var previous = node.mark
        for (index, item) in items.enumerated() {
            let path = keyPath + "[\(index)]"
            var note = aliasNote
            // Written items start strictly after the item before; a substituted alias starts at its anchor, earlier.
            if note == nil, let before = previous, let mark = item.mark, !before.isBefore(mark) {
                note = "reached through the alias at \(path)"
            }
            if let mark = item.mark, note == aliasNote { previous = mark }
            result.append(YAMLValue(node: item, file: file, keyPath: path, aliasNote: note))
        }
        return result
    }
}

// MARK: - Scalars

extension YAMLValue {
    /// Any scalar as its text, exactly as written: `no` is "no", `007` is "007".
    ///
    /// Errors: a mapping or list; an empty value ("expected text, found an empty value"); `null`
    /// or `~` unquoted (YAML reads them as empty).
    public func string() throws(ScenarioError) -> String {
        DecoderTrace.note(.text(path: keyPath))
        switch kind {
        case .bool, .int, .float, .text, .merge:
            return node.scalar?.string ?? ""
        case .null:
            let text = node.scalar?.string ?? ""
            if text.isEmpty { throw error("expected text, found an empty value") }
            throw error("expected text, found \(YAMLValue.display(text)), which YAML reads as an empty value; write \"\(text)\" in quotes to mean the word")
        case .mapping, .sequence:
            throw error("expected text, found \(found)")
        case .unsupported(let tag):
            throw error("the tag '\(tag)' is not supported; remove it")
        }
    }

    /// A whole number within `range`. Accepts `1000`, `1_000`, and exponent forms that are
    /// integral (`1e15`).
    ///
    /// Errors: "expected a whole number in 1...1000, found 2.5" (also for text, booleans and empty
    /// values); "0 is out of range: allowed 1...1000" (including values beyond `Int`, e.g. `1e30`);
    /// ".inf is not a finite number: allowed 1...1000"; `0x1F` → "... (write it in decimal digits)".
    public func int(in range: ClosedRange<Int>) throws(ScenarioError) -> Int {
        DecoderTrace.note(.integer(path: keyPath, range: range))
        let allowed = YAMLValue.describe(range)
        let expected = "expected a whole number\(allowed.expected), found"
        let outOfRange = "\(text) is out of range: allowed \(allowed.allowed)"
        let value: Int
        switch try number() {
        case .integer(let digits):
            guard let exact = Int(digits) else { throw error(outOfRange) }
            value = exact
        case .real(let real):
            guard real == real.rounded(.towardZero) else { throw error("\(expected) \(text)") }
            guard real >= -0x1p63, real < 0x1p63 else { throw error(outOfRange) }
            value = Int(real)
        case .tooLarge: throw error(outOfRange)
        case .nonFinite: throw error("\(text) is not a finite number: allowed \(allowed.allowed)")
        case .otherNotation: throw error("\(expected) \(text) (write it in decimal digits)")
        case .notNumber: throw error("\(expected) \(found)")
        }
        guard range.contains(value) else { throw error(outOfRange) }
        return value
    }

    /// A finite number within `range`; whole numbers are accepted. `unit` says what the number
    /// is ("a probability", "posts per day") and ends every message.
    ///
    /// Errors: "1.5 is out of range: allowed 0...1 (a probability)"; ".nan is not a finite number:
    /// allowed 0...1 (a probability)"; "expected a number in 0...1 (a probability), found the text 'high'".
    public func double(in range: ClosedRange<Double>, unit: String? = nil) throws(ScenarioError) -> Double {
        DecoderTrace.note(.number(path: keyPath, range: range))
        let allowed = YAMLValue.describe(range)
        let suffix = unit.map { " (\($0))" } ?? ""
        let outOfRange = "\(text) is out of range: allowed \(allowed.allowed)\(suffix)"
        let value: Double
        switch try number() {
        case .integer(let digits): value = Double(digits) ?? .infinity
        case .real(let real): value = real
        case .tooLarge: throw error(outOfRange)
        case .nonFinite: throw error("\(text) is not a finite number: allowed \(allowed.allowed)\(suffix)")
        case .otherNotation: throw error("expected a number\(allowed.expected)\(suffix), found \(text) (write it in decimal digits)")
        case .notNumber: throw error("expected a number\(allowed.expected)\(suffix), found \(found)")
        }
        guard value.isFinite, range.contains(value) else { throw error(outOfRange) }
        return value
    }

    /// A 64-bit unsigned whole number, read exactly (for seeds: 0...18446744073709551615).
    /// Exponent forms are accepted only up to 2^53, where `Double` is still exact.
    public func uint64() throws(ScenarioError) -> UInt64 {
        DecoderTrace.note(.unsigned64(path: keyPath))
        let allowed = "0...\(UInt64.max)"
        let expected = "expected a whole number in \(allowed), found"
        let outOfRange = "\(text) is out of range: allowed \(allowed)"
        switch try number() {
        case .integer(let digits):
            if digits.hasPrefix("-") {
                guard digits.dropFirst().allSatisfy({ $0 == "0" }) else { throw error(outOfRange) }
                return 0
            }
            guard let value = UInt64(digits.hasPrefix("+") ? String(digits.dropFirst()) : digits) else {
                throw error(outOfRange)
            }
            return value
        case .real(let real):
            guard real == real.rounded(.towardZero) else { throw error("\(expected) \(text)") }
            guard real >= 0 else { throw error(outOfRange) }
            guard real <= 0x1p53 else { throw error("\(expected) \(text) (write it in digits to keep it exact)") }
            return UInt64(real)
        case .tooLarge: throw error(outOfRange)
        case .nonFinite: throw error("\(text) is not a finite number: allowed \(allowed)")
        case .otherNotation: throw error("\(expected) \(text) (write it in decimal digits)")
        case .notNumber: throw error("\(expected) \(found)")
        }
    }

    /// `true` or `false` (any case). YAML 1.1's `yes/no/on/off` are refused:
    /// "expected true or false, found 'yes'".
    public func bool() throws(ScenarioError) -> Bool {
        DecoderTrace.note(.bool(path: keyPath))
        if case .unsupported(let tag) = kind { throw error("the tag '\(tag)' is not supported; remove it") }
        if kind == .bool {
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        throw error("expected true or false, found \(found)")
    }

    /// One of the raw values of `E`, compared exactly. Unknown → "unknown value 'chronologic'; did
    /// you mean 'chronological'? allowed: ranked, chronological" (the suggestion only when close).
    public func choice<E: CaseIterable & RawRepresentable>(_ type: E.Type) throws(ScenarioError) -> E
    where E.RawValue == String {
        let allowed = E.allCases.map(\.rawValue)
        DecoderTrace.note(.choice(path: keyPath, values: allowed))
        switch kind {
        case .mapping, .sequence, .null:
            throw error("expected one of \(allowed.joined(separator: ", ")); found \(found)")
        case .unsupported(let tag):
            throw error("the tag '\(tag)' is not supported; remove it")
        case .bool, .int, .float, .text, .merge:
            if let value = E(rawValue: text) { return value }
            var message = YAMLValue.unknown("value", text, allowed: allowed, listPrefix: "allowed: ")
            if message.hasSuffix("?") { message += " allowed: " + allowed.joined(separator: ", ") }
            throw error(message)
        }
    }
}

// MARK: - Kinds, descriptions and numbers

extension YAMLValue {
    /// What a node is, from Yams' resolved tag (YAML 1.1 resolution of plain scalars).
    enum Kind: Equatable {
        case null, bool, int, float, text, merge, mapping, sequence
        /// A tag this layer does not read (`!foo`, `!!binary`), spelled as the author would.
        case unsupported(String)
    }

    var kind: Kind {
        let tag = node.tag.rawValue
        switch node {
        case .mapping, .sequence:
            let collectionTags: [Tag.Name] = [.implicit, .nonSpecific, .map, .seq, .omap, .set, .pairs]
            guard collectionTags.contains(where: { $0.rawValue == tag }) else { return .unsupported(Self.shortTag(tag)) }
            if case .mapping = node { return .mapping }
            return .sequence
        case .alias:
            return .unsupported("alias")
        case .scalar:
            switch tag {
            case Tag.Name.null.rawValue: return .null
            case Tag.Name.bool.rawValue: return .bool
            case Tag.Name.int.rawValue: return .int
            case Tag.Name.float.rawValue: return .float
            case Tag.Name.merge.rawValue: return .merge
            case Tag.Name.str.rawValue, Tag.Name.timestamp.rawValue, Tag.Name.value.rawValue: return .text
            default: return .unsupported(Self.shortTag(tag))
            }
        }
    }

    /// `tag:yaml.org,2002:binary` → `!!binary`.
    private static func shortTag(_ tag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }

    private func checkSupported() throws(ScenarioError) {
        if case .unsupported(let tag) = kind { throw error("the tag '\(tag)' is not supported; remove it") }
    }

    /// The scalar's text as written (`""` for collections).
    var text: String { node.scalar?.string ?? "" }

    /// What was found, for "expected X, found Y": "a list", "the number 3", "the text 'abc'",
    /// "the quoted text '5'", "'yes'", "an empty value".
    var found: String {
        switch kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .null: return text.isEmpty ? "an empty value" : "\(Self.display(text)) (an empty value)"
        case .bool, .merge: return Self.display(text)
        case .int, .float: return "the number \(text)"
        case .text:
            let quoted = node.scalar?.style == .singleQuoted || node.scalar?.style == .doubleQuoted
            return (quoted ? "the quoted text " : "the text ") + Self.display(text)
        case .unsupported(let tag): return "a value tagged \(tag)"
        }
    }

    /// `'text'`, with line breaks and tabs escaped and long texts shortened.
    static func display(_ text: String) -> String {
        var shown = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\t", with: "\\t")
        if shown.count > 60 { shown = shown.prefix(57) + "..." }
        return "'\(shown)'"
    }

    enum NumberText {
        /// Decimal digits with an optional sign, `_` removed: exact.
        case integer(String)
        /// A finite number in decimal or exponent notation.
        case real(Double)
        /// Finite notation beyond `Double` (`1e400`).
        case tooLarge
        /// `.inf`, `-.inf`, `.nan`.
        case nonFinite
        /// `0x1F`, `0o17`, `0b101`, `1:30`: numbers, but not in a notation scenarios accept.
        case otherNotation
        /// Text, booleans, empty values, collections.
        case notNumber
    }

    /// Classifies a scalar Yams resolved as a number (or explicitly tagged `!!int`/`!!float`).
    func number() throws(ScenarioError) -> NumberText {
        try checkSupported()
        guard kind == .int || kind == .float else { return .notNumber }
        let raw = text
        if [".inf", ".nan"].contains(raw.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "+-"))) {
            return .nonFinite
        }
        let cleaned = raw.replacingOccurrences(of: "_", with: "")
        let body = cleaned.hasPrefix("+") || cleaned.hasPrefix("-") ? cleaned.dropFirst() : Substring(cleaned)
        if !body.isEmpty, body.allSatisfy(\.isASCIIDigit) { return .integer(cleaned) }
        // Only decimal/exponent characters reach Double(), which would also take hex floats and "nan".
        guard !body.isEmpty,
              body.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-" }),
              let value = Double(cleaned)
        else { return .otherNotation }
        return value.isFinite ? .real(value) : .tooLarge
    }

    /// Range phrases: `in 1...1000` / `allowed 1...1000`, open ends as `>= 0` / `<= 5`.
    static func describe(_ range: ClosedRange<Int>) -> (expected: String, allowed: String) {
        bounds(range.lowerBound == .min ? nil : "\(range.lowerBound)",
               range.upperBound == .max ? nil : "\(range.upperBound)")
    }

    static func describe(_ range: ClosedRange<Double>) -> (expected: String, allowed: String) {
        func format(_ x: Double) -> String? {
            guard x.isFinite, abs(x) != .greatestFiniteMagnitude else { return nil }
            return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
        }
        return bounds(format(range.lowerBound), format(range.upperBound))
    }

    private static func bounds(_ lower: String?, _ upper: String?) -> (expected: String, allowed: String) {
        switch (lower, upper) {
        case let (lower?, upper?): return (" in \(lower)...\(upper)", "\(lower)...\(upper)")
        case let (lower?, nil): return (" >= \(lower)", ">= \(lower)")
        case let (nil, upper?): return (" <= \(upper)", "<= \(upper)")
        case (nil, nil): return ("", "any finite number")
        }
    }

    /// `segments` + `share` → `segments.share`; keys that would read ambiguously are quoted:
    /// `platforms."my.platform"`.
    static func childPath(_ path: String, _ key: String) -> String {
        let plain = !key.isEmpty && !key.contains(where: { ".[]\"".contains($0) || $0.isWhitespace && $0 != " " })
            && key.first != " " && key.last != " "
        let shown = plain ? key : "\"" + key.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return path.isEmpty ? shown : path + "." + shown
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Mark {
    /// Strictly earlier in the text.
    func isBefore(_ other: Mark) -> Bool {
        line < other.line || (line == other.line && column < other.column)
    }
}

// MARK: - Yams errors

extension YAMLValue {
    /// A Yams error as a positioned `ScenarioError` with a plain-language message.
    static func translate(_ error: YamlError, text: String, file: String) -> ScenarioError {
        func at(_ mark: Mark, _ message: String, keyPath: String = "") -> ScenarioError {
            ScenarioError(file: file, line: mark.line, column: mark.column, keyPath: keyPath, message: message)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            return at(mark, syntaxMessage(problem, context: context, mark: mark, text: text))
        case let .composer(context, problem, mark, _):
            if problem == "but found another document" {
                return at(mark, "a second YAML document starts here; a file holds exactly one")
            }
            if problem == "found undefined alias" {
                let name = scalars(of: text, line: mark.line).dropFirst(mark.column)
                    .prefix { !$0.properties.isWhitespace && !",[]{}".unicodeScalars.contains($0) }
                return at(mark, "alias '*\(String(String.UnicodeScalarView(name)))' refers to no anchor (&name) defined before it")
            }
            return at(mark, syntaxMessage(problem, context: context, mark: mark, text: text))
        case let .reader(problem, offset, _, _):
            let (line, column) = position(ofCharacter: offset ?? 0, in: text)
            return ScenarioError(file: file, line: line, column: column, message: "invalid character: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let name = duplicates.first ?? "?"
            if let found = locateDuplicate(name, first: context.mark, in: text) {
                let first = found.first
                let whereFirst = found.mark.line == first.line ? "column \(first.column)" : "line \(first.line)"
                return at(found.mark, "duplicate key '\(found.name)' (first at \(whereFirst))", keyPath: found.keyPath)
            }
            return at(context.mark, "duplicate key '\(name)': it appears again later in the same mapping")
        default:
            return ScenarioError(file: file, line: 1, column: 1, message: "cannot parse YAML: \(error)")
        }
    }

    /// "syntax error: did not find expected key (while parsing a block mapping that starts at
    /// line 1, column 1); check the indentation".
    private static func syntaxMessage(_ problem: String, context: YamlError.Context?, mark: Mark, text: String) -> String {
        if problem.hasPrefix("Maximum nesting level reached") {
            return "syntax error: lists and mappings nested too deeply (libyaml stops at 1,000 levels)"
        }
        var message = "syntax error: \(problem)"
        if let context, context.mark.line != mark.line || context.mark.column != mark.column {
            message += " (\(context.text) that starts at line \(context.mark.line), column \(context.mark.column))"
        }
        let here = scalars(of: text, line: mark.line).dropFirst(mark.column - 1).first
        if here == "\t" {
            message += "; tabs cannot indent YAML, use spaces"
        } else if problem == "did not find expected key" || problem == "did not find expected '-' indicator" {
            message += "; check the indentation"
        }
        return message
    }

    /// The Unicode scalars of 1-based `line` (lines end at "\n").
    private static func scalars(of text: String, line: Int) -> [Unicode.Scalar] {
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return [] }
        return Array(lines[line - 1])
    }

    /// 1-based line and column of the `offset`-th Character (Yams reports reader errors so).
    private static func position(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character.isNewline { line += 1; column = 1 } else { column += character.unicodeScalars.count }
        }
        return (line, column)
    }

    /// Yams rejects duplicate keys while composing and reports only the *first* occurrence of the
    /// alphabetically first duplicate. To point at a second occurrence (the one to delete), rename
    /// each reported first occurrence in a copy of the text — one Unicode scalar replaced by a
    /// private-use character, so no position moves — until the copy composes; then, of all
    /// duplicates found on the way, report the one whose second occurrence comes first in the file.
    /// Returns `nil` if the copy cannot be composed (another error further on).
    private static func locateDuplicate(_ name: String, first: Mark, in text: String)
        -> (name: String, first: Mark, mark: Mark, keyPath: String)? {
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        var renamed: [Position: String] = [:]
        var groups: [(name: String, first: Mark)] = [(name, first)]
        for attempt in 0..<64 {
            let (reported, mark) = groups[groups.count - 1]
            let row = mark.line - 1, index = mark.column - 1
            guard lines.indices.contains(row), lines[row].indices.contains(index),
                  let marker = Unicode.Scalar(0xE000 + attempt) else { return nil }
            lines[row][index] = marker
            renamed[Position(mark)] = reported
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: lines.joined(separator: ["\n"]))
            do {
                guard let root = try Yams.compose(yaml: String(scalars)) else { return nil }
                return groups.compactMap { group in
                    findLaterKey(group.name, after: group.first, in: root, path: "", renamed: renamed)
                        .map { (group.name, group.first, $0.mark, $0.keyPath) }
                }.min { $0.mark.isBefore($1.mark) }
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                guard let next = duplicates.first else { return nil }
                groups.append((next, context.mark))
            } catch {
                return nil
            }
        }
        return nil
    }

    private struct Position: Hashable {
        let line: Int, column: Int
        init(_ mark: Mark) { (line, column) = (mark.line, mark.column) }
    }

    /// In the mapping holding the key at `first`, the earliest later key originally named `name`.
    private static func findLaterKey(_ name: String, after first: Mark, in node: Node, path: String,
                                     renamed: [Position: String]) -> (mark: Mark, keyPath: String)? {
        func originalName(_ key: Node) -> String {
            key.mark.flatMap { renamed[Position($0)] } ?? key.scalar?.string ?? "?"
        }
        switch node {
        case .mapping(let pairs):
            if pairs.contains(where: { $0.key.mark.map(Position.init) == Position(first) }) {
                let later = pairs.compactMap { pair -> Mark? in
                    guard let mark = pair.key.mark, first.isBefore(mark), originalName(pair.key) == name else { return nil }
                    return mark
                }.min { $0.isBefore($1) }
                return later.map { ($0, childPath(path, name)) }
            }
            for (key, value) in pairs {
                if let found = findLaterKey(name, after: first, in: value, path: childPath(path, originalName(key)), renamed: renamed) {
                    return found
                }
            }
            return nil
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                if let found = findLaterKey(name, after: first, in: item, path: path + "[\(index)]", renamed: renamed) {
                    return found
                }
            }
            return nil
        case .scalar, .alias:
            return nil
        }
    }
}
