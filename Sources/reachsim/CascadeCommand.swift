import ArgumentParser
import Foundation
import ReachSim

struct CascadeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cascade",
        abstract: "Run independent cascades on an edge list and time them (for comparison with other tools).")

    @Option(help: "Edge list (`source,target`, information flows source → target).")
    var graph: String

    @Option(help: "Activation probability per edge, 0...1.")
    var p: Double

    @Option(help: "Number of cascades.")
    var runs: Int = 1000

    @Option(help: "Seed.")
    var seed: UInt64 = 1

    @Option(help: "Source node id as written in the file (default: the node of highest out-degree).")
    var source: String?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        if !(0...1).contains(p) { throw ValidationError("--p must be between 0 and 1, got \(p).") }
        if !(1...100_000_000).contains(runs) { throw ValidationError("--runs must be between 1 and 100000000, got \(runs).") }
    }

    func run() throws {
        let r: CascadePipeline.Report
        do { r = try CascadePipeline.run(graphPath: graph, p: p, runs: runs, seed: seed, source: source) } catch { throw fail(error) }
        if json {
            print("""
                {"source": "\(r.source)", "nodes": \(r.nodes), "edges": \(r.edges), "p": \(r.p), "runs": \(r.runs), \
                "mean_size": \(r.meanSize), "sd_size": \(r.sdSize), "seconds": \(r.seconds), \
                "cpu_seconds": \(r.cpuSeconds), "runs_per_second": \(r.runsPerSecond), \
                "runs_per_cpu_second": \(r.runsPerCPUSecond), "edge_visits_per_second": \(r.edgeVisitsPerSecond)}
                """)
            return
        }
        print("graph: \(r.nodes) nodes, \(r.edges) edges; source \(r.source) (out-degree \(r.sourceOutDegree)); p = \(r.p)")
        print(String(format: "cascade size: mean %.3f, sd %.3f over %d runs (standard error %.3f)",
                     r.meanSize, r.sdSize, r.runs, r.sdSize / Double(r.runs).squareRoot()))
        print(String(format: "%.0f runs per second, %.3g edge visits per second (%.3f s, %.3f s of CPU)",
                     r.runsPerSecond, r.edgeVisitsPerSecond, r.seconds, r.cpuSeconds))
    }
}
