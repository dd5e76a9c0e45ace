import Review
import SiteModel

/// What templates see that is the same on every page of a build, worked out once: the site's language, title and
/// contact details, and where each navigation entry leads before it is made relative to a page.
struct SiteValues {
    /// One entry of the navigation, with its target page found.
    enum NavigationEntry {
        /// The service directory's listing.
        case directory(label: String)
        /// A page, and its twin for easy-read pages to link to instead.
        case page(label: String, target: Page, twin: Page?)
    }

    let site: Site
    /// Pages by path, for twins and the home page's cards.
    let pagesByPath: PagesByPath
    let language: String
    let title: String
    /// `site.contact`: the words, and `tel:` and `mailto:` links.
    let contact: [String: Any]
    let navigation: [NavigationEntry]
    /// `site.organisation` (its name and website) and `site.emergency` (when to call, the number and its link).
    let organisation: [String: Any]?
    let emergency: [String: Any]?
    /// The words of the link to the service directory: its navigation label, else "Find a service".
    let directoryLabel: String
    /// The groups' reviews, for the "Checked by" line; nil when the build did not read them.
    let reviews: SiteReviews?

    init(site: Site, pagesByPath: PagesByPath, reviews: SiteReviews? = nil) {
        self.site = site
        self.pagesByPath = pagesByPath
        self.reviews = reviews
        let config = site.config
        language = config.language
        title = config.title
        var contact = ContactLinks.values(phone: config.contact.phone, email: config.contact.email)
        if let hours = config.contact.hours { contact["hours"] = hours }
        self.contact = contact
        organisation = config.organisation.map { organisation in
            var values: [String: Any] = ["name": organisation.name]
            if let url = organisation.url { values["url"] = url }
            return values
        }
        emergency = config.emergency.map { emergency in
            ContactLinks.values(phone: emergency.phone, email: nil).merging(["when": emergency.when]) { $1 }
        }
        directoryLabel = config.navigation.first { $0.page == ValidateStep.directoryEntry }?.label ?? "Find a service"
        navigation = config.navigation.compactMap { entry -> NavigationEntry? in
            if entry.page == ValidateStep.directoryEntry && !site.serviceFiles.isEmpty {
                return .directory(label: entry.label ?? "Find a service")
            }
            guard let target = pagesByPath[entry.page] else { return nil }
            return .page(label: entry.label ?? target.title, target: target,
                         twin: target.twinPath.flatMap { pagesByPath[$0] })
        }
    }

    /// The template values for `shared`: `lang`, `root`, `assets`, `site`, `nav` and `hasNav`.
    func dictionary(_ shared: SharedPageValues) -> [String: Any] {
        var site: [String: Any] = ["title": title, "homeHref": shared.homeHref, "contact": contact]
        if let organisation { site["organisation"] = organisation }
        if let emergency { site["emergency"] = emergency }
        if let href = shared.directoryHref { site["directory"] = ["href": href, "label": directoryLabel] }
        return [
            "lang": language,
            "root": shared.root,
            "assets": shared.root + "assets/",
            "site": site,
            "nav": shared.nav.map { ["label": $0.label, "href": $0.href, "current": $0.current] as [String: Any] },
            "hasNav": !shared.nav.isEmpty,
        ]
    }
}
