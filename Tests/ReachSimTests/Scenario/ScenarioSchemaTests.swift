import Foundation
import Testing
@testable import ReachSim

/// `reachsim schema` and docs/scenario.schema.json agree with what `ScenarioLoader` accepts.
@Suite struct ScenarioSchemaTests {
    static let fixtures = TestScenarios.packageRoot.appendingPathComponent("Tests/ReachSimTests/Fixtures/schema")
    static let committed = TestScenarios.packageRoot.appendingPathComponent("docs/scenario.schema.json")

    /// The coverage scenarios (every key; coverage*.yaml for variants that exclude each other)
    /// and every shipped scenario.
    static var documents: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        let coverage = names.filter { $0.hasPrefix("coverage") && $0.hasSuffix(".yaml") }.sorted()
        return coverage.map { fixtures.appendingPathComponent($0).path } + ShippedScenarioTests.files
    }

    static func trace(_ path: String) throws -> [DecoderTrace.Event] {
        let trace = DecoderTrace()
        _ = try DecoderTrace.$current.withValue(trace) { try ScenarioLoader.load(path: path) }
        return trace.events
    }

    static func agreement(_ root: SchemaNode) throws -> SchemaAgreement {
        var agreement = SchemaAgreement(root: root)
        for path in documents {
            agreement.check(document: URL(fileURLWithPath: path).lastPathComponent, events: try trace(path))
        }
        return agreement
    }

    /// Every key list, range, choice and required key the loader reads is in the schema, and
    /// every part of the schema is read by the loader in some document.
    @Test func schemaAgreesWithTheLoader() throws {
        let agreement = try Self.agreement(ScenarioSchema.root)
        #expect(agreement.problems.isEmpty, "\(SchemaAgreement.howToFix):\n\(agreement.problems.joined(separator: "\n"))")
        let missing = agreement.unvisited()
        let hint = "never read by the loader in \(Self.documents.count) documents "
            + "(add them to Fixtures/schema/coverage.yaml, or remove them from the schema)"
        #expect(missing.isEmpty, "\(hint):\n\(missing.joined(separator: "\n"))")
    }

    /// The check fails when the schema lacks a key the loader accepts, has one it does not, or
    /// has another range: each edit of a copy of the schema is reported.
    @Test(arguments: ["drop churn_per_week", "add colour", "narrow replicates", "require seed"])
    func agreementCheckCatchesADifference(_ edit: String) throws {
        var root = ScenarioSchema.root
        guard case .object(var top, _) = root.kind else { Issue.record("root is not an object"); return }
        let expected: String
        switch edit {
        case "drop churn_per_week":
            let p = top.firstIndex { $0.key == "platforms" }!
            // A platform is one of two objects (one account, or `accounts`): drop the key from both.
            guard case let .names(platform, pattern, count) = top[p].node.kind,
                  case .anyOf(let variants) = platform.kind else { Issue.record("platforms"); return }
            var dropped: [SchemaNode] = []
            for variant in variants {
                guard case .object(var keys, let one) = variant.kind else { Issue.record("platform variant"); return }
                keys.removeAll { $0.key == "churn_per_week" }
                dropped.append(SchemaNode(.object(keys, exactlyOne: one)))
            }
            top[p].node.kind = .names(value: SchemaNode(.anyOf(dropped)), pattern: pattern, count: count)
            expected = "the loader accepts churn_per_week, missing from the schema"
        case "add colour":
            top.append(SchemaProperty("colour", SchemaNode(.text(pattern: nil))))
            expected = "the schema has colour, which the loader does not accept"
        case "narrow replicates":
            let r = top.firstIndex { $0.key == "replicates" }!
            top[r].node.kind = .integer(1...1_000)
            expected = "replicates: the loader reads a whole number in 1...1000000; the schema has a whole number in 1...1000"
        default:
            let s = top.firstIndex { $0.key == "seed" }!
            top[s].required = true
            expected = "the schema requires [name, horizon_weeks, seed, team, audience, platforms]"
        }
        root.kind = .object(top)
        let agreement = try Self.agreement(root)
        #expect(agreement.problems.contains { $0.contains(expected) }, "\(agreement.problems)")
    }

    /// docs/scenario.schema.json is the current output (regenerate with
    /// `swift run reachsim schema > docs/scenario.schema.json`), and is valid JSON.
    @Test func committedFileIsCurrent() throws {
        let text = try String(contentsOf: Self.committed, encoding: .utf8)
        #expect(text == ScenarioSchema.jsonText(),
                "docs/scenario.schema.json is stale: run `swift run reachsim schema > docs/scenario.schema.json`")
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(json?["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        #expect((json?["required"] as? [String])?.contains("platforms") == true)
    }

    /// The file scripts/check-schema.sh shows the JSON Schema refusing is refused by the loader too.
    @Test func knownBadFileIsRefused() {
        let path = Self.fixtures.appendingPathComponent("known-bad.yaml").path
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: path) }
    }

    @Test func commandPrintsTheSchema() throws {
        let result = try CommandRunner.run(["schema"])
        #expect(result.status == 0)
        #expect(result.stdout == ScenarioSchema.jsonText())
    }

    /// Each shipped scenario names the schema in its first line, for editors.
    @Test(arguments: ShippedScenarioTests.files)
    func shippedScenarioNamesTheSchema(_ path: String) throws {
        let first = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").first
        #expect(first == "# yaml-language-server: $schema=../docs/scenario.schema.json")
    }
}
