import Foundation
import Testing
@testable import ReachSim

/// Every file in scenarios/ validates and runs end to end (with few replicates).
@Suite struct ShippedScenarioTests {
    static var files: [String] {
        let dir = TestScenarios.packageRoot.appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { dir.appendingPathComponent($0).path }
    }

    @Test func thereAreScenarios() {
        #expect(Self.files.contains { $0.hasSuffix("museum-baseline.yaml") })
    }

    @Test(arguments: files)
    func runsEndToEnd(_ path: String) throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CommandRunner.run(["run", path, "--replicates", "2", "--out", dir.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("all"))
        for name in ["weekly.csv", "summary.csv", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path))
        }
        let manifest = try Manifest.decode([UInt8](Data(contentsOf: dir.appendingPathComponent("manifest.json"))))
        #expect(manifest.replicates == 2)
    }
}
