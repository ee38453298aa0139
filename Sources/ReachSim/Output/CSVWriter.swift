/// Writes RFC 4180 CSV into a byte buffer, one field at a time.
///
/// Built for outputs of millions of rows: fields go straight into `bytes` (integers digit by
/// digit, strings byte by byte), with no intermediate `String` per field except for
/// non-integer doubles.
///
/// Format:
/// - Fields are separated by `,`; every row, the last included, ends with `"\n"` (LF, not the
///   RFC's CRLF: every CSV reader in use accepts LF, and files diff cleanly on every platform).
/// - A string is quoted when it contains `,`, `"`, CR or LF, or starts or ends with a space or
///   tab (readers that trim would otherwise change it); inner quotes are doubled. The empty
///   string is written as `""`, so it stays distinct from a missing field (`appendMissing()`).
/// - Every row must have as many fields as the first row (checked, a programming error).
///
/// ```swift
/// var csv = CSVWriter()
/// csv.appendRow(["week", "reach"])
/// csv.append(1); csv.append(0.25); csv.endRow()
/// // csv.bytes == Array("week,reach\n1,0.25\n".utf8)
/// ```
public struct CSVWriter: Sendable {
    /// Everything written so far: complete rows, then the fields of the row in progress.
    public private(set) var bytes: [UInt8] = []

    /// Fields appended to the row in progress.
    private var fieldsInRow = 0
    /// Fields per row, fixed by the first row (nil before it ends).
    public private(set) var columnCount: Int?
    /// Rows ended so far.
    public private(set) var rowCount = 0

    /// - Parameter reservingCapacity: bytes to reserve up front (an estimate of the output size
    ///   avoids repeated growth of the buffer for large files).
    public init(reservingCapacity: Int = 0) {
        bytes.reserveCapacity(reservingCapacity)
    }

    // MARK: Fields

    /// Appends a text field, quoted only when needed (see the type's documentation).
    public mutating func append(_ s: String) {
        separate()
        var s = s
        s.withUTF8 { appendText($0) }
    }

    /// Appends an integer in decimal, e.g. `-3`.
    public mutating func append(_ i: Int) {
        separate()
        if i < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(UInt64(i.magnitude))
    }

    /// Appends an unsigned 64-bit integer in decimal (seeds use the full range).
    public mutating func append(_ u: UInt64) {
        separate()
        appendDigits(u)
    }

    /// Appends a finite double as deterministic text.
    ///
    /// Integer values with |d| < 1e15 print as integers (`12`, and `0` for `-0.0`); all others
    /// use Swift's shortest round-trip `description` (`0.1`, `0.3333333333333333`, `1e-07`,
    /// `1000000000000000.0` for 1e15, `1e+16`), which reads back to the same `Double` and does
    /// not depend on locale.
    ///
    /// - Precondition: `d.isFinite`. NaN and infinities are bugs upstream, not data; use
    ///   `appendMissing()` for a value that does not apply.
    public mutating func append(_ d: Double) {
        precondition(d.isFinite, "CSVWriter: non-finite value \(d); use appendMissing() for a missing value")
        separate()
        if d.magnitude < 1e15, d == d.rounded(.towardZero) {
            let i = Int(d)
            if i < 0 { bytes.append(UInt8(ascii: "-")) }
            appendDigits(UInt64(i.magnitude))
        } else {
            bytes.append(contentsOf: d.description.utf8)
        }
    }

    /// Appends an empty field, meaning "not applicable" or "no value".
    public mutating func appendMissing() {
        separate()
    }

    /// Ends the row in progress with `"\n"`.
    ///
    /// - Precondition: the row has at least one field, and as many as the first row. (A row
    ///   whose only field is missing is a blank line, which readers skip: avoid one-column files
    ///   with missing values.)
    public mutating func endRow() {
        precondition(fieldsInRow > 0, "CSVWriter: a row needs at least one field")
        if let n = columnCount {
            precondition(fieldsInRow == n, "CSVWriter: row \(rowCount + 1) has \(fieldsInRow) fields, expected \(n)")
        } else {
            columnCount = fieldsInRow
        }
        bytes.append(UInt8(ascii: "\n"))
        fieldsInRow = 0
        rowCount += 1
    }

    /// Appends a whole row of text fields (typically the header) and ends it.
    public mutating func appendRow(_ fields: [String]) {
        for f in fields { append(f) }
        endRow()
    }

    // MARK: Internals

    @inline(__always)
    private mutating func separate() {
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldsInRow += 1
    }

    /// Writes the decimal digits of `value` (no sign).
    private mutating func appendDigits(_ value: UInt64) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(value))
            return
        }
        let start = bytes.count
        var v = value
        while v > 0 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(v % 10))
            v /= 10
        }
        bytes[start...].reverse()
    }

    private mutating func appendText(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let first = utf8.first, let last = utf8.last else {
            bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: "\"")])
            return
        }
        var needsQuotes = Self.isPadding(first) || Self.isPadding(last)
        if !needsQuotes {
            for b in utf8 where Self.isSpecial(b) {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for b in utf8 {
            if b == UInt8(ascii: "\"") { bytes.append(b) }
            bytes.append(b)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func isPadding(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\t")
    }

    /// Bytes that force quoting anywhere in a field. UTF-8 continuation bytes are >= 0x80, so a
    /// byte check cannot mistake part of a multi-byte character for one of these.
    @inline(__always)
    private static func isSpecial(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
    }
}
