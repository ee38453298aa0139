import Foundation
import Testing
@testable import ReachSim

/// A settable clock and a record of what was printed, shared with the reporter's closures.
private final class Harness: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0.0
    private var written: [String] = []

    func set(_ t: Double) { lock.withLock { now = t } }
    var time: Double { lock.withLock { now } }
    func record(_ s: String) { lock.withLock { written.append(s) } }
    var output: [String] { lock.withLock { written } }

    func reporter(total: Int = 1000, isTerminal: Bool = true) -> ProgressReporter {
        ProgressReporter(label: "launch", total: total, isTerminal: isTerminal,
                         clock: { self.time }, output: { self.record($0) })
    }
}

@Suite struct ProgressReporterTests {
    @Test func lineFormat() {
        #expect(ProgressReporter.line(label: "launch", completed: 340, total: 1000, unit: "replicates", elapsed: 2.1)
                == "launch 340/1000 replicates (34%), 2.1 s elapsed, ~4.1 s left")
        #expect(ProgressReporter.line(label: "launch", completed: 500, total: 1000, unit: "replicates", elapsed: 2.0)
                == "launch 500/1000 replicates (50%), 2.0 s elapsed, ~2.0 s left")
        #expect(ProgressReporter.line(label: "x", completed: 0, total: 7, unit: "replicates", elapsed: 1.25)
                == "x 0/7 replicates (0%), 1.3 s elapsed")
        #expect(ProgressReporter.line(label: "x", completed: 999, total: 1000, unit: "weeks", elapsed: 10)
                == "x 999/1000 weeks (99%), 10.0 s elapsed, ~0.0 s left")
        #expect(ProgressReporter.line(label: "x", completed: 3, total: 3, unit: "replicates", elapsed: 61.04)
                == "x 3/3 replicates (100%), 61.0 s elapsed, ~0.0 s left")
    }

    /// Off a terminal (a log, CI): whole lines every 10 s, none for a run shorter than that.
    @Test func logLinesWhenNotATerminal() {
        let h = Harness()
        let p = h.reporter(total: 2500, isTerminal: false)
        for i in 1...999 {
            h.set(Double(i) * 0.01)
            p.update(completed: i)
        }
        #expect(h.output.isEmpty)   // under 10 s
        for i in 1000...2500 {
            h.set(Double(i) * 0.01)
            p.update(completed: i)
        }
        p.finish()
        #expect(h.output == ["launch 1000/2500 replicates (40%), 10.0 s elapsed, ~15.0 s left\n",
                             "launch 2000/2500 replicates (80%), 20.0 s elapsed, ~5.0 s left\n"])
    }

    @Test func nothingDuringTheFirstSecond() {
        let h = Harness()
        let p = h.reporter()
        h.set(0.5); p.update(completed: 100)
        h.set(1.0); p.update(completed: 200)
        p.finish()
        #expect(h.output.isEmpty)  // and finish has nothing to erase
    }

    @Test func throttledAndErased() {
        let h = Harness()
        let p = h.reporter()
        h.set(1.5); p.update(completed: 500)
        h.set(1.6); p.update(completed: 550)  // under 0.2 s since the last line
        h.set(1.8); p.advance(by: 100)
        h.set(1.9); p.update(completed: 10)   // a late, smaller count is ignored
        h.set(2.1); p.update(completed: 900)
        p.finish()
        p.finish()
        h.set(3.0); p.update(completed: 1000)  // after finish: silent
        let first = "launch 500/1000 replicates (50%), 1.5 s elapsed, ~1.5 s left"
        let second = "launch 650/1000 replicates (65%), 1.8 s elapsed, ~1.0 s left"
        let third = "launch 900/1000 replicates (90%), 2.1 s elapsed, ~0.2 s left"
        #expect(h.output == [
            "\r" + first,
            "\r" + second,
            "\r" + third,
            "\r" + String(repeating: " ", count: third.count) + "\r",
        ])
    }

    @Test func shorterLineCoversTheLongerOne() {
        let h = Harness()
        let p = ProgressReporter(label: "x", total: 10, isTerminal: true,
                                 clock: { h.time }, output: { h.record($0) })
        h.set(20); p.update(completed: 1)  // "~180.0 s left"
        h.set(30); p.update(completed: 9)  // "~3.3 s left": 2 characters shorter
        let out = h.output
        #expect(out.count == 2)
        #expect(out[0].count == out[1].count)
        #expect(out[1].hasSuffix("~3.3 s left  "))
    }

    @Test func concurrentUpdates() async {
        let h = Harness()
        h.set(5)
        let p = h.reporter(total: 8000)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { for _ in 0..<1000 { p.advance() } }
            }
        }
        #expect(h.output.isEmpty)  // still within the first second
        h.set(6.5); p.update(completed: 0)
        #expect(h.output.last == "\rlaunch 8000/8000 replicates (100%), 1.5 s elapsed, ~0.0 s left")
    }

    @Test func defaultClockIsMonotonic() {
        let clock = ProgressReporter.monotonicSeconds()
        let a = clock()
        let b = clock()
        #expect(a >= 0 && b >= a && b < 60)
    }
}
