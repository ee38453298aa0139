/// An input error in a scenario (or any YAML input): where it is, which key, what is wrong and
/// what is allowed.
///
/// `description` is the one-line form editors and terminals understand:
/// `museum.yaml:12:24: platforms.facebook.feed.base_visibility: 1.5 is out of range: allowed 0...1 (a probability)`.
/// Parts that are unknown are left out: no line for an unreadable file, no key path for the
/// document itself or a syntax error.
public struct ScenarioError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The path as the user gave it (not made absolute), so messages match the command line.
    public var file: String
    /// 1-based line, as editors show it; `nil` when the error is about the file as a whole.
    public var line: Int?
    /// 1-based column counted in Unicode scalars (libyaml's count); `nil` when `line` is.
    public var column: Int?
    /// Dotted path of the key, with list indices: `audience.segments[2].share`; `""` for the document.
    public var keyPath: String
    /// What is wrong and what is allowed: `1.5 is out of range: allowed 0...1 (a probability)`.
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, keyPath: String = "", message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    /// `file:line:column: key.path: message`, leaving out what is unknown.
    public var description: String {
        positionedMessage(file: file, line: line, column: column, field: keyPath, message: message)
    }
}
