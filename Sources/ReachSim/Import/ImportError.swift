/// Why an import was refused: the file, the position and field at fault, what was found and
/// what was expected. Nothing is written when one is thrown.
///
/// `description` is one line editors understand:
/// `posts.csv:12:5: impressions: expected a whole number, found "12a"`. For CSV the column is
/// the 1-based position of the field in its row (a spreadsheet's column A = 1), for JSON the
/// field is the key path. Parts that are unknown are left out.
public struct ImportError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file as the user named it (an entry of a zip as `archive.zip/entry.csv`).
    public var file: String
    /// 1-based physical line of the row (a row with quoted line breaks starts on it).
    public var line: Int?
    /// 1-based field position in the row.
    public var column: Int?
    /// The column's name as the export writes it, or a JSON key path.
    public var field: String?
    /// What is wrong and what was expected.
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    public var description: String {
        positionedMessage(file: file, line: line, column: column, field: field, message: message)
    }
}
