import Foundation
import Testing
@testable import ReachSim

/// The fuzzers' corpora (Fuzz/corpus/) and every input that once crashed a fuzz target
/// (Fixtures/fuzz-regressions/, one folder per target), replayed through the readers: each input
/// gives a value or the reader's own error, never a trap. Under `swift test --sanitize=address`
/// (CI) this also replays them under AddressSanitizer.
@Suite struct FuzzCorpusTests {
    static func inputs(_ folders: [String]) -> [URL] {
        folders.flatMap { folder -> [URL] in
            let dir = TestScenarios.packageRoot.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
        }
    }

    static let scenarioInputs = inputs(["Fuzz/corpus/scenario", "Tests/ReachSimTests/Fixtures/fuzz-regressions/scenario"])
    static let edgeListInputs = inputs(["Fuzz/corpus/edgelist", "Tests/ReachSimTests/Fixtures/fuzz-regressions/edgelist"])

    /// What `FuzzScenario` checks, for every kept input.
    @Test func scenarioLoaderSurvivesTheCorpus() throws {
        #expect(Self.scenarioInputs.count > 100, "the corpus is missing")
        var accepted = 0
        for url in Self.scenarioInputs {
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            do {
                let scenario = try ScenarioLoader.parse(text, file: "fuzz.yaml")
                #expect(scenario.horizonWeeks >= 1 && !scenario.platforms.isEmpty, "\(url.lastPathComponent)")
                accepted += 1
            } catch is ScenarioError {
            } catch {
                Issue.record("\(url.lastPathComponent): unexpected error \(error)")
            }
        }
        #expect(accepted > 0, "no corpus entry is a valid scenario: the corpus lost its seeds")
    }

    /// What `FuzzEdgeList` checks, for every kept input.
    @Test func edgeListImporterSurvivesTheCorpus() throws {
        #expect(Self.edgeListInputs.count > 100, "the corpus is missing")
        var accepted = 0
        for url in Self.edgeListInputs {
            do {
                let list = try EdgeListImporter.parse(bytes: [UInt8](try Data(contentsOf: url)), path: "fuzz.csv")
                let graph = list.graph(mappingNodesTo: (0..<list.nodeCount).map { UInt32($0) }, totalAgents: list.nodeCount)
                #expect(graph.edgeCount == list.edgeCount, "\(url.lastPathComponent)")
                #expect(graph.invariantViolation() == nil, "\(url.lastPathComponent)")
                accepted += 1
            } catch is EdgeListError {
            } catch {
                Issue.record("\(url.lastPathComponent): unexpected error \(error)")
            }
        }
        #expect(accepted > 0, "no corpus entry is a valid edge list: the corpus lost its seeds")
    }
}
