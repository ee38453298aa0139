import Foundation
import Testing
@testable import ReachSim

@Suite struct EdgeListImporterTests {
    /// `shared/` is a sibling of the repository folder, wherever the repository is checked out.
    static let twitterEgo = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Graph
        .deletingLastPathComponent()  // ReachSimTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the repository
        .deletingLastPathComponent()
        .appendingPathComponent("shared/data/twitter-ego")

    static func parse(_ text: String) throws -> ImportedEdgeList {
        try EdgeListImporter.parse(bytes: Array(text.utf8), path: "graph.csv")
    }

    /// The figures in the data set's README. All 3,726 nodes of its nodes file have an edge.
    @Test func realTwitterEgoNetwork() throws {
        let path = Self.twitterEgo.appendingPathComponent("hersheycareers.edges.csv").path
        let list = try EdgeListImporter.read(path: path)
        #expect(list.edgeCount == 23_939)
        #expect(list.nodeCount == 3_726)
        #expect(list.droppedSelfLoops == 0)
        #expect(list.droppedDuplicates == 0)
        // First data line is "2609,3453": ids numbered in order of first appearance.
        #expect(list.nodeIDs.prefix(2) == ["2609", "3453"])

        let agents = (0..<list.nodeCount).map { UInt32(list.nodeCount - 1 - $0 + 10) }
        let graph = list.graph(mappingNodesTo: agents, totalAgents: list.nodeCount + 10)
        #expect(graph.invariantViolation() == nil)
        #expect(graph.audience(of: 10 + list.nodeCount - 1).contains(UInt32(10 + list.nodeCount - 2)))
        #expect((0..<10).allSatisfy { graph.outDegree($0) == 0 })
        let stats = GraphStatistics(graph)
        #expect(stats.edgeCount == 23_939)
        #expect(stats.maxOutDegree == 1_627)
        #expect(stats.maxInDegree == 417)
        #expect(stats.linkedNodeCount == 3_726)
        // Counted independently (Python, set of reversed pairs): 9,022 edges are returned.
        #expect(stats.reciprocatedEdgeCount == 9_022)
    }

