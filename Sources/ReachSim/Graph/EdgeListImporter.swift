#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real follower network read from an edge-list file, its node names mapped to `0..<nodeCount`.
public struct ImportedEdgeList: Sendable, Equatable {
    /// Node names in order of first appearance in the file: node k is `nodeIDs[k]`.
    public var nodeIDs: [String]
    /// Edge k is `sources[k] → targets[k]` (information flows that way: the target follows the
    /// source). Sorted by source, then target; the file's order is not kept.
    public var sources: [UInt32]
    public var targets: [UInt32]
    /// Edges from a node to itself, left out.
    public var droppedSelfLoops: Int
    /// Repeats of an edge already read, left out.
    public var droppedDuplicates: Int

    public var nodeCount: Int { nodeIDs.count }
    public var edgeCount: Int { sources.count }

    /// The network placed onto agents: imported node k becomes agent `agents[k]`.
    ///
    /// - Parameters:
    ///   - agents: distinct agent ids, one per imported node (extra entries are ignored), each
    ///     below `totalAgents`.
    ///   - totalAgents: the graph's `nodeCount`; agents not in `agents` get no edges.
    public func graph(mappingNodesTo agents: [UInt32], totalAgents: Int) -> FollowerGraph {
        precondition(agents.count >= nodeCount,
                     "\(agents.count) agents for \(nodeCount) imported nodes")
        return FollowerGraph(nodeCount: totalAgents,
                             sources: sources.map { agents[Int($0)] },
                             targets: targets.map { agents[Int($0)] })
    }
}

/// Why an edge list could not be imported, with the file and 1-based line to point the user at.
public struct EdgeListError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        /// The file could not be opened or read; `message` is the system's reason.
        case unreadable
        /// A NUL byte or bytes that are not UTF-8.
        case binary
        /// A line that is not two node ids.
        case malformedLine
        /// No edge in the whole file.
        case noEdges
        /// More distinct node ids than 32-bit indices can number.
        case tooManyNodes
    }

    public var kind: Kind
    public var path: String
    /// 1-based line number, when one line is at fault.
    public var line: Int?
    public var message: String

    /// `PATH:LINE: message`, `PATH: message`, or `cannot read PATH: reason`.
    public var description: String {
        if kind == .unreadable { return "cannot read \(path): \(message)" }
        if let line { return "\(path):\(line): \(message)" }
        return "\(path): \(message)"
    }
}

/// Reads `source,target` edge lists such as the Twitter ego networks in `shared/data/`.
///
/// Format, line by line (UTF-8, optional byte-order mark, LF or CRLF endings, last newline
/// optional):
/// - two node ids separated by a comma (spaces around it allowed) or by spaces and tabs;
/// - blank lines and lines starting with `#` are skipped;
/// - the first line is a header when it is not two integers and either the next line is, or one
///   of its fields is a usual column name (`source`, `target`, `from`, `to`, `follower`, ...).
///   So `alice,bob` first in a file of names is an edge; `user_a,user_b` heading names is not
///   recognised and becomes an edge (rename such columns to `source,target`).
///
/// Node ids are arbitrary strings ("42", "042" and "alice" are three nodes). The bytes are parsed
/// directly: canonical decimal ids (the common case) are hashed as integers without building a
/// string, so a 10-million-line file takes a few seconds.
public enum EdgeListImporter {
    /// Reads and parses the file at `path` (see `parse(bytes:path:)`).
    public static func read(path: String) throws -> ImportedEdgeList {
        try parse(bytes: readFile(path), path: path)
    }

    /// Parses the bytes of an edge list; `path` only names the file in errors.
    public static func parse(bytes: [UInt8], path: String) throws -> ImportedEdgeList {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = EdgeListParser(text: buffer, path: path)
            return try parser.run()
        }
    }
}

/// The whole file, read with POSIX calls so that a failure carries the system's reason.
private func readFile(_ path: String) throws -> [UInt8] {
    func failure() -> EdgeListError {
        EdgeListError(kind: .unreadable, path: path, line: nil,
                      message: String(cString: strerror(errno)))
    }
    let fd = open(path, O_RDONLY)
    if fd < 0 { throw failure() }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) != 0 { throw failure() }
    var bytes = [UInt8]()
    bytes.reserveCapacity(Int(info.st_size) + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if got < 0 {
            if errno == EINTR { continue }
            throw failure()
        }
        if got == 0 { return bytes }
        bytes.append(contentsOf: chunk[0..<got])
    }
}

