import Foundation
@testable import ReachSim

/// Where the import fixtures and the shared data sets are, and shortcuts to convert them.
enum ImportFixtures {
    static var folder: URL {
        TestScenarios.packageRoot.appendingPathComponent("Tests/ReachSimTests/Fixtures/import")
    }

    /// `shared/` is a sibling of the repository folder.
    static var shared: URL {
        TestScenarios.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    static func path(_ relative: String) -> String {
        folder.appendingPathComponent(relative).path
    }

    static func convert(_ relative: [String], year: Int? = nil, account: String? = nil) throws -> ObservedImport.Conversion {
        try ObservedImport.convert(ObservedImport.Options(paths: relative.map(path), year: year, account: account))
    }

    /// Converts in-memory files (name → text).
    static func convert(texts: [(String, String)], year: Int? = nil, account: String? = nil) throws -> ObservedImport.Conversion {
        try ObservedImport.convert(inputs: texts.map { ($0.0, Array($0.1.utf8)) }, year: year, account: account)
    }

    /// The only post with this id.
    static func post(_ id: String, in c: ObservedImport.Conversion) -> ObservedPost? {
        let found = c.posts.filter { $0.postID == id }
        return found.count == 1 ? found[0] : nil
    }
}
