import SiteModel

/// Writes an imported service as a Signpost service file: front matter with one line per key (flow style, so a
/// later import can tell which keys a person changed), then the description as the Markdown body.
public enum ServiceFileWriter {
    /// The front matter's keys and lines, in the order the file has them, and the body.
    public struct Parts: Equatable, Sendable {
        public var keys: [(key: String, line: String)]
        public var body: String

        public static func == (lhs: Parts, rhs: Parts) -> Bool {
            lhs.keys.map { "\($0.key)\u{0}\($0.line)" } == rhs.keys.map { "\($0.key)\u{0}\($0.line)" } && lhs.body == rhs.body
        }

        public func line(_ key: String) -> String? { keys.first { $0.key == key }?.line }

        /// The whole file.
        public var text: String {
            "---\n" + keys.map { $0.line + "\n" }.joined() + "---\n" + (body.isEmpty ? "" : body + "\n")
        }
    }

    /// The parts of a service file read back: each top-level key with its lines (a key's value may go on over the
    /// lines that follow it, indented or starting with `-`), and the body. Nil when it has no front matter.
    public static func parts(of text: String) -> Parts? {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        guard normalised.hasPrefix("---\n") else { return nil }
        let rest = normalised.dropFirst(4)
        guard let end = rest.range(of: "\n---\n") ?? (rest.hasSuffix("\n---") ? rest.range(of: "\n---", options: .backwards) : nil)
            ?? (rest.hasPrefix("---\n") ? rest.range(of: "---\n") : nil) else { return nil }
        let front = rest[..<end.lowerBound]
        var body = String(rest[end.upperBound...])
        while body.hasSuffix("\n") { body.removeLast() }
        var keys: [(key: String, line: String)] = []
        for line in front.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = String(line)
            if let colon = text.firstIndex(of: ":"), let first = text.first, first.isLetter,
               text[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                keys.append((String(text[..<colon]), text))
            } else if !keys.isEmpty {
                keys[keys.count - 1].line += "\n" + text
            } else if !text.trimmingCharacters(in: .whitespaces).isEmpty {
                keys.append(("#", text))  // A comment or anything else before the first key: kept as it is.
            }
        }
        return Parts(keys: keys, body: body)
    }

    /// The file for an imported service, with the Signpost id `slug`.
    public static func parts(for s: ImportedService, slug: String, breakTypes: [BreakType], areas: [String]) -> Parts {
        var keys: [(String, String)] = []
        func add(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { keys.append((key, "\(key): \(value)")) }
        }
        let (summary, body) = summaryAndBody(s.description, name: s.name)
        add("id", slug)
        add("openreferral_id", quoted(fileID(for: s.id)))
        add("name", quoted(s.name))
        add("summary", quoted(summary))
        add("status", ["inactive": "inactive", "defunct": "defunct", "temporarily closed": "temporarily-closed"][s.status?.lowercased() ?? ""])
        if let name = s.organizationName {
            add("organization", flow([("name", quoted(name)), ("website", s.organizationWebsite.flatMap(webAddress).map(quoted))]))
        }
        add("break_types", list(breakTypes.map(\.rawValue)))
        if s.minimumAge != nil || s.maximumAge != nil {
            add("ages", flow([("min", s.minimumAge.map(String.init)), ("max", s.maximumAge.map(String.init))]))
        }
        add("areas", list(areas.map(quoted)))
        add("eligibility", s.eligibility.map(quoted))
        add("how_to_get_it", s.applicationProcess.map(quoted))
        add("costs", list(s.costRows.map { cost in
            flow([("option", quoted(cost.option)), ("amount", amount(cost.pence)), ("currency", cost.currency),
                  ("description", cost.description.map(quoted))])!
        }))
        add("languages", list(s.languages))
        add("accessibility", list(s.accessibility.map(slug(of:)).filter { !$0.isEmpty }))
        add("contact", flow([("phone", s.phone.map(quoted)), ("email", s.email.map(quoted)),
                             ("website", s.website.flatMap(webAddress).map(quoted))]))
        if s.locationName != nil || s.street != nil || s.city != nil || s.postcode != nil {
            let address = flow([("street", s.street.map(quoted)), ("city", s.city.map(quoted)), ("postcode", s.postcode.map(quoted))])
            add("location", flow([("name", s.locationName.map(quoted)), ("address", address)]))
        }
        add("hours", list(s.hours.map { hours in
            flow([("days", list(hours.days.map(\.rawValue))), ("opens", quoted(hours.opens)), ("closes", quoted(hours.closes))])!
        }))
        add("checked", s.checked)
        return Parts(keys: keys, body: body)
    }

    /// The summary (a service's first paragraph when it is short enough, else its first sentence, else its first
    /// 25 words) and the Markdown body (the rest, or the whole description when the summary was cut from it).
    public static func summaryAndBody(_ description: String, name: String) -> (String, String) {
        let text = description.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return (name + ".", "") }
        let paragraphs = text.components(separatedBy: "\n\n")
        let first = paragraphs[0].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if first.split(separator: " ").count <= 25 {
            return (first, paragraphs.dropFirst().joined(separator: "\n\n").trimmingCharacters(in: .whitespacesAndNewlines))
        }
        if let stop = first.range(of: ". "), first[..<stop.lowerBound].split(separator: " ").count < 25 {
            return (String(first[..<stop.lowerBound]) + ".", text)
        }
        return (first.split(separator: " ").prefix(25).joined(separator: " ") + "…", text)
    }

    /// The `openreferral_id` a service file records for a feed's id: the id itself when it is a UUID, as the HSDS 3.0
    /// UK profile has them; otherwise (older feeds number their services) a name-based UUID made from it, the same at
    /// every import, so the build (which takes only UUIDs) accepts the file and a later import finds it again.
    public static func fileID(for feedID: String) -> String {
        NameUUID.isUUID(feedID) ? feedID : NameUUID.v5("openreferral-feed-id:" + feedID)
    }

    /// A YAML double-quoted string: JSON's escapes, which YAML reads the same way.
    public static func quoted(_ text: String) -> String {
        var json = JSONBytes()
        json.string(text)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    static func flow(_ pairs: [(String, String?)]) -> String? {
        let present = pairs.compactMap { key, value in value.map { "\(key): \($0)" } }
        return present.isEmpty ? nil : "{ " + present.joined(separator: ", ") + " }"
    }

    static func list(_ items: [String]) -> String? { items.isEmpty ? nil : "[" + items.joined(separator: ", ") + "]" }

    /// Whole pence as the amount people read: `40.71`, or `40` for whole pounds.
    static func amount(_ pence: Int) -> String {
        pence % 100 == 0 ? String(pence / 100) : "\(pence / 100).\(pence % 100 < 10 ? "0" : "")\(pence % 100)"
    }

    static func webAddress(_ text: String) -> String? { WebAddress.isValid(text) ? text : nil }

    /// `Wheelchair access` → `wheelchair-access`; the ASCII letters and digits of a name, joined by hyphens.
    public static func slug(of text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for c in folded.unicodeScalars {
            if c.isASCII && (CharacterSet.lowercaseLetters.contains(c) || CharacterSet.decimalDigits.contains(c)) {
                slug.unicodeScalars.append(c)
            } else if !slug.isEmpty && !slug.hasSuffix("-") && c != "'" && c != "’" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return String(slug.prefix(80)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}

import Foundation
