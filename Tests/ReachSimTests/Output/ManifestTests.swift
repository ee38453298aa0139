import Foundation
import Testing
@testable import ReachSim

@Suite struct ManifestTests {
    private func sample(seed: UInt64 = 42) -> Manifest {
        Manifest(
            scenario: "launch-week", scenarioPath: "scenarios/launch week.yaml",
            scenarioSHA256: Manifest.sha256Hex(Array("name: launch-week\n".utf8)),
            seed: seed, replicates: 1000, threads: 2, engine: .grouped, engineRequested: .auto, weeks: 12, wallTimeSeconds: 3.25,
            files: [Manifest.DataFile(name: "weekly.csv", contents: Array("week\n1\n".utf8))],
            command: ["reachsim", "run", "scenarios/launch week.yaml", "--seed", String(seed)])
    }

    @Test func sha256KnownAnswers() {
        #expect(Manifest.sha256Hex(Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Manifest.sha256Hex([])
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func dataFileEntry() {
        let f = Manifest.DataFile(name: "a.csv", contents: Array("abc".utf8))
        #expect(f.bytes == 3)
        #expect(f.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test(arguments: [0, 42, UInt64(1) << 53 + 1, UInt64.max])
    func roundTrip(seed: UInt64) throws {
        let m = sample(seed: seed)
        let decoded = try Manifest.decode(try m.jsonBytes())
        #expect(decoded == m)
        #expect(decoded.seed == seed)
    }

    @Test func seedIsAStringSoItStaysExact() throws {
        let json = String(decoding: try sample(seed: .max).jsonBytes(), as: UTF8.self)
        #expect(json.contains("\"seed\" : \"18446744073709551615\""))
    }

    @Test func keysAreSnakeCaseAndSorted() throws {
        let bytes = try sample().jsonBytes()
        let json = String(decoding: bytes, as: UTF8.self)
        #expect(json.hasSuffix("}\n"))
        #expect(json.contains("\"scenario_path\" : \"scenarios/launch week.yaml\""))  // slashes unescaped
        // Top-level keys: lines indented by exactly two spaces.
        let keys = json.split(separator: "\n")
            .filter { $0.hasPrefix("  \"") }
            .map { $0.dropFirst(3).prefix { $0 != "\"" } }
            .map(String.init)
        #expect(keys == [
            "command", "engine", "engine_requested", "files", "reachsim_version", "replicates", "scenario",
            "scenario_path", "scenario_sha256", "seed", "threads", "wall_time_seconds", "weeks",
        ])
        #expect(keys == keys.sorted())
        let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        let file = (object?["files"] as? [[String: Any]])?.first
        #expect(file.map { Set($0.keys) } == ["name", "bytes", "sha256"])
        #expect(object?["reachsim_version"] as? String == ReachSimVersion.string)
    }

    /// Manifests written before engines could be chosen were all of the exact engine.
    @Test func aManifestWithoutAnEngineReadsAsExact() throws {
        let json = String(decoding: try sample().jsonBytes(), as: UTF8.self)
        let old = json.split(separator: "\n").filter { !$0.contains("\"engine") }.joined(separator: "\n")
        #expect(old.count < json.count)
        let decoded = try Manifest.decode(Array(old.utf8))
        #expect(decoded.engine == .exact && decoded.engineRequested == .exact)
    }

    @Test func unknownEngineIsRejected() throws {
        let json = String(decoding: try sample().jsonBytes(), as: UTF8.self)
        for (from, to) in [("\"engine\" : \"grouped\"", "\"engine\" : \"fast\""),
                           ("\"engine_requested\" : \"auto\"", "\"engine_requested\" : \"fast\"")] {
            #expect(json.contains(from))
            #expect(throws: DecodingError.self) { try Manifest.decode(Array(json.replacingOccurrences(of: from, with: to).utf8)) }
        }
    }

    @Test func badSeedIsRejected() throws {
        var json = String(decoding: try sample().jsonBytes(), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"seed\" : \"42\"", with: "\"seed\" : \"-1\"")
        #expect(throws: DecodingError.self) { try Manifest.decode(Array(json.utf8)) }
    }
}
