import Foundation
import Testing

/// `reachsim export notebook`: without `-o`, the notebook goes next to the run, not into a
/// `notebooks-export/` of the current folder.
@Suite struct ExportCommandTests {
    @Test func theNotebookGoesNextToTheRun() throws {
        let dir = TestScenarios.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(RobustCompareTests.presetScenario(posts: 1, open: false).utf8).write(to: dir.appendingPathComponent("s.yaml"))
        let run = try CommandRunner.run(["run", "s.yaml", "--replicates", "2", "--out", "results/tiny", "--quiet"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let export = try CommandRunner.run(["export", "notebook", "results/tiny"], in: dir)
        #expect(export.status == 0, "\(export.stderr)")
        let notebook = dir.appendingPathComponent("results/tiny.ipynb").path
        #expect(FileManager.default.fileExists(atPath: notebook))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("notebooks-export").path))
        // It loads the run by a path relative to itself.
        let text = try String(contentsOfFile: notebook, encoding: .utf8)
        #expect(text.contains(#"RUN_DIR = Path(\"tiny\")"#))
    }
}
