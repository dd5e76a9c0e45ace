// Yams's own copy of libyaml: its event parser walks a document with a stack of its own, not by recursion, so it can
// measure a document before Yams builds a tree from it. Yams does not offer it as a product, but its module is built
// with Yams and found beside it.
import CYaml

/// Measures a YAML document before it is read into a tree: how deeply it nests, and how large it becomes once every
/// alias (`*name`) is replaced by what it names.
///
/// A few hundred bytes of aliases of aliases expand to billions of values (the "billion laughs"), and a few thousand
/// `[` nest deeper than any reader's stack. Both are refused here, at the line of the alias or of the nesting, in
/// time proportional to the text, before anything is built.
enum YAMLShape {
    /// Deeper than any real front matter, site.yml or glossary, and well within the stack of a build's threads.
    static let deepestNesting = 64
    /// Aliases may add at most this many values beyond four times the values written out.
    static let aliasAllowance = 10_000

    struct Problem {
        var line: Int
        var column: Int
        var message: String
    }

    /// The first problem with the document's shape, or nil. A document libyaml cannot read is left for Yams to
    /// report in its own words.
    static func problem(in yaml: String) -> Problem? {
        var text = yaml
        return text.withUTF8 { buffer -> Problem? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

            /// Each open list or mapping: how many values it holds once aliases are expanded, its anchor, and for a
            /// mapping the keys seen so far and whether the next value is a key.
            var open: [Frame] = []
            var anchors: [String: Int] = [:]
            var written = 0, expanded = 0
            func close(size: Int, anchor: String?) {
                if let anchor { anchors[anchor] = size }
                if !open.isEmpty { open[open.count - 1].size = saturating(open[open.count - 1].size, size) }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
                // In a mapping, values take turns: key, value, key, value. A key given twice is reported at the second.
                let startsValue = [YAML_SCALAR_EVENT, YAML_ALIAS_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT]
                    .contains(event.type)
                if startsValue, let top = open.indices.last, open[top].isMapping {
                    let isKey = open[top].expectingKey
                    open[top].expectingKey.toggle()
                    if isKey, event.type == YAML_SCALAR_EVENT, let key = Self.text(event.data.scalar.value, event.data.scalar.length),
                       !open[top].keys.insert(key).inserted {
                        return Problem(line: line, column: column, message: "`\(key)` is given twice here. Keep one of them.")
                    }
                }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    written += 1
                    expanded = saturating(expanded, 1)
                    close(size: 1, anchor: name(event.data.scalar.anchor))
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    written += 1
                    expanded = saturating(expanded, 1)
                    let anchor = event.type == YAML_SEQUENCE_START_EVENT
                        ? name(event.data.sequence_start.anchor) : name(event.data.mapping_start.anchor)
                    open.append(Frame(size: 1, anchor: anchor, isMapping: event.type == YAML_MAPPING_START_EVENT))
                    if open.count > deepestNesting {
                        return Problem(line: line, column: column,
                                       message: "This YAML is nested more than \(deepestNesting) levels deep here. Write it with fewer levels.")
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let frame = open.popLast() { close(size: frame.size, anchor: frame.anchor) }
                case YAML_ALIAS_EVENT:
                    let alias = name(event.data.alias.anchor) ?? ""
                    let size = anchors[alias] ?? 1
                    expanded = saturating(expanded, size)
                    if expanded > saturating(4 * written, aliasAllowance) {
                        return Problem(line: line, column: column,
                                       message: "The alias `*\(alias)` makes this YAML far larger than it is written (aliases that repeat aliases). Write the values out instead.")
                    }
                    close(size: size, anchor: nil)
                default:
                    continue
                }
            }
        }
    }

    private struct Frame {
        var size: Int
        var anchor: String?
        var isMapping: Bool
        var keys: Set<String> = []
        var expectingKey = true
    }

    private static func text(_ chars: UnsafeMutablePointer<yaml_char_t>?, _ length: Int) -> String? {
        guard let chars, length < 10_000 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: chars, count: length), as: UTF8.self)
    }

    private static func name(_ chars: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        chars.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    private static func saturating(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
