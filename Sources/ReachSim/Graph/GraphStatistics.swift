/// Degree and reciprocity summary of a follower graph, to compare generated graphs with real ones.
public struct GraphStatistics: Sendable, Equatable {
    public var edgeCount: Int
    /// Nodes with at least one edge in or out. A graph cannot tell a user without edges from an
    /// agent off the platform, so averages are taken over these.
    public var linkedNodeCount: Int
    /// Most followers of one node (out-degree: edges u → v are u's audience).
    public var maxOutDegree: Int
    /// Most accounts followed by one node (in-degree).
    public var maxInDegree: Int
    /// Edges u → v whose reverse v → u also exists (mutual follows count twice, once per edge).
    public var reciprocatedEdgeCount: Int

    /// Followers per linked node: `edgeCount / linkedNodeCount`, also the mean in-degree.
    public var meanOutDegree: Double {
        linkedNodeCount == 0 ? 0 : Double(edgeCount) / Double(linkedNodeCount)
    }

    /// Share of edges whose reverse exists, 0...1: 0.22 over all of Twitter in 2009 (Kwak et al.,
    /// 2010), 0.38 in the @hersheycareers network in `shared/data/twitter-ego`.
    public var reciprocity: Double {
        edgeCount == 0 ? 0 : Double(reciprocatedEdgeCount) / Double(edgeCount)
    }

    /// O(V + E log d): the reverse of each edge is found by binary search in its sorted row.
    public init(_ graph: FollowerGraph) {
        let inDegrees = graph.inDegrees()
        var linked = 0, maxOut = 0, maxIn = 0, reciprocated = 0
        graph.withUnsafeCSR { offsets, targets in
            for u in 0..<graph.nodeCount {
                let out = offsets[u + 1] - offsets[u]
                if out > 0 || inDegrees[u] > 0 { linked += 1 }
                maxOut = max(maxOut, out)
                maxIn = max(maxIn, inDegrees[u])
                for k in offsets[u]..<offsets[u + 1] {
                    let v = Int(targets[k])
                    if Self.contains(targets, offsets[v], offsets[v + 1], UInt32(u)) {
                        reciprocated += 1
                    }
                }
            }
        }
        edgeCount = graph.edgeCount
        linkedNodeCount = linked
        maxOutDegree = maxOut
        maxInDegree = maxIn
        reciprocatedEdgeCount = reciprocated
    }

    /// Whether the sorted range `targets[start..<end]` holds `x`.
    private static func contains(
        _ targets: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int, _ x: UInt32
    ) -> Bool {
        var lo = start, hi = end
        while lo < hi {
            let mid = (lo + hi) / 2
            if targets[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo < end && targets[lo] == x
    }
}
