import Foundation

/// Reads the counts and amounts of the exports.
///
/// Counts: `4715`, `"4715.0"` (X legacy writes every count as a decimal), `15,000` (Meta,
/// thousands separated by commas), `15 000` / `15 000` (French interfaces, a space or a
/// no-break space), `1'500`. Missing: the empty cell, `-` (X's promoted columns when not
/// promoted), `undefined` (TikTok's missing days), `NA`, `N/A`, `null`, `--`.
public enum ExportNumber {
    public enum Failure: Error, Equatable {
        /// Not a number at all.
        case notANumber
        /// A number, but not a whole one, negative or too large for a count.
        case notACount
    }

    private static let missing: Set<String> = ["", "-", "--", "—", "–", "undefined", "na", "n/a", "null", "none", "nan"]

    /// Whether a cell means "no value".
    public static func isMissing(_ raw: String) -> Bool {
        missing.contains(raw.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// A non-negative whole count, `nil` for a missing value.
    public static func count(_ raw: String) throws(Failure) -> Int? {
        guard let value = try amount(raw) else { return nil }
        guard value >= 0, value < 1e15, value == value.rounded() else { throw .notACount }
        return Int(value)
    }

    /// A non-negative or negative decimal (spend, net follower change), `nil` for a missing value.
    /// `.` is the decimal mark; `,` is one too when it is the only separator and is not followed by
    /// exactly three digits (`12,50`).
    public static func amount(_ raw: String) throws(Failure) -> Double? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if missing.contains(text.lowercased()) { return nil }
        var s = Substring(text)
        var negative = false
        if s.first == "-" || s.first == "+" {
            negative = s.first == "-"
            s = s.dropFirst()
        }
        // Drop grouping: spaces of any kind and apostrophes between digit groups of three.
        var grouped = ""
        for ch in s where !(ch == " " || ch == "\u{00A0}" || ch == "\u{202F}" || ch == "'" || ch == "’") {
            grouped.append(ch)
        }
        if grouped.contains(",") {
            let parts = grouped.split(separator: ",", omittingEmptySubsequences: false)
            let thousands = parts.count > 1 && parts.dropFirst().allSatisfy { p in
                let digits = p.prefix { $0.isASCII && $0.isNumber }
                return digits.count == 3 && (p.count == 3 || p.dropFirst(3).first == ".")
            } && !parts[0].isEmpty && parts[0].count <= 3
            if thousands {
                grouped = parts.joined()
            } else if parts.count == 2, !grouped.contains(".") {
                grouped = parts.joined(separator: ".")
            } else {
                throw .notANumber
            }
        }
        guard !grouped.isEmpty,
              grouped.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." }),
              grouped.filter({ $0 == "." }).count <= 1,
              grouped.first != ".", grouped.last != ".",
              let value = Double(grouped), value.isFinite else { throw .notANumber }
        return negative ? -value : value
    }
}
