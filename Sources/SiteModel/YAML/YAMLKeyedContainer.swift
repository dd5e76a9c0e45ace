/// Reads a YAML mapping for a `Decodable` type, reporting unknown and repeated keys as it opens.
struct YAMLKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: YAMLNodeDecoder
    let mark: YAMLMark?
    /// The path to this mapping, made once for all its values.
    let codingPath: [CodingKey]
    /// The mapping's lines, in the order written. Front matter has a few dozen keys at most, so a key is found by
    /// looking along them, which is quicker than making a dictionary; a long mapping gets one (`index`).
    private let pairs: [YAMLPair]
    /// Where each key's value is in `pairs`, for a long mapping or one with two keys of the same name (the last
    /// counts).
    private var index: [String: Int]?

    init(mapping: YAMLMapping, decoder: YAMLNodeDecoder, path: [CodingKey]) {
        self.decoder = decoder
        self.mark = mapping.mark
        self.codingPath = path
        self.pairs = mapping.pairs
        var index: [String: Int]?
        if !mapping.namesAreUnique || pairs.count > 32 {
            index = [:]
            index!.reserveCapacity(pairs.count)
        }
        for (position, pair) in pairs.enumerated() {
            if index != nil {
                if !mapping.namesAreUnique, index![pair.name] != nil {
                    decoder.state.problems.append(YAMLProblem(
                        mark: pair.keyMark, message: "`\(pair.name)` is given twice. Keep one of them."))
                }
                index![pair.name] = position
            }
            if Key(stringValue: pair.name) == nil {
                // Only an unknown key needs the list of known ones, so most mappings never make it.
                let known = Self.knownKeys()
                let place = path.isEmpty ? "" : " in `\(describe(path))`"
                let hint = known.isEmpty ? "" : Suggestion.didYouMean(pair.name, in: known)
                let list = known.isEmpty || !hint.isEmpty ? "" : " Known keys: \(known.joined(separator: ", "))."
                decoder.state.problems.append(YAMLProblem(
                    mark: pair.keyMark, message: "Unknown key `\(pair.name)`\(place).\(hint)\(list)"))
            }
        }
        self.index = index
    }

    /// The value given for `key`, if any.
    private func value(_ key: Key) -> YAMLNode? {
        let name = key.stringValue
        if let index { return index[name].map { pairs[$0].value } }
        for pair in pairs where pair.name == name { return pair.value }
        return nil
    }

    /// The keys the type accepts, when its `CodingKeys` list them (`CaseIterable`).
    private static func knownKeys() -> [String] {
        guard let iterable = Key.self as? any CaseIterable.Type else { return [] }
        return allKeyNames(of: iterable)
    }

    /// Each key once, in the order written (the last of two with the same name counts).
    var allKeys: [Key] {
        pairs.enumerated().compactMap { position, pair in
            if let index, index[pair.name] != position { return nil }
            return Key(stringValue: pair.name)
        }
    }

    func contains(_ key: Key) -> Bool { value(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { value(key)?.isNull ?? true }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let value = value(key) else {
            let place = codingPath.isEmpty ? "" : " in `\(describe(codingPath))`"
            throw YAMLProblem(mark: mark, message: "`\(key.stringValue)` is missing\(place). It must be given.")
        }
        return try child(value, key).decodeHere(type)
    }

    /// An optional value that is wrong is reported and then treated as absent, so decoding goes on.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = value(key), !value.isNull else { return nil }
        do {
            return try child(value, key).decodeHere(type)
        } catch let problem as YAMLProblem {
            if !problem.alreadyReported { decoder.state.problems.append(problem) }
            return nil
        }
    }

    // Text, numbers and `true`/`false` are read straight from the scalar, with the same checks and messages as the
    // generic way (which ends in the same `YAMLSingleValueContainer`), without its layers of generic calls.
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try scalarIfPresent(key) { try $0.decode(type) } }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try scalarIfPresent(key) { try $0.decode(type) } }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try scalarIfPresent(key) { try $0.decode(type) } }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try scalarIfPresent(key) { try $0.decode(type) } }

    /// An optional scalar read by `read`; a wrong one is reported and treated as absent, as `decodeIfPresent` does.
    private func scalarIfPresent<T>(_ key: Key, _ read: (YAMLSingleValueContainer) throws -> T) throws -> T? {
        guard let value = value(key), !value.isNull else { return nil }
        do {
            return try read(YAMLSingleValueContainer(decoder: child(value, key)))
        } catch let problem as YAMLProblem {
            if !problem.alreadyReported { decoder.state.problems.append(problem) }
            return nil
        }
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(Wrapped<Bool>.self, forKey: key).value }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(Wrapped<String>.self, forKey: key).value }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(Wrapped<Double>.self, forKey: key).value }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decode(Wrapped<Float>.self, forKey: key).value }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(Wrapped<Int>.self, forKey: key).value }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decode(Wrapped<Int8>.self, forKey: key).value }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decode(Wrapped<Int16>.self, forKey: key).value }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decode(Wrapped<Int32>.self, forKey: key).value }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(Wrapped<Int64>.self, forKey: key).value }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decode(Wrapped<UInt>.self, forKey: key).value }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decode(Wrapped<UInt8>.self, forKey: key).value }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decode(Wrapped<UInt16>.self, forKey: key).value }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decode(Wrapped<UInt32>.self, forKey: key).value }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decode(Wrapped<UInt64>.self, forKey: key).value }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> Decoder { try child(key) }

    private func child(_ key: Key) throws -> YAMLNodeDecoder {
        guard let value = value(key) else {
            throw YAMLProblem(mark: mark, message: "`\(key.stringValue)` is missing. It must be given.")
        }
        return child(value, key)
    }

    private func child(_ value: YAMLNode, _ key: Key) -> YAMLNodeDecoder {
        YAMLNodeDecoder(node: value, state: decoder.state, parentPath: codingPath, key: key)
    }
}

private func allKeyNames<C: CaseIterable>(of type: C.Type) -> [String] {
    C.allCases.compactMap { ($0 as? CodingKey)?.stringValue }
}

/// Routes a primitive through the generic path, so that it gets the same checks and error messages.
private struct Wrapped<Value: Decodable>: Decodable {
    let value: Value
    init(from decoder: Decoder) throws {
        value = try decoder.singleValueContainer().decode(Value.self)
    }
}
