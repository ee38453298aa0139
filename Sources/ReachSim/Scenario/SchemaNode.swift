/// One node of the scenario format's description (`ScenarioSchema`): what a value may be, its
/// range and what it means. Rendered as JSON Schema (draft-07) by `jsonSchema()`; the test
/// `ScenarioSchemaTests` checks every node against what `ScenarioLoader` actually reads.
public struct SchemaNode: Sendable {
    /// Only the two cases that hold a single child are `indirect`: with every case boxed, Swift
    /// keeps the case in the box pointer's spare bits, and LeakSanitizer, not recognising such a
    /// pointer, reports the static schema as leaked.
    public enum Kind: Sendable {
        /// A mapping with fixed keys (any other key is an error). `exactlyOne`: of these keys,
        /// exactly one must be present (the boost's budget).
        case object([SchemaProperty], exactlyOne: [String] = [])
        /// A mapping whose keys the author chooses (platform names), each value `value`.
        indirect case names(value: SchemaNode, pattern: String?, count: ClosedRange<Int>?)
        indirect case list(SchemaNode, count: ClosedRange<Int>)
        case integer(ClosedRange<Int>)
        /// 0...2^64-1, read exactly (seeds).
        case unsigned64
        case number(ClosedRange<Double>)
        case text(pattern: String?)
        /// `true` or `false`.
        case boolean
        /// One of these words; a single word is a constant (a variant's discriminator).
        case choice([String])
        /// Any of these alternatives (a number or a table by format; the variants of a feed).
        case anyOf([SchemaNode])
    }

    public var kind: Kind
    /// Meaning and unit, as shown by editors on hover.
    public var description: String
    /// The default the loader uses when the key is absent, as JSON text (`100`, `"local"`).
    public var defaultJSON: String?
    /// The decoder's upper bound depends on the document (boost weeks ≤ `horizon_weeks`): the
    /// schema gives the largest possible bound and names the key here.
    public var upperBoundFrom: String?

    public init(_ kind: Kind, _ description: String = "", default defaultJSON: String? = nil, upperBoundFrom: String? = nil) {
        self.kind = kind
        self.description = description
        self.defaultJSON = defaultJSON
        self.upperBoundFrom = upperBoundFrom
    }

    /// The keys of an object node, `[]` for others.
    public var properties: [SchemaProperty] {
        if case .object(let p, _) = kind { return p }
        return []
    }
}

/// One key of an object node.
public struct SchemaProperty: Sendable {
    public var key: String
    public var node: SchemaNode
    public var required: Bool

    public init(_ key: String, _ node: SchemaNode, required: Bool = false) {
        self.key = key
        self.node = node
        self.required = required
    }
}

// MARK: - Builders

extension SchemaNode {
    static func object(_ description: String, _ properties: [SchemaProperty], exactlyOne: [String] = []) -> SchemaNode {
        SchemaNode(.object(properties, exactlyOne: exactlyOne), description)
    }

    static func integer(_ range: ClosedRange<Int>, _ description: String, default value: Int? = nil,
                        upperBoundFrom: String? = nil) -> SchemaNode {
        SchemaNode(.integer(range), description, default: value.map { "\($0)" }, upperBoundFrom: upperBoundFrom)
    }

    static func number(_ range: ClosedRange<Double>, _ description: String, default value: Double? = nil) -> SchemaNode {
        SchemaNode(.number(range), description, default: value.map(JSONText.number))
    }

    static func choice(_ words: [String], _ description: String, default value: String? = nil) -> SchemaNode {
        SchemaNode(.choice(words), description, default: value.map(JSONText.quoted))
    }

    static func choice<E: CaseIterable & RawRepresentable>(_ type: E.Type, _ description: String,
                                                           default value: E? = nil) -> SchemaNode where E.RawValue == String {
        choice(E.allCases.map(\.rawValue), description, default: value?.rawValue)
    }

    static func text(_ description: String, pattern: String? = nil) -> SchemaNode {
        SchemaNode(.text(pattern: pattern), description)
    }

    static func list(_ item: SchemaNode, count: ClosedRange<Int> = 1...Int.max, _ description: String) -> SchemaNode {
        SchemaNode(.list(item, count: count), description)
    }

