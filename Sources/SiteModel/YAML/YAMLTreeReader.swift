// Yams's own copy of libyaml: its event parser walks a document with a stack of its own, not by recursion. Yams does
// not offer it as a product, but its module is built with Yams and found beside it.
import CYaml
import Foundation

/// Reads a YAML document into a `YAMLNode` tree in one pass of libyaml's event parser, checking its shape
/// (`YAMLShape`) on the way: nesting, aliases that expand too far, and keys given twice.
///
/// Front matter used to be read twice, once to measure it and once more by Yams to build Yams's own tree; this pass
/// does both, and builds only the nodes the decoder reads. Whatever it cannot read exactly as Yams would, it leaves to
/// Yams (`needsYams`), so messages stay Yams's own: text libyaml cannot parse, an alias to an anchor not yet
/// defined, a second document, a key that is a list, mapping or alias, and keys too long to compare.
enum YAMLTreeReader {
    enum Outcome {
        /// The document's root, or nil when the text holds no document at all (empty, or only comments).
        case tree(YAMLNode?)
        /// The first problem with the document's shape, reported at its line.
        case shapeProblem(YAMLShape.Problem)
        /// Read it with Yams instead (its shape has already been checked and is fine).
        case needsYams
    }

    static func read(_ yaml: String) -> Outcome {
        var text = yaml
        return text.withUTF8 { buffer -> Outcome in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .needsYams }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var builder = Builder()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return .needsYams }
                defer { yaml_event_delete(&event) }
                if let problem = builder.take(&event) { return .shapeProblem(problem) }
                if event.type == YAML_STREAM_END_EVENT { return builder.needsYams ? .needsYams : .tree(builder.root) }
            }
        }
    }

    /// Builds the tree from libyaml's events while measuring the document, as `YAMLShape` describes.
    private struct Builder {
        var root: YAMLNode?
        var needsYams = false
        /// Each list or mapping not yet closed, innermost last.
        private var open: [Frame] = []
        /// Each anchor (`&name`) by name: the value it names and how many values that is once aliases are expanded.
        private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
        private var documents = 0
        private var written = 0, expanded = 0

        /// Takes one event; returns the first problem with the document's shape, when this event makes one.
        mutating func take(_ event: inout yaml_event_t) -> YAMLShape.Problem? {
            let mark = YAMLMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let string = Self.string(scalar.value, scalar.length)
                if let problem = startValue(isScalar: true, key: scalar.length < YAMLShape.longestComparedKey ? string : nil,
                                            at: mark) {
                    return problem
                }
                written += 1
                expanded = YAMLShape.saturating(expanded, 1)
                let node = YAMLNode.scalar(YAMLScalar(string: string, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE,
                                                      mark: mark))
                finish(node, size: 1, anchor: Self.name(scalar.anchor))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if let problem = startValue(isScalar: false, key: nil, at: mark) { return problem }
                written += 1
                expanded = YAMLShape.saturating(expanded, 1)
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? Self.name(event.data.mapping_start.anchor) : Self.name(event.data.sequence_start.anchor)
                open.append(Frame(mark: mark, anchor: anchor, isMapping: isMapping))
                if open.count > YAMLShape.deepestNesting { return YAMLShape.nestedTooDeeply(at: mark) }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let frame = open.popLast() {
                    let node: YAMLNode = frame.isMapping
                        ? .mapping(YAMLMapping(pairs: frame.pairs, mark: frame.mark, namesAreUnique: true))
                        : .sequence(YAMLSequence(items: frame.items, mark: frame.mark))
                    finish(node, size: frame.size, anchor: frame.anchor)
                }
            case YAML_ALIAS_EVENT:
                if let problem = startValue(isScalar: false, key: nil, at: mark) { return problem }
                let alias = Self.name(event.data.alias.anchor) ?? ""
                let anchored = anchors[alias]
                let size = anchored?.size ?? 1
                expanded = YAMLShape.saturating(expanded, size)
                if expanded > YAMLShape.saturating(4 * written, YAMLShape.aliasAllowance) {
                    return YAMLShape.aliasTooLarge(alias, at: mark)
                }
                // Yams stops at an alias to an anchor not yet defined, with its own message.
                if anchored == nil { needsYams = true }
                finish(anchored?.node ?? .scalar(YAMLScalar(string: "", isPlain: true, mark: mark)), size: size, anchor: nil)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                // Yams refuses a second document in its own words; the shape of every document is still checked.
                if documents > 1 { needsYams = true }
            default:
                break
            }
            return nil
        }

        /// Called as a value starts. In a mapping, values take turns: key, value, key, value. A key given twice is
        /// reported at the second; a key that is not a scalar (or too long to compare) is left to Yams.
        private mutating func startValue(isScalar: Bool, key: String?, at mark: YAMLMark) -> YAMLShape.Problem? {
            guard let top = open.indices.last, open[top].isMapping else { return nil }
            let isKey = open[top].expectingKey
            open[top].expectingKey.toggle()
            guard isKey else { return nil }
            guard isScalar, let key else {
                needsYams = true
                return nil
            }
            if open[top].hasKey(key) { return YAMLShape.keyGivenTwice(key, at: mark) }
            return nil
        }

        /// Puts a finished value where it belongs: in the list or mapping around it, or at the root.
        private mutating func finish(_ node: YAMLNode, size: Int, anchor: String?) {
            if let anchor { anchors[anchor] = (node, size) }
            guard let top = open.indices.last else {
                if root == nil { root = node }
                return
            }
            open[top].size = YAMLShape.saturating(open[top].size, size)
            open[top].add(node)
        }

        private static func string(_ chars: UnsafeMutablePointer<yaml_char_t>?, _ length: Int) -> String {
            guard let chars else { return "" }
            let bytes = UnsafeBufferPointer(start: chars, count: length)
            // Yams reads scalars with Foundation, which drops a byte order mark at the start (`"\uFEFF…"`); so must we.
            if length >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF,
               let text = String(bytes: bytes, encoding: .utf8) {
                return text
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        private static func name(_ chars: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            chars.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }
    }

    /// A list or mapping being read.
    private struct Frame {
        let mark: YAMLMark
        let anchor: String?
        let isMapping: Bool
        /// How many values it holds once aliases are expanded, itself included.
        var size = 1
        var expectingKey = true
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        /// The key read, waiting for its value.
        var key: YAMLPair?
        /// The keys so far, once there are too many to compare one by one.
        var keySet: Set<String>?

        init(mark: YAMLMark, anchor: String?, isMapping: Bool) {
            self.mark = mark
            self.anchor = anchor
            self.isMapping = isMapping
        }

        /// Records `key` as seen in this mapping; true when it was seen before. Most mappings are short, so their
        /// keys are compared one by one; a long one (a glossary, say) gets a set.
        mutating func hasKey(_ key: String) -> Bool {
            if keySet != nil { return !keySet!.insert(key).inserted }
            if pairs.contains(where: { $0.keyIsScalar && $0.name == key }) { return true }
            if pairs.count >= 16 {
                keySet = Set(pairs.lazy.filter(\.keyIsScalar).map(\.name))
                keySet!.insert(key)
            }
            return false
        }

        mutating func add(_ node: YAMLNode) {
            guard isMapping else {
                items.append(node)
                return
            }
            if var pair = key {
                pair.value = node
                pairs.append(pair)
                key = nil
            } else {
                key = YAMLPair(name: node.scalar?.string ?? node.kindDescription, keyIsScalar: node.scalar != nil,
                               keyMark: node.mark, value: node)
            }
        }
    }
}
