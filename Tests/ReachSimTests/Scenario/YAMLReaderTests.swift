import Foundation
import Testing
@testable import ReachSim

/// A miniature scenario schema that reads every field through the YAML layer, as the real
/// decoder does. Errors in the table below come from here.
private enum Ranking: String, CaseIterable { case ranked, chronological }

private struct Demo {
    var name: String?
    var seed: UInt64?
    var replicates = 0
    var dryRun = false
    var platforms: [String] = []
    var visibility: [String: Double] = [:]
    var ranking: [String: Ranking] = [:]
    var size: Int?
    var segments: [(name: String, share: Double)] = []
}

private func readDemo(_ root: YAMLValue) throws(ScenarioError) -> Demo {
    var demo = Demo()
    let top = try root.mapping(allowedKeys: ["name", "seed", "replicates", "dry_run", "platforms", "audience"])
    demo.name = try top.value("name")?.string()
    demo.seed = try top.value("seed")?.uint64()
    demo.replicates = try top.require("replicates").int(in: 1...1000)
    demo.dryRun = try top.value("dry_run")?.bool() ?? false
    if let platforms = try top.value("platforms")?.mapping(allowedKeys: ["facebook", "instagram"]) {
        for entry in platforms.entries {
            demo.platforms.append(entry.key)
            let platform = try entry.value.mapping(allowedKeys: ["feed", "daily_users"])
            _ = try platform.value("daily_users")?.int(in: 0...Int.max)
            if let feed = try platform.value("feed")?.mapping(allowedKeys: ["base_visibility", "ranking"]) {
                demo.visibility[entry.key] = try feed.value("base_visibility")?.double(in: 0...1, unit: "a probability")
                demo.ranking[entry.key] = try feed.value("ranking")?.choice(Ranking.self)
            }
        }
    }
    if let audience = try top.value("audience")?.mapping(allowedKeys: ["size", "segments"]) {
        demo.size = try audience.value("size")?.int(in: 1...10_000_000)
        for item in try audience.value("segments")?.list() ?? [] {
            let segment = try item.mapping(allowedKeys: ["name", "share"])
            demo.segments.append((try segment.require("name").string(),
                                  try segment.require("share").double(in: 0...1, unit: "a probability")))
        }
    }
    return demo
}

private func read(_ yaml: String) throws(ScenarioError) -> Demo {
    try readDemo(YAMLValue.parse(yaml, file: "t.yaml"))
}

/// The error a text produces, or a note that it produced none.
private func errorText(_ yaml: String) -> String {
    do {
        _ = try read(yaml)
        return "(no error)"
    } catch {
        return error.description
    }
}

struct ErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let expected: String
    var testDescription: String { name }
}

