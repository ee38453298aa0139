#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import Synchronization

/// A request to stop a run early, set by SIGINT or SIGTERM (or by a test), read by the workers
/// before each replicate.
///
/// Why a flag and not the default signal action: a killed run would lose every replicate it
/// computed. With the flag, workers finish the replicate they are on, take no new one, the
/// checkpoint is flushed and the command exits with 128 + the signal's number (130 for SIGINT,
/// 143 for SIGTERM); `--resume` continues from there.
///
/// A replicate of a large scenario, or building its world, can take longer than people wait
/// for: while a run allows it (`allowForcedStop`), a stop not honoured within `grace` seconds,
/// or a second signal, saves the completed replicates and ends the process at once through
/// `onStuck`, abandoning the replicates in progress.
public final class Interruption: Sendable {
    private let received = Atomic<Int32>(0)
    private let state = EscalationState()

    /// A flag that only `request(signal:)` sets (for tests and library callers).
    public init() {}

    /// Installs handlers for `signals` for the rest of the process: their default action
    /// (terminate) is replaced by setting the returned flag.
    ///
    /// The handlers run on a private serial queue, which libdispatch serves with a thread of its
    /// own even while every core is busy in `concurrentPerform`.
    ///
    /// - Parameters:
    ///   - grace: seconds the workers have to stop before a forced stop (> 0).
    ///   - onStuck: ends the process with 128 + the signal after printing the message of what
    ///     was saved; called on the handlers' queue.
    public static func install(signals: [Int32] = [SIGINT, SIGTERM], grace: Double = 1.0,
                               onStuck: @escaping @Sendable (_ signal: Int32, _ message: String) -> Void) -> Interruption {
        let flag = Interruption()
        let queue = DispatchQueue(label: "reachsim.interruption")
        flag.state.onStuck = onStuck
        flag.state.sources = signals.map { number in
            ignoreDefaultAction(of: number)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if flag.isRequested {
                    flag.state.escalate(signal: number)  // a second signal: stop now
                    return
                }
                flag.request(signal: number)
                queue.asyncAfter(deadline: .now() + grace) { flag.state.escalate(signal: number) }
            }
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

    /// While `save` is set, a stop the workers do not honour in time may end the process: `save`
    /// must make the completed work durable, keep it so, and return what to tell the user. Pass
    /// nil when the process must not end early (while output files are being written).
    func allowForcedStop(_ save: (@Sendable (_ signal: Int32) -> String)?) {
        state.setSave(save)
    }
}

/// The dispatch sources (kept alive) and what a forced stop does.
private final class EscalationState: @unchecked Sendable {
    /// Written once by `install` before the flag is shared.
    var sources: [any DispatchSourceSignal] = []
    var onStuck: (@Sendable (Int32, String) -> Void)?
    private let lock = NSLock()
    private var save: (@Sendable (Int32) -> String)?

    func setSave(_ save: (@Sendable (Int32) -> String)?) {
        lock.lock()
        self.save = save
        lock.unlock()
    }

    /// Ends the process if a run allows it; holds the lock so no run can withdraw meanwhile.
    func escalate(signal: Int32) {
        lock.lock()
        defer { lock.unlock() }
        guard let save, let onStuck else { return }
        onStuck(signal, save(signal))
    }
}

/// `signal(number, SIG_IGN)`: the dispatch source still sees the signal; the process is not killed.
private func ignoreDefaultAction(of number: Int32) {
    signal(number, SIG_IGN)
}
