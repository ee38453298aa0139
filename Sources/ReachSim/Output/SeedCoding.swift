/// A seed in JSON (`manifest.json`, a shard's or checkpoint's plan): a *string* of decimal digits,
/// `"seed": "18446744073709551615"`, because JSON numbers are read as doubles by most tools and
/// lose the seeds above 2^53.
extension KeyedEncodingContainer {
    mutating func encodeSeed(_ seed: UInt64, forKey key: Key) throws {
        try encode(String(seed), forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// - Throws: `DecodingError.dataCorrupted` when the string is not a decimal `UInt64`.
    func decodeSeed(forKey key: Key) throws -> UInt64 {
        let text = try decode(String.self, forKey: key)
        guard let seed = UInt64(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self,
                debugDescription: "seed \"\(text)\" is not a decimal integer in 0...\(UInt64.max)")
        }
        return seed
    }
}
