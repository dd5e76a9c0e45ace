import SiteModel

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