    static func anyOf(_ alternatives: [SchemaNode], _ description: String) -> SchemaNode {
        SchemaNode(.anyOf(alternatives), description)
    }
}

// MARK: - JSON Schema

extension SchemaNode {
    /// This node as a JSON Schema (draft-07) object, keys in a fixed order.
    func json() -> JSONText {
        var fields: [(String, JSONText)] = []
        if !description.isEmpty { fields.append(("description", .string(description))) }
        switch kind {
        case let .object(properties, exactlyOne):
            fields.append(("type", .string("object")))
            fields.append(("properties", .object(properties.map { ($0.key, $0.node.json()) })))
            let required = properties.filter(\.required).map { JSONText.string($0.key) }
            if !required.isEmpty { fields.append(("required", .array(required))) }
            if !exactlyOne.isEmpty {
                fields.append(("oneOf", .array(exactlyOne.map { .object([("required", .array([.string($0)]))]) })))
            }
            fields.append(("additionalProperties", .bool(false)))
        case let .names(value, pattern, count):
            fields.append(("type", .string("object")))
            if let pattern { fields.append(("propertyNames", .object([("pattern", .string(pattern))]))) }
            if let count {
                fields.append(("minProperties", .integer(count.lowerBound)))
                fields.append(("maxProperties", .integer(count.upperBound)))
            }
            fields.append(("additionalProperties", value.json()))
        case let .list(item, count):
            fields.append(("type", .string("array")))
            fields.append(("items", item.json()))
            if count.lowerBound > 0 { fields.append(("minItems", .integer(count.lowerBound))) }
            if count.upperBound < Int.max { fields.append(("maxItems", .integer(count.upperBound))) }
        case let .integer(range):
            fields += [("type", .string("integer")), ("minimum", .integer(range.lowerBound)),
                       ("maximum", .integer(range.upperBound))]
        case .unsigned64:
            fields += [("type", .string("integer")), ("minimum", .integer(0)), ("maximum", .raw("\(UInt64.max)"))]
        case let .number(range):
            fields += [("type", .string("number")), ("minimum", .raw(JSONText.number(range.lowerBound))),
                       ("maximum", .raw(JSONText.number(range.upperBound)))]
        case let .text(pattern):
            fields.append(("type", .string("string")))
            if let pattern { fields.append(("pattern", .string(pattern))) }
        case .boolean:
            fields.append(("type", .string("boolean")))
        case let .choice(words):
            if words.count == 1 {
                fields.append(("const", .string(words[0])))
            } else {
                fields.append(("enum", .array(words.map { .string($0) })))
            }
        case let .anyOf(alternatives):
            fields.append(("anyOf", .array(alternatives.map { $0.json() })))
        }
        if let defaultJSON { fields.append(("default", .raw(defaultJSON))) }
        return .object(fields)
    }
}

/// A JSON value with object keys kept in the order given, printed with two-space indentation;
/// enough for the schema, whose text must not change from one run to the next.
enum JSONText {
    case object([(String, JSONText)])
    case array([JSONText])
    case string(String)
    case integer(Int)
    case bool(Bool)
    /// Already JSON (a number that `Int` cannot hold, a default value).
    case raw(String)

    func render(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            let body = fields.map { "\(inner)\(JSONText.quoted($0.0)): \($0.1.render(indent: inner))" }
            return "{\n" + body.joined(separator: ",\n") + "\n\(indent)}"
        case .array(let items):
            if items.isEmpty { return "[]" }
            // Short lists of scalars on one line (enums, required keys).
            let scalars = items.allSatisfy { if case .object = $0 { false } else if case .array = $0 { false } else { true } }
            let flat = "[" + items.map { $0.render() }.joined(separator: ", ") + "]"
            if scalars && flat.count + indent.count <= 100 { return flat }
            return "[\n" + items.map { inner + $0.render(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .string(let s): return JSONText.quoted(s)
        case .integer(let i): return "\(i)"
        case .bool(let b): return b ? "true" : "false"
        case .raw(let text): return text
        }
    }

    /// A JSON string literal.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Integral values without a decimal point (`10000`), others in Swift's shortest form (`0.01`).
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return "\(Int64(x))" }
        return "\(x)"
    }
}
