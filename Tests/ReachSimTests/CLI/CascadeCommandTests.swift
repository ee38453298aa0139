import Foundation
import Testing

/// `reachsim cascade` end to end: the JSON it prints for the peer script, and its exit codes.
@Suite struct CascadeCommandTests {
    /// A star with a tail: 0 → 1...5, 5 → 6. The default source is 0 (highest out-degree).
    static func writeGraph() throws -> (dir: URL, path: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cascade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("edges.csv").path
        try "source,target\n0,1\n0,2\n0,3\n0,4\n0,5\n5,6\n".write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    /// With p = 1 every run reaches the whole graph, so the numbers are certain.
    @Test func certainCascadeAsJSON() throws {
        let (dir, path) = try Self.writeGraph()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CommandRunner.run(["cascade", "--graph", path, "--p", "1", "--runs", "50", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["source"] as? String == "0")
        #expect(json["nodes"] as? Int == 7)
        #expect(json["runs"] as? Int == 50)
        #expect(json["mean_size"] as? Double == 7)
        #expect(json["sd_size"] as? Double == 0)
        for key in ["seconds", "cpu_seconds", "runs_per_second", "runs_per_cpu_second", "edge_visits_per_second"] {
            #expect((json[key] as? Double ?? 0) > 0, "\(key)")
        }
    }

    @Test func chosenSourceAndText() throws {
        let (dir, path) = try Self.writeGraph()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CommandRunner.run(["cascade", "--graph", path, "--p", "1", "--runs", "3", "--source", "5"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("source 5 (out-degree 1)"))
        #expect(result.stdout.contains("cascade size: mean 2.000, sd 0.000 over 3 runs"))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        let arguments: [String]
        let status: Int32
        let expected: String
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "p above 1", arguments: ["--p", "1.5"], status: 64, expected: "--p must be between 0 and 1"),
        Case(label: "no runs", arguments: ["--p", "0.1", "--runs", "0"], status: 64, expected: "--runs must be"),
        Case(label: "unknown source", arguments: ["--p", "0.1", "--source", "nobody"], status: 65,
             expected: "edges.csv: no node 'nobody' in the edge list"),
    ]

    @Test(arguments: cases)
    func badInput(_ c: Case) throws {
        let (dir, path) = try Self.writeGraph()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CommandRunner.run(["cascade", "--graph", path] + c.arguments)
        #expect(result.status == c.status, "\(result.stderr)")
        #expect(result.stderr.contains(c.expected), "\(result.stderr)")
    }

    /// An unreadable input is bad input (65), as for a scenario's edge list; 74 is for outputs.
    @Test func missingGraphFile() throws {
        let result = try CommandRunner.run(["cascade", "--graph", "/nonexistent/edges.csv", "--p", "0.1"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("cannot read /nonexistent/edges.csv"))
    }
}
