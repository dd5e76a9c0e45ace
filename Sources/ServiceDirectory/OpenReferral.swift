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
        var files: [String: Data] = [:]
        let pages = max(1, (entries.count + Self.pageSize - 1) / Self.pageSize)
        for page in 1...pages {
            let slice = Array(entries.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize))
            let list: [String: Any] = [
                "total_items": entries.count, "total_pages": pages, "page_number": page, "size": slice.count,
                "first_page": page == 1, "last_page": page == pages, "empty": entries.isEmpty,
                "contents": slice.map { service($0, full: false) },
            ]
            let name = page == 1 ? "openreferral/services.json" : "openreferral/services-page-\(page).json"
            files[name] = json(list)
        }
        for entry in entries {
            files["openreferral/services/\(entry.id).json"] = json(service(entry, full: true))
        }
        return files
    }

    /// One service in the standard's shape. The list leaves out the arrays of child records, as the standard allows.
    func service(_ entry: ServiceEntry, full: Bool) -> [String: Any] {
        let s = entry.service
        var record: [String: Any] = [
            "id": uuid("service", s.id),
            "name": s.name,
            "description": s.summary,
            "url": siteURL + "/services/\(s.id)/",
            "status": s.status == .temporarilyClosed ? "temporarily closed" : s.status.rawValue,
        ]
        if let email = s.contact?.email { record["email"] = email }
        if let min = s.ages?.min { record["minimum_age"] = min }
        if let max = s.ages?.max { record["maximum_age"] = max }
        if let checked = s.checked { record["assured_date"] = checked.iso }
        if let eligibility = s.eligibility { record["eligibility_description"] = eligibility }
        if let how = s.howToGetIt { record["application_process"] = how }
        guard full else { return record }
        if let organization = s.organization {
            var org: [String: Any] = ["id": uuid("organization", organization.name), "name": organization.name]
            if let website = organization.website { org["website"] = website }
            record["organization"] = org
        }
        record["service_areas"] = s.areas.map { ["id": uuid("area", s.id + $0), "name": $0] }
        record["languages"] = s.languages.map { ["id": uuid("language", s.id + $0), "name": Facts.language($0), "code": $0] }
        record["cost_options"] = s.costs.enumerated().map { index, cost -> [String: Any] in
            var option: [String: Any] = ["id": uuid("cost", "\(s.id)/\(index)"), "option": cost.option,
                                         "amount": cost.amount, "currency": cost.currency ?? "GBP"]
            if let description = cost.description { option["amount_description"] = description }
            return option
        }
        record["schedules"] = s.hours.enumerated().map { index, hours -> [String: Any] in
            ["id": uuid("schedule", "\(s.id)/\(index)"), "freq": "WEEKLY",
             "byday": hours.days.map { $0.rawValue.uppercased() }.joined(separator: ","),
             "opens_at": hours.opens, "closes_at": hours.closes, "description": Facts.hours(hours)]
        }
        if let contact = s.contact, contact.phone != nil || contact.email != nil {
            var record2: [String: Any] = ["id": uuid("contact", s.id), "name": s.name]
            if let email = contact.email { record2["email"] = email }
            if let phone = contact.phone { record2["phones"] = [["id": uuid("phone", s.id), "number": phone]] }
            record["contacts"] = [record2]
        }
        if let location = s.location {
            var place: [String: Any] = ["id": uuid("location", s.id), "location_type": "physical"]
            if let name = location.name { place["name"] = name }
            if let address = location.address {
                var physical: [String: Any] = ["id": uuid("address", s.id), "country": "GB"]
                if let street = address.street { physical["address_1"] = street }
                if let city = address.city { physical["city"] = city }
                if let postcode = address.postcode { physical["postal_code"] = postcode }
                place["addresses"] = [physical]
            }
            record["service_at_locations"] = [["id": uuid("service_at_location", s.id), "location": place]]
        }
        record["attributes"] = s.breakTypes.map { type -> [String: Any] in
            ["id": uuid("attribute", "\(s.id)/\(type.rawValue)"),
             "taxonomy_term": ["id": uuid("taxonomy_term", type.rawValue), "code": type.rawValue, "name": type.label,
                               "vocabulary": "signpost-break-types"]]
        }
        return record
    }

    private func json(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
    }

    /// A stable UUID-shaped id made from a kind and a name, so exports do not change from build to build.
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
        let hex = String(format: "%016llx%016llx", fnv(key, 0), fnv(key, 0x9e37_79b9_7f4a_7c15))
        let c = Array(hex)
        // Version 5 and the RFC 4122 variant, so the ids pass a UUID check.
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-5" + String(c[13..<16]) + "-a" + String(c[17..<20]) + "-"
            + String(c[20..<32])
    }
}

/// schema.org JSON-LD for a service page, so search engines understand it.
public enum StructuredData {
    public static func jsonLD(for entry: ServiceEntry, pageURL: String) -> String {
        let s = entry.service
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "GovernmentService",
            "name": s.name,
            "description": s.summary,
            "url": pageURL,
            "serviceType": s.breakTypes.map(\.label).joined(separator: ", "),
            "areaServed": s.areas.map { ["@type": "AdministrativeArea", "name": $0] },
        ]
        if let organization = s.organization {
            var provider: [String: Any] = ["@type": "Organization", "name": organization.name]
            if let website = organization.website { provider["url"] = website }
            object["provider"] = provider
        }
        if let contact = s.contact {
            var point: [String: Any] = ["@type": "ContactPoint", "contactType": "enquiries"]
            if let phone = contact.phone { point["telephone"] = phone }
            if let email = contact.email { point["email"] = email }
            if let website = contact.website { point["url"] = website }
            object["availableChannel"] = ["@type": "ServiceChannel", "serviceUrl": contact.website ?? pageURL]
            object["contactPoint"] = point
        }
        if !s.costs.isEmpty {
            object["offers"] = s.costs.map {
                ["@type": "Offer", "name": $0.option, "price": $0.amount, "priceCurrency": $0.currency ?? "GBP"] as [String: Any]
            }
        }
        if !s.languages.isEmpty { object["availableLanguage"] = s.languages }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        // Safe inside a <script> element: no `<` can close it.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}
