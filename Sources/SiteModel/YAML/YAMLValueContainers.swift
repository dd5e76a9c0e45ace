/// Reads one scalar: text, a number, `true` or `false`.
///
/// Every scalar keeps its text as written; these rules, not Yams's, decide what it may be. `true`, `false`, `yes`
/// and `no` in any case are `true` or `false`; numbers may have `_` between digits; null is only an unquoted empty
/// value, `~`, `null`, `Null` or `NULL` (`YAMLNode.isNull`).
struct YAMLSingleValueContainer: SingleValueDecodingContainer {
    let decoder: YAMLNodeDecoder
    var codingPath: [CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.node.isNull }

    private func scalar<T>(as type: T.Type) throws -> String {
        guard case .scalar(let scalar) = decoder.node else {
            throw YAMLProblem(mark: decoder.node.mark,
                              message: "`\(decoder.path)` should be \(expectation(for: type)), but it is \(decoder.node.kindDescription).")
        }
        return scalar.string
    }

    private func wrong<T>(_ text: String, _ type: T.Type) -> YAMLProblem {
        YAMLProblem(mark: decoder.node.mark,
                    message: "`\(decoder.path)` should be \(expectation(for: type)), not `\(text)`.")
    }

    func decode(_ type: String.Type) throws -> String { try scalar(as: type) }

    func decode(_ type: Bool.Type) throws -> Bool {
        let text = try scalar(as: type)
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw wrong(text, type)
        }
    }

    func decode(_ type: Double.Type) throws -> Double {
        let text = try scalar(as: type)
        guard let value = Double(text.replacingOccurrences(of: "_", with: "")) else { throw wrong(text, type) }
        guard value.isFinite else {
            throw YAMLProblem(mark: decoder.node.mark, message: "`\(decoder.path)` is `\(text)`, which is too large a number.")
        }
        return value
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func decode(_ type: Int.Type) throws -> Int {
        let text = try scalar(as: type)
        let digits = text.replacingOccurrences(of: "_", with: "")
        guard let value = Int(digits) else {
            let unsigned = digits.first == "-" || digits.first == "+" ? digits.dropFirst() : Substring(digits)
            if !unsigned.isEmpty, unsigned.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                throw YAMLProblem(mark: decoder.node.mark, message: "`\(decoder.path)` is `\(text)`, which is too large a number.")
            }
            throw wrong(text, type)
        }
        return value
    }

    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let value = try decode(Int.self)
        guard let result = T(exactly: value) else { throw wrong("\(value)", Int.self) }
        return result
    }

    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeHere(type) }
}

/// Reads a YAML list, one item at a time.
struct YAMLUnkeyedContainer: UnkeyedDecodingContainer {
    let items: [YAMLNode]
    let decoder: YAMLNodeDecoder
    /// The path to this list, made once for all its items.
    let codingPath: [CodingKey]
    var currentIndex = 0

    init(items: [YAMLNode], decoder: YAMLNodeDecoder, path: [CodingKey]) {
        self.items = items
        self.decoder = decoder
        self.codingPath = path
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func nextDecoder() throws -> YAMLNodeDecoder {
        guard !isAtEnd else {
            throw YAMLProblem(mark: decoder.node.mark, message: "`\(decoder.path)` has too few items.")
        }
        defer { currentIndex += 1 }
        return YAMLNodeDecoder(node: items[currentIndex], state: decoder.state, parentPath: codingPath,
                               key: IndexKey(currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try nextDecoder().decodeHere(type) }

    /// Text, the commonest item, read straight from the scalar with the same checks and messages as the generic way
    /// (which ends in the same `YAMLSingleValueContainer`), without its layers of generic calls.
    mutating func decode(_ type: String.Type) throws -> String {
        try YAMLSingleValueContainer(decoder: nextDecoder()).decode(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey> {
        try nextDecoder().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { try nextDecoder().unkeyedContainer() }

    mutating func superDecoder() throws -> Decoder { try nextDecoder() }
}
