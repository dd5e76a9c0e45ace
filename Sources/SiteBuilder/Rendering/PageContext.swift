import Review
import SiteModel

/// Builds what a template sees for one page. Every value is plain text, escaped by the template, except
/// `page.body`, which is HTML that cmark wrote in safe mode.
struct PageContext {
    let site: Site
    let urls: SiteURLs
    /// Pages by path, for navigation labels and twins.
    let pagesByPath: [String: Page]
    /// The groups' reviews, for the "Checked by" line; nil when the build did not read them.
    var reviews: SiteReviews? = nil

    /// The parts every template shares: language, site title, navigation, contact details.
    func common(title: String, description: String, current: Page?) -> [String: Any] {
        let config = site.config
        var contact = ContactLinks.values(phone: config.contact.phone, email: config.contact.email)
        if let hours = config.contact.hours { contact["hours"] = hours }
        let nav = navigation(current: current)
        let documentTitle = title == config.title ? title : "\(title) – \(config.title)"
        return [
            "lang": config.language,
            "documentTitle": documentTitle,
            "description": description,
            "root": urls.root,
            "assets": urls.root + "assets/",
            "site": [
                "title": config.title,
                "homeHref": urls.page(""),
                "contact": contact,
            ] as [String: Any],
            "nav": nav,
            "hasNav": !nav.isEmpty,
        ]
    }

    /// The site's navigation. On easy-read pages, links go to easy-read versions where there are some.
    private func navigation(current: Page?) -> [[String: Any]] {
        site.config.navigation.compactMap { entry -> [String: Any]? in
            if entry.page == ValidateStep.directoryEntry && !site.serviceFiles.isEmpty {
                return ["label": entry.label ?? "Find a service", "href": urls.page("services"),
                        "current": current == nil && urls.fromSlug.hasPrefix("services")]
            }
            guard let target = pagesByPath[entry.page] else { return nil }
            var shown = target
            if current?.isEasyRead == true, let twin = target.twinPath.flatMap({ pagesByPath[$0] }) { shown = twin }
            let isCurrent = current.map { $0.path == target.path || $0.path == shown.path } ?? false
            return [
                "label": entry.label ?? target.title,
                "href": urls.page(shown.slug),
                "current": isCurrent,
            ]
        }
    }

    /// The full context for a page whose body is already HTML.
    func page(_ page: Page, body: String) -> [String: Any] {
        // A tab, a bookmark or a screen reader's list of windows tells an easy-read page from its standard twin.
        let tabTitle = page.isEasyRead ? "\(page.title) (easy read)" : page.title
        var context = common(title: tabTitle, description: page.frontMatter.summary, current: page)
        var values: [String: Any] = [
            "title": page.title,
            "summary": page.frontMatter.summary,
            "body": body,
            "isEasyRead": page.isEasyRead,
        ]
        if let picture = page.frontMatter.picture, let path = site.assetPath(for: picture, from: page.path) {
            values["picture"] = ["src": urls.file(path), "alt": page.frontMatter.pictureAlt ?? ""]
        }
        if let updated = page.frontMatter.updated {
            values["updated"] = ["iso": updated.iso, "long": updated.long]
        }
        if let twin = page.twinPath.flatMap({ pagesByPath[$0] }) {
            values["twin"] = [
                "href": urls.page(twin.slug),
                "label": page.isEasyRead ? "Standard version" : "Easy read version",
                "isEasyRead": twin.isEasyRead,
            ] as [String: Any]
        }
        if let checkedBy = checkedBy(page) { values["checkedBy"] = checkedBy }
        context["page"] = values
        if page.isHome { context["cards"] = cards(for: page) }
        return context
    }

    /// "Checked by Speak Up Leicester on 3 November 2026", on an easy-read page a group approved as it is now and on
    /// its standard twin, with a link to the page that says what checking means (its easy-read twin on easy-read pages).
    private func checkedBy(_ page: Page) -> [String: Any]? {
        guard let reviews, let signOff = reviews.signOff(for: page) else { return nil }
        var values: [String: Any] = ["group": signOff.group, "iso": signOff.date.iso, "long": signOff.date.long]
        if let url = signOff.groupURL { values["groupHref"] = url }
        if var explanation = reviews.explanationPath.flatMap({ pagesByPath[$0] }) {
            if page.isEasyRead != explanation.isEasyRead, let twin = explanation.twinPath.flatMap({ pagesByPath[$0] }) {
                explanation = twin
            }
            if explanation.path != page.path { values["explanationHref"] = urls.page(explanation.slug) }
        }
        return values
    }

    /// The home page's list of sections: the other pages in the home page's format, in order.
    private func cards(for home: Page) -> [[String: Any]] {
        site.pages.filter { !$0.isHome && $0.isEasyRead == home.isEasyRead && $0.path != home.twinPath }.map { page in
            var card: [String: Any] = [
                "title": page.title,
                "summary": page.frontMatter.summary,
                "href": urls.page(page.slug),
            ]
            if let picture = page.frontMatter.picture, let path = site.assetPath(for: picture, from: page.path) {
                card["picture"] = urls.file(path)
            }
            if let twin = page.twinPath.flatMap({ pagesByPath[$0] }) {
                card["twinHref"] = urls.page(twin.slug)
                card["twinLabel"] = home.isEasyRead ? "Standard version" : "Easy read version"
            }
            return card
        }
    }
}
