/// Where a YAML value starts: line and column, both counted from 1. Columns count Unicode scalars, as libyaml does.
struct YAMLMark: Sendable, Equatable {
    var line: Int
    var column: Int
}

/// One value of a YAML document, with only what the decoder needs: the text of each scalar, the items of each list,
/// the keys and values of each mapping in the order written, and where each starts.
///
/// Our own tree, rather than Yams's, because it is built in the same libyaml pass that measures the document
/// (`YAMLTreeReader`), and because Yams's positions (`Mark`) cannot be made outside Yams.
enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case sequence(YAMLSequence)
    case mapping(YAMLMapping)

    /// Where the value starts; nil only for the empty mapping that stands for an empty document.
    var mark: YAMLMark? {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .sequence(let sequence): sequence.mark
        case .mapping(let mapping): mapping.mark
        }
    }

    var scalar: YAMLScalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    /// How a person would name this kind of YAML value in an error message.
    var kindDescription: String {
        switch self {
        case .mapping: "a set of `key: value` lines"
        case .sequence: "a list"
        case .scalar(let scalar): "`\(scalar.string)`"
        }
    }

    /// Whether the value is YAML's null: empty, `~` or `null`, written without quotes.
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.isPlain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}

/// A single value: its text exactly as libyaml gives it (quotes and escapes already undone), never converted to a
/// number, date or `true`; the decoder decides what the text must be.
struct YAMLScalar: Sendable {
    var string: String
    /// Written without quotes and not as a `|` or `>` block: only such a scalar can be null.
    var isPlain: Bool
    var mark: YAMLMark?
}

/// A list.
struct YAMLSequence: Sendable {
    var items: [YAMLNode]
    var mark: YAMLMark?
}

/// A set of `key: value` lines, in the order written.
struct YAMLMapping: Sendable {
    var pairs: [YAMLPair]
    var mark: YAMLMark?
    /// Whether no two keys have the same name. Always so for a tree read by `YAMLTreeReader`, which refuses a key given
    /// twice; a tree converted from Yams can have two keys, such as two lists, that share a name.
    var namesAreUnique: Bool
}

/// One `key: value` line of a mapping.
struct YAMLPair: Sendable {
    /// The key's text, or for a key that is a list or a mapping, how a person would name it (`a list`).
    var name: String
    /// Whether the key is a scalar; only such keys have a place in `YAMLDecoded.keyPositions`.
    var keyIsScalar: Bool
    var keyMark: YAMLMark?
    var value: YAMLNode
}
