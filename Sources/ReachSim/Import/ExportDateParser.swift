import Foundation

/// Reads the date and time spellings of the exports, without locale or `DateFormatter`, so that
/// every machine reads them alike.
///
/// Accepted, after trimming (a leading weekday such as `Mon,` is ignored):
/// - ISO 8601: `2017-01-30`, `2017-01-30 19:05`, `2017-01-30T19:05:42.123Z`, with an optional
///   offset `Z`, `+0000`, `+01:00`, ` +0000` (X legacy);
/// - numeric: `1/30/2017 19:05` (Meta, LinkedIn: month first), `30/01/2017` with `dayFirst`
///   (French interfaces; a first number above 12 is read as the day anyway), optional seconds
///   and `AM`/`PM`;
/// - month names in English: `Jan 06, 2025`, `January 6 2025`, `6 Jan 2025`, `Mar 5, 2021`, and
///   without a year `Jan 6` / `6 January` (TikTok), which take `year`.
///
/// A time without an offset is taken as UTC (the caller warns where that matters).
public enum ExportDateParser {
    /// A parsed date and time; `hasYear` false when the text had none and `year` was used.
    public struct Parsed: Sendable, Equatable {
        public var time: ObservedTime
        public var hasYear: Bool
        public var hasTime: Bool
        public var hasOffset: Bool
        public var date: ObservedDate { time.date }
    }

    /// Whether a text is a month and day without a year (`Jan 6`, `6 January`), whatever the year.
    public static func lacksYear(_ text: String) -> Bool {
        if let p = parse(text, year: 2000) { return !p.hasYear }
        return false
    }

    /// - Parameters:
    ///   - year: the year for texts that have none; `nil` refuses them.
    ///   - dayFirst: read `03/04/2025` as 3 April.
    /// - Returns: `nil` when the text is none of the accepted forms or names a day that does not exist.
    public static func parse(_ raw: String, year: Int? = nil, dayFirst: Bool = false) -> Parsed? {
        var text = Substring(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        if text.isEmpty { return nil }
        // A leading weekday: "Mon, Jan 06, 2025".
        if let comma = text.firstIndex(of: ","), weekdays.contains(text[..<comma].lowercased()) {
            text = text[text.index(after: comma)...].drop { $0 == " " }
        }
        if let first = text.first, first.isNumber, text.count >= 10,
           text.prefix(4).allSatisfy(\.isNumber), text.dropFirst(4).first == "-" {
            return iso(text)
        }
        return words(text, year: year, dayFirst: dayFirst)
    }

    private static let weekdays: Set<String> = [
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday",
    ]

    private static let months: [String: Int] = {
        var m: [String: Int] = [:]
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"]
        for (i, n) in names.enumerated() {
            m[n] = i + 1
            m[String(n.prefix(3))] = i + 1
        }
        m["sept"] = 9
        return m
    }()

    private static func int(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.count <= 9, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s)
    }

