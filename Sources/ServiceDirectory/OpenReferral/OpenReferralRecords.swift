import SiteModel

/// One service in the shape of Open Referral UK's compiled `service.json` (full) and `service_list.json` (in a list).
/// Every record the profile requires a field of has it: an organization's `description`, a taxonomy term's
/// `description`, an address's `state_province`. Ids are version 5 UUIDs, the same on every build.
struct OpenReferralRecords: Sendable {
    /// The site's web address and base path; without one a service has no `url`, since the field is a full address.
    let siteURL: String

    /// The service's own id: the one a council's feed gave it when it was imported, otherwise made from its Signpost id.
    static func serviceID(_ service: Service) -> String {
        service.openReferralID ?? OpenReferral.uuid("service", service.id)
    }

    static func organizationID(_ organization: Organization) -> String {
        OpenReferral.uuid("organization", organization.name)
    }

    /// The description feed readers show: the summary, then the Markdown description as written, so that importing
    /// an export gives back both.
    static func description(_ entry: ServiceEntry) -> String {
        let body = entry.body.trimmingCharacters(in: .whitespacesAndNewlines)
        return body.isEmpty ? entry.service.summary : entry.service.summary + "\n\n" + body
    }

    /// One service as the list shows it and in full. The list leaves out the arrays of child records, as the
    /// standard's list shape does; the full record is the short one with them added, so the fields they share (and
    /// their ids, each a SHA-1) are worked out once.
    func records(_ entry: ServiceEntry) -> (short: JSONValue, full: JSONValue) {
        let s = entry.service
        let id = Self.serviceID(s)
        let organizationID = s.organization.map(Self.organizationID)
        var record: JSONValue = [
            "id": .string(id),
            "name": .string(s.name),
            "description": .string(Self.description(entry)),
        ]
        // The service's own website when it has one, as the standard means; otherwise its page on this site.
        if let website = s.contact?.website {
            record = record.adding("url", .string(website))
        } else if siteURL.hasPrefix("https://") || siteURL.hasPrefix("http://") {
            record = record.adding("url", .string(siteURL + "/services/\(s.id)/"))
        }
        record = record.adding("status", .string(s.status == .temporarilyClosed ? "temporarily closed" : s.status.rawValue))
            .adding("organization_id", organizationID.map { .string($0) })
            .adding("email", .text(s.contact?.email))
            .adding("minimum_age", .int(s.ages?.min))
            .adding("maximum_age", .int(s.ages?.max))
            .adding("assured_date", .text(s.checked?.iso))
            .adding("eligibility_description", .text(s.eligibility))
            .adding("application_process", .text(s.howToGetIt))
        let short = record
        if let organization = s.organization, let organizationID {
            record = record.adding("organization", JSONValue.object([
                ("id", .string(organizationID)), ("name", .string(organization.name)),
                ("description", .string(Self.organizationDescription(organization))),
            ]).adding("website", .text(organization.website)))
        }
        record = record.adding("service_areas", .array(s.areas.map {
            ["id": .string(OpenReferral.uuid("area", s.id + "/" + $0)), "service_id": .string(id), "name": .string($0)]
        }))
        record = record.adding("languages", .array(s.languages.map {
            ["id": .string(OpenReferral.uuid("language", s.id + "/" + $0)), "service_id": .string(id),
             "name": .string(Facts.language($0)), "code": .string($0)]
        }))
        record = record.adding("cost_options", .array(s.costs.enumerated().map { index, cost in
            JSONValue.object([
                ("id", .string(OpenReferral.uuid("cost", "\(s.id)/\(index)"))), ("service_id", .string(id)),
                ("option", .string(cost.option)), ("amount", .number(cost.amount)), ("currency", .string(cost.currency ?? "GBP")),
            ]).adding("amount_description", .text(cost.description))
        }))
        record = record.adding("schedules", .array(s.hours.enumerated().map { index, hours in
            ["id": .string(OpenReferral.uuid("schedule", "\(s.id)/\(index)")), "service_id": .string(id), "freq": "WEEKLY",
             "byday": .string(hours.days.map { $0.rawValue.uppercased() }.joined(separator: ",")),
             "opens_at": .string(hours.opens + ":00"), "closes_at": .string(hours.closes + ":00"),
             "description": .string(Facts.hours(hours))]
        }))
        if let contact = s.contact, contact.phone != nil || contact.email != nil {
            let person = JSONValue.object([("id", .string(OpenReferral.uuid("contact", s.id))), ("service_id", .string(id)),
                                           ("name", .string(s.name))])
                .adding("email", .text(contact.email))
                .adding("phones", contact.phone.map {
                    .array([["id": .string(OpenReferral.uuid("phone", s.id)), "number": .string($0)]])
                })
            record = record.adding("contacts", .array([person]))
        }
        if let phone = s.contact?.phone {
            record = record.adding("phones", .array([
                ["id": .string(OpenReferral.uuid("service-phone", s.id)), "service_id": .string(id), "number": .string(phone)],
            ]))
        }
        if let location = s.location {
            record = record.adding("service_at_locations", .array([serviceAtLocation(location, service: s, serviceID: id)]))
        }
        record = record.adding("attributes", .array(s.breakTypes.map { type in
            let term = OpenReferralTaxonomy.term(for: type)
            return ["id": .string(OpenReferral.uuid("attribute", "\(s.id)/\(type.rawValue)")), "link_id": .string(id),
                    "taxonomy_term_id": term.id, "taxonomy_term": term.record]
        }))
        return (short, record)
    }

    /// Where the service is. An address lists every field the profile requires; what the service file does not
    /// give is left empty rather than made up (the UK has no states, so `state_province` is empty too).
    private func serviceAtLocation(_ location: Location, service s: Service, serviceID: String) -> JSONValue {
        let locationID = OpenReferral.uuid("location", s.id)
        var place = JSONValue.object([("id", .string(locationID)), ("location_type", "physical")])
            .adding("name", .text(location.name))
        if let address = location.address {
            place = place.adding("addresses", .array([[
                "id": .string(OpenReferral.uuid("address", s.id)), "location_id": .string(locationID),
                "address_1": .string(address.street ?? ""), "city": .string(address.city ?? ""),
                "state_province": "", "postal_code": .string(address.postcode ?? ""), "country": "GB",
                "address_type": "physical",
            ]]))
        }
        return ["id": .string(OpenReferral.uuid("service_at_location", s.id)), "service_id": .string(serviceID),
                "location_id": .string(locationID), "location": place]
    }

    /// The profile requires an organization to be described; a service file names it and its website only.
    static func organizationDescription(_ organization: Organization) -> String {
        "\(organization.name) runs short-break services."
    }
}
