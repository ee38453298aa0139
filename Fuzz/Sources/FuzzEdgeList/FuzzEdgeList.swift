import FuzzSupport
import ReachSim

/// Any bytes given to the edge-list importer must give a graph or an `EdgeListError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let list = try EdgeListImporter.parse(bytes: bytes, path: "fuzz.csv")
        let agents = (0..<list.nodeCount).map { UInt32($0) }
        let graph = list.graph(mappingNodesTo: agents, totalAgents: list.nodeCount)
        precondition(graph.edgeCount == list.edgeCount)
    } catch is EdgeListError {
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    return 0
}

/// SwiftPM's entry point for this executable: hand over to libFuzzer.
@_cdecl("FuzzEdgeList_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
