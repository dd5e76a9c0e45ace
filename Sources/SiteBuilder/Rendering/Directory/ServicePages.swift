import Foundation
import Markdown
import ServiceDirectory
import SiteModel

/// A page for each published service at `/services/<id>/`: its key facts, contact details, address, description
/// and schema.org data for search engines.
struct ServicePages {
    let pages: DirectoryPages
    /// Where links in service descriptions lead, as for pages.
    let resolver: LinkResolver
    /// The site's web address and base path, for the page's own full address.
    let siteURL: String

    /// Each service's page; with `write`, each is handed to it as soon as it is made, and none is returned.
    func files(writing write: (@Sendable (String, Data) -> Void)? = nil) -> [(String, Data)] {
        // A key fact such as "Overnight stays: Yes" is the same row on page after page: each row is made once (the
        // first few thousand kept, which are the ones seen most).
        let rows = SharedCache<[UInt8], String>(limit: 5_000)
        let made = Parallel.map(pages.directory.entries) { entry -> (String, Data)? in
            let urls = SiteURLs(fromSlug: entry.slug)
            let (own, facts, factKeys) = values(for: entry, urls: urls)
            let section = DirectoryPages.RepeatedSection(
                name: "service.facts", key: CardTemplates.factsKey, items: facts, itemKeys: ["label", "lines"],
                cacheKeys: factKeys.map { Array("\(urls.root)\u{0}\($0)".utf8) }, cache: rows)
            let file = ("\(entry.slug)/index.html", pages.render("service", own: own, urls: urls, repeating: section))
            guard let write else { return file }
            write(file.0, file.1)
            return nil
        }
        return made.compactMap { $0 }
    }

    /// The description's HTML, with links to pages and files rewritten to their addresses, as on pages. It is made
    /// from a private parse: the search index reads the loaded description's text at the same time.
    private func descriptionHTML(_ entry: ServiceEntry, urls: SiteURLs) -> String {
        MarkdownTransformer(resolver: resolver, urls: urls, pagePath: entry.path)
            .html(ofMarkdown: entry.body, lineOffset: entry.description.lineOffset)
    }

    /// The page's own values, the site's being added when it is rendered; and its key facts' rows (also among the
    /// values), each with what makes it the same as another row: its label and value.
    private func values(for entry: ServiceEntry, urls: SiteURLs)
        -> (values: [String: Any], facts: [[String: Any]], factKeys: [String]) {
        let service = entry.service
        var values = pages.ownValues(title: service.name, summary: service.summary, urls: urls)
        let labelled = facts(of: service)
        let facts = labelled.map { label, value in
            ["label": label, "lines": Self.lines(of: value).map { ["text": $0] }] as [String: Any]
        }
        var details: [String: Any] = [
            "facts": facts,
            "closed": service.status == .temporarilyClosed,
            "description": descriptionHTML(entry, urls: urls),
            "hasDescription": !entry.description.root.children.isEmpty,
        ]
        if let organization = service.organization {
            details["organization"] = ["name": organization.name, "website": organization.website as Any]
        }
        if let contact = service.contact {
            var links = ContactLinks.values(phone: contact.phone, email: contact.email)
            if let website = contact.website { links["website"] = website }
            details["contact"] = links
        }
        if let location = service.location {
            let address = [location.name, location.address?.street, location.address?.city, location.address?.postcode]
                .compactMap { $0 }.map { ["line": $0] }
            details["address"] = address
            details["hasAddress"] = !address.isEmpty
        }
        if let checked = service.checked { details["checked"] = ["iso": checked.iso, "long": checked.long] }
        if let easy = service.easyReadSummary {
            var box: [String: Any] = ["text": easy]
            if let picture = pages.pictures[entry.id] { box["picture"] = urls.file(picture) }
            details["easyRead"] = box
        }
        values["service"] = details
        values["jsonLD"] = StructuredData.jsonLD(for: entry, pageURL: siteURL + "/\(entry.slug)/")
        return (values, facts, labelled.map { "\($0.0)\u{0}\($0.1)" })
    }

    /// A fact's lines, without empty ones. Split on its bytes, which is quicker than on its characters and the same
    /// unless a line ends with a carriage return, where "\r\n" is one character.
    static func lines(of value: String) -> [String] {
        guard !value.utf8.contains(13) else { return value.split(separator: "\n").map(String.init) }
        return value.utf8.split(separator: 10).map { String(Substring($0)) }
    }

    /// The key facts, as label and value; a value's lines are separated by line breaks. Empty facts are left out.
    private func facts(of service: Service) -> [(String, String)] {
        var facts: [(String, String)] = []
        func fact(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { facts.append((label, value)) }
        }
        fact("Kind of break", service.breakTypes.map(\.label).joined(separator: ", "))
        fact("Who can use it", service.eligibility)
        fact("Ages", Facts.ages(service.ages))
        fact("Where you must live", service.areas.joined(separator: ", "))
        fact("How to get it", service.howToGetIt)
        fact("What it costs", service.costs.isEmpty ? "Ask the service about the cost." : service.costs.map {
            "\($0.option): \(Facts.money($0.amount, currency: $0.currency))" + ($0.description.map { ". \($0)" } ?? "")
        }.joined(separator: "\n"))
        fact("When it is open", service.hours.map(Facts.hours).joined(separator: "\n"))
        fact("Overnight stays", service.overnight ? "Yes" : "No")
        fact("At short notice", service.emergency ? "Yes, day or night" : nil)
        fact("Languages spoken", service.languages.map(Facts.language).joined(separator: ", "))
        fact("Help with health needs", service.healthSupport.map(Facts.label).joined(separator: ", "))
        fact("Culture and faith", service.culture.map(Facts.label).joined(separator: ", "))
        fact("Accessibility", service.accessibility.map(Facts.label).joined(separator: ", "))
        return facts
    }
}
