import SiteModel

/// The two vocabularies a service is described with: Signpost's kinds of break, and the areas services cover. Each is
/// a taxonomy in Open Referral's terms, with a term for each kind and each area, so a feed reader can filter by them.
struct OpenReferralTaxonomy: Sendable {
    let entries: [ServiceEntry]

    static let breakTypesName = "Signpost kinds of short break"
    static let areasName = "Signpost areas"
    static let breakTypesID = OpenReferral.uuid("taxonomy", "break-types")
    static let areasID = OpenReferral.uuid("taxonomy", "areas")

    func taxonomies() -> [JSONValue] {
        [
            ["id": .string(Self.breakTypesID), "name": .string(Self.breakTypesName),
             "description": "The kinds of short break a service offers: the `break_types` of a Signpost service file.",
             "version": "1"],
            ["id": .string(Self.areasID), "name": .string(Self.areasName),
             "description": "The areas a service covers: where the person who gets the break must live.", "version": "1"],
        ]
    }

    /// Every kind of break, then every area a published service covers, by name.
    func terms() -> [JSONValue] {
        // Each area by its slug, with the first name that gives it; each name is looked at once.
        var areas: [String: String] = [:]
        var seen: Set<String> = []
        for entry in entries {
            for area in entry.service.areas where seen.insert(area).inserted {
                let slug = Directory.slug(forArea: area)
                if areas[slug] == nil { areas[slug] = area }
            }
        }
        return BreakType.allCases.map { Self.term(for: $0).record }
            + areas.sorted { $0.value < $1.value }.map { slug, name in
                ["id": .string(OpenReferral.uuid("taxonomy_term", "area/" + slug)), "name": .string(name),
                 "description": .string("Services for people who live in \(name)."), "taxonomy": .string(Self.areasName),
                 "taxonomy_id": .string(Self.areasID), "term": .string(slug)]
            }
    }

    /// A kind of break as a taxonomy term: its id, and the record used in a service's attributes and in the list.
    /// Made on each call rather than kept in a static: a static of JSON values is reported as a leak by the fuzzers'
    /// LeakSanitizer (the enum's tag bits hide its pointers), and making it is cheap beside the rest of an export.
    static func term(for type: BreakType) -> (id: JSONValue, record: JSONValue) {
        let id = JSONValue.string(OpenReferral.uuid("taxonomy_term", type.rawValue))
        return (id, ["id": id, "name": .string(type.label), "description": .string(type.explanation),
                     "taxonomy": .string(breakTypesName), "taxonomy_id": .string(breakTypesID),
                     "term": .string(type.rawValue)])
    }
}
