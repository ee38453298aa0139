/// The library's version, written into every manifest so a result names the code that made it.
public enum ReachSimVersion {
    /// Semantic version of this ReachSim build.
    public static let string = "0.1.0"
}
