#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file or directory that could not be written, with the path and the system's reason.
///
/// `description` is the whole message for the user, e.g.
/// `cannot write /path/out/weekly.csv: No space left on device`.
public struct OutputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file or directory concerned.
    public let path: String
    /// The complete message.
    public let description: String

    init(path: String, message: String) {
        self.path = path
        self.description = message
    }

    /// `"<action> <path>: <strerror(code)>"`.
    static func system(_ action: String, _ path: String, code: Int32) -> OutputError {
        OutputError(path: path, message: "\(action) \(path): \(reason(code))")
    }

    /// The system's text for an errno value (`strerror`), e.g. "No space left on device".
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
