/// "Did you mean" suggestions for misspelt keys and values.

/// The candidate closest to `word`, or `nil` when none is close enough to be a plausible typo.
///
/// Compares case-insensitively with the optimal-string-alignment distance (Levenshtein plus
/// adjacent transpositions, so `chronologcial` is one edit from `chronological`). A candidate
/// qualifies when its distance is at most `max(2, word.count / 3)` and smaller than both lengths
/// (so `ab` never "suggests" the unrelated `xy`). Ties go to the earlier candidate, so callers
/// control preference by order. The one rule for every "did you mean": scenario keys and values,
/// preset names on the command line.
public func nearest(_ word: String, among candidates: [String]) -> String? {
    let limit = max(2, word.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(word, candidate)
        guard distance <= limit, distance < min(word.count, candidate.count) || distance == 0 else { continue }
        if best == nil || distance < best!.distance { best = (candidate, distance) }
    }
    return best?.candidate
}

/// Case-insensitive optimal-string-alignment distance (restricted Damerau–Levenshtein) in
/// Characters: insertions, deletions, substitutions and swaps of two adjacent characters cost 1.
func editDistance(_ a: String, _ b: String) -> Int {
    let s = Array(a.lowercased()), t = Array(b.lowercased())
    if s.isEmpty { return t.count }
    if t.isEmpty { return s.count }
    // Three rows suffice: the swap looks two rows back.
    var before = [Int](repeating: 0, count: t.count + 1)
    var previous = Array(0...t.count)
    var current = [Int](repeating: 0, count: t.count + 1)
    for i in 1...s.count {
        current[0] = i
        for j in 1...t.count {
            let cost = s[i - 1] == t[j - 1] ? 0 : 1
            var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                d = min(d, before[j - 2] + 1)
            }
            current[j] = d
        }
        (before, previous, current) = (previous, current, before)
    }
    return previous[t.count]
}