private let newline = UInt8(ascii: "\n")
private let comma = UInt8(ascii: ",")
private let hash = UInt8(ascii: "#")

@inline(__always)
private func isBlank(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C
}

/// Column names that mark a first line as a header even in a file of named nodes.
private let headerWords: Set<String> = [
    "source", "target", "src", "dst", "from", "to", "follower", "followers", "followee",
    "followed", "following", "friend", "user", "node", "node1", "node2", "id", "id1", "id2",
    "source_id", "target_id", "from_id", "to_id", "u", "v", "head", "tail",
]

/// One pass over the bytes; state for `EdgeListImporter.parse`.
private struct EdgeListParser {
    let text: UnsafeBufferPointer<UInt8>
    let path: String
    var numericIDs = IntegerIDTable()
    var namedIDs: [String: UInt32] = [:]
    var nodeIDs: [String] = []
    var sources: [UInt32] = []
    var targets: [UInt32] = []

    init(text: UnsafeBufferPointer<UInt8>, path: String) {
        self.text = text
        self.path = path
    }

    /// A line's content (without its end of line) and its 1-based number.
    struct Line {
        var start: Int
        var end: Int
        var number: Int
    }

    mutating func run() throws -> ImportedEdgeList {
        var start = 0
        if text.count >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF { start = 3 }
        try checkText(from: start)

        let lineCount = countNewlines(start, text.count) + 1
        sources.reserveCapacity(lineCount)
        targets.reserveCapacity(lineCount)

        var sawData = false
        var sawHeader = false
        var position = start
        var number = 1
        while let line = nextDataLine(from: &position, number: &number) {
            let (a, b) = try fields(of: line)
            if !sawData {
                sawData = true
                if isHeader(a, b, next: position, nextNumber: number) {
                    sawHeader = true
                    continue
                }
            }
            let u = try index(of: a, line: line)
            let v = try index(of: b, line: line)
            sources.append(u)
            targets.append(v)
        }

        if sources.isEmpty {
            let why = text.count == start ? "the file is empty"
                : sawHeader ? "the file has only a header line"
                : "the file has only blank or comment lines"
            throw EdgeListError(kind: .noEdges, path: path, line: nil, message: "no edges: \(why)")
        }
        let built = FollowerGraph.build(nodeCount: nodeIDs.count, sources: sources,
                                        targets: targets)
        sources = []
        targets = []
        let graph = built.graph
        var edgeSources = [UInt32](repeating: 0, count: graph.edgeCount)
        for u in 0..<graph.nodeCount {
            for k in graph.offsets[u]..<graph.offsets[u + 1] { edgeSources[k] = UInt32(u) }
        }
        return ImportedEdgeList(nodeIDs: nodeIDs, sources: edgeSources, targets: graph.targets,
                                droppedSelfLoops: built.droppedSelfLoops,
                                droppedDuplicates: built.droppedDuplicates)
    }

