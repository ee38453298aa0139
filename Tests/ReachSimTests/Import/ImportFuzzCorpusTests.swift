import Foundation
import Testing
@testable import ReachSim

/// The import fuzzer's corpus (Fuzz/corpus/import/) and any input that once crashed it
/// (Fixtures/fuzz-regressions/import/), replayed through the importer with `FuzzImport`'s checks:
/// each gives a conversion whose outputs can be written, or an `ImportError`; never a trap.
@Suite struct ImportFuzzCorpusTests {
    static let inputs = FuzzCorpusTests.inputs(["Fuzz/corpus/import", "Tests/ReachSimTests/Fixtures/fuzz-regressions/import"])

    @Test func importerSurvivesTheCorpus() throws {
        #expect(Self.inputs.count >= 20, "the corpus is missing")
        var accepted = 0, refused = 0
        for url in Self.inputs {
            let bytes = [UInt8](try Data(contentsOf: url))
            do {
                let conversion = try ObservedImport.convert(inputs: [("fuzz.csv", bytes)], year: 2024)
                let outputs = try conversion.outputs()
                let report = try JSONSerialization.jsonObject(with: Data(outputs[2].bytes)) as? [String: Any]
                #expect((report?["posts"] as? [String: Any])?["count"] as? Int == conversion.posts.count, "\(url.lastPathComponent)")
                accepted += 1
            } catch let error as ImportError {
                #expect(error.description.hasPrefix("fuzz.csv"), "\(url.lastPathComponent): \(error)")
                refused += 1
            } catch {
                Issue.record("\(url.lastPathComponent): unexpected error \(error)")
            }
        }
        #expect(accepted >= 15, "the seeds (the fixtures) should convert")
        #expect(refused >= 3, "the hand-made edge cases should be refused")
    }
}
