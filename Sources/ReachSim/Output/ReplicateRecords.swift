import Foundation

/// The binary form of raw per-replicate results, shared by shard outputs (`replicates.bin`) and
/// checkpoints: exact doubles, so a merge or a resume reproduces the bytes of an uninterrupted
/// single-machine run.
///
/// Layout (little-endian): the 8-byte magic `RSREPL1\n`, then records, each a `UInt64` unit
/// number, a `UInt64` value count n, and n IEEE-754 doubles (NaN payloads kept). A unit is one
/// replicate of one simulation of a `ReplicatePlan` (unit = simulation × replicates + replicate).
/// A record cut short at the end of the file (a run killed while appending) is not a record.
public enum ReplicateRecords {
    public static let magic: [UInt8] = Array("RSREPL1\n".utf8)

    /// One record's bytes.
    static func encode(unit: Int, values: UnsafeBufferPointer<Double>) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(16 + 8 * values.count)
        append(UInt64(unit), to: &bytes)
        append(UInt64(values.count), to: &bytes)
        for v in values { append(v.bitPattern, to: &bytes) }
        return bytes
    }

    private static func append(_ x: UInt64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: x.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Calls `body` with each record of `bytes` in file order; returns how many bytes the magic
    /// and the whole records span: less than `bytes.count` when the last record is cut short.
    ///
    /// - Throws: `ReplicateRecordsError` when the magic is wrong (not such a file), or what
    ///   `body` throws.
    @discardableResult
    static func forEach(in bytes: [UInt8], file: String, _ body: (_ unit: Int, _ values: [Double]) throws -> Void) throws -> Int {
        guard bytes.starts(with: magic) else {
            throw ReplicateRecordsError("\(file): not a ReachSim replicates file (it does not start with \"RSREPL1\")")
        }
        return try bytes.withUnsafeBytes { raw in
            func word(_ at: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
            var offset = magic.count
            while offset + 16 <= raw.count {
                let unit = word(offset), count = word(offset + 8)
                guard unit < UInt64(Int32.max), count <= UInt64((raw.count - offset - 16) / 8) else { break }
                let n = Int(count)
                let values = (0..<n).map { Double(bitPattern: word(offset + 16 + 8 * $0)) }
                try body(Int(unit), values)
                offset += 16 + 8 * n
            }
            return offset
        }
    }
}

/// A replicates file or checkpoint that cannot be used.
public struct ReplicateRecordsError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ message: String) { description = message }
}
