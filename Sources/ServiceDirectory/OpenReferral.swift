import Foundation
import SiteModel

/// Exports in Open Referral UK (the UK profile of HSDS 3): `/openreferral/services.json`, a paged list, and
/// `/openreferral/services/<id>.json` for each service. Field names are the standard's.
public struct OpenReferral: Sendable {
    public static let pageSize = 100

    let entries: [ServiceEntry]
    /// The site's web address and base path, for full links to service pages.
    let siteURL: String

    public init(entries: [ServiceEntry], siteURL: String) {
        self.entries = entries
        self.siteURL = siteURL
    }

    /// Files to write, by path relative to the output folder.
    public func files() -> [String: Data] {
        let pages = max(1, (entries.count + Self.pageSize - 1) / Self.pageSize)
        // Each service's record is made once and used in its own file and in its page of the list; records and
        // their files are written on every core.
        let records = Parallel.map(entries) { entry in
            let full = service(entry, full: true)
            return (short: service(entry, full: false), file: Data(full.bytes(indent: 2)))
        }
        var files: [String: Data] = [:]
        files.reserveCapacity(entries.count + pages)
        let lists = Parallel.map(Array(1...pages)) { page -> (String, Data) in
            let slice = Array(records[min(records.count, (page - 1) * Self.pageSize)..<min(records.count, page * Self.pageSize)])
            let list: JSONValue = [
                "total_items": .integer(entries.count), "total_pages": .integer(pages), "page_number": .integer(page),
                "size": .integer(slice.count), "first_page": .bool(page == 1), "last_page": .bool(page == pages),
                "empty": .bool(entries.isEmpty), "contents": .array(slice.map(\.short)),
            ]
            let name = page == 1 ? "openreferral/services.json" : "openreferral/services-page-\(page).json"
            return (name, Data(list.bytes(indent: 2)))
        }
        for (name, data) in lists { files[name] = data }
        for (entry, record) in zip(entries, records) {
            files["openreferral/services/\(entry.id).json"] = record.file
        }
        return files
    }

    /// One service in the standard's shape. The list leaves out the arrays of child records, as the standard allows.
    func service(_ entry: ServiceEntry, full: Bool) -> JSONValue {
        let s = entry.service
        var record: JSONValue = [
            "id": .string(uuid("service", s.id)),
            "name": .string(s.name),
            "description": .string(s.summary),
            "url": .string(siteURL + "/services/\(s.id)/"),
            "status": .string(s.status == .temporarilyClosed ? "temporarily closed" : s.status.rawValue),
        ]
        record = record.adding("email", .text(s.contact?.email))
            .adding("minimum_age", .int(s.ages?.min))
            .adding("maximum_age", .int(s.ages?.max))
            .adding("assured_date", .text(s.checked?.iso))
            .adding("eligibility_description", .text(s.eligibility))
            .adding("application_process", .text(s.howToGetIt))
        guard full else { return record }
        if let organization = s.organization {
            record = record.adding("organization", JSONValue.object([
                ("id", .string(uuid("organization", organization.name))), ("name", .string(organization.name)),
            ]).adding("website", .text(organization.website)))
        }
        record = record.adding("service_areas", .array(s.areas.map {
            ["id": .string(uuid("area", s.id + $0)), "name": .string($0)]
        }))
        record = record.adding("languages", .array(s.languages.map {
            ["id": .string(uuid("language", s.id + $0)), "name": .string(Facts.language($0)), "code": .string($0)]
        }))
        record = record.adding("cost_options", .array(s.costs.enumerated().map { index, cost in
            JSONValue.object([
                ("id", .string(uuid("cost", "\(s.id)/\(index)"))), ("option", .string(cost.option)),
                ("amount", .number(cost.amount)), ("currency", .string(cost.currency ?? "GBP")),
            ]).adding("amount_description", .text(cost.description))
        }))
        record = record.adding("schedules", .array(s.hours.enumerated().map { index, hours in
            ["id": .string(uuid("schedule", "\(s.id)/\(index)")), "freq": "WEEKLY",
             "byday": .string(hours.days.map { $0.rawValue.uppercased() }.joined(separator: ",")),
             "opens_at": .string(hours.opens), "closes_at": .string(hours.closes),
             "description": .string(Facts.hours(hours))]
        }))
        if let contact = s.contact, contact.phone != nil || contact.email != nil {
            let person = JSONValue.object([("id", .string(uuid("contact", s.id))), ("name", .string(s.name))])
                .adding("email", .text(contact.email))
                .adding("phones", contact.phone.map { .array([["id": .string(uuid("phone", s.id)), "number": .string($0)]]) })
            record = record.adding("contacts", .array([person]))
        }
        if let location = s.location {
            var place = JSONValue.object([("id", .string(uuid("location", s.id))), ("location_type", "physical")])
                .adding("name", .text(location.name))
            if let address = location.address {
                let physical = JSONValue.object([("id", .string(uuid("address", s.id)))])
                    .adding("address_1", .text(address.street)).adding("city", .text(address.city))
                    .adding("postal_code", .text(address.postcode)).adding("country", "GB")
                place = place.adding("addresses", .array([physical]))
            }
            record = record.adding("service_at_locations", .array([
                ["id": .string(uuid("service_at_location", s.id)), "location": place],
            ]))
        }
        record = record.adding("attributes", .array(s.breakTypes.map { type in
            ["id": .string(uuid("attribute", "\(s.id)/\(type.rawValue)")),
             "taxonomy_term": ["id": .string(uuid("taxonomy_term", type.rawValue)), "code": .string(type.rawValue),
                               "name": .string(type.label), "vocabulary": "signpost-break-types"]]
        }))
        return record
    }

