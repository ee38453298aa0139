import Synchronization

/// What a decoder read, recorded by `YAMLValue`'s accessors while a trace is installed: every key
/// list, required key, range, choice and list, with the key path where it was read. The schema
/// test (`ScenarioSchemaTests`) compares this with `ScenarioSchema`, so the schema is checked
/// against the loader's own key lists and ranges rather than a copy of them.
///
/// Off unless installed with `DecoderTrace.$current.withValue(trace) { ... }`: an ordinary load
/// pays one task-local read per accessor.
final class DecoderTrace: Sendable {
    enum Event: Equatable, Sendable {
        /// `mapping(allowedKeys:)`; `nil` keys for `mapping()` (author-chosen names).
        case mapping(path: String, allowedKeys: [String]?)
        case required(path: String, key: String)
        case list(path: String, nonEmpty: Bool)
        case integer(path: String, range: ClosedRange<Int>)
        case unsigned64(path: String)
        case number(path: String, range: ClosedRange<Double>)
        case text(path: String)
        case bool(path: String)
        case choice(path: String, values: [String])
    }

    @TaskLocal static var current: DecoderTrace?

    private let recorded = Mutex<[Event]>([])

    var events: [Event] { recorded.withLock { $0 } }

    func record(_ event: Event) {
        recorded.withLock { $0.append(event) }
    }

    /// Records `event()` when a trace is installed.
    @inline(__always)
    static func note(_ event: @autoclosure () -> Event) {
        if let trace = current { trace.record(event()) }
    }
}
