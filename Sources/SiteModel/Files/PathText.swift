/// A path's parts, split at `/` byte by byte.
///
/// `/` is ASCII, so it is never part of another character's UTF-8: the parts are exactly the names the system sees.
/// Splitting a `String` by `Character` gives the same parts for every ordinary path, but it is many times slower (it
/// finds grapheme clusters first), and it does not split where a combining mark follows a `/`, which the system does.
public enum PathText {
    /// The non-empty parts: `pages//visits.md` → `["pages", "visits.md"]`.
    public static func parts(_ path: String) -> [String] {
        path.utf8.split(separator: slash).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The last non-empty part: `pages/visits.md` → `visits.md`; nil when there is none (`""`, `/`).
    public static func lastPart(_ path: String) -> String? {
        let bytes = path.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == slash { end = bytes.index(before: end) }
        guard end > bytes.startIndex else { return nil }
        var start = end
        while start > bytes.startIndex, bytes[bytes.index(before: start)] != slash { start = bytes.index(before: start) }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static let slash = UInt8(ascii: "/")
}
