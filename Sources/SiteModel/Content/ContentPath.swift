import Foundation

/// Paths inside the content folder: always relative, with `/` between parts and no `.` or `..` left in them.
public enum ContentPath {
    /// The folder part of a path: `pages` for `pages/short-breaks.md`, "" for `index.md`.
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Joins `relative` onto `folder`, resolving `.` and `..`. Returns nil when it climbs out of the content folder.
    public static func resolve(_ relative: String, from folder: String) -> String? {
        var parts = relative.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// Whether a link target names a scheme (`https:`, `mailto:`, `tel:`) and so leaves the site.
    public static func isExternal(_ target: String) -> Bool {
        guard let colon = target.firstIndex(of: ":") else { return target.hasPrefix("//") }
        let scheme = target[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
            && !scheme.contains("/")
    }

    /// Splits `page.md#part` into the path and the `#part`.
    public static func splitFragment(_ target: String) -> (path: String, fragment: String) {
        guard let hash = target.firstIndex(of: "#") else { return (target, "") }
        return (String(target[..<hash]), String(target[hash...]))
    }

    /// Percent-escapes are decoded, so `my%20page.md` finds `my page.md`.
    public static func unescaped(_ path: String) -> String { path.removingPercentEncoding ?? path }
}
