import Markdown
import SiteModel
import Foundation

/// `picture-cue`: every paragraph and list on an easy-read page starts with a picture.
struct PictureCueRule: Rule {
    let id = RuleID.pictureCue

    static func startsWithPicture(_ node: MarkdownNode?) -> Bool {
        guard let node, node.kind == .paragraph else { return false }
        return node.firstChild?.kind == .image
    }

    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        visit(page.root, limits, &findings)
    }

    private func visit(_ node: MarkdownNode, _ limits: RuleLimits, _ findings: inout Findings) {
        for child in node.children {
            switch child.kind {
            case .paragraph:
                // A table is not a point; its rows are read on their own.
                if !Self.startsWithPicture(child) && !TextBlockReader.isTable(child) {
                    findings.add(id, at: child.start, limits.level, "This point has no picture.",
                                 suggestion: "Start it with a picture that shows what it is about, like `![A house](pictures/house.svg)`.")
                }
            case .list:
                let cue = Self.startsWithPicture(child.previous) || Self.startsWithPicture(child.firstChild?.firstChild)
                if !cue {
                    findings.add(id, at: child.start, limits.level, "This list has no picture.",
                                 suggestion: "Start the sentence before the list, or its first item, with a picture.")
                }
            case .blockQuote:
                visit(child, limits, &findings)
            default:
                break
            }
        }
    }
}

/// `picture-alt`: every picture has alt text that says what it shows, in 125 characters or fewer.
struct PictureAltRule: Rule {
    let id = RuleID.pictureAlt
    static let fileEndings = [".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"]

    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        for node in page.images {
            let alt = Self.trimmed(node.plainText)
            let lowercased = alt.lowercased()
            let looksLikeFile = Self.fileEndings.contains { lowercased.hasSuffix($0) }
                || Self.isFileName(alt, of: node.url ?? "") || Self.isOneWordWithUnderscores(alt)
            if alt.isEmpty {
                findings.add(id, at: node.start, limits.level, "This picture has no words to describe it.",
                             suggestion: "Write what it shows between the brackets: `![A nurse](nurse.svg)`.")
            } else if looksLikeFile {
                findings.add(id, at: node.start, limits.level, "This picture's description is a file name: `\(alt)`.",
                             suggestion: "Write what the picture shows instead.")
            } else if alt.count > 125 {
                findings.add(id, at: node.start, limits.level,
                             "This picture's description has \(alt.count) characters. It should have 125 or fewer.",
                             suggestion: "Say what the picture shows in a few words.")
            }
        }
    }
}

extension PictureAltRule {
    /// Whether the description is the last part of the picture's address, such as `nurse.svg`.
    static func isFileName(_ alt: String, of url: String) -> Bool {
        if url.utf8.allSatisfy({ $0 < 128 }) {
            // ASCII: the last part between slashes is found as bytes, from the end, without making characters.
            let bytes = url.utf8
            var end = bytes.endIndex
            while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: "/") { end = bytes.index(before: end) }
            guard end > bytes.startIndex else { return false }
            var start = bytes.index(before: end)
            while start > bytes.startIndex, bytes[bytes.index(before: start)] != UInt8(ascii: "/") { start = bytes.index(before: start) }
            // Text with accents or signs can equal ASCII text (the Kelvin sign is a K), so only ASCII compares bytes.
            if alt.utf8.allSatisfy({ $0 < 128 }) { return alt.utf8.elementsEqual(bytes[start..<end]) }
            return alt == String(Substring(bytes[start..<end]))
        }
        let file = url.split(separator: "/").last.map(String.init) ?? ""
        return !file.isEmpty && alt == file
    }

    /// A description with an underscore and no space, such as `house_picture`.
    static func isOneWordWithUnderscores(_ alt: String) -> Bool {
        if alt.utf8.allSatisfy({ $0 < 128 }) {
            return !alt.utf8.contains(UInt8(ascii: " ")) && alt.utf8.contains(UInt8(ascii: "_"))
        }
        return !alt.contains(" ") && alt.contains("_")
    }

    /// The text without spaces or tabs at either end. Text that starts and ends with a visible ASCII character, as
    /// nearly every description does, is already trimmed; anything else goes through Foundation.
    static func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, first > 32, first < 127, last > 32, last < 127 {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}

/// `picture-missing`: every picture file exists.
struct PictureMissingRule: Rule {
    let id = RuleID.pictureMissing

    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        var known: [String: Bool] = [:]
        // Whether each address a page uses is missing, worked out once per address: a page often shows the same
        // picture many times.
        var missing: [String: Bool] = [:]
        for node in page.images {
            guard let url = node.url, !url.isEmpty else { continue }
            let isMissing: Bool
            if let answer = missing[url] {
                isMissing = answer
            } else if ContentPath.isExternal(url) {
                isMissing = false
                missing[url] = false
            } else {
                let path = ContentPath.splitFragment(url).path
                let exists = known[path] ?? environment.pictureExists(path, page.path)
                known[path] = exists
                isMissing = !exists
                missing[url] = isMissing
            }
            if isMissing {
                findings.add(id, at: node.start, limits.level, "The picture `\(url)` does not exist.",
                             suggestion: "Check the file name, or add the picture to the content folder.")
            }
        }
    }
}

/// `italics`: italics are hard to read; easy read uses bold.
struct ItalicsRule: Rule {
    let id = RuleID.italics

    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        for node in page.emphasis {
            findings.add(id, at: node.start, limits.level, "Italics are hard to read: `\(node.plainText)`.",
                         suggestion: "Use bold instead: `**\(node.plainText)**`.")
        }
    }
}
