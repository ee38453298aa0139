import Foundation

/// One file to import, read into memory: a CSV table or a JSON document.
public struct ExportInput: @unchecked Sendable {
    public enum Content {
        case table(ExportTable)
        /// A parsed JSON document (`JSONSerialization` values: arrays, dictionaries, strings,
        /// numbers, `NSNull`).
        case json(Any)
    }

    /// The file as the user named it; an entry of a zip is `archive.zip/entry.csv`.
    public var path: String
    public var content: Content

    /// Reads `bytes` as JSON when the first character that is not a space is `[` or `{` and it
    /// parses as JSON, else as CSV.
    ///
    /// - Throws: `ImportError` for text in no known encoding.
    public init(bytes: [UInt8], path: String) throws {
        self.path = path
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        if start < bytes.count, bytes[start] == UInt8(ascii: "[") || bytes[start] == UInt8(ascii: "{") {
            do {
                let value = try JSONSerialization.jsonObject(with: Data(bytes[start...]), options: [.fragmentsAllowed])
                content = .json(value)
                return
            } catch {
                throw ImportError(file: path, message: "not valid JSON (\(Self.reason(error))): a saved API page must be the JSON the API returned")
            }
        }
        content = .table(try ExportTable(bytes: bytes, path: path))
    }

    /// The JSON parser's own reason, without Foundation's decoration.
    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let detail = ns.userInfo["NSDebugDescription"] as? String { return detail }
        return ns.localizedDescription
    }
}
