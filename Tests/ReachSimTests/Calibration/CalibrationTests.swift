import Foundation
import Testing
@testable import ReachSim

/// `reachsim calibrate` as part of the test suite: every published target passes, and the
/// committed report (docs/calibration.csv) is the one the presets produce.
@Suite struct CalibrationTests {
    @Test func everyTargetPassesAndTheCommittedReportIsCurrent() throws {
        let rows = try Calibration.run(threads: 2)
        let failed = rows.filter { !$0.passed }
        #expect(failed.isEmpty, "calibration targets fail:\n\(Calibration.text(failed))")
        #expect(Set(rows.map(\.platform)).isSuperset(of: PlatformPreset.all.filter { $0.feed.kind != .live }.map(\.name)))
        let path = TestScenarios.packageRoot.appendingPathComponent("docs/calibration.csv")
        let committed = (try? String(contentsOf: path, encoding: .utf8)) ?? ""
        #expect(committed == Calibration.csv(rows),
                "docs/calibration.csv is stale: regenerate it with `swift run reachsim calibrate --out docs`")
    }
}
