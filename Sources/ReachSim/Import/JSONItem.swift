import Foundation

/// One object of a saved API response, read with errors that name the file and the key path
/// (`[3].favourites_count`). JSON gives no line numbers here: `source_line` of a JSON post is
/// its 1-based position in the file's list of posts.
struct JSONItem {
    let object: [String: Any]
    let path: String
    let file: String
    let position: Int

    func error(_ key: String, _ message: String) -> ImportError {
        ImportError(file: file, field: path + "." + key, message: message)
    }

    func string(_ key: String) throws -> String {
        guard let value = object[key] else { throw error(key, "missing: expected a string") }
        guard let s = value as? String, !s.isEmpty else { throw error(key, "expected a non-empty string, found \(JSONShape.describe(value))") }
        return s
    }

    func optionalString(_ key: String) -> String? { object[key] as? String }

    /// A count: a JSON integer of at least 0; `nil` when the key is absent or null.
    func count(_ key: String) throws -> Int? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard !(value is String), let n = value as? NSNumber,
              n.doubleValue >= 0, n.doubleValue < 1e15, n.doubleValue == n.doubleValue.rounded() else {
            throw error(key, "expected a whole number of at least 0, found \(JSONShape.describe(value))")
        }
        return n.intValue
    }

    func object(_ key: String) -> JSONItem? {
        guard let o = object[key] as? [String: Any] else { return nil }
        return JSONItem(object: o, path: path + "." + key, file: file, position: position)
    }

    /// An ISO 8601 time (`2024-05-01T12:00:00.000Z`).
    func time(_ key: String) throws -> ObservedTime {
        let s = try string(key)
        guard let parsed = ExportDateParser.parse(s), parsed.hasYear else {
            throw error(key, "expected an ISO 8601 time like 2024-05-01T12:00:00.000Z, found \(ExportRecord.show(s))")
        }
        return parsed.time
    }
}
