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

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

/// SwiftPM links an executable's entry point under this name; hand over to libFuzzer's driver.
@_cdecl("FuzzEdgeList_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var c = argc
    var v = argv
    return LLVMFuzzerRunDriver(&c, &v) { fuzz($0, $1) }
}
