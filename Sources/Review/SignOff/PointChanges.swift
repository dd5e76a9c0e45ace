/// Which points of a page are new or changed since a group last saw it.
///
/// The earlier session's point hashes are lined up with the page's now, keeping the longest run of points that are
/// the same in both, in order. In each gap between points that are the same, the page's points now take the places
/// of the earlier points that are gone, in order ("Changed"); any more are "New".
public struct PointChanges: Sendable, Hashable {
    public enum Change: String, Sendable { case new = "New", changed = "Changed" }

    /// By point number, the points that are new or changed; points not listed are as the group saw them.
    public let changes: [Int: Change]

    public var newCount: Int { changes.values.filter { $0 == .new }.count }
    public var changedCount: Int { changes.values.filter { $0 == .changed }.count }
    /// How many points are new or changed.
    public var count: Int { changes.count }
    /// How many of the earlier points are gone without a point in their place.
    public let removedCount: Int

    /// - Parameters:
    ///   - earlier: the hashes of the points a session recorded, in point order.
    ///   - now: the hashes of the page's points now, in order.
    public init(earlier: [String], now: [String]) {
        // The longest common run, by dynamic programming: pages have tens of points.
        let n = earlier.count, m = now.count
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = earlier[i] == now[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var matches: [(Int, Int)] = []
        var i = 0, j = 0
        while i < n && j < m {
            if earlier[i] == now[j] {
                matches.append((i, j))
                i += 1
                j += 1
            } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        var changes: [Int: Change] = [:]
        var previous = (-1, -1)
        for match in matches + [(n, m)] {
            let gone = match.0 - previous.0 - 1
            for (offset, index) in ((previous.1 + 1)..<match.1).enumerated() {
                changes[index + 1] = offset < gone ? .changed : .new
            }
            previous = match
        }
        self.changes = changes
        removedCount = n - matches.count - changes.values.filter { $0 == .changed }.count
    }

    /// "3 new points, 2 changed", or nil when nothing is new or changed.
    public var summary: String? {
        var parts: [String] = []
        if newCount > 0 { parts.append("\(newCount) new point\(newCount == 1 ? "" : "s")") }
        if changedCount > 0 { parts.append(parts.isEmpty ? "\(changedCount) changed point\(changedCount == 1 ? "" : "s")" : "\(changedCount) changed") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
