/// Writes a review file as YAML, in the order the README shows: the page, then each session, oldest first.
public enum ReviewYAML {
    public static func text(of file: ReviewFile) -> String {
        var lines = [
            "# Reviews of \(file.page) by self-advocacy groups, oldest first. See \"Reviews by self-advocacy groups\" in the README.",
            "page: \(quoted(file.page))",
            "sessions:",
        ]
        for session in file.sessions {
            lines.append("  - date: \(session.date.iso)")
            lines.append("    group: \(quoted(session.group))")
            if let facilitator = session.facilitator { lines.append("    facilitator: \(quoted(facilitator))") }
            lines.append("    hash: \(session.hash)")
            lines.append("    outcome: \(session.outcome.rawValue)")
            if session.points.isEmpty { continue }
            lines.append("    points:")
            for answers in session.points {
                lines.append("      - point: \(answers.point)")
                if let hash = answers.hash { lines.append("        hash: \(hash)") }
                lines.append("        understand: \(answers.understand)")
                lines.append("        do_not_understand: \(answers.doNotUnderstand)")
                lines.append("        change_picture: \(answers.changePicture)")
                if let notes = answers.notes, !notes.allSatisfy(\.isWhitespace) { lines.append("        notes: \(quoted(notes))") }
                if answers.dealtWith { lines.append("        dealt_with: true") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text as a YAML double-quoted string: quotes, backslashes and control characters escaped, so any words a group
    /// wrote come back exactly as they were.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
