import Foundation

/// Addresses inside the built site, written relative to the page that holds them so that the site works under any
/// sub-path and when opened from disk.
struct SiteURLs: Sendable {
    /// The page's own slug, such as `easy-read/leder`, or "" for the home page.
    let fromSlug: String
    /// When set, addresses are absolute under this base path (for pages such as 404 that are served at any address).
    let absoluteBase: String?
    /// The slug's parts, split once: every address on a page starts from them.
    private let fromParts: [Substring]

    init(fromSlug: String) {
        self.fromSlug = fromSlug
        self.absoluteBase = nil
        fromParts = Self.parts(of: fromSlug)
    }

    init(absoluteBase: String) {
        self.fromSlug = ""
        self.absoluteBase = absoluteBase
        fromParts = []
    }

    /// `../../` from `easy-read/leder/`, "" from the home page.
    var root: String {
        if let absoluteBase { return absoluteBase + "/" }
        return String(repeating: "../", count: fromParts.count)
    }

    /// The address of the page with `slug`: `../leder/` from `short-breaks/`, `type/holiday/` from `services/`.
    func page(_ slug: String, fragment: String = "") -> String {
        let path = relative(to: Self.parts(of: slug))
        let href = path.isEmpty ? "./" : path.hasSuffix("/") ? path : path + "/"
        return href + fragment
    }

    /// The address of a page written from the site's top, such as `../services/respite-house/` or
    /// `./services/respite-house/`: longer than `page(_:)`, but it always ends with the page's full path, which is what
    /// the directory's links promise.
    func rooted(_ slug: String) -> String {
        (root.isEmpty ? "./" : root) + slug + "/"
    }

    /// The address of a file at `path` in the output folder, such as `pictures/house.svg`.
    func file(_ path: String) -> String {
        let parts = Self.parts(of: path)
        if parts.allSatisfy(Self.isPlain) { return relative(to: parts) }
        return relative(to: parts.map { Substring(escapePathPart($0)) })
    }

    /// The shortest relative path from this page's folder to `target` (parts from the site's root).
    private func relative(to target: [Substring]) -> String {
        if let absoluteBase { return absoluteBase + "/" + target.joined(separator: "/") }
        let from = fromParts
        var shared = 0
        // A file's last part is never a folder to share.
        while shared < from.count, shared < target.count, from[shared] == target[shared] { shared += 1 }
        var path = String(repeating: "../", count: from.count - shared)
        for index in shared..<target.count {
            if index > shared { path += "/" }
            path += target[index]
        }
        return path
    }

    /// Characters a part of a path keeps as they are: those of `urlPathAllowed` except `/`.
    private static let pathPartAllowed = CharacterSet.urlPathAllowed.subtracting(["/", "?", "#"])

    /// The same ASCII characters, for the common case of a plain name: checking bytes costs far less than Foundation's
    /// percent-encoding, which builds character-set bitmaps on every call.
    private static let plainBytes: [Bool] = (0..<128).map { byte in
        let scalar = Unicode.Scalar(UInt8(byte))
        return pathPartAllowed.contains(scalar)
    }

    /// Whether a part of a path is kept as it is in an address.
    private static func isPlain(_ part: Substring) -> Bool {
        part.utf8.allSatisfy { $0 < 128 && plainBytes[Int($0)] }
    }

    private func escapePathPart(_ part: Substring) -> String {
        if Self.isPlain(part) { return String(part) }
        return part.addingPercentEncoding(withAllowedCharacters: Self.pathPartAllowed) ?? String(part)
    }

    /// The parts of a path between slashes, empty parts left out, as slices of `path` so nothing is copied. ASCII
    /// text is split by its bytes, which is quicker than by characters and gives the same parts; other text is split
    /// by characters, as it always was.
    private static func parts(of path: String) -> [Substring] {
        let utf8 = path.utf8
        guard utf8.allSatisfy({ $0 < 128 }) else { return path.split(separator: "/") }
        // One pass over the bytes: the generic `split` cost more than the rest of making an address.
        var parts: [Substring] = []
        var start = utf8.startIndex, index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "/") {
                if start != index { parts.append(path[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != index { parts.append(path[start..<index]) }
        return parts
    }
}