    /// Refuses binary files before parsing: a NUL byte or a byte sequence that is not UTF-8.
    func checkText(from start: Int) throws {
        guard let base = text.baseAddress, text.count > start else { return }
        if let nul = memchr(base + start, 0, text.count - start) {
            let offset = base.distance(to: nul.assumingMemoryBound(to: UInt8.self))
            throw EdgeListError(kind: .binary, path: path, line: lineNumber(at: offset),
                                message: "a NUL byte: this looks like a binary file, "
                                    + "not a text edge list")
        }
        // ASCII is valid UTF-8: check 8 bytes at a time for a high bit before decoding anything.
        var i = start
        let raw = UnsafeRawPointer(base)
        var firstHigh: Int? = nil
        while i + 8 <= text.count {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                break
            }
            i += 8
        }
        while i < text.count {
            if text[i] >= 0x80 { firstHigh = i; break }
            i += 1
        }
        guard let firstHigh, let bad = firstInvalidUTF8(from: firstHigh) else { return }
        let byte = String(text[bad], radix: 16, uppercase: true)
        throw EdgeListError(kind: .binary, path: path, line: lineNumber(at: bad),
                            message: "invalid UTF-8 (byte 0x\(byte)): this looks like a binary "
                                + "file or a text encoding other than UTF-8")
    }

    /// Offset of the first byte that does not start a valid UTF-8 sequence (overlong forms,
    /// surrogates and code points above U+10FFFF are invalid), or nil.
    func firstInvalidUTF8(from start: Int) -> Int? {
        var i = start
        let n = text.count
        while i < n {
            let c = text[i]
            if c < 0x80 { i += 1; continue }
            let need: Int, least: UInt32
            var scalar: UInt32
            switch c {
            case 0xC0...0xDF: need = 1; least = 0x80; scalar = UInt32(c & 0x1F)
            case 0xE0...0xEF: need = 2; least = 0x800; scalar = UInt32(c & 0x0F)
            case 0xF0...0xF7: need = 3; least = 0x10000; scalar = UInt32(c & 0x07)
            default: return i
            }
            if i + need >= n { return i }
            for k in 1...need {
                let d = text[i + k]
                if d & 0xC0 != 0x80 { return i }
                scalar = scalar << 6 | UInt32(d & 0x3F)
            }
            if scalar < least || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return i
            }
            i += need + 1
        }
        return nil
    }

    func countNewlines(_ from: Int, _ to: Int) -> Int {
        guard let base = text.baseAddress else { return 0 }
        var count = 0
        var i = from
        while i < to, let hit = memchr(base + i, Int32(newline), to - i) {
            count += 1
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return count
    }

    func lineNumber(at offset: Int) -> Int { countNewlines(0, offset) + 1 }

    /// The next line that is neither blank nor a comment, trimmed; advances past it.
    func nextDataLine(from position: inout Int, number: inout Int) -> Line? {
        guard let base = text.baseAddress else { return nil }
        while position < text.count {
            let lineNumber = number
            var end = text.count
            if let hit = memchr(base + position, Int32(newline), text.count - position) {
                end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            var s = position, e = end
            position = end + 1
            number += 1
            while s < e && isBlank(text[s]) { s += 1 }
            while e > s && isBlank(text[e - 1]) { e -= 1 }
            if s == e || text[s] == hash { continue }
            return Line(start: s, end: e, number: lineNumber)
        }
        return nil
    }

    /// The two fields of a trimmed line: split at a comma if it has one, else at spaces and tabs.
    func fields(of line: Line) throws -> (Range<Int>, Range<Int>) {
        if let split = splitFields(line) { return split }
        var count = 0
        if firstComma(line.start, line.end) != nil {
            for i in line.start..<line.end where text[i] == comma { count += 1 }
            count += 1
        } else {
            var inField = false
            for i in line.start..<line.end {
                let blank = isBlank(text[i])
                if !blank && !inField { count += 1 }
                inField = !blank
            }
        }
        let found = count == 1 ? quoted(line) : count == 2
            ? "an empty id in \(quoted(line))" : "\(count) fields in \(quoted(line))"
        throw EdgeListError(kind: .malformedLine, path: path, line: line.number,
                            message: "expected two node ids separated by a comma, tab or space, "
                                + "found \(found)")
    }

    func splitFields(_ line: Line) -> (Range<Int>, Range<Int>)? {
        if let c = firstComma(line.start, line.end) {
            if firstComma(c + 1, line.end) != nil { return nil }
            var aEnd = c, bStart = c + 1
            while aEnd > line.start && isBlank(text[aEnd - 1]) { aEnd -= 1 }
            while bStart < line.end && isBlank(text[bStart]) { bStart += 1 }
            if aEnd == line.start || bStart == line.end { return nil }
            return (line.start..<aEnd, bStart..<line.end)
        }
        var aEnd = line.start
        while aEnd < line.end && !isBlank(text[aEnd]) { aEnd += 1 }
        var bStart = aEnd
        while bStart < line.end && isBlank(text[bStart]) { bStart += 1 }
        if bStart == line.end { return nil }
        for i in bStart..<line.end where isBlank(text[i]) { return nil }
        return (line.start..<aEnd, bStart..<line.end)
    }

    func firstComma(_ from: Int, _ to: Int) -> Int? {
        guard let base = text.baseAddress, from < to,
              let hit = memchr(base + from, Int32(comma), to - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The line in quotes for a message, shortened past 60 bytes.
    func quoted(_ line: Line) -> String {
        let end = min(line.end, line.start + 60)
        let shown = String(decoding: UnsafeBufferPointer(rebasing: text[line.start..<end]),
                           as: UTF8.self)
        return "\"\(shown)\(end < line.end ? "…" : "")\""
    }

    func string(_ field: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[field]), as: UTF8.self)
    }

    /// Whether a field is all ASCII digits (of any length).
    func isInteger(_ field: Range<Int>) -> Bool {
        field.allSatisfy { text[$0] &- UInt8(ascii: "0") <= 9 }
    }

    /// Value of a canonical decimal field ("0", "42"; not "042"), at most 19 digits so that it
    /// fits in 64 bits; nil for anything else. Canonical decimals are exactly the strings that
    /// integers print as, so keying them by value keeps distinct strings distinct nodes.
    func canonicalInteger(_ field: Range<Int>) -> UInt64? {
        if field.count > 19 || (field.count > 1 && text[field.lowerBound] == UInt8(ascii: "0")) {
            return nil
        }
        var value: UInt64 = 0
        for i in field {
            let d = text[i] &- UInt8(ascii: "0")
            if d > 9 { return nil }
            value = value * 10 + UInt64(d)
        }
        return value
    }

    /// Whether the first data line, with fields `a` and `b`, names the columns.
    func isHeader(_ a: Range<Int>, _ b: Range<Int>, next: Int, nextNumber: Int) -> Bool {
        if isInteger(a) && isInteger(b) { return false }
        var position = next, number = nextNumber
        if let line = nextDataLine(from: &position, number: &number),
           let (c, d) = splitFields(line), isInteger(c), isInteger(d) {
            return true
        }
        return headerWords.contains(string(a).lowercased())
            || headerWords.contains(string(b).lowercased())
    }

    /// The dense index of a node id, assigning the next one to a new id.
    mutating func index(of field: Range<Int>, line: Line) throws -> UInt32 {
        let next = UInt32(truncatingIfNeeded: nodeIDs.count)
        var name: String? = nil
        let index: UInt32
        if let value = canonicalInteger(field) {
            index = numericIDs.index(of: value, orInsert: next)
        } else {
            let key = string(field)
            index = namedIDs[key] ?? next
            name = key
        }
        if index == next {
            // FollowerGraph numbers nodes below UInt32.max.
            if nodeIDs.count >= Int(UInt32.max) - 1 {
                throw EdgeListError(kind: .tooManyNodes, path: path, line: line.number,
                                    message: "more than \(UInt32.max - 1) distinct node ids")
            }
            let id = name ?? string(field)
            if name != nil { namedIDs[id] = next }
            nodeIDs.append(id)
        }
        return index
    }
}

/// Open-addressing hash table (linear probing, load below 3/4) from integer node ids to dense
/// indices: 12 bytes a slot, 16 to 24 per id. Each lookup is one likely cache miss, as with
/// `Dictionary`, but without generic hashing: a 10-million-line import with a million distinct ids
/// takes about 3 s against 4.2 s with `Dictionary<UInt64, UInt32>` (release build).
private struct IntegerIDTable {
    private static let empty = UInt64.max  // 20 digits: never a key (they have at most 19)
    private var keys = [UInt64](repeating: IntegerIDTable.empty, count: 1024)
    private var values = [UInt32](repeating: 0, count: 1024)
    private var count = 0
    private var shift: UInt64 = 64 - 10  // 64 - log2(capacity): Fibonacci hashing, top bits

    @inline(__always)
    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The index stored for `key`, or `newIndex` after storing it.
    mutating func index(of key: UInt64, orInsert newIndex: UInt32) -> UInt32 {
        if 4 * (count + 1) > 3 * keys.count { grow() }
        let mask = keys.count - 1
        var i = home(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == Self.empty {
                keys[i] = key
                values[i] = newIndex
                count += 1
                return newIndex
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: Self.empty, count: 2 * oldKeys.count)
        values = [UInt32](repeating: 0, count: 2 * oldKeys.count)
        shift -= 1
        let mask = keys.count - 1
        for j in 0..<oldKeys.count where oldKeys[j] != Self.empty {
            var i = home(oldKeys[j])
            while keys[i] != Self.empty { i = (i + 1) & mask }
            keys[i] = oldKeys[j]
            values[i] = oldValues[j]
        }
    }
}
