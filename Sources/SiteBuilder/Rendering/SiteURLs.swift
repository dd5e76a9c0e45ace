import Foundation

/// Addresses inside the built site, written relative to the page that holds them so that the site works under any
/// sub-path and when opened from disk.
struct SiteURLs: Sendable {
    /// The page's own slug, such as `easy-read/leder`, or "" for the home page.
    let fromSlug: String
    /// When set, addresses are absolute under this base path (for pages such as 404 that are served at any address).
    let absoluteBase: String?

    init(fromSlug: String) {
        self.fromSlug = fromSlug
        self.absoluteBase = nil
    }

    init(absoluteBase: String) {
        self.fromSlug = ""
        self.absoluteBase = absoluteBase
    }

    /// `../../` from `easy-read/leder/`, "" from the home page.
    var root: String {
        if let absoluteBase { return absoluteBase + "/" }
        let depth = fromSlug.isEmpty ? 0 : fromSlug.split(separator: "/").count
        return String(repeating: "../", count: depth)
    }

    /// The address of the page with `slug`: `../leder/` from `short-breaks/`, `type/holiday/` from `services/`.
    func page(_ slug: String, fragment: String = "") -> String {
        let path = relative(to: slug.split(separator: "/").map(String.init))
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
        relative(to: path.split(separator: "/").map { escapePathPart($0) })
    }

    /// The shortest relative path from this page's folder to `target` (parts from the site's root).
    private func relative(to target: [String]) -> String {
        if let absoluteBase { return absoluteBase + "/" + target.joined(separator: "/") }
        let from = fromSlug.split(separator: "/").map(String.init)
        var shared = 0
        // A file's last part is never a folder to share.
        while shared < from.count, shared < target.count, from[shared] == target[shared] { shared += 1 }
        let up = String(repeating: "../", count: from.count - shared)
        return up + target[shared...].joined(separator: "/")
    }

    /// Characters a part of a path keeps as they are: those of `urlPathAllowed` except `/`.
    private static let pathPartAllowed = CharacterSet.urlPathAllowed.subtracting(["/", "?", "#"])

    /// The same ASCII characters, for the common case of a plain name: checking bytes costs far less than Foundation's
    /// percent-encoding, which builds character-set bitmaps on every call.
    private static let plainBytes: [Bool] = (0..<128).map { byte in
        let scalar = Unicode.Scalar(UInt8(byte))
        return pathPartAllowed.contains(scalar)
    }

    private func escapePathPart(_ part: Substring) -> String {
        if part.utf8.allSatisfy({ $0 < 128 && Self.plainBytes[Int($0)] }) { return String(part) }
        return part.addingPercentEncoding(withAllowedCharacters: Self.pathPartAllowed) ?? String(part)
    }
}
