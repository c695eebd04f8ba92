/// The candidate closest to `text` by edit distance, for "did you mean …?" hints on unknown
/// keys (`replics` → `replicas`), or nil when none is close enough.
///
/// A candidate qualifies when its ``levenshteinDistance(_:_:)`` to `text` is at most
/// `max(2, text.count / 3)` (counted in characters). The smallest distance wins; on a tie, the
/// candidate listed first. Returns nil for an empty `text`; empty candidates are ignored.
public func closestMatch(to text: String, among candidates: [String]) -> String? {
    guard !text.isEmpty else { return nil }
    let limit = max(2, text.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where !candidate.isEmpty {
        let distance = levenshteinDistance(text, candidate)
        if distance <= limit, distance < (best?.distance ?? .max) {
            best = (candidate, distance)
        }
    }
    return best?.candidate
}

/// The Levenshtein distance between `a` and `b`: the fewest single-character insertions,
/// deletions and substitutions turning one into the other, over `Character`s (so `é` is one
/// character). Case-sensitive: `Name` and `name` are 1 apart.
public func levenshteinDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
