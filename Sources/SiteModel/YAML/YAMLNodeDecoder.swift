/// A `Decoder` over a `YAMLNode` tree that knows where every value came from.
///
/// Unlike a plain decoder it reports unknown keys (with a "did you mean"), says which key and which line a wrong
/// value is on, and keeps going after a bad optional value so that one run finds every problem.
struct YAMLNodeDecoder: Decoder {
    let node: YAMLNode
    let state: YAMLDecodingState
    /// The path to the list or mapping this value is in; with `key`, the path to this value.
    private let parentPath: [CodingKey]
    private let key: CodingKey?
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: YAMLNode, state: YAMLDecodingState, codingPath: [CodingKey] = []) {
        self.node = node
        self.state = state
        self.parentPath = codingPath
        self.key = nil
    }

    /// The decoder for the value at `key` inside a list or mapping whose path is `parentPath`. The full path is only
    /// put together when asked for (in a message, or for a list or mapping inside this value), so reading a scalar
    /// makes no array.
    init(node: YAMLNode, state: YAMLDecodingState, parentPath: [CodingKey], key: CodingKey) {
        self.node = node
        self.state = state
        self.parentPath = parentPath
        self.key = key
    }

    var codingPath: [CodingKey] {
        guard let key else { return parentPath }
        return parentPath + [key]
    }

    var path: String { describe(codingPath) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else {
            throw YAMLProblem(mark: node.mark,
                              message: "`\(path)` should be a set of `key: value` lines, but it is \(node.kindDescription).")
        }
        return KeyedDecodingContainer(YAMLKeyedContainer<Key>(mapping: mapping, decoder: self, path: codingPath))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else {
            throw YAMLProblem(mark: node.mark,
                              message: "`\(path)` should be a list, like `[one, two]`, but it is \(node.kindDescription).")
        }
        return YAMLUnkeyedContainer(items: sequence.items, decoder: self, path: codingPath)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { YAMLSingleValueContainer(decoder: self) }


    /// Decodes this node as `type`.
    func decodeHere<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try T(from: self)
        } catch let problem as YAMLProblem {
            throw problem
        } catch let error as DecodingError {
            throw YAMLProblem(mark: node.mark, message: message(for: error, decoding: type))
        }
    }

    private func message<T>(for error: DecodingError, decoding type: T.Type) -> String {
        if let choices = T.self as? any (CaseIterable & RawRepresentable).Type {
            let allowed = rawValues(of: choices)
            let given = (node.scalar?.string).map { "`\($0)`" } ?? node.kindDescription
            return "`\(path)` can't be \(given). Use one of: \(allowed.joined(separator: ", "))."
                + Suggestion.didYouMean(node.scalar?.string ?? "", in: allowed)
        }
        switch error {
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
             .keyNotFound(_, let context):
            return "`\(path)` \(context.debugDescription)"
        @unknown default:
            return "`\(path)` is not valid."
        }
    }
}

private func rawValues<C: CaseIterable & RawRepresentable>(of type: C.Type) -> [String] {
    C.allCases.map { "\($0.rawValue)" }
}

/// The words a person would use for the type a value should have.
func expectation<T>(for type: T.Type) -> String {
    switch type {
    case is String.Type: "text"
    case is Bool.Type: "`true` or `false`"
    case is Int.Type: "a whole number"
    case is Double.Type, is Float.Type: "a number"
    default: "a \(type)"
    }
}
