import Markdown
import SiteModel

/// Checks pages against the easy-read rules. Used by `signpost check` and by the check step of `signpost build`.
public struct EasyReadChecker: Sendable {
    public let settings: CheckSettings
    public let environment: CheckEnvironment

    public init(settings: CheckSettings = .defaults, environment: CheckEnvironment = CheckEnvironment()) {
        self.settings = settings
        self.environment = environment
    }

    /// A checker set up for a site: its `checks:` settings, glossary, words and files. Problems in the settings
    /// (an unknown rule id, say) come back as diagnostics on `site.yml`.
    public static func forSite(_ site: Site) -> (checker: EasyReadChecker, diagnostics: [Diagnostic]) {
        let (settings, diagnostics) = CheckSettings.from(site.config, positions: site.configKeyPositions)
        return (EasyReadChecker(settings: settings, environment: CheckEnvironment(site: site)), diagnostics)
    }

    /// Every finding on one page, suppressions applied, in the order they appear.
    public func check(_ page: CheckedPage) -> [Diagnostic] {
        var findings = Findings(file: page.path)
        // Each word of the page is looked up once here; the rules read the answers.
        let entries = PageEntries(page, environment.lexicon)
        for rule in allRules {
            let limits = settings.limits(rule.id, for: page.format)
            if limits.enabled { rule.check(page, environment, entries, limits, &findings) }
        }
        var suppressions = Suppressions(root: page.root, file: page.path)
        let kept = findings.items.filter { !suppressions.suppresses($0) }
        return (kept + suppressions.problems + suppressions.unused(file: page.path)).sortedByPlace()
    }

    /// Every finding on one page. A page nested too deeply to read (which loading already refuses) gives that one
    /// problem instead, so the checker is safe to call on any page.
    public func check(_ page: Page) -> [Diagnostic] {
        if let problem = page.nestingProblem { return [problem] }
        return check(CheckedPage(page: page))
    }

    /// Checks Markdown text on its own, as a page of `format`, for tests and editors.
    public func check(markdown: String, format: PageFormat, file: String = "page.md", lineOffset: Int = 0) -> [Diagnostic] {
        let document = MarkdownDocument(markdown, lineOffset: lineOffset)
        if let problem = ContentLoader.nestingProblem(in: document, file: file) { return [problem] }
        return check(CheckedPage(path: file, format: format, root: document.root))
    }
}