private let errorCases: [ErrorCase] = [
    ErrorCase(name: "unclosed bracket", yaml: """
        replicates: 10
        platforms: [facebook, instagram
        audience:
          size: 5
        """,
        expected: "t.yaml:3:9: syntax error: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 2, column 12)"),
    ErrorCase(name: "bad indentation", yaml: """
        replicates: 10
        audience:
          size: 5
         segments: []
        """,
        expected: "t.yaml:4:2: syntax error: did not find expected key (while parsing a block mapping that starts at line 1, column 1); check the indentation"),
    ErrorCase(name: "tab indentation", yaml: "replicates: 10\naudience:\n\tsize: 5\n",
        expected: "t.yaml:3:1: syntax error: found character that cannot start any token; tabs cannot indent YAML, use spaces"),
    ErrorCase(name: "unterminated quote", yaml: "name: \"museum\nreplicates: 10\n",
        expected: "t.yaml:3:1: syntax error: found unexpected end of stream (while scanning a quoted scalar that starts at line 1, column 7)"),
    ErrorCase(name: "text where a number is expected", yaml: "replicates: many\n",
        expected: "t.yaml:1:13: replicates: expected a whole number in 1...1000, found the text 'many'"),
    ErrorCase(name: "quoted number", yaml: "replicates: \"10\"\n",
        expected: "t.yaml:1:13: replicates: expected a whole number in 1...1000, found the quoted text '10'"),
    ErrorCase(name: "list where a mapping is expected", yaml: "replicates: 10\naudience:\n  - size: 5\n",
        expected: "t.yaml:3:3: audience: expected a mapping of keys, found a list"),
    ErrorCase(name: "number where a mapping is expected", yaml: "replicates: 10\naudience: 3\n",
        expected: "t.yaml:2:11: audience: expected a mapping of keys, found the number 3"),
    ErrorCase(name: "mapping where a list is expected", yaml: "replicates: 10\naudience:\n  segments:\n    name: young\n",
        expected: "t.yaml:4:5: audience.segments: expected a list, found a mapping"),
    ErrorCase(name: "empty list", yaml: "replicates: 10\naudience:\n  segments: []\n",
        expected: "t.yaml:3:13: audience.segments: expected at least one item, found an empty list"),
    ErrorCase(name: "unknown key with suggestion", yaml: """
        replicates: 10
        platforms:
          facebook:
            feed:
              base_visiblity: 0.2
        """,
        expected: "t.yaml:5:7: platforms.facebook.feed.base_visiblity: unknown key 'base_visiblity'; did you mean 'base_visibility'?"),
    ErrorCase(name: "unknown key, no close match", yaml: "replicates: 10\naudience:\n  colour: red\n",
        expected: "t.yaml:3:3: audience.colour: unknown key 'colour'; allowed keys: size, segments"),
    ErrorCase(name: "unknown platform name with suggestion", yaml: "replicates: 10\nplatforms:\n  instagarm: {}\n",
        expected: "t.yaml:3:3: platforms.instagarm: unknown key 'instagarm'; did you mean 'instagram'?"),
    ErrorCase(name: "duplicate key", yaml: "replicates: 10\nname: a\nreplicates: 20\n",
        expected: "t.yaml:3:1: replicates: duplicate key 'replicates' (first at line 1)"),
    ErrorCase(name: "duplicate nested key, three times", yaml: """
        replicates: 10
        audience:
          size: 5
          segments:
            - name: a
              share: 0.5
              share: 0.6
              share: 0.7
        """,
        expected: "t.yaml:7:7: audience.segments[0].share: duplicate key 'share' (first at line 6)"),
    ErrorCase(name: "duplicate key in a flow mapping", yaml: "replicates: 10\nplatforms: {facebook: {}, facebook: {}}\n",
        expected: "t.yaml:2:27: platforms.facebook: duplicate key 'facebook' (first at column 13)"),
    ErrorCase(name: "duplicate key, quoted and plain", yaml: "replicates: 10\n\"replicates\": 20\n",
        expected: "t.yaml:2:1: replicates: duplicate key 'replicates' (first at line 1)"),
    ErrorCase(name: "duplicate key before a later syntax error", yaml: "audience:\n  size: 1\n  size: 2\nname: [\n",
        expected: "t.yaml:2:3: duplicate key 'size': it appears again later in the same mapping"),
    ErrorCase(name: "syntax error inside a mapping with a duplicate", yaml: "replicates: 10\nreplicates: 20\nname: [\n",
        expected: "t.yaml:4:1: syntax error: did not find expected node content"),
    ErrorCase(name: "two duplicated keys: the earlier one is reported", yaml: "replicates: 1\nz: 1\nz: 2\na: 1\na: 2\n",
        expected: "t.yaml:3:1: z: duplicate key 'z' (first at line 2)"),
    ErrorCase(name: "probability out of range", yaml: """
        replicates: 10
        platforms:
          facebook:
            feed:
              base_visibility: 1.5
        """,
        expected: "t.yaml:5:24: platforms.facebook.feed.base_visibility: 1.5 is out of range: allowed 0...1 (a probability)"),
    ErrorCase(name: "nan", yaml: "replicates: 10\nplatforms:\n  facebook:\n    feed: {base_visibility: .nan}\n",
        expected: "t.yaml:4:29: platforms.facebook.feed.base_visibility: .nan is not a finite number: allowed 0...1 (a probability)"),
    ErrorCase(name: "infinity as a count", yaml: "replicates: .inf\n",
        expected: "t.yaml:1:13: replicates: .inf is not a finite number: allowed 1...1000"),
    ErrorCase(name: "negative count", yaml: "replicates: 10\nplatforms:\n  facebook:\n    daily_users: -300\n",
        expected: "t.yaml:4:18: platforms.facebook.daily_users: -300 is out of range: allowed >= 0"),
    ErrorCase(name: "whole number given 2.5", yaml: "replicates: 2.5\n",
        expected: "t.yaml:1:13: replicates: expected a whole number in 1...1000, found 2.5"),
    ErrorCase(name: "int overflowing Int", yaml: "replicates: 1000000000000000000000000000000\n",
        expected: "t.yaml:1:13: replicates: 1000000000000000000000000000000 is out of range: allowed 1...1000"),
    ErrorCase(name: "exponent beyond Int", yaml: "replicates: 1e30\n",
        expected: "t.yaml:1:13: replicates: 1e30 is out of range: allowed 1...1000"),
    ErrorCase(name: "exponent beyond Double", yaml: "replicates: 10\nplatforms: {facebook: {feed: {base_visibility: 1e400}}}\n",
        expected: "t.yaml:2:48: platforms.facebook.feed.base_visibility: 1e400 is out of range: allowed 0...1 (a probability)"),
    ErrorCase(name: "hex number", yaml: "replicates: 0x10\n",
        expected: "t.yaml:1:13: replicates: expected a whole number in 1...1000, found 0x10 (write it in decimal digits)"),
    ErrorCase(name: "bool given yes", yaml: "replicates: 10\ndry_run: yes\n",
        expected: "t.yaml:2:10: dry_run: expected true or false, found 'yes'"),
    ErrorCase(name: "count given a bool", yaml: "replicates: true\n",
        expected: "t.yaml:1:13: replicates: expected a whole number in 1...1000, found 'true'"),
    ErrorCase(name: "count left empty", yaml: "replicates:\nname: x\n",
        expected: "t.yaml:1:12: replicates: expected a whole number in 1...1000, found an empty value"),
    ErrorCase(name: "missing required key", yaml: "name: museum\nseed: 1\n",
        expected: "t.yaml:1:1: missing required key 'replicates'"),
    ErrorCase(name: "missing required nested key", yaml: "replicates: 10\naudience:\n  segments:\n    - name: a\n      share: 1\n    - name: b\n",
        expected: "t.yaml:6:7: audience.segments[1]: missing required key 'share'"),
    ErrorCase(name: "empty document", yaml: "",
        expected: "t.yaml:1:1: the document is empty: expected YAML content"),
    ErrorCase(name: "comments only", yaml: "# nothing yet\n",
        expected: "t.yaml:1:1: the document is empty: expected YAML content"),
    ErrorCase(name: "two documents", yaml: "replicates: 10\n---\nreplicates: 20\n",
        expected: "t.yaml:2:1: a second YAML document starts here; a file holds exactly one"),
    ErrorCase(name: "unknown enum value with suggestion", yaml: "replicates: 10\nplatforms: {facebook: {feed: {ranking: chronologic}}}\n",
        expected: "t.yaml:2:40: platforms.facebook.feed.ranking: unknown value 'chronologic'; did you mean 'chronological'? allowed: ranked, chronological"),
    ErrorCase(name: "unknown enum value, no close match", yaml: "replicates: 10\nplatforms: {facebook: {feed: {ranking: random}}}\n",
        expected: "t.yaml:2:40: platforms.facebook.feed.ranking: unknown value 'random'; allowed: ranked, chronological"),
    ErrorCase(name: "seed beyond 64 bits", yaml: "seed: 18446744073709551616\nreplicates: 1\n",
        expected: "t.yaml:1:7: seed: 18446744073709551616 is out of range: allowed 0...18446744073709551615"),
    ErrorCase(name: "negative seed", yaml: "seed: -1\nreplicates: 1\n",
        expected: "t.yaml:1:7: seed: -1 is out of range: allowed 0...18446744073709551615"),
    ErrorCase(name: "merge key refused", yaml: """
        replicates: 10
        platforms:
          facebook:
            feed: &feed {base_visibility: 0.2}
          instagram:
            feed:
              <<: *feed
              ranking: ranked
        """,
        expected: "t.yaml:7:7: platforms.instagram.feed: merge keys (<<) are not supported; write the keys out"),
    ErrorCase(name: "error inside an alias names the alias", yaml: """
        replicates: 10
        platforms:
          facebook:
            feed: &feed {base_visibility: 2}
          instagram:
            feed: *feed
        """,
        expected: "t.yaml:4:35: platforms.facebook.feed.base_visibility: 2 is out of range: allowed 0...1 (a probability)"),
    ErrorCase(name: "undefined alias", yaml: "replicates: *count\n",
        expected: "t.yaml:1:13: alias '*count' refers to no anchor (&name) defined before it"),
    ErrorCase(name: "unsupported tag", yaml: "replicates: !count 10\n",
        expected: "t.yaml:1:13: replicates: the tag '!count' is not supported; remove it"),
    ErrorCase(name: "!!str where a number is expected", yaml: "replicates: !!str 10\n",
        expected: "t.yaml:1:13: replicates: expected a whole number in 1...1000, found the text '10'"),
    ErrorCase(name: "null where text is expected", yaml: "replicates: 1\nname: null\n",
        expected: "t.yaml:2:7: name: expected text, found 'null', which YAML reads as an empty value; write \"null\" in quotes to mean the word"),
    ErrorCase(name: "control character", yaml: "replicates: 1\nname: caf\u{1}e\n",
        expected: "t.yaml:2:10: invalid character: control characters are not allowed"),
    ErrorCase(name: "windows line endings", yaml: "replicates: 1\r\naudience:\r\n  size: 0\r\n",
        expected: "t.yaml:3:9: audience.size: 0 is out of range: allowed 1...10000000"),
    ErrorCase(name: "binary tag", yaml: "replicates: 1\nname: !!binary aGVsbG8=\n",
        expected: "t.yaml:2:7: name: the tag '!!binary' is not supported; remove it"),
    ErrorCase(name: "list item of the wrong kind", yaml: "replicates: 1\naudience:\n  segments:\n    - young\n",
        expected: "t.yaml:4:7: audience.segments[0]: expected a mapping of keys, found the text 'young'"),
]

