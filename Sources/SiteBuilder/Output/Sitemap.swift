import ServiceDirectory
import SiteModel

/// `sitemap.xml`: every published page, with the day it was last updated where known.
struct Sitemap {
    let site: Site
    var directory: Directory?

    func xml() -> String {
        // Search engines need full addresses; without `url:` in site.yml the addresses start at the site's root.
        let origin = (site.config.url ?? "").trimmingSuffix("/") + site.config.basePath
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#,
        ]
        for page in site.pages {
            lines.append("  <url>")
            lines.append("    <loc>\(escape(origin + page.urlPath))</loc>")
            if let updated = page.frontMatter.updated { lines.append("    <lastmod>\(updated.iso)</lastmod>") }
            lines.append("  </url>")
        }
        if let directory, !directory.listed.isEmpty {
            var paths = ["/services/"] + directory.entries.map { "/\($0.slug)/" }
            paths += directory.byType.map { "/services/type/\($0.type.rawValue)/" }
            paths += directory.byArea.map { "/services/area/\($0.slug)/" }
            for path in paths {
                lines.append("  <url>")
                lines.append("    <loc>\(escape(origin + path))</loc>")
                lines.append("  </url>")
            }
        }
        lines.append("</urlset>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `&`, `<` and `>` as XML entities; an address without them (almost all) is used as it is.
    private func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") })
        else { return text }
        var escaped = ""
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        var copy = self
        while copy.hasSuffix(suffix) { copy.removeLast(suffix.count) }
        return copy
    }
}
