import Foundation

/// Turns a post's UTC publication time into the local day and hour the simulated week uses.
///
/// Rule: the local time is UTC plus the time zone's offset at that instant (daylight saving
/// included), from the system's IANA database; `UTC` keeps the exports' times as they are. The
/// back-test's default is `Europe/Paris` (`--timezone`), the time zone of the institutions the
/// presets describe; an account elsewhere should give its own.
public struct PostingClock: Sendable {
    /// The IANA name given (`Europe/Paris`, `UTC`, `America/New_York`).
    public let identifier: String
    private let zone: TimeZone

    public static let defaultIdentifier = "Europe/Paris"

    /// - Throws: `BacktestError` when the name is not a time zone the system knows.
    public init(timeZone identifier: String = PostingClock.defaultIdentifier) throws {
        guard let zone = identifier == "UTC" ? TimeZone(secondsFromGMT: 0) : TimeZone(identifier: identifier) else {
            throw BacktestError("--timezone \(identifier): unknown time zone; give an IANA name such as Europe/Paris, "
                + "America/New_York, or UTC")
        }
        self.identifier = identifier
        self.zone = zone
    }

    /// Seconds east of UTC at `time`.
    public func offset(at time: ObservedTime) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time.secondsSinceEpoch)))
    }

    /// The local calendar day and hour (0-23) of `time`.
    public func local(_ time: ObservedTime) -> (date: ObservedDate, hour: Int) {
        let seconds = time.secondsSinceEpoch + offset(at: time)
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        return (ObservedDate(daysSinceEpoch: days), (seconds - days * 86_400) / 3600)
    }

    /// A day written `YYYY-MM-DD` (an option's value).
    ///
    /// - Throws: `BacktestError` naming the option, e.g. `--train-until 2018-13-01: expected a day
    ///   written YYYY-MM-DD`.
    public static func day(_ text: String, option: String) throws -> ObservedDate {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              let date = ObservedDate(year: y, month: m, day: d) else {
            throw BacktestError("\(option) \(text): expected a day written YYYY-MM-DD, such as 2018-12-31")
        }
        return date
    }
}