@Suite struct YAMLReaderErrorTests {
    @Test(arguments: errorCases)
    func errorMessage(_ testCase: ErrorCase) {
        #expect(errorText(testCase.yaml) == testCase.expected)
    }

    /// Only the instagram copy of an aliased value is bad: the error points at the anchored text and
    /// says which alias led there.
    @Test func errorThroughAliasSaysSo() {
        let yaml = """
            replicates: 10
            platforms:
              facebook:
                feed: &feed {base_visibility: 0.2, ranking: rankd}
            """
        #expect(errorText(yaml) == "t.yaml:4:49: platforms.facebook.feed.ranking: unknown value 'rankd'; did you mean 'ranked'? allowed: ranked, chronological")
        let root = try! YAMLValue.parse("""
            shared: &s {ranking: rankd}
            facebook:
              feed: *s
            """, file: "t.yaml")
        let feed = try! root.mapping().require("facebook").mapping().require("feed")
        #expect(feed.keyPath == "facebook.feed")
        #expect((feed.line, feed.column) == (1, 9))
        let message = #expect(throws: ScenarioError.self) {
            try feed.mapping(allowedKeys: ["ranking"]).require("ranking").choice(Ranking.self)
        }
        #expect(message?.description == "t.yaml:1:22: facebook.feed.ranking: unknown value 'rankd'; did you mean 'ranked'? allowed: ranked, chronological (reached through the alias under 'feed' at line 3)")
    }

    @Test func aliasedListItemIsMarked() throws {
        let root = try YAMLValue.parse("segments: [&a {share: 2}, *a]\n", file: "t.yaml")
        let items = try root.mapping().require("segments").list()
        let first = #expect(throws: ScenarioError.self) { try items[0].mapping().require("share").double(in: 0...1) }
        let second = #expect(throws: ScenarioError.self) { try items[1].mapping().require("share").double(in: 0...1) }
        #expect(first?.description == "t.yaml:1:23: segments[0].share: 2 is out of range: allowed 0...1")
        #expect(second?.description == "t.yaml:1:23: segments[1].share: 2 is out of range: allowed 0...1 (reached through the alias at segments[1])")
    }

    @Test func missingFile() {
        let error = #expect(throws: ScenarioError.self) { try YAMLValue.load(path: "/nonexistent/museum.yaml") }
        #expect(error?.description == "/nonexistent/museum.yaml: cannot read: No such file or directory")
        #expect(error?.line == nil)
    }

    @Test func directoryInsteadOfFile() {
        let error = #expect(throws: ScenarioError.self) { try YAMLValue.load(path: NSTemporaryDirectory()) }
        #expect(error?.message == "cannot read: Is a directory")
    }

    @Test func notUTF8() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reachsim-latin1-\(UUID()).yaml")
        try Data("replicates: 1\nname: caf\u{E9}\n".data(using: .isoLatin1)!).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: ScenarioError.self) { try YAMLValue.load(path: url.path) }
        #expect(error?.description == "\(url.path):2: cannot read: the file is not UTF-8 text")
    }
}

