import Foundation
import FuzzSupport
import ReachSim

/// Any bytes given to the importer (as a CSV or JSON export) must give a conversion whose
/// outputs can be written, or an `ImportError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let conversion = try ObservedImport.convert(inputs: [("fuzz.csv", bytes)], year: 2024)
        let outputs = try conversion.outputs()
        let report = try JSONSerialization.jsonObject(with: Data(outputs[2].bytes)) as? [String: Any]
        let posts = (report?["posts"] as? [String: Any])?["count"] as? Int
        precondition(posts == conversion.posts.count, "import.json counts \(String(describing: posts)) posts, not \(conversion.posts.count)")
    } catch is ImportError {
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    return 0
}

/// SwiftPM's entry point for this executable: hand over to libFuzzer.
@_cdecl("FuzzImport_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { fuzz($0, $1) }
}
