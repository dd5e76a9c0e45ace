import Foundation

/// Paths inside the content folder: always relative, with `/` between parts and no `.` or `..` left in them.
///
/// Every link on every page passes through here, so paths written in plain ASCII (nearly all of them) are handled
/// byte by byte. Anything else takes the slower way through Swift's characters, where `/` followed by a combining
/// mark is one character and not a slash; the two ways give the same answer for ASCII, where every byte is a
/// character.
public enum ContentPath {
    /// The folder part of a path: `pages` for `pages/short-breaks.md`, "" for `index.md`.
    public static func folder(of path: String) -> String {
        if let bytes = asciiBytes(path) {
            guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "" }
            return String(decoding: bytes[..<slash], as: UTF8.self)
        }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Joins `relative` onto `folder`, resolving `.` and `..`. Returns nil when it climbs out of the content folder.
    public static func resolve(_ relative: String, from folder: String) -> String? {
        // A path already in its final form, joined onto no folder, is the answer as it is: nearly every
        // `easy_read_of` and most links to pictures are written that way.
        if folder.isEmpty && isPlain(relative) { return relative }
        if let relativeBytes = asciiBytes(relative),
           let folderBytes = asciiBytes(folder) {
            return resolveASCII(relativeBytes, from: folderBytes)
        }
        var parts = relative.hasPrefix("/") ? [] : PathText.parts(folder)
        for part in PathText.parts(relative) {
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

    /// Whether a path is all ASCII, and is parts between single slashes, none of them `.` or `..`, with no slash at
    /// either end: what `resolve` would give back unchanged from the content folder's top. Looked at in place.
    static func isPlain(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
            // The length of the part so far, and whether it is only dots.
            var length = 0, onlyDots = true
            for byte in bytes {
                if byte >= 0x80 { return false }
                if byte == slash {
                    if length == 0 || (onlyDots && length <= 2) { return false }
                    length = 0
                    onlyDots = true
                } else {
                    length += 1
                    if byte != dot { onlyDots = false }
                }
            }
            return length > 0 && !(onlyDots && length <= 2)
        }
    }

    /// `resolve` for paths that are all ASCII, working on bytes.
    private static func resolveASCII(_ relative: [UInt8], from folder: [UInt8]) -> String? {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var parts: [ArraySlice<UInt8>] = relative.first == slash ? []
            : folder.split(separator: slash, omittingEmptySubsequences: true)
        for part in relative.split(separator: slash, omittingEmptySubsequences: true) {
            if part.count == 1 && part.first == dot { continue }
            if part.count == 2 && part.allSatisfy({ $0 == dot }) {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        var joined: [UInt8] = []
        joined.reserveCapacity(relative.count + folder.count + 1)
        for (index, part) in parts.enumerated() {
            if index > 0 { joined.append(slash) }
            joined.append(contentsOf: part)
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// Whether a link target names a scheme (`https:`, `mailto:`, `tel:`) and so leaves the site.
    public static func isExternal(_ target: String) -> Bool {
        if let bytes = asciiBytes(target) {
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return bytes.starts(with: "//".utf8) }
            return colon > 0 && bytes[..<colon].allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."): true
                default: false
                }
            }
        }
        guard let colon = target.firstIndex(of: ":") else { return target.hasPrefix("//") }
        let scheme = target[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
            && !scheme.contains("/")
    }

    /// Splits `page.md#part` into the path and the `#part`.
    public static func splitFragment(_ target: String) -> (path: String, fragment: String) {
        if let bytes = asciiBytes(target) {
            guard let hash = bytes.firstIndex(of: UInt8(ascii: "#")) else { return (target, "") }
            return (String(decoding: bytes[..<hash], as: UTF8.self), String(decoding: bytes[hash...], as: UTF8.self))
        }
        guard let hash = target.firstIndex(of: "#") else { return (target, "") }
        return (String(target[..<hash]), String(target[hash...]))
    }

    /// Percent-escapes are decoded, so `my%20page.md` finds `my page.md`. A path without `%` has nothing to decode.
    public static func unescaped(_ path: String) -> String {
        guard path.utf8.contains(UInt8(ascii: "%")) else { return path }
        return path.removingPercentEncoding ?? path
    }

    /// The bytes of `text` when every one is ASCII; nil otherwise.
    private static func asciiBytes(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { buffer in
            buffer.allSatisfy { $0 < 0x80 } ? Array(buffer) : nil
        }
    }
}
