import Yams

extension YAMLNode {
    /// The same tree as one Yams composed, for the documents `YAMLTreeReader` leaves to Yams. Yams replaces each alias
    /// by the value it names, so its trees hold no aliases.
    init(yams node: Node) {
        switch node {
        case .scalar(let scalar):
            self = .scalar(YAMLScalar(string: scalar.string, isPlain: scalar.style == .plain, mark: YAMLMark(scalar.mark)))
        case .sequence(let sequence):
            self = .sequence(YAMLSequence(items: sequence.map(YAMLNode.init(yams:)), mark: YAMLMark(sequence.mark)))
        case .mapping(let mapping):
            var names = Set<String>()
            var namesAreUnique = true
            let pairs = mapping.map { key, value in
                let pair = YAMLPair(name: key.scalar?.string ?? YAMLNode(yams: key).kindDescription,
                                    keyIsScalar: key.scalar != nil, keyMark: YAMLMark(key.mark), value: YAMLNode(yams: value))
                if !names.insert(pair.name).inserted { namesAreUnique = false }
                return pair
            }
            self = .mapping(YAMLMapping(pairs: pairs, mark: YAMLMark(mapping.mark), namesAreUnique: namesAreUnique))
        case .alias(let alias):
            // Not made by `Yams.compose`; read as the text of the alias's name, so nothing is lost if it ever is.
            self = .scalar(YAMLScalar(string: "*\(alias.anchor.rawValue)", isPlain: false, mark: YAMLMark(alias.mark)))
        }
    }
}

extension YAMLMark {
    init?(_ mark: Mark?) {
        guard let mark else { return nil }
        self.init(line: mark.line, column: mark.column)
    }
}
