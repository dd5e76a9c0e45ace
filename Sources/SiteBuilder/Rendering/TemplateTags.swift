import Foundation
import Markdown

/// A light reading of a Mustache template's tags, made before the template is handed to swift-mustache: which
/// partials it includes and where, which sections it leaves open, and how deeply its sections nest.
///
/// It follows `{{=<% %>=}}` delimiter changes, so a theme that uses them is read the same way swift-mustache reads
/// it. It is one pass over the text with no recursion, so no template can make it slow or overflow the stack.
struct TemplateTags {
    struct Tag {
        var name: String
        var position: SourcePosition
        /// How many sections are open around the tag.
        var depth = 0
        /// Whether only spaces or tabs come before the tag on its line, so swift-mustache may indent what it includes.
        var indented = false
    }

    /// `{{> name}}` and `{{< name}}` tags, in order.
    var partials: [Tag] = []
    /// `{{>*name}}` and `{{<*name}}`: partials whose names come from the content while rendering.
    var dynamicPartials: [Tag] = []
    /// A section opened inside a section of the same name, such as `{{#cards}}` inside `{{#cards}}`: it would repeat
    /// the whole list for every item, and a few of them nested take longer than anyone can wait.
    var reopened: Tag?
    /// Sections opened and never closed, innermost last.
    var unclosed: [Tag] = []
    /// A closing tag with no section open, or closing another section than the one open.
    var strayClose: Tag?
    /// The deepest nesting of sections, and where it is reached.
    var deepest = 0
    var deepestAt = SourcePosition(line: 1, column: 1)
    /// The first part of every name the template looks up (`site` for `{{site.title}}`), in variables and sections.
    var names: Set<String> = []
    /// Whether the template looks up something that depends on where it is rendered rather than on the values' names:
    /// `{{.}}`, a name starting with `.`, or a transform such as `{{uppercased(name)}}`.
    var readsContext = false
    /// Whether the template has blocks or parents (`{{$ }}`, `{{< }}`) or a content-type pragma (`{{% }}`), which
    /// change how the partials it includes are rendered.
    var usesBlocks = false

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var line = 1, lineStart = 0, i = 0
        var sections: [Tag] = []
        // Characters counted so far on the current line, so a column costs only the bytes since the last tag.
        var countedTo = 0, countedCharacters = 0
        func matches(_ needle: [UInt8], at index: Int) -> Bool {
            guard !needle.isEmpty, index + needle.count <= bytes.count else { return false }
            for k in 0..<needle.count where bytes[index + k] != needle[k] { return false }
            return true
        }
        while i < bytes.count {
            if bytes[i] == 10 {
                line += 1
                lineStart = i + 1
                i += 1
                continue
            }
            guard matches(open, at: i) else { i += 1; continue }
            if countedTo < lineStart { countedTo = lineStart; countedCharacters = 0 }
            for k in countedTo..<i where bytes[k] & 0xC0 != 0x80 { countedCharacters += 1 }
            countedTo = i
            let position = SourcePosition(line: line, column: countedCharacters + 1)
            let tagStart = i, tagLineStart = lineStart
            let start = i + open.count
            // A triple mustache `{{{name}}}` ends with `}}}`.
            var end = close
            if open == Array("{{".utf8), start < bytes.count, bytes[start] == 123 {
                end = Array("}}}".utf8)
            }
            var j = start
            while j < bytes.count && !matches(end, at: j) { j += 1 }
            guard j < bytes.count else { break } // swift-mustache reports the unfinished tag
            let inside = String(decoding: bytes[start..<j], as: UTF8.self)
            for k in start..<j where bytes[k] == 10 { line += 1; lineStart = k + 1 }
            i = j + end.count
            let trimmed = inside.trimmingCharacters(in: .whitespaces)
            guard let sigil = trimmed.first else { continue }
            let name = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "#", "^", "&", "{": note(name)
            case "!", "/", ">", "=": break
            case "$", "<", "%": usesBlocks = true
            default: note(trimmed)
            }
            switch sigil {
            case "#", "^", "$":
                if sigil == "#", reopened == nil, sections.contains(where: { $0.name == name }) {
                    reopened = Tag(name: name, position: position)
                }
                sections.append(Tag(name: name, position: position))
                if sections.count > deepest {
                    deepest = sections.count
                    deepestAt = position
                }
            case "<":
                let tag = Tag(name: name, position: position, depth: sections.count)
                sections.append(tag)
                if sections.count > deepest {
                    deepest = sections.count
                    deepestAt = position
                }
                if name.hasPrefix("*") { dynamicPartials.append(tag) } else { partials.append(tag) }
            case "/":
                if let last = sections.last, last.name == name {
                    sections.removeLast()
                } else if strayClose == nil {
                    strayClose = Tag(name: name, position: position)
                }
            case ">":
                let before = bytes[tagLineStart..<tagStart]
                let indented = !before.isEmpty && before.allSatisfy { $0 == 32 || $0 == 9 }
                let tag = Tag(name: name, position: position, depth: sections.count, indented: indented)
                if name.hasPrefix("*") { dynamicPartials.append(tag) } else { partials.append(tag) }
            case "=":
                // `{{=<% %>=}}`: new delimiters, separated by white space, between two `=`.
                let parts = trimmed.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if trimmed.hasSuffix("="), parts.count == 2 {
                    open = Array(parts[0].utf8)
                    close = Array(parts[1].utf8)
                }
            default:
                break
            }
        }
        unclosed = sections
    }

    /// Records the first part of a looked-up name, or that the name depends on where it is rendered.
    private mutating func note(_ name: String) {
        if name.isEmpty || name.hasPrefix(".") || name.contains("(") {
            readsContext = true
        } else if let first = name.split(separator: ".").first {
            names.insert(String(first))
        }
    }
}
