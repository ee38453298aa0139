import CSV
import Foundation

/// A CSV export read into rows, each with the physical line it starts on.
///
/// Reading is done by yaslab/CSV.swift (RFC 4180: quoted fields with commas, doubled quotes and
/// line breaks). Around it:
/// - encoding: UTF-8 (a byte-order mark is skipped) or UTF-16 with a byte-order mark, or
///   without one when the second byte is 0 (little-endian) or the first is (big-endian), as Meta
///   Business Suite writes its page-metric files;
/// - a first line `sep=,` or `sep=;` (Excel's hint, written by Meta) sets the delimiter and is
///   not a row; otherwise the delimiter is `;` or a tab when the first line has one of them and
///   no comma outside quotes (the UCI data set), else `,`;
/// - blank rows are dropped (their lines still count).
public struct ExportTable: Sendable {
    /// One row: its fields and the 1-based line where it starts.
    public struct Row: Sendable {
        public var fields: [String]
        public var line: Int

        /// The field at `index`, `""` past the end of a short row.
        public subscript(index: Int) -> String { index < fields.count ? fields[index] : "" }
    }

    /// The file's name for messages.
    public var path: String
    /// Rows in file order, blank rows left out.
    public var rows: [Row]
    /// `UTF-8` or `UTF-16LE`/`UTF-16BE`, for import.json.
    public var encoding: String
    /// The delimiter used.
    public var delimiter: Character

    /// Files larger than this are refused (an export of a few years is a few megabytes).
    public static let maximumBytes = 256 << 20

    /// - Throws: `ImportError` for text that is not UTF-8 or UTF-16, naming the line.
    public init(bytes: [UInt8], path: String) throws {
        self.path = path
        guard bytes.count <= Self.maximumBytes else {
            throw ImportError(file: path, message: "the file is \(bytes.count) bytes: more than an export can be (at most \(Self.maximumBytes))")
        }
        let utf16 = Self.utf16Endianness(bytes)
        encoding = utf16.map { $0 == .little ? "UTF-16LE" : "UTF-16BE" } ?? "UTF-8"
        // Peek at the first line to choose the delimiter, then read everything with it.
        let first = try Self.read(bytes, utf16: utf16, delimiter: ",", path: path, limit: 2)
        var delimiter: Character = ","
        var skipFirst = false
        if let row = first.first, row.line == 1 {
            let text = row.fields.joined(separator: ",").trimmingCharacters(in: .whitespaces)
            if text.lowercased().hasPrefix("sep="), text.count == 5 || text.count == 6 {
                delimiter = text.dropFirst(4).first ?? ","
                skipFirst = true
            } else if row.fields.count == 1 {
                if row.fields[0].contains(";") { delimiter = ";" } else if row.fields[0].contains("\t") { delimiter = "\t" }
            }
        }
        self.delimiter = delimiter
        var rows = try Self.read(bytes, utf16: utf16, delimiter: delimiter, path: path, limit: nil)
        if skipFirst, rows.first?.line == 1 { rows.removeFirst() }
        self.rows = rows
    }

    private static func utf16Endianness(_ b: [UInt8]) -> Endian? {
        guard b.count >= 2 else { return nil }
        if b[0] == 0xFF && b[1] == 0xFE { return .little }
        if b[0] == 0xFE && b[1] == 0xFF { return .big }
        if b[0] != 0 && b[1] == 0 { return .little }
        if b[0] == 0 && b[1] != 0 { return .big }
        return nil
    }

    private static func read(_ bytes: [UInt8], utf16: Endian?, delimiter: Character, path: String,
                             limit: Int?) throws -> [Row] {
        let stream = InputStream(data: Data(bytes))
        let scalar = delimiter.unicodeScalars.first!
        let reader: CSVReader
        do {
            if let utf16 {
                guard bytes.count % 2 == 0 else {
                    throw ImportError(file: path, message: "UTF-16 text with an odd number of bytes (\(bytes.count)): the file is cut or not UTF-16")
                }
                reader = try CSVReader(stream: stream, codecType: UTF16.self, endian: utf16, delimiter: scalar)
            } else {
                reader = try CSVReader(stream: stream, codecType: UTF8.self, delimiter: scalar)
            }
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError(file: path, message: "cannot read the file as CSV text (\(error))")
        }
        var rows: [Row] = []
        var line = 1
        while let fields = reader.next() {
            // A decoding error ends the row being read: it is on this row.
            if reader.error != nil { break }
            if fields.count == 1 && fields[0].contains("\u{0}") {
                throw ImportError(file: path, line: line, message: "a NUL byte: this looks like a binary file, not a CSV export")
            }
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) {
                rows.append(Row(fields: fields, line: line))
                if let limit, rows.count >= limit { return rows }
            }
            line += 1
            for f in fields { line += Self.lineBreaks(in: f) }
        }
        if reader.error != nil {
            let what = utf16 == nil ? "UTF-8" : "UTF-16"
            throw ImportError(file: path, line: line,
                              message: "the text is not valid \(what): save the export as UTF-8 (or UTF-16 with a byte-order mark)")
        }
        if rows.contains(where: { $0.fields.contains { $0.contains("\u{0}") } }),
           let bad = rows.first(where: { $0.fields.contains { $0.contains("\u{0}") } }) {
            throw ImportError(file: path, line: bad.line, message: "a NUL byte: this looks like a binary file, not a CSV export")
        }
        return rows
    }

    /// Line breaks inside a quoted field: LF, CRLF and lone CR each count one.
    private static func lineBreaks(in field: String) -> Int {
        var n = 0
        var previousCR = false
        for u in field.unicodeScalars {
            if u == "\n" { if !previousCR { n += 1 } } else if u == "\r" { n += 1 }
            previousCR = u == "\r"
        }
        return n
    }
}
