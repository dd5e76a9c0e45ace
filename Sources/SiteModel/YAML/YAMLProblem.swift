/// A problem met while reading YAML: what is wrong, and where.
struct YAMLProblem: Error {
    var mark: YAMLMark?
    var message: String
    /// Thrown after the problems it stands for were recorded, to stop decoding a value that cannot be made.
    var alreadyReported = false

    static let reported = YAMLProblem(mark: nil, message: "", alreadyReported: true)
}

extension Decoder {
    /// Decodes a required value, recording a problem instead of stopping, so that every missing or wrong required
    /// field of a value is reported in one go. Returns nil when there was a problem.
    public func collecting<T>(_ decode: () throws -> T) throws -> T? {
        do {
            return try decode()
        } catch let problem as YAMLProblem where !problem.alreadyReported {
            guard let yaml = self as? YAMLNodeDecoder else { throw problem }
            yaml.state.problems.append(problem)
            return nil
        }
    }

    /// Stops decoding a value whose problems `collecting` has already recorded.
    public func stopAfterReportedProblems() -> Error { YAMLProblem.reported }
}

/// What every decoder over one YAML document shares: the problems found so far.
final class YAMLDecodingState {
    var problems: [YAMLProblem] = []
}

/// `ages.min` or `costs[2].amount`: the place of a value inside the YAML, as a person would write it.
func describe(_ path: [CodingKey]) -> String {
    var text = ""
    for key in path {
        if let index = key.intValue {
            text += "[\(index)]"
        } else {
            text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
        }
    }
    return text.isEmpty ? "front matter" : text
}

/// A coding key for list positions.
struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
