extension FollowerSet {
    /// The account's current followers in people: agents summed over exposure classes × `scale`
    /// (the audience's people per agent). O(classes), no allocation: called once per post.
    @inline(__always)
    func people(scale: Int) -> Double {
        var agents = 0
        for c in 0..<classCount { agents += count[c] }
        return Double(agents * scale)
    }
}
