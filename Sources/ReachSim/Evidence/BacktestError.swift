/// Bad input to a back-test or to a schedule built from a history (exit 65, nothing written): a
/// date that does not parse, a history folder without its files or with a malformed row, or
/// accounts of the history that the scenario does not have. The message names the file and row
/// (or the option) and what was expected.
public struct BacktestError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ message: String) { description = message }
}
