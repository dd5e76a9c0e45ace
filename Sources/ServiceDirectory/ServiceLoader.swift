import Foundation
import Markdown
import SiteModel

/// Reads every file under `services/` and checks it: required fields, unique ids, allowed values, ages, costs, times,
/// addresses and how recently the details were checked. Every problem is collected, with file, line and column.
public struct ServiceLoader: Sendable {
    /// The day the build runs, for "Details may be out of date".
    public var today: CalendarDate
    /// Whether a picture a service refers to exists.
    public var pictureExists: @Sendable (_ reference: String, _ path: String) -> Bool

    public init(today: CalendarDate = .today, pictureExists: @escaping @Sendable (String, String) -> Bool = { _, _ in true }) {
        self.today = today
        self.pictureExists = pictureExists
    }

    public func load(_ paths: [String], from source: any ContentSource) -> (entries: [ServiceEntry], diagnostics: [Diagnostic]) {
        var entries: [ServiceEntry] = []
        var diagnostics: [Diagnostic] = []
        var owners: [String: String] = [:]
        // Files are read and parsed on every core; the checks that compare services run after, in order.
        let loaded = Parallel.map(paths) { path -> (ServiceEntry?, SourcePosition, [Diagnostic]) in
            var problems: [Diagnostic] = []
            guard let (entry, decoded) = loadOne(path, from: source, diagnostics: &problems) else {
                return (nil, SourcePosition(line: 1, column: 1), problems)
            }
            // The places of the keys are worked out only for a service with a problem in its values, and checked
            // again with them; once checked, only the id's place is asked for again (below), so none are kept.
            // Even one key's place costs a dictionary of its own.
            var found = validate(entry)
            if !found.isEmpty { found = validate(entry.withPositions(decoded.keyPositions)) }
            problems += found
            return (entry, decoded.position(ofTopKey: "id") ?? SourcePosition(line: 1, column: 1), problems)
        }
        for (path, (loadedEntry, idPosition, problems)) in zip(paths, loaded) {
            diagnostics += problems
            guard let entry = loadedEntry else { continue }
            if let other = owners[entry.id] {
                diagnostics.append(Diagnostic(file: path, at: idPosition,
                                              message: "The id `\(entry.id)` is also used by `\(other)`. Every service needs its own id."))
                continue
            }
            owners[entry.id] = path
            entries.append(entry)
        }
        // Each name is lowercased once, not at every comparison.
        let keys = entries.map { (name: $0.service.name.lowercased(), id: $0.id) }
        let order = keys.indices.sorted { (keys[$0].name, keys[$0].id) < (keys[$1].name, keys[$1].id) }
        return (order.map { entries[$0] }, diagnostics)
    }

    /// The service in the file at `path`, without the places of its keys, and what its front matter was decoded
    /// from, which can say where each key is.
    func loadOne(_ path: String, from source: any ContentSource,
                 diagnostics: inout [Diagnostic]) -> (ServiceEntry, YAMLDecoded<Service>)? {
        guard let data = source.read(path) else {
            diagnostics.append(Diagnostic(file: path, line: 1, column: 1, message: "This file could not be read."))
            return nil
        }
        guard let text = ContentLoader.text(of: data, file: path, diagnostics: &diagnostics) else { return nil }
        guard case .success(let split) = SourceText.split(text) else {
            diagnostics.append(Diagnostic(file: path, line: 1, column: 1,
                                          message: "A service file starts with front matter between `---` lines, with at least `id`, `name` and `summary`."))
            return nil
        }
        let decoded = YAMLReader.decode(Service.self, from: split.frontMatter, file: path, lineOffset: split.frontMatterLineOffset)
        diagnostics += decoded.diagnostics
        guard let service = decoded.value else { return nil }
        let description = MarkdownDocument(split.body, lineOffset: split.bodyLineOffset)
        if let problem = ContentLoader.nestingProblem(in: description, file: path) {
            diagnostics.append(problem)
            return nil
        }
        return (ServiceEntry(path: path, service: service, description: description, body: split.body), decoded)
    }

