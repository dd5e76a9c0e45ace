import Review
import SiteModel

/// Builds what a template sees for one page. Every value is plain text, escaped by the template, except
/// `page.body`, which is HTML that cmark wrote in safe mode.
struct PageContext {
    let values: SiteValues
    let urls: SiteURLs

    init(values: SiteValues, urls: SiteURLs) {
        self.values = values
        self.urls = urls
    }

    /// Works out the site's values on the spot: for a few pages, such as the service directory's.
    init(site: Site, urls: SiteURLs, pagesByPath: PagesByPath) {
        self.init(values: SiteValues(site: site, pagesByPath: pagesByPath), urls: urls)
    }

    /// The parts every template shares: language, site title, navigation, contact details.
    func common(title: String, description: String, current: Page?) -> [String: Any] {
        var context = values.dictionary(shared(current: current))
        for (key, value) in own(title: title, description: description) { context[key] = value }
        return context
    }

    /// The values that depend only on where the page is and which navigation entry it is.
    func shared(current: Page?) -> SharedPageValues {
        SharedPageValues(root: urls.root, homeHref: urls.page(""),
                         directoryHref: values.site.serviceFiles.isEmpty ? nil : urls.page("services"),
                         nav: navigation(current: current))
    }

    /// The document's title and description, which every template has besides the shared values.
    func own(title: String, description: String) -> [String: Any] {
        let siteTitle = values.title
        return [
            "documentTitle": title == siteTitle ? title : "\(title) – \(siteTitle)",
            "description": description,
            // At the top of every printed sheet, on the paper the site prints on.
            "printTitle": CSSString.quoted(title == siteTitle ? title : "\(title) – \(siteTitle)"),
            "printPageSize": values.site.config.printPageSize.rawValue,
        ]
    }

    /// The site's navigation. On easy-read pages, links go to easy-read versions where there are some.
    private func navigation(current: Page?) -> [SharedPageValues.NavigationLink] {
        values.navigation.map { entry in
            switch entry {
            case .directory(let label):
                return .init(label: label, href: urls.page("services"),
                             current: current == nil && urls.fromSlug.hasPrefix("services"))
            case .page(let label, let target, let twin):
                var shown = target
                if current?.isEasyRead == true, let twin { shown = twin }
                let isCurrent = current.map { $0.path == target.path || $0.path == shown.path } ?? false
                return .init(label: label, href: urls.page(shown.slug), current: isCurrent)
            }
        }
    }

    /// The full context for a page whose body is already HTML.
    func page(_ page: Page, body: String) -> [String: Any] {
        var context = values.dictionary(shared(current: page))
        for (key, value) in own(page, body: body) { context[key] = value }
        return context
    }

    /// The values only this page has: its titles, description, `page` and, on the home page, `cards`.
    func own(_ page: Page, body: String) -> [String: Any] {
        // A tab, a bookmark or a screen reader's list of windows tells an easy-read page from its standard twin.
        let tabTitle = page.isEasyRead ? "\(page.title) (easy read)" : page.title
        var context = own(title: tabTitle, description: page.frontMatter.summary)
        var values: [String: Any] = [
            "title": page.title,
            "summary": page.frontMatter.summary,
            "body": body,
            "isEasyRead": page.isEasyRead,
        ]
        let site = self.values.site
        if let picture = page.frontMatter.picture, let path = site.assetPath(for: picture, from: page.path) {
            values["picture"] = ["src": urls.file(path), "alt": page.frontMatter.pictureAlt ?? ""]
        }
        if let updated = page.frontMatter.updated {
            values["updated"] = ["iso": updated.iso, "long": updated.long]
        }
        if let twin = page.twinPath.flatMap({ self.values.pagesByPath[$0] }) {
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
        guard let reviews = values.reviews, let signOff = reviews.signOff(for: page) else { return nil }
        var line: [String: Any] = ["group": signOff.group, "iso": signOff.date.iso, "long": signOff.date.long]
        if let url = signOff.groupURL { line["groupHref"] = url }
        let pagesByPath = values.pagesByPath
        if var explanation = reviews.explanationPath.flatMap({ pagesByPath[$0] }) {
            if page.isEasyRead != explanation.isEasyRead, let twin = explanation.twinPath.flatMap({ pagesByPath[$0] }) {
                explanation = twin
            }
            if explanation.path != page.path { line["explanationHref"] = urls.page(explanation.slug) }
        }
        return line
    }

    /// The home page's list of sections: the other pages in the home page's format, in order.
    private func cards(for home: Page) -> [[String: Any]] {
        let site = values.site
        return site.pages.filter { !$0.isHome && $0.isEasyRead == home.isEasyRead && $0.path != home.twinPath }.map { page in
            var card: [String: Any] = [
                "title": page.title,
                "summary": page.frontMatter.summary,
                "href": urls.page(page.slug),
            ]
            if let picture = page.frontMatter.picture, let path = site.assetPath(for: picture, from: page.path) {
                card["picture"] = urls.file(path)
            }
            if let twin = page.twinPath.flatMap({ values.pagesByPath[$0] }) {
                card["twinHref"] = urls.page(twin.slug)
                card["twinLabel"] = home.isEasyRead ? "Standard version" : "Easy read version"
            }
            return card
        }
    }
}