@Suite struct YAMLReaderValueTests {
    @Test func readsAFullDocument() throws {
        let demo = try read("""
            name: no
            seed: 18446744073709551615
            replicates: 1_000
            dry_run: true
            platforms:
              instagram:
                daily_users: 40_000
                feed: {base_visibility: 1, ranking: chronological}
              facebook:
                feed:
                  base_visibility: 0.05
            audience:
              size: 1e6
              segments:
                - name: off
                  share: 0.25
                - {name: '007', share: 75e-2}
            """)
        #expect(demo.name == "no")
        #expect(demo.seed == UInt64.max)
        #expect(demo.replicates == 1000)
        #expect(demo.dryRun)
        #expect(demo.platforms == ["instagram", "facebook"])  // file order
        #expect(demo.visibility == ["instagram": 1, "facebook": 0.05])
        #expect(demo.ranking == ["instagram": .chronological])
        #expect(demo.size == 1_000_000)
        #expect(demo.segments.map(\.name) == ["off", "007"])
        #expect(demo.segments.map(\.share) == [0.25, 0.75])
    }

    @Test(arguments: [("40000", 40_000), ("40_000", 40_000), ("+7", 7), ("010", 10), ("1e15", 1_000_000_000_000_000),
                      ("-9223372036854775808", Int.min), ("9223372036854775807", Int.max), ("3.0", 3)])
    func integers(_ text: String, _ value: Int) throws {
        #expect(try YAMLValue.parse("n: \(text)", file: "t.yaml").mapping().require("n").int(in: .min ... .max) == value)
    }

