#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A one-line progress display on stderr for long runs:
/// `\r<label> 340/1000 replicates (34%), 2.1 s elapsed, ~4.0 s left`.
///
/// On a terminal the line is rewritten in place: nothing before the run has lasted `delay` seconds
/// (short runs do not flicker), at most one line per `interval` seconds (updates from many workers
/// cost a clock read, not a write), and `finish()` erases it, so the next output starts on a clean
/// line. When stderr is not a terminal (a log, a CI job, a pipe), whole lines that a log keeps,
/// one every `logInterval` seconds from the first `logInterval` on: a run shorter than that writes
/// nothing, a long one says how far it is.
///
/// Thread-safe: workers call `update(completed:)` or `advance(by:)` concurrently. The state is
/// guarded by an `NSLock` rather than `Synchronization.Mutex`, which needs macOS 15.
public final class ProgressReporter: @unchecked Sendable {
    /// Text before the counts, e.g. the scenario's name.
    public let label: String
    /// Work units in the whole run (> 0).
    public let total: Int
    /// Name of the work unit, plural ("replicates").
    public let unit: String
    /// Seconds of run time before the first line appears (default 1).
    public let delay: Double
    /// Minimum seconds between two lines (default 0.2, so at most ~5 lines a second).
    public let interval: Double
    /// Off a terminal: seconds before the first line and between two lines (default 10).
    public let logInterval: Double

    private let isTerminal: Bool
    private let clock: @Sendable () -> Double
    private let output: @Sendable (String) -> Void
    private let start: Double

    private let lock = NSLock()
    private var completed = 0
    private var lastPrint: Double?
    private var shownWidth = 0
    private var finished = false

    /// - Parameters:
    ///   - label: text before the counts.
    ///   - total: work units in the run; must be > 0.
    ///   - unit: plural name of a work unit.
    ///   - delay: seconds before the first line (>= 0).
    ///   - interval: minimum seconds between lines (>= 0).
    ///   - logInterval: off a terminal, seconds before the first line and between lines (> 0).
    ///   - isTerminal: a line rewritten in place, or whole lines for a log; defaults to `isatty(2)`.
    ///     Injected by tests.
    ///   - clock: monotonic time in seconds from any origin; defaults to `ContinuousClock`.
    ///   - output: where the text goes; defaults to an unbuffered `write(2, ...)` to stderr.
    public init(label: String, total: Int, unit: String = "replicates",
                delay: Double = 1.0, interval: Double = 0.2, logInterval: Double = 10,
                isTerminal: Bool = isatty(STDERR_FILENO) != 0,
                clock: @escaping @Sendable () -> Double = ProgressReporter.monotonicSeconds(),
                output: @escaping @Sendable (String) -> Void = ProgressReporter.writeToStandardError) {
        precondition(total > 0, "ProgressReporter: total must be > 0")
        precondition(delay >= 0 && interval >= 0 && logInterval > 0, "ProgressReporter: delay and intervals must be >= 0")
        self.label = label
        self.total = total
        self.unit = unit
        self.delay = delay
        self.interval = interval
        self.logInterval = logInterval
        self.isTerminal = isTerminal
        self.clock = clock
        self.output = output
        self.start = clock()
    }

    /// Records that `completed` units are done (counts only grow: a smaller value from a late
    /// worker is ignored) and prints a line if one is due.
    public func update(completed: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.completed = max(self.completed, min(completed, total))
        printIfDue()
    }

    /// Records `count` more units done and prints a line if one is due.
    public func advance(by count: Int = 1) {
        lock.lock()
        defer { lock.unlock() }
        completed = min(completed + count, total)
        printIfDue()
    }

    /// Erases the line if one was shown; later updates print nothing. Idempotent.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        if shownWidth > 0 {
            output("\r" + String(repeating: " ", count: shownWidth) + "\r")
            shownWidth = 0
        }
    }

    /// Must hold `lock`.
    private func printIfDue() {
        guard !finished else { return }
        let now = clock()
        let elapsed = now - start
        let text: String
        guard isTerminal else {
            guard elapsed >= logInterval, now - (lastPrint ?? start) >= logInterval else { return }
            lastPrint = now
            output(Self.line(label: label, completed: completed, total: total, unit: unit, elapsed: elapsed) + "\n")
            return
        }
        guard elapsed > delay else { return }
        if let last = lastPrint, now - last < interval { return }
        lastPrint = now
        text = Self.line(label: label, completed: completed, total: total, unit: unit, elapsed: elapsed)
        let width = text.unicodeScalars.count
        // Pad over the tail of a longer previous line.
        let padding = String(repeating: " ", count: max(0, shownWidth - width))
        output("\r" + text + padding)
        shownWidth = width
    }

    /// The line's text without the leading `\r`:
    /// `"<label> 340/1000 replicates (34%), 2.1 s elapsed, ~4.0 s left"`.
    ///
    /// The percentage is rounded down (100% only when all is done); the time left is
    /// `elapsed × (total − completed) / completed` and is omitted while nothing is complete.
    /// Times are in seconds with one decimal.
    static func line(label: String, completed: Int, total: Int, unit: String, elapsed: Double) -> String {
        let percent = completed * 100 / total
        var text = "\(label) \(completed)/\(total) \(unit) (\(percent)%), \(tenths(elapsed)) s elapsed"
        if completed > 0 {
            let left = elapsed * Double(total - completed) / Double(completed)
            text += ", ~\(tenths(left)) s left"
        }
        return text
    }

    /// `seconds` with one decimal, independent of locale ("2.1", "0.0").
    static func tenths(_ seconds: Double) -> String {
        let t = Int((max(0, seconds) * 10).rounded())
        return "\(t / 10).\(t % 10)"
    }

    // MARK: Defaults

    /// A clock in seconds since its creation, from `ContinuousClock` (monotonic).
    public static func monotonicSeconds() -> @Sendable () -> Double {
        let clock = ContinuousClock()
        let origin = clock.now
        return {
            let d = origin.duration(to: clock.now).components
            return Double(d.seconds) + Double(d.attoseconds) * 1e-18
        }
    }

    /// Writes `text` to file descriptor 2 directly (no stdio buffering; errors ignored, since
    /// progress display is best-effort).
    @Sendable public static func writeToStandardError(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return }
                offset += n
            }
        }
    }
}
