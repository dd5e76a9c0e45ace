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

    /// The address of the page with `slug`.
    func page(_ slug: String, fragment: String = "") -> String {
        let path = slug.isEmpty ? "" : slug + "/"
        let href = root + path
        return (href.isEmpty ? "./" : href) + fragment
    }

    /// The address of a file at `path` in the output folder, such as `pictures/house.svg`.
    func file(_ path: String) -> String { root + path.split(separator: "/").map(escapePathPart).joined(separator: "/") }

    private func escapePathPart(_ part: Substring) -> String {
        part.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", "?", "#"])) ?? String(part)
    }
}

import Foundation
