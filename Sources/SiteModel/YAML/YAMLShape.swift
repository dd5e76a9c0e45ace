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

            /// Each open list or mapping: how many values it holds once aliases are expanded, and its anchor.
            var open: [(size: Int, anchor: String?)] = []
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
                    open.append((1, anchor))
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

    private static func name(_ chars: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        chars.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    private static func saturating(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
