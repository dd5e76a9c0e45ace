import Yams

/// Reads a YAML mapping for a `Decodable` type, reporting unknown and repeated keys as it opens.
struct YAMLKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: YAMLNodeDecoder
    let mark: Mark?
    private var entries: [String: Node] = [:]

    init(mapping: Node.Mapping, decoder: YAMLNodeDecoder) {
        self.decoder = decoder
        self.mark = mapping.mark
        for (keyNode, value) in mapping {
            let name = keyNode.scalar?.string ?? keyNode.kindDescription
            if entries[name] != nil {
                decoder.state.problems.append(YAMLProblem(
                    mark: keyNode.mark, message: "`\(name)` is given twice. Keep one of them."))
            }
            entries[name] = value
            if Key(stringValue: name) == nil {
                // Only an unknown key needs the list of known ones, so most mappings never make it.
                let known = Self.knownKeys()
                let place = decoder.codingPath.isEmpty ? "" : " in `\(decoder.path)`"
                let hint = known.isEmpty ? "" : Suggestion.didYouMean(name, in: known)
                let list = known.isEmpty || !hint.isEmpty ? "" : " Known keys: \(known.joined(separator: ", "))."
                decoder.state.problems.append(YAMLProblem(
                    mark: keyNode.mark, message: "Unknown key `\(name)`\(place).\(hint)\(list)"))
            }
        }
    }

    /// The keys the type accepts, when its `CodingKeys` list them (`CaseIterable`).
    private static func knownKeys() -> [String] {
        guard let iterable = Key.self as? any CaseIterable.Type else { return [] }
        return allKeyNames(of: iterable)
    }

    var codingPath: [CodingKey] { decoder.codingPath }
    var allKeys: [Key] { entries.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { entries[key.stringValue] != nil }

    func decodeNil(forKey key: Key) throws -> Bool { entries[key.stringValue]?.isNull ?? true }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let value = entries[key.stringValue] else {
            let place = decoder.codingPath.isEmpty ? "" : " in `\(decoder.path)`"
            throw YAMLProblem(mark: mark, message: "`\(key.stringValue)` is missing\(place). It must be given.")
        }
        return try decoder.decode(type, from: value, at: key)
    }

    /// An optional value that is wrong is reported and then treated as absent, so decoding goes on.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = entries[key.stringValue], !value.isNull else { return nil }
        do {
            return try decoder.decode(type, from: value, at: key)
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
        guard let value = entries[key.stringValue], !value.isNull else { return nil }
        do {
            let child = YAMLNodeDecoder(node: value, state: decoder.state, codingPath: decoder.codingPath + [key])
            return try read(YAMLSingleValueContainer(decoder: child))
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
        guard let value = entries[key.stringValue] else {
            throw YAMLProblem(mark: mark, message: "`\(key.stringValue)` is missing. It must be given.")
        }
        return YAMLNodeDecoder(node: value, state: decoder.state, codingPath: decoder.codingPath + [key])
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