    @Test func seedsAreExact() throws {
        func seed(_ text: String) throws -> UInt64 {
            try YAMLValue.parse("seed: \(text)", file: "t.yaml").mapping().require("seed").uint64()
        }
        #expect(try seed("18446744073709551615") == UInt64.max)
        #expect(try seed("9007199254740993") == 9_007_199_254_740_993)  // 2^53 + 1: not a Double
        #expect(try seed("0") == 0)
        #expect(try seed("-0") == 0)
        #expect(try seed("1e3") == 1000)
        #expect(throws: ScenarioError.self) { try seed("1e19") }
    }

    @Test func yesNoOnOffStayText() throws {
        let m = try YAMLValue.parse("a: no\nb: yes\nc: off\nd: On\ne: 2024-05-01\n", file: "t.yaml").mapping()
        #expect(try m.keys.map { try m.require($0).string() } == ["no", "yes", "off", "On", "2024-05-01"])
    }

    @Test func booleans() throws {
        let m = try YAMLValue.parse("a: true\nb: False\nc: TRUE\n", file: "t.yaml").mapping()
        #expect(try m.keys.map { try m.require($0).bool() } == [true, false, true])
    }

    @Test func keysAreTextEvenWhenTheyLookLikeOtherThings() throws {
        let m = try YAMLValue.parse("no: 1\n2024: 2\n~x: 3\n", file: "t.yaml").mapping()
        #expect(m.keys == ["no", "2024", "~x"])
    }

    @Test func aliasesReadTransparently() throws {
        let demo = try read("""
            replicates: 10
            platforms:
              facebook:
                feed: &feed {base_visibility: 0.3, ranking: ranked}
              instagram:
                feed: *feed
            """)
        #expect(demo.visibility == ["facebook": 0.3, "instagram": 0.3])
        #expect(demo.ranking == ["facebook": .ranked, "instagram": .ranked])
    }

    @Test func standardTagsDoNotCrash() throws {
        let m = try YAMLValue.parse("a: !!str 12\nb: !!int 12\nc: !!float 1.5\nd: ! 12\ne: !!bool true\n", file: "t.yaml").mapping()
        #expect(try m.require("a").string() == "12")
        #expect(try m.require("b").int(in: 0...100) == 12)
        #expect(try m.require("c").double(in: 0...2) == 1.5)
        #expect(try m.require("d").string() == "12")
        #expect(try m.require("e").bool())
    }

