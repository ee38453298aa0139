#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// A request to stop a run early, set by SIGINT or SIGTERM (or by a test), read by the workers
/// before each replicate.
///
/// Why a flag and not the default signal action: a killed run would lose every replicate it
/// computed. With the flag, workers finish the replicate they are on (a fraction of a second),
/// take no new one, the checkpoint is flushed and the command exits with 128 + the signal's
/// number (130 for SIGINT, 143 for SIGTERM); `--resume` continues from there.
public final class Interruption: Sendable {
    private let received = Atomic<Int32>(0)
    private let handlers = SignalHandlers()

    /// A flag that only `request(signal:)` sets (for tests and library callers).
    public init() {}

    /// Installs handlers for `signals` (default SIGINT and SIGTERM) for the rest of the process:
    /// their default action (terminate) is replaced by setting the returned flag.
    ///
    /// The handlers run on a private serial queue, which libdispatch serves with a thread of its
    /// own even while every core is busy in `concurrentPerform`.
    public static func install(signals: [Int32] = [SIGINT, SIGTERM]) -> Interruption {
        let flag = Interruption()
        let queue = DispatchQueue(label: "reachsim.interruption")
        flag.handlers.sources = signals.map { number in
            ignoreDefaultAction(of: number)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { flag.request(signal: number) }
            source.resume()
            return source
        }
        return flag
    }

    /// Records the first signal received; later ones are ignored.
    public func request(signal number: Int32) {
        _ = received.compareExchange(expected: 0, desired: number, ordering: .relaxed)
    }

    /// Whether a stop was requested.
    public var isRequested: Bool { received.load(ordering: .relaxed) != 0 }

    /// The signal that requested the stop (SIGINT, SIGTERM), if any.
    public var signal: Int32? {
        let s = received.load(ordering: .relaxed)
        return s == 0 ? nil : s
    }
}

/// Keeps the dispatch sources alive; written once by `install` before the flag is shared.
private final class SignalHandlers: @unchecked Sendable {
    var sources: [any DispatchSourceSignal] = []
}

/// `signal(number, SIG_IGN)`: the dispatch source still sees the signal; the process is not killed.
private func ignoreDefaultAction(of number: Int32) {
    signal(number, SIG_IGN)
}
