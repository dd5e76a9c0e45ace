import Foundation
import Markdown
import ServiceDirectory
import SiteModel

/// Writes the service directory: the listing with search, a page for each service, browse pages by kind of break
/// and by area, the search index, and the Open Referral UK exports.
struct DirectoryRenderer {
    let site: Site
    let theme: Theme
    let directory: Directory
    let pagesByPath: [String: Page]
    /// Where links in service descriptions lead, as for pages.
    let resolver: LinkResolver

    static let listingSlug = "services"

    /// - Returns: how long the search index took to build, in milliseconds.
    @discardableResult
    func render(into files: inout [String: Data], diagnostics: inout [Diagnostic]) -> Int {
        guard !site.serviceFiles.isEmpty else { return 0 }
        for template in ["services", "service", "services-browse"] where theme.library.getTemplate(named: template) == nil {
            diagnostics.append(Diagnostic(file: "\(theme.folder.lastComponent)/templates/\(template).mustache", line: 1,
                                          column: 1, message: "The theme has no `\(template).mustache`, which the service directory needs. Copy it from Themes/default."))
        }
        guard !diagnostics.contains(where: { $0.level == .error }) else { return 0 }

        let listingURLs = SiteURLs(fromSlug: Self.listingSlug)
        var listing = context(title: "Find a short break", summary: "Search or browse short-break services near you.",
                              urls: listingURLs)
        listing["services"] = directory.listed.map { card($0, urls: listingURLs) }
        listing["serviceCount"] = count(directory.listed.count)
        listing["types"] = directory.byType.map { type, entries in
            ["id": type.rawValue, "label": type.label, "href": listingURLs.page("services/type/\(type.rawValue)"),
             "count": entries.count] as [String: Any]
        }
        listing["areas"] = directory.byArea.map { area, slug, entries in
            // `slug` makes the checkbox's id: an id has no spaces, whatever the area is called.
            ["name": area, "slug": slug, "href": listingURLs.page("services/area/\(slug)"), "count": entries.count] as [String: Any]
        }
        listing["scripts"] = [["src": "search-index.js"]]
        files["services/index.html"] = Data(theme.render("services", listing).utf8)

        let indexStarted = Date()
        let index = SearchIndex(entries: directory.listed, extraSynonyms: site.config.synonyms) { entry in
            picture(of: entry).map(listingURLs.file)
        }
        files["services/search-index.js"] = Data(index.script().utf8)
        let indexMilliseconds = Int(Date().timeIntervalSince(indexStarted) * 1000)

        // Browse pages and service pages are independent, so they render on every core.
        var browse: [(path: String, title: String, summary: String, entries: [ServiceEntry])] = []
        for (type, entries) in directory.byType {
            browse.append(("services/type/\(type.rawValue)", type.label,
                           "\(count(entries.count)) offering \(type.label.lowercased()).", entries))
        }
        for (area, slug, entries) in directory.byArea {
            browse.append(("services/area/\(slug)", "Short breaks in \(area)", "\(count(entries.count)) for people who live in \(area).", entries))
        }
        for (path, data) in Parallel.map(browse, { page in
            ("\(page.path)/index.html", browsePage(slug: page.path, title: page.title, entries: page.entries, summary: page.summary))
        }) { files[path] = data }
        for (path, data) in Parallel.map(directory.entries, { entry in
            ("\(entry.slug)/index.html", Data(theme.render("service", servicePage(entry)).utf8))
        }) { files[path] = data }
        let siteURL = (site.config.url ?? "").trimmingSuffix("/") + site.config.basePath
        files.merge(OpenReferral(entries: directory.entries, siteURL: siteURL).files()) { _, new in new }
        return indexMilliseconds
    }

    /// Cards for a page that asks for services with `services:` in its front matter.
    func cards(for query: ServiceQuery, urls: SiteURLs) -> [[String: Any]] {
        directory.matching(query).map { card($0, urls: urls) }
    }

    private func context(title: String, summary: String, urls: SiteURLs) -> [String: Any] {
        var values = PageContext(site: site, urls: urls, pagesByPath: pagesByPath).common(title: title, description: summary, current: nil)
        values["page"] = ["title": title, "summary": summary]
        values["listingHref"] = urls.page(Self.listingSlug)
        return values
    }

    private func browsePage(slug: String, title: String, entries: [ServiceEntry], summary: String) -> Data {
        let urls = SiteURLs(fromSlug: slug)
        var values = context(title: title, summary: summary, urls: urls)
        values["services"] = entries.map { card($0, urls: urls) }
        values["serviceCount"] = count(entries.count)
        return Data(theme.render("services-browse", values).utf8)
    }

    func card(_ entry: ServiceEntry, urls: SiteURLs) -> [String: Any] {
        let service = entry.service
        var card: [String: Any] = [
            "name": service.name,
            "href": urls.rooted(entry.slug),
            "summary": service.summary,
            "types": service.breakTypes.map(\.label).joined(separator: ", "),
            "areas": service.areas.joined(separator: ", "),
            "cost": Facts.costSummary(service.costs),
            "overnight": service.overnight,
            "emergency": service.emergency,
        ]
        if let picture = picture(of: entry) {
            card["picture"] = urls.file(picture)
        }
        return card
    }

    /// The description's HTML, with links to pages and files rewritten to their addresses, as on pages.
    private func descriptionHTML(_ entry: ServiceEntry, urls: SiteURLs) -> String {
        MarkdownTransformer(resolver: resolver, urls: urls, pagePath: entry.path).transform(entry.description)
        return entry.description.renderHTML()
    }

    private func servicePage(_ entry: ServiceEntry) -> [String: Any] {
        let service = entry.service
        let urls = SiteURLs(fromSlug: entry.slug)
        var values = context(title: service.name, summary: service.summary, urls: urls)
        var facts: [[String: Any]] = []
        func fact(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { facts.append(["label": label, "value": value]) }
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
        var details: [String: Any] = [
            "facts": facts.map { fact in
                ["label": fact["label"]!, "lines": (fact["value"] as! String).split(separator: "\n").map { ["text": String($0)] }]
            },
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
            if let picture = picture(of: entry) { box["picture"] = urls.file(picture) }
            details["easyRead"] = box
        }
        values["service"] = details
        let pageURL = (site.config.url ?? "").trimmingSuffix("/") + site.config.basePath + "/\(entry.slug)/"
        values["jsonLD"] = StructuredData.jsonLD(for: entry, pageURL: pageURL)
        return values
    }

    /// The service's picture, as a path in the output folder.
    private func picture(of entry: ServiceEntry) -> String? {
        entry.service.picture.flatMap { site.assetPath(for: $0, from: entry.path) }
    }

    private func count(_ n: Int) -> String { n == 1 ? "1 service" : "\(n) services" }
}
