import ArgumentParser
import Foundation
import ReachSim

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert analytics exports (X, Facebook, Instagram, TikTok, YouTube, LinkedIn, Mastodon, Bluesky) into observed_posts.csv, observed_followers.csv and import.json.",
        discussion: """
            Each file is recognised by its contents (its CSV header or JSON shape), never by its name; \
            folders are read recursively (their .csv, .tsv, .txt, .json and .zip files) and zips are opened. \
            The same post in several files is kept once, from the file whose period ends last. \
            A bad file stops the import with its file, line, column and field, and nothing is written. \
            See docs/import.md for every format and column.
            """)

    @Argument(help: "Export files, folders of exports, or zips (TikTok Studio's).")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Output directory (created if missing).")
    var out: String

    @Option(help: "Year of dates written without one (TikTok Studio); default: the latest year of the other files.")
    var year: Int?

    @Option(help: "Account name for exports that do not name theirs (YouTube, LinkedIn, TikTok follower history).")
    var account: String?

    func validate() throws {
        if let year, !(1990...2100).contains(year) {
            throw ValidationError("--year \(year) is out of range: give a year between 1990 and 2100.")
        }
    }

    func run() throws {
        let options = ObservedImport.Options(paths: paths, year: year, account: account)
        do {
            let (conversion, written) = try ObservedImport.run(options, directory: out)
            print(ImportSummary.render(conversion, directory: out, written: written))
        } catch {
            throw fail(error)
        }
    }
}
