/// The limits on a YAML document's shape, checked as it is read (`YAMLTreeReader`): how deeply it nests, and how
/// large it becomes once every alias (`*name`) is replaced by what it names.
///
/// A few hundred bytes of aliases of aliases expand to billions of values (the "billion laughs"), and a few thousand
/// `[` nest deeper than any reader's stack. Both are refused, at the line of the alias or of the nesting, in time
/// proportional to the text, before anything is built from them. So is a key given twice in one mapping.
enum YAMLShape {
    /// Deeper than any real front matter, site.yml or glossary, and well within the stack of a build's threads.
    static let deepestNesting = 64
    /// Aliases may add at most this many values beyond four times the values written out.
    static let aliasAllowance = 10_000
    /// Keys at least this long are not compared with the others for repeats; Yams compares them instead.
    static let longestComparedKey = 10_000

    struct Problem {
        var line: Int
        var column: Int
        var message: String
    }

    static func nestedTooDeeply(at mark: YAMLMark) -> Problem {
        Problem(line: mark.line, column: mark.column,
                message: "This YAML is nested more than \(deepestNesting) levels deep here. Write it with fewer levels.")
    }

    static func aliasTooLarge(_ alias: String, at mark: YAMLMark) -> Problem {
        Problem(line: mark.line, column: mark.column,
                message: "The alias `*\(alias)` makes this YAML far larger than it is written (aliases that repeat aliases). Write the values out instead.")
    }

    static func keyGivenTwice(_ key: String, at mark: YAMLMark) -> Problem {
        Problem(line: mark.line, column: mark.column, message: "`\(key)` is given twice here. Keep one of them.")
    }

    /// `a + b`, or `Int.max` when that would overflow: sizes of aliased values only ever need comparing with a limit.
    static func saturating(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
