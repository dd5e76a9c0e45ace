import Foundation

/// Reads Open Referral feeds saved as JSON files: a `/services` list page (with `contents`, or `content` as ORUK v1's
/// pages have it), a full `/services/{id}` document, or an array of services, in the HSDS 3.0 UK profile or the
/// older ORUK v1 shape. Every problem is collected with its file and JSON path (`$.contents[3].name`); a service
/// that appears both in a list and as a full document is read from the full document.
public struct OpenReferralFeedReader {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public let file: String
        public let path: String
        public let message: String
        public var description: String { "\(file): \(path): \(message)" }
    }

    public private(set) var services: [ImportedService] = []
    public private(set) var problems: [Problem] = []
    /// Where each service was read from, by id, so a full document can replace a list's shorter record.
    private var fromFullDocument: [String: Bool] = [:]
    private var order: [String] = []
    private var byID: [String: ImportedService] = [:]
    /// Each service's record as the feed gave it, by id, so the same record read twice (a page saved twice) is told
    /// apart from two services given one id.
    private var records: [String: NSDictionary] = [:]

    public init() {}

    /// Reads one file's bytes; `file` names it in problems.
    public mutating func read(_ data: Data, file: String) {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error.localizedDescription)"
            problems.append(Problem(file: file, path: "$", message: "This is not JSON: \(reason)"))
            return
        }
        if let list = json as? [Any] {
            for (index, item) in list.enumerated() { readService(item, file: file, path: "$[\(index)]", full: true) }
        } else if let object = json as? [String: Any] {
            if let contents = object["contents"] ?? object["content"] {
                let key = object["contents"] != nil ? "contents" : "content"
                guard let items = contents as? [Any] else {
                    problems.append(Problem(file: file, path: "$.\(key)", message: "`\(key)` should be a list of services."))
                    return
                }
                // `/taxonomies` and `/taxonomy_terms` pages have the same shape: their records are not services.
                if let first = items.first as? [String: Any], first["status"] == nil,
                   ["term", "taxonomy_id", "taxonomy", "vocabulary", "taxonomy_terms", "version"].contains(where: { first[$0] != nil }) {
                    return
                }
                for (index, item) in items.enumerated() { readService(item, file: file, path: "$.\(key)[\(index)]", full: false) }
            } else if object["id"] != nil || object["name"] != nil {
                readService(object, file: file, path: "$", full: true)
            } else if object["version"] != nil && object["profile"] != nil {
                return  // The API's root document: nothing to import.
            } else {
                problems.append(Problem(file: file, path: "$", message: "This is not an Open Referral service, nor a page of services with `contents`."))
            }
        } else {
            problems.append(Problem(file: file, path: "$", message: "This is not an Open Referral service, nor a page of services with `contents`."))
        }
    }

    /// The services read, in the order first seen.
    public var result: [ImportedService] { order.compactMap { byID[$0] } }

    private mutating func readService(_ value: Any, file: String, path: String, full: Bool) {
        guard let object = value as? [String: Any] else {
            problems.append(Problem(file: file, path: path, message: "A service should be an object with `id` and `name`."))
            return
        }
        let id = Self.text(object["id"])
        let name = Self.text(object["name"])?.trimmingCharacters(in: .whitespacesAndNewlines)
        if id == nil || id!.isEmpty { problems.append(Problem(file: file, path: path + ".id", message: "This service has no `id`.")) }
        if name == nil || name!.isEmpty { problems.append(Problem(file: file, path: path + ".name", message: "This service has no name.")) }
        guard let id, !id.isEmpty, let name, !name.isEmpty else { return }
        if let other = byID[id] {
            // A list's short record and the full document of one service are one service; so is one record read
            // twice. Two different records with one id are two services, and neither is dropped without a word.
            let sameRecord = records[id]?.isEqual(to: object) == true
            let listAndFull = fromFullDocument[id] != full
            if !sameRecord && !listAndFull {
                problems.append(Problem(file: file, path: path + ".id", message:
                    "This service, “\(name)”, has the id `\(id)`, which “\(other.name)” (\(other.origin.file): \(other.origin.path)) "
                    + "has too. Every service in a feed needs its own id: ask whoever runs the feed to put it right, "
                    + "or leave out the file that has one of them."))
                return
            }
            if fromFullDocument[id] == true, !full { return }
        }
        var fieldProblems: [Problem] = []
        var service = Self.service(object, id: id, name: name, file: file, path: path, problems: &fieldProblems)
        problems += fieldProblems
        service.origin = (file, path)
        if byID[id] == nil { order.append(id) }
        byID[id] = service
        records[id] = object as NSDictionary
        fromFullDocument[id] = full || fromFullDocument[id] == true
    }

    // MARK: Fields, in both shapes

    /// A service's fields, in both shapes. Where a value cannot be written as the build reads it (a cost too large to
    /// count, an age that is not a whole number), it is a problem at its JSON path, never a guess or a crash; each
    /// field written is recorded with the JSON path it came from (`fieldPaths`), so the build's own checks of the
    /// written file (`OpenReferralImport.plan`) can name it too.
    static func service(_ o: [String: Any], id: String, name: String, file: String = "", path: String = "$",
                        problems: inout [Problem]) -> ImportedService {
        var s = ImportedService(id: id, name: name)
        func problem(_ at: String, _ message: String) { problems.append(Problem(file: file, path: path + at, message: message)) }
        s.fieldPaths["id"] = path + ".id"
        s.fieldPaths["openreferral_id"] = path + ".id"
        s.fieldPaths["name"] = path + ".name"
        s.fieldPaths["summary"] = path + (o["description"] != nil ? ".description" : ".short_description")
        s.fieldPaths["status"] = path + ".status"
        s.fieldPaths["organization"] = path + ".organization"
        s.fieldPaths["eligibility"] = path + ".eligibility_description"
        s.fieldPaths["how_to_get_it"] = path + ".application_process"
        s.fieldPaths["checked"] = path + ".assured_date"
        s.fieldPaths["areas"] = path + ".service_areas"
        s.fieldPaths["languages"] = path + ".languages"
        s.fieldPaths["location"] = path + ".service_at_locations"
        s.fieldPaths["accessibility"] = path + ".service_at_locations"
        s.fieldPaths["hours"] = path + (o["schedules"] != nil ? ".schedules" : ".regular_schedules")
        s.fieldPaths["break_types"] = path + (o["attributes"] != nil ? ".attributes" : ".service_taxonomys")
        s.description = text(o["description"]) ?? text(o["short_description"]) ?? ""
        s.status = text(o["status"])
        if let organization = o["organization"] as? [String: Any], let name = text(organization["name"]) {
            s.organizationName = name
            s.organizationWebsite = text(organization["website"]) ?? text(organization["url"])
        }
        s.email = text(o["email"])
        s.website = text(o["url"])
        s.eligibility = text(o["eligibility_description"])
        s.applicationProcess = text(o["application_process"])
        // An age is a whole number of years; anything else is said, not dropped.
        func age(_ value: Any?, _ at: String) -> Int? {
            guard let value, !(value is NSNull) else { return nil }
            guard let whole = int(value) else {
                problem(at, "An age is a whole number of years, such as 18, not `\(text(value) ?? "\(value)")`.")
                return nil
            }
            s.fieldPaths["ages"] = s.fieldPaths["ages"] ?? path + at
            return whole
        }
        s.minimumAge = age(o["minimum_age"], ".minimum_age")
        s.maximumAge = age(o["maximum_age"], ".maximum_age")
        // ORUK v1 keeps ages and eligibility in `eligibilitys`.
        for (index, rule) in objects(o["eligibilitys"]).enumerated() {
            if s.minimumAge == nil { s.minimumAge = age(rule["minimum_age"], ".eligibilitys[\(index)].minimum_age") }
            if s.maximumAge == nil { s.maximumAge = age(rule["maximum_age"], ".eligibilitys[\(index)].maximum_age") }
            if s.eligibility == nil {
                s.eligibility = text(rule["eligibility"])
                if s.eligibility != nil { s.fieldPaths["eligibility"] = path + ".eligibilitys[\(index)].eligibility" }
            }
        }
        s.checked = text(o["assured_date"]).map { String($0.prefix(10)) }.flatMap { CalendarDateText.isDate($0) ? $0 : nil }
        // Phones: the service's own, then its contacts'.
        let phones = objects(o["phones"]).enumerated().map { (".phones[\($0.offset)].number", $0.element) }
            + objects(o["contacts"]).enumerated().flatMap { contact in
                objects(contact.element["phones"]).enumerated().map { (".contacts[\(contact.offset)].phones[\($0.offset)].number", $0.element) }
            }
        if let (at, phone) = phones.lazy.compactMap({ at, row in text(row["number"]).map { (at, $0) } }).first {
            s.phone = phone
            s.fieldPaths["contact.phone"] = path + at
        }
        if s.email != nil {
            s.fieldPaths["contact.email"] = path + ".email"
        } else if let (index, email) = objects(o["contacts"]).enumerated().lazy
            .compactMap({ index, contact in text(contact["email"]).map { (index, $0) } }).first {
            s.email = email
            s.fieldPaths["contact.email"] = path + ".contacts[\(index)].email"
        }
        s.fieldPaths["contact.website"] = path + ".url"
        s.fieldPaths["contact"] = s.fieldPaths["contact.email"] ?? s.fieldPaths["contact.phone"] ?? path + ".url"
        s.fieldPaths["costs"] = path + ".cost_options"
        for (index, cost) in objects(o["cost_options"]).enumerated() {
            guard let value = cost["amount"], !(value is NSNull) else { continue }
            let at = ".cost_options[\(index)].amount"
            // Every amount is checked before it is counted in whole pence: `1e300`, `"inf"`, `"nan"` or 23 digits
            // would not fit, and more than the build allows is surely a mistake.
            guard let amount = number(value), amount.isFinite else {
                problem(at, "`\(text(value) ?? "\(value)")` is not an amount of money. Write it as a number of pounds, such as 40.50.")
                continue
            }
            guard amount <= ServiceLoader.largestCost else {
                problem(at, "A cost of \(text(value) ?? "\(amount)") is more than \(Int(ServiceLoader.largestCost)), which is surely a mistake. Check the amount in the feed.")
                continue
            }
            guard amount >= 0 else {
                problem(at, "A cost can't be below zero, like \(text(value) ?? "\(amount)"). Use 0 for a free option.")
                continue
            }
            if s.costRows.isEmpty { s.fieldPaths["costs"] = path + ".cost_options[\(index)]" }
            s.costRows.append(.init(option: text(cost["option"]) ?? "Cost", pence: Int((amount * 100).rounded()),
                                    currency: text(cost["currency"]), description: text(cost["amount_description"])))
        }
        s.languages = objects(o["languages"]).compactMap { language in
            LanguageCodes.code(text(language["code"]) ?? text(language["name"]) ?? text(language["language"]) ?? "")
        }
        var seenLanguages = Set<String>()
        s.languages = s.languages.filter { seenLanguages.insert($0).inserted }
        s.areas = objects(o["service_areas"]).compactMap { text($0["name"]) ?? text($0["service_area"]) }
        // Locations: v3 `service_at_locations[].location`, v1 `service_at_locations[].location` too, addresses as
        // `addresses` (v3) or `physical_addresses` (v1).
        if let location = objects(o["service_at_locations"]).lazy.compactMap({ $0["location"] as? [String: Any] }).first {
            s.locationName = text(location["name"])
            let address = objects(location["addresses"]).first { text($0["address_type"]) != "postal" }
                ?? objects(location["addresses"]).first ?? objects(location["physical_addresses"]).first
            if let address {
                s.street = [text(address["address_1"]), text(address["address_2"])].compactMap { $0 }.joined(separator: ", ").nonEmpty
                s.city = text(address["city"])
                s.postcode = text(address["postal_code"])
            }
            s.accessibility = (objects(location["accessibility"]) + objects(location["accessibility_for_disabilities"]))
                .compactMap { text($0["accessibility"]) ?? text($0["description"]) }
        }
        s.hours = schedules(objects(o["schedules"]) + objects(o["regular_schedules"]))
        // Terms: v3 `attributes[].taxonomy_term`, v1 `service_taxonomys[].taxonomy`.
        for attribute in objects(o["attributes"]) {
            if let term = attribute["taxonomy_term"] as? [String: Any] { s.terms.append(names(of: term)) }
        }
        for link in objects(o["service_taxonomys"]) {
            if let term = link["taxonomy"] as? [String: Any] { s.terms.append(names(of: term)) }
        }
        s.terms = s.terms.filter { !$0.isEmpty }
        return s
    }

    static func names(of term: [String: Any]) -> [String] {
        [text(term["name"]), text(term["term"]), text(term["code"]), text(term["id"])].compactMap { $0 }
    }

    static let weekdays: [String: Weekday] = [
        "mo": .mo, "tu": .tu, "we": .we, "th": .th, "fr": .fr, "sa": .sa, "su": .su, "monday": .mo, "tuesday": .tu,
        "wednesday": .we, "thursday": .th, "friday": .fr, "saturday": .sa, "sunday": .su,
    ]

    /// Weekly schedules as opening hours: v3 `byday` (`MO,TU`) or v1 `weekday` (`Monday`), with `opens_at` and
    /// `closes_at`; v1's one row per day is joined into one line per pair of times.
    static func schedules(_ rows: [[String: Any]]) -> [Hours] {
        var hours: [Hours] = []
        for row in rows {
            guard let opens = time(row["opens_at"]), let closes = time(row["closes_at"]) else { continue }
            let dayText = text(row["byday"]) ?? text(row["weekday"]) ?? ""
            let days = dayText.split(whereSeparator: { $0 == "," || $0 == " " })
                .compactMap { weekdays[$0.lowercased()] }
            guard !days.isEmpty else { continue }
            if let index = hours.firstIndex(where: { $0.opens == opens && $0.closes == closes }) {
                for day in days where !hours[index].days.contains(day) { hours[index].days.append(day) }
            } else {
                hours.append(Hours(days: days, opens: opens, closes: closes))
            }
        }
        return hours.map { Hours(days: Weekday.allCases.filter($0.days.contains), opens: $0.opens, closes: $0.closes) }
    }

    /// `09:00:00` or `9:00` → `09:00`.
    static func time(_ value: Any?) -> String? {
        guard let text = text(value) else { return nil }
        let parts = text.split(separator: ":")
        guard parts.count >= 2, let h = Int(parts[0]), let m = Int(parts[1].prefix(2)), (0...24).contains(h), (0...59).contains(m) else { return nil }
        return String(format: "%02d:%02d", h, m)
    }

    static func text(_ value: Any?) -> String? {
        if let string = value as? String { return string.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty }
        if let number = value as? NSNumber, !(value is Bool) { return number.stringValue }
        return nil
    }

    static func number(_ value: Any?) -> Double? {
        if let number = value as? NSNumber { return number.doubleValue }
        if let string = value as? String { return Double(string.replacingOccurrences(of: "£", with: "")) }
        return nil
    }

    static func int(_ value: Any?) -> Int? { number(value).flatMap { $0.isFinite ? Int(exactly: $0.rounded()) : nil } }

    static func objects(_ value: Any?) -> [[String: Any]] { (value as? [Any])?.compactMap { $0 as? [String: Any] } ?? [] }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

/// `2026-10-25` and nothing else.
enum CalendarDateText {
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return text.count == 10 && parts.count == 3 && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}

/// Language names and codes as feeds give them (`Urdu`, `ur`, `urd`) → the two-letter codes service files use.
enum LanguageCodes {
    static func code(_ value: String) -> String? {
        let lowered = value.lowercased().trimmingCharacters(in: .whitespaces)
        if lowered.count == 2, lowered.allSatisfy({ $0.isASCII && $0.isLetter }) { return lowered }
        if let code = Facts.languageNames.first(where: { $0.value.lowercased() == lowered })?.key { return code }
        return ["eng": "en", "guj": "gu", "pan": "pa", "urd": "ur", "hin": "hi", "ben": "bn", "pol": "pl", "som": "so",
                "ara": "ar", "cym": "cy", "wel": "cy"][lowered]
    }
}