    /// Every rule a service's values must keep.
    public func validate(_ entry: ServiceEntry) -> [Diagnostic] {
        let service = entry.service
        var problems: [Diagnostic] = []
        func error(_ key: String, _ message: String) {
            problems.append(Diagnostic(file: entry.path, at: entry.position(key), message: message))
        }
        if service.id.isEmpty || !Page.isValidSlug(service.id) || service.id.contains("/") {
            error("id", "The id `\(service.id)` can use only lowercase letters, digits and hyphens, and must have at least one.")
        } else if service.id.utf8.count > Page.longestSlugPart {
            error("id", "The id is \(service.id.utf8.count) letters long. Keep it to \(Page.longestSlugPart) or fewer.")
        }
        let words = service.summary.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        if words > 25 { error("summary", "The summary has \(words) words. Keep it to 25 words or fewer.") }
        for (index, area) in service.areas.enumerated() where Directory.slug(forArea: area).isEmpty {
            error("areas.\(index)", "`\(area)` is not the name of an area: it needs letters or digits.")
        }
        if service.breakTypes.isEmpty {
            error("break_types", "Give at least one kind of break in `break_types`: \(BreakType.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let ages = service.ages {
            if let min = ages.min, let max = ages.max, min > max {
                error("ages", "The youngest age (\(min)) is above the oldest (\(max)).")
            }
            for (key, value) in [("min", ages.min), ("max", ages.max)] where (value ?? 0) < 0 || (value ?? 0) > 130 {
                error("ages.\(key)", "`ages.\(key)` must be an age from 0 to 130.")
            }
        }
        for (index, cost) in service.costs.enumerated() {
            if cost.amount < 0 {
                error("costs.\(index).amount", "A cost can't be below zero. Use 0 for a free option.")
            } else if !(cost.amount <= Self.largestCost) {
                error("costs.\(index).amount", "A cost of more than \(Int(Self.largestCost)) is surely a mistake. Check the amount.")
            }
        }
        for (index, cost) in service.costs.enumerated() {
            if let currency = cost.currency, currency.count != 3 || !currency.allSatisfy(\.isUppercase) {
                error("costs.\(index).currency", "`currency` is a 3-letter code such as `GBP`, not `\(currency)`.")
            }
        }
        for (index, hours) in service.hours.enumerated() {
            for (key, time) in [("opens", hours.opens), ("closes", hours.closes)] where Self.minutes(time) == nil {
                error("hours.\(index).\(key)", "`\(time)` is not a time. Write times as HH:MM on a 24-hour clock, like \"09:00\" or \"17:30\".")
            }
            if hours.days.isEmpty { error("hours.\(index).days", "Give the days, like `[mo, tu, we]`.") }
        }
        for (key, url) in [("organization.website", service.organization?.website), ("contact.website", service.contact?.website)] {
            if let url, !Self.isWebAddress(url) {
                error(key, "`\(url)` is not a web address. Start it with https:// (or http://).")
            }
        }
        if let email = service.contact?.email, !Self.isEmail(email) {
            error("contact.email", "`\(email)` is not an email address.")
        }
        if let phone = service.contact?.phone, !Self.isPhone(phone) {
            error("contact.phone", "`\(phone)` is not a phone number. Use digits, spaces and an optional + at the start.")
        }
        for (index, code) in service.languages.enumerated() where !(code.count == 2 && code.allSatisfy { $0.isASCII && $0.isLowercase }) {
            error("languages.\(index)", "`\(code)` is not a language code. Use two-letter ISO 639-1 codes such as `en`, `pa` or `ur`.")
        }
        if let id = service.openReferralID, !NameUUID.isUUID(id) {
            error("openreferral_id", "`openreferral_id` is the service's id in an Open Referral feed, a UUID such as `ac148810-d857-441c-9679-408f346de14b`, not `\(id)`.")
        }
        if let picture = service.picture, !pictureExists(picture, entry.path) {
            error("picture", "The picture `\(picture)` does not exist.")
        }
        if let checked = service.checked {
            if checked > today {
                error("checked", "`checked` is \(checked.long), which has not happened yet.")
            } else if checked < today.addingMonths(-12) {
                problems.append(Diagnostic(file: entry.path, at: entry.position("checked"), level: .warning,
                                           message: "Details may be out of date: they were last checked on \(checked.long).",
                                           suggestion: "Check them with the service and change `checked`."))
            }
        }
        return problems
    }

    /// The largest cost a service can have: more is a typing mistake (and too large to count in pence).
    static let largestCost = 1_000_000.0

    /// `09:30` → 570; nil for anything that is not HH:MM.
    static func minutes(_ time: String) -> Int? {
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              (0...23).contains(h) || (h == 24 && m == 0), (0...59).contains(m) else { return nil }
        return h * 60 + m
    }

    static func isWebAddress(_ text: String) -> Bool { WebAddress.isValid(text) }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }

    static func isPhone(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // Each character a byte: digits, spaces, hyphens and brackets, with a + only at the start.
            let bytes = text.utf8
            return bytes.count(where: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) >= 3
                && bytes.enumerated().allSatisfy { index, byte in
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: " ")
                        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
                        || (byte == UInt8(ascii: "+") && index == 0)
                }
        }
        let digits = text.filter(\.isNumber).count
        return digits >= 3 && text.enumerated().allSatisfy { index, c in
            c.isNumber || c == " " || c == "-" || c == "(" || c == ")" || (c == "+" && index == 0)
        }
    }
}
