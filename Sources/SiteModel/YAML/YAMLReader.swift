import Markdown
import Yams

/// What `YAMLReader` found: the value when it had no errors, every problem, and where each top-level key is.
public struct YAMLDecoded<T> {
    public var value: T?
    public var diagnostics: [Diagnostic]
    /// The tree the value was decoded from, and how many lines of the file came before it.
    let root: YAMLNode?
    let lineOffset: Int

    /// Line and column of each key in the file, by dotted path (`title`, `contact.phone`), for later errors about
    /// its value. Worked out when asked, each time: a file with no problem in its values may never need them.
    public var keyPositions: [String: SourcePosition] {
        var positions: [String: SourcePosition] = [:]
        if let root { YAMLReader.recordKeys(of: root, prefix: "", lineOffset: lineOffset, into: &positions) }
        return positions
    }

    /// Where one key of the top mapping is, without working out the places of the others.
    public func position(ofTopKey key: String) -> SourcePosition? {
        guard case .mapping(let mapping)? = root,
              let mark = mapping.pairs.first(where: { $0.keyIsScalar && $0.name == key })?.keyMark else { return nil }
        return SourcePosition(line: mark.line + lineOffset, column: mark.column)
    }
}

/// Turns YAML text into a typed value, or into every problem it has, each placed at its line and column.
public enum YAMLReader {
    /// - Parameters:
    ///   - yaml: the YAML text.
    ///   - file: the file's path relative to the content folder, for messages.
    ///   - lineOffset: how many lines of the file come before `yaml`.
    /// - Returns: the value, when there were no errors, and every problem found.
    public static func decode<T: Decodable>(_ type: T.Type, from yaml: String, file: String,
                                           lineOffset: Int = 0) -> YAMLDecoded<T> {
        decode(type, from: yaml, file: file, lineOffset: lineOffset, alwaysYams: false)
    }

    /// As `decode(_:from:file:lineOffset:)`; with `alwaysYams`, the tree is always the one Yams composes (after the
    /// same checks of its shape), as it was before `YAMLTreeReader`, so tests can show the two give the same results.
    static func decode<T: Decodable>(_ type: T.Type, from yaml: String, file: String, lineOffset: Int,
                                    alwaysYams: Bool) -> YAMLDecoded<T> {
        func diagnostic(_ mark: YAMLMark?, _ message: String) -> Diagnostic {
            Diagnostic(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1, message: message)
        }
        let root: YAMLNode
        switch YAMLTreeReader.read(yaml) {
        case .shapeProblem(let problem):
            return YAMLDecoded(value: nil, diagnostics: [Diagnostic(file: file, line: problem.line + lineOffset,
                                                                    column: problem.column, message: problem.message)],
                               root: nil, lineOffset: lineOffset)
        case .tree(let tree) where !alwaysYams:
            root = tree ?? emptyDocument
        case .tree, .needsYams:
            switch composeWithYams(yaml) {
            case .success(let tree): root = tree
            case .failure(let failure): return YAMLDecoded(value: nil, diagnostics: [diagnostic(failure.mark, failure.message)],
                                                          root: nil, lineOffset: lineOffset)
            }
        }
        let state = YAMLDecodingState()
        let decoder = YAMLNodeDecoder(node: root, state: state)
        var value: T?
        do {
            value = try decoder.decodeHere(type)
        } catch let problem as YAMLProblem {
            if !problem.alreadyReported { state.problems.append(problem) }
        } catch {
            state.problems.append(YAMLProblem(mark: root.mark, message: "\(error)"))
        }
        let diagnostics = state.problems.map { diagnostic($0.mark ?? root.mark, $0.message) }
        return YAMLDecoded(value: diagnostics.isEmpty ? value : nil, diagnostics: diagnostics, root: root,
                           lineOffset: lineOffset)
    }

    /// Records where every mapping key and list item is, by its dotted path: `title`,
    /// `checks.easy-read.sentence-length`, `costs.0.amount`.
    static func recordKeys(of node: YAMLNode, prefix: String, lineOffset: Int,
                                   into positions: inout [String: SourcePosition]) {
        switch node {
        case .sequence(let sequence):
            for (index, item) in sequence.items.enumerated() {
                let path = "\(prefix).\(index)"
                if let mark = item.mark { positions[path] = SourcePosition(line: mark.line + lineOffset, column: mark.column) }
                recordKeys(of: item, prefix: path, lineOffset: lineOffset, into: &positions)
            }
        case .mapping(let mapping):
            for pair in mapping.pairs where pair.keyIsScalar {
                let path = prefix.isEmpty ? pair.name : prefix + "." + pair.name
                if let mark = pair.keyMark {
                    positions[path] = SourcePosition(line: mark.line + lineOffset, column: mark.column)
                }
                recordKeys(of: pair.value, prefix: path, lineOffset: lineOffset, into: &positions)
            }
        case .scalar:
            break
        }
    }

    /// What stands for a document with nothing in it: a mapping with no keys, placed nowhere (so at line 1).
    private static let emptyDocument = YAMLNode.mapping(YAMLMapping(pairs: [], mark: nil, namesAreUnique: true))

    /// What Yams makes of `yaml`, for the documents `YAMLTreeReader` leaves to it, or its error in our words.
    static func composeWithYams(_ yaml: String) -> Result<YAMLNode, YAMLProblem> {
        do {
            // The basic resolver leaves every scalar as text: the decoder decides what each value must be, so Yams
            // does not need to try its regular expressions on every value.
            // The encoding is given, so Yams does not read the environment on every call.
            guard let node = try Yams.compose(yaml: yaml, .basic, sharedConstructor, .utf8) else {
                return .success(emptyDocument)
            }
            return .success(YAMLNode(yams: node))
        } catch let error as YamlError {
            let (mark, message) = describe(error)
            return .failure(YAMLProblem(mark: YAMLMark(mark), message: message))
        } catch {
            return .failure(YAMLProblem(mark: nil, message: "This YAML could not be read: \(error)."))
        }
    }

    /// Yams makes a new `Constructor`, with its tables, whenever it is asked for the default one. Composing a tree
    /// only stores it, and the decoder never uses it, so one is made for every document to share.
    nonisolated(unsafe) private static let sharedConstructor = Constructor.default

    private static func describe(_ error: YamlError) -> (Mark?, String) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            var message = "This YAML could not be read: \(problem)."
            if problem.contains("Maximum nesting level") {
                message = "This YAML is nested too deeply. Write it with fewer levels."
            } else if problem.contains("mapping values are not allowed") {
                message += " A value that has a colon in it must be put in quotes, like `title: \"Breaks: a guide\"`."
            } else if problem.contains("found character that cannot start any token") {
                message += " Check for a tab: YAML needs spaces for indenting."
            }
            return (mark, message)
        default:
            return (nil, "This YAML could not be read: \(error).")
        }
    }
}