    @Test func openRangesInMessages() throws {
        let m = try YAMLValue.parse("a: -1\nb: 1e400\n", file: "t.yaml").mapping()
        let low = #expect(throws: ScenarioError.self) { try m.require("a").double(in: 0 ... .infinity, unit: "posts per day") }
        #expect(low?.message == "-1 is out of range: allowed >= 0 (posts per day)")
        let high = #expect(throws: ScenarioError.self) { try m.require("b").double(in: -.infinity ... .infinity) }
        #expect(high?.message == "1e400 is out of range: allowed any finite number")
        let small = #expect(throws: ScenarioError.self) { try m.require("a").int(in: .min ... -5) }
        #expect(small?.message == "-1 is out of range: allowed <= -5")
    }

    @Test func loadsAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reachsim-\(UUID()).yaml")
        try "replicates: 12\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let root = try YAMLValue.load(path: url.path)
        #expect(root.file == url.path)
        #expect(try readDemo(root).replicates == 12)
    }
}

@Suite struct YAMLReaderPositionTests {
    /// `a.b[1].c`: keys join with dots, list items take their index.
    @Test func keyPathsNest() throws {
        let root = try YAMLValue.parse("""
            a:
              b:
                - c: 1
                - c: 2
                  d: [x, y]
            """, file: "t.yaml")
        let items = try root.mapping().require("a").mapping().require("b").list()
        let second = try items[1].mapping()
        let c = try second.require("c")
        #expect(c.keyPath == "a.b[1].c")
        #expect((c.line, c.column) == (4, 10))
        let y = try second.require("d").list()[1]
        #expect(y.keyPath == "a.b[1].d[1]")
        #expect(y.error("bad").description == "t.yaml:5:14: a.b[1].d[1]: bad")
        #expect(items[1].keyPath == "a.b[1]")
        #expect(root.keyPath == "")
    }

    @Test func entriesKeepKeyPositions() throws {
        let m = try YAMLValue.parse("platforms:\n  facebook: {}\n  tiktok: {}\n", file: "t.yaml").mapping().require("platforms").mapping()
        let tiktok = try #require(m.entry("tiktok"))
        #expect((tiktok.keyLine, tiktok.keyColumn) == (3, 3))
        #expect(tiktok.keyError("platform 'tiktok' is not simulated yet").description
                == "t.yaml:3:3: platforms.tiktok: platform 'tiktok' is not simulated yet")
        #expect(tiktok.value.keyPath == "platforms.tiktok")
    }

    @Test func keysWithDotsAreQuotedInPaths() throws {
        let m = try YAMLValue.parse("\"a.b\": {c: 1}\n", file: "t.yaml").mapping()
        #expect(try m.require("a.b").mapping().require("c").keyPath == "\"a.b\".c")
    }

    @Test func descriptionLeavesOutWhatIsUnknown() {
        #expect(ScenarioError(file: "f.yaml", message: "cannot read: x").description == "f.yaml: cannot read: x")
        #expect(ScenarioError(file: "f.yaml", line: 3, message: "m").description == "f.yaml:3: m")
        #expect(ScenarioError(file: "f.yaml", line: 3, column: 4, keyPath: "a.b", message: "m").description == "f.yaml:3:4: a.b: m")
    }
}

@Suite struct SuggestionTests {
    @Test func distances() {
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("chronologcial", "chronological") == 1)  // one swap
        #expect(editDistance("Ranked", "ranked") == 0)
        #expect(editDistance("", "abc") == 3)
    }

    @Test func nearestOnlyWhenClose() {
        #expect(nearest("base_visiblity", among: ["ranking", "base_visibility"]) == "base_visibility")
        #expect(nearest("chronologic", among: ["ranked", "chronological"]) == "chronological")
        #expect(nearest("Ranked", among: ["ranked"]) == "ranked")
        #expect(nearest("colour", among: ["size", "segments"]) == nil)
        #expect(nearest("ab", among: ["xy"]) == nil)
        #expect(nearest("sead", among: ["seed", "feed"]) == "seed")  // ties go to the first
    }
}