    @Test func unreadableFile() {
        #expect {
            try EdgeListImporter.read(path: "/nonexistent/graph.csv")
        } throws: { error in
            (error as? EdgeListError)?.description
                == "cannot read /nonexistent/graph.csv: No such file or directory"
        }
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var kind: EdgeListError.Kind
        var line: Int?
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ kind: EdgeListError.Kind, line: Int?) {
            self.init(name, Array(text.utf8), kind, line: line)
        }
        init(_ name: String, _ bytes: [UInt8], _ kind: EdgeListError.Kind, line: Int?) {
            self.name = name
            self.bytes = bytes
            self.kind = kind
            self.line = line
        }
    }

    @Test(arguments: [
        Malformed("one field", "source,target\n1,2\n3453\n", .malformedLine, line: 3),
        Malformed("three fields", "1,2\n# note\n2,3,4\n", .malformedLine, line: 3),
        Malformed("three spaced fields", "1 2\n2 3 4", .malformedLine, line: 2),
        Malformed("empty id", "1,2\r\n2,\r\n", .malformedLine, line: 2),
        Malformed("header with a weight", "source,target,weight\n1,2,1\n", .malformedLine, line: 1),
        Malformed("empty file", "", .noEdges, line: nil),
        Malformed("only a BOM", [0xEF, 0xBB, 0xBF], .noEdges, line: nil),
        Malformed("only a header", "source,target\n", .noEdges, line: nil),
        Malformed("only comments", "# nothing\n\n   \n", .noEdges, line: nil),
        Malformed("NUL byte", [0x31, 0x2C, 0x32, 0x0A, 0x33, 0x2C, 0x00, 0x0A], .binary, line: 2),
        Malformed("invalid UTF-8", [0x31, 0x2C, 0x32, 0x0A, 0x0A, 0x33, 0x2C, 0xFF, 0x0A],
                  .binary, line: 3),
        Malformed("truncated UTF-8", [0x61, 0x2C, 0xC3], .binary, line: 1),
        Malformed("overlong UTF-8", [0x61, 0x2C, 0xC0, 0xAF], .binary, line: 1),
        Malformed("truncated last line, one field", "1,2\n2,3\n3", .malformedLine, line: 3),
        Malformed("truncated last line, empty id", "1,2\r\n2,3\r\n3,", .malformedLine, line: 3),
        Malformed("a gzip file", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03], .binary, line: 1),
        Malformed("UTF-16 text", [0xFF, 0xFE, 0x31, 0x00, 0x2C, 0x00, 0x32, 0x00], .binary, line: 1),
        Malformed("tab-separated with a weight", "1\t2\t0.5\n", .malformedLine, line: 1),
    ])
    func malformedInput(_ c: Malformed) {
        #expect {
            try EdgeListImporter.parse(bytes: c.bytes, path: "graph.csv")
        } throws: { error in
            guard let error = error as? EdgeListError else { return false }
            return error.kind == c.kind && error.line == c.line && error.path == "graph.csv"
        }
    }

    @Test func messageNamesFileLineAndText() {
        #expect {
            try Self.parse("source,target\n1,2\n3453\n")
        } throws: { error in
            "\(error)" == "graph.csv:3: expected two node ids separated by a comma, tab or space, "
                + "found \"3453\""
        }
        #expect {
            try Self.parse("1,2\n2,3,4\n")
        } throws: { error in
            "\(error)" == "graph.csv:2: expected two node ids separated by a comma, tab or space, "
                + "found 3 fields in \"2,3,4\""
        }
        #expect {
            try Self.parse("source,target\r\n")
        } throws: { error in
            "\(error)" == "graph.csv: no edges: the file has only a header line"
        }
    }

    /// The same three edges (and one duplicate) written every accepted way.
    @Test(arguments: [
        "1,2\n2,3\n3,1\n1,2\n",
        "source,target\n1,2\n2,3\n3,1\n1,2\n",
        "\u{FEFF}source,target\n1,2\n2,3\n3,1\n1,2\n",
        "Source,Target\r\n1,2\r\n2,3\r\n3,1\r\n1,2\r\n",
        "1\t2\n2\t3\n3\t1\n1\t2",
        "  1   2 \n2 \t 3\n3 1\n1 2\n",
        "1 , 2\n2,3\n3,1\n1,2",
        "# a comment\n1,2\n\n  # indented comment\n2,3\n\n\n3,1\n1,2\n# last\n",
        "follower_id followee_id\n1 2\n2 3\n3 1\n1 2\n",
    ])
    func acceptedVariants(_ text: String) throws {
        let list = try Self.parse(text)
        #expect(list.nodeIDs == ["1", "2", "3"])
        #expect(list.sources == [0, 1, 2])
        #expect(list.targets == [1, 2, 0])
        #expect(list.droppedDuplicates == 1)
        #expect(list.droppedSelfLoops == 0)
    }

    @Test func namedNodes() throws {
        // "alice,bob" is not a header: nothing marks it as one.
        let list = try Self.parse("alice,bob\nbob,carol\ncarol,alice\nAlice,bob\n")
        #expect(list.nodeIDs == ["alice", "bob", "carol", "Alice"])
        #expect(list.sources == [0, 1, 2, 3])
        #expect(list.targets == [1, 2, 0, 1])
        // A usual column name marks a header among names too; UTF-8 names are kept as written.
        let named = try Self.parse("from,to\nzoë,李\n")
        #expect(named.nodeIDs == ["zoë", "李"])
        #expect(named.edgeCount == 1)
    }

    /// "007" and "7" are different strings, so different nodes; "7,7" is a self-loop.
    @Test func idsAreStrings() throws {
        let list = try Self.parse("007,7\n7,7\n7,007\n007,7\n")
        #expect(list.nodeIDs == ["007", "7"])
        #expect(list.edgeCount == 2)
        #expect(list.droppedSelfLoops == 1)
        #expect(list.droppedDuplicates == 1)
    }

    /// Twitter ids run to 19 digits: still integers, for header detection and the id table; longer
    /// ones are kept as names.
    @Test func longNumericIDs() throws {
        let list = try Self.parse("screen_a,screen_b\n1234567890123456789,98765432109876543210\n"
                                  + "98765432109876543210,1234567890123456789\n")
        #expect(list.nodeIDs == ["1234567890123456789", "98765432109876543210"])
        #expect(list.sources == [0, 1])
        #expect(list.targets == [1, 0])
    }

    /// Many numeric ids: the integer table grows past its first size and keeps every id.
    @Test func manyNumericIDs() throws {
        var text = ""
        for i in 0..<5_000 { text += "\(i * 7_919),\((i + 1) * 7_919)\n" }
        let list = try Self.parse(text)
        #expect(list.nodeCount == 5_001)
        #expect(list.edgeCount == 5_000)
        #expect(list.nodeIDs[4_321] == String(4_321 * 7_919))
        #expect(zip(list.sources, list.targets).allSatisfy { $0 + 1 == $1 })
    }

    /// Ids that do not fit 32 (or 64) bits are names like any other; only the count of distinct
    /// ids is limited (below 2^32).
    @Test func idsBeyond32Bits() throws {
        let list = try Self.parse("4294967296,4294967297\n4294967297,18446744073709551615\n"
                                  + "18446744073709551615,-1\n")
        #expect(list.nodeIDs == ["4294967296", "4294967297", "18446744073709551615", "-1"])
        #expect(list.edgeCount == 3)
    }

    /// Self-loops are dropped and counted; a file of nothing else gives a graph without edges.
    @Test func onlySelfLoops() throws {
        let list = try Self.parse("1,1\n2 2\n")
        #expect(list.edgeCount == 0)
        #expect(list.nodeCount == 2)
        #expect(list.droppedSelfLoops == 2)
    }

    /// Each line is split on its own: a comma line and a tab line mix; quotes are part of an id.
    @Test func mixedSeparatorsAndQuotes() throws {
        let list = try Self.parse("1,2\n2\t3\n3 1\n\"1\",2\n")
        #expect(list.nodeIDs == ["1", "2", "3", "\"1\""])
        #expect(list.edgeCount == 4)
    }
}