    /// `HH:MM[:SS[.fff]]` → (h, m, s).
    private static func clock(_ s: Substring) -> (Int, Int, Int)? {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, let h = int(parts[0]), let m = int(parts[1]),
              h <= 24, m <= 59 else { return nil }
        var sec = 0
        if parts.count == 3 {
            let whole = parts[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard let s0 = int(whole[0]), s0 <= 60 else { return nil }
            if whole.count == 2, int(whole[1]) == nil { return nil }
            sec = min(s0, 59)
        }
        if h == 24 && (m != 0 || sec != 0) { return nil }
        return (h, m, sec)
    }

    /// `Z`, `+0000`, `+00:00`, `-05` → seconds east of UTC.
    private static func offset(_ s: Substring) -> Int? {
        if s == "Z" || s == "z" || s.uppercased() == "UTC" || s.uppercased() == "GMT" { return 0 }
        guard let sign = s.first, sign == "+" || sign == "-" else { return nil }
        let digits = s.dropFirst().filter { $0 != ":" }
        guard digits.count == 2 || digits.count == 4, let v = int(Substring(digits)) else { return nil }
        let (h, m) = digits.count == 2 ? (v, 0) : (v / 100, v % 100)
        guard h <= 14, m <= 59 else { return nil }
        return (sign == "-" ? -1 : 1) * (h * 3600 + m * 60)
    }

    private static func iso(_ text: Substring) -> Parsed? {
        let datePart = text.prefix(10)
        let f = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard f.count == 3, f[1].count == 2, f[2].count == 2, let y = int(f[0]), let mo = int(f[1]),
              let d = int(f[2]), let date = ObservedDate(year: y, month: mo, day: d) else { return nil }
        var rest = text.dropFirst(10)
        if rest.isEmpty {
            return Parsed(time: ObservedTime(date: date, hour: 0, minute: 0, second: 0), hasYear: true,
                          hasTime: false, hasOffset: false)
        }
        guard rest.first == "T" || rest.first == " " else { return nil }
        rest = rest.dropFirst()
        // The clock runs to the first offset sign, Z or space.
        var clockEnd = rest.startIndex
        while clockEnd < rest.endIndex, rest[clockEnd].isNumber || rest[clockEnd] == ":" || rest[clockEnd] == "." {
            clockEnd = rest.index(after: clockEnd)
        }
        guard let (h, m, s) = clock(rest[..<clockEnd]) else { return nil }
        let tail = rest[clockEnd...].trimmingCharacters(in: .whitespaces)
        var off = 0
        var hasOffset = false
        if !tail.isEmpty {
            guard let o = offset(Substring(tail)) else { return nil }
            off = o
            hasOffset = true
        }
        return Parsed(time: ObservedTime(date: date, hour: h, minute: m, second: s, offsetSeconds: off),
                      hasYear: true, hasTime: true, hasOffset: hasOffset)
    }

    private static func words(_ text: Substring, year fallbackYear: Int?, dayFirst: Bool) -> Parsed? {
        let tokens = text.split { $0 == " " || $0 == "," || $0 == "\u{00A0}" }
        guard !tokens.isEmpty, tokens.count <= 6 else { return nil }
        var year: Int?, month: Int?, day: Int?
        var hms: (Int, Int, Int)?
        var meridiem: String?
        var off: Int?
        var numbers: [Int] = []
        for token in tokens {
            let lower = token.lowercased()
            if token.contains("/") {
                let f = token.split(separator: "/", omittingEmptySubsequences: false)
                guard f.count == 3, let a = int(f[0]), let b = int(f[1]), let c = int(f[2]), f[2].count == 4,
                      day == nil, month == nil else { return nil }
                let first = dayFirst || a > 12
                (day, month, year) = first ? (a, b, c) : (b, a, c)
            } else if token.contains(":") {
                guard hms == nil, let c = clock(token) else { return nil }
                hms = c
            } else if lower == "am" || lower == "pm" {
                meridiem = lower
            } else if let m = months[lower.hasSuffix(".") ? String(lower.dropLast()) : lower] {
                guard month == nil else { return nil }
                month = m
            } else if let n = int(token) {
                numbers.append(n)
            } else if token.first == "+" || token.first == "-" || lower == "utc" || lower == "gmt" || lower == "z",
                      let o = offset(token) {
                off = o
            } else {
                return nil
            }
        }
        for n in numbers {
            if n >= 1000 {
                guard year == nil else { return nil }
                year = n
            } else {
                guard day == nil else { return nil }
                day = n
            }
        }
        guard let month, let day else { return nil }
        let hasYear = year != nil
        guard let y = year ?? fallbackYear, let date = ObservedDate(year: y, month: month, day: day) else { return nil }
        var (h, mi, s) = hms ?? (0, 0, 0)
        if let meridiem {
            guard hms != nil, (1...12).contains(h) else { return nil }
            if meridiem == "am" && h == 12 { h = 0 }
            if meridiem == "pm" && h != 12 { h += 12 }
        }
        return Parsed(time: ObservedTime(date: date, hour: h, minute: mi, second: s, offsetSeconds: off ?? 0),
                      hasYear: hasYear, hasTime: hms != nil, hasOffset: off != nil)
    }
}