    func uuid(_ kind: String, _ name: String) -> String { Self.uuid(kind, name) }

    static func uuid(_ kind: String, _ name: String) -> String {
        func fnv(_ text: String, _ seed: UInt64) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            return hash
        }
        let key = kind + ":" + name
        // 32 hex digits, written straight into bytes: `String(format:)` was a measurable part of the exports.
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(36)
        for hash in [fnv(key, 0), fnv(key, 0x9e37_79b9_7f4a_7c15)] {
            for shift in stride(from: 60, through: 0, by: -4) { hex.append(digits[Int((hash >> UInt64(shift)) & 0xF)]) }
        }
        // Version 5 and the RFC 4122 variant, so the ids pass a UUID check.
        hex[12] = UInt8(ascii: "5")
        hex[16] = UInt8(ascii: "a")
        for position in [8, 13, 18, 23] { hex.insert(UInt8(ascii: "-"), at: position) }
        return String(decoding: hex, as: UTF8.self)
    }
}

/// schema.org JSON-LD for a service page, so search engines understand it.
public enum StructuredData {
    /// The JSON text; `<`, `>` and `&` are escaped, so it cannot close its `<script>` element.
    public static func jsonLD(for entry: ServiceEntry, pageURL: String) -> String {
        let s = entry.service
        var object: JSONValue = [
            "@context": "https://schema.org",
            "@type": "GovernmentService",
            "name": .string(s.name),
            "description": .string(s.summary),
            "url": .string(pageURL),
            "serviceType": .string(s.breakTypes.map(\.label).joined(separator: ", ")),
            "areaServed": .array(s.areas.map { ["@type": "AdministrativeArea", "name": .string($0)] }),
        ]
        if let organization = s.organization {
            object = object.adding("provider", JSONValue.object([("@type", "Organization"), ("name", .string(organization.name))])
                .adding("url", .text(organization.website)))
        }
        if let contact = s.contact {
            object = object.adding("availableChannel", ["@type": "ServiceChannel", "serviceUrl": .string(contact.website ?? pageURL)])
            object = object.adding("contactPoint", JSONValue.object([("@type", "ContactPoint"), ("contactType", "enquiries")])
                .adding("telephone", .text(contact.phone)).adding("email", .text(contact.email)).adding("url", .text(contact.website)))
        }
        if !s.costs.isEmpty {
            object = object.adding("offers", .array(s.costs.map {
                ["@type": "Offer", "name": .string($0.option), "price": .number($0.amount), "priceCurrency": .string($0.currency ?? "GBP")]
            }))
        }
        if !s.languages.isEmpty { object = object.adding("availableLanguage", .array(s.languages.map { .string($0) })) }
        return String(decoding: object.bytes(), as: UTF8.self)
    }
}
