import EasyReadChecker
import Foundation
import Guides
import SiteModel

/// Reads the question guides (`guides/*.yml`) and the charging policy (`charging.yml`), reports every problem in
/// them (easy-read words through the easy-read checker, at their line and column), and, when the build has no
/// errors and makes pages, renders the guides' pages and the charges estimator.
public struct GuidesStep: BuildStep {
    public var name: String { "Guides" }
    /// It looks as the check step does, so its problems are reported with every other; it renders only when there
    /// are no errors.
    public var runsAfterErrors: Bool { true }

    public init() {}

    public func run(_ context: inout BuildContext) throws -> String {
        let site = try context.requireSite()
        guard !site.guideFiles.isEmpty || site.chargingFile != nil else { return "no guides" }
        let (guides, guideProblems) = GuideLoader.load(site: site)
        let (policy, chargingProblems) = ChargingLoader.load(site: site)
        let checker = EasyReadChecker.forSite(site).checker
        let findings = Parallel.map(guides) { guide -> [Diagnostic] in
            guard let text = site.source.readText(guide.path) else { return [] }
            return GuideEasyRead.findings(for: guide, text: text, checker: checker)
        }.joined()
        context.diagnostics += guideProblems + chargingProblems + findings
        var pages = 0
        if let theme = context.theme, !context.hasErrors {
            let needed = (guides.isEmpty ? [] : GuideRenderer.templates) + (policy == nil ? [] : [EstimatorRenderer.template])
            let missing = needed.filter { theme.library.getTemplate(named: $0) == nil }
            for template in missing {
                context.diagnostics.append(Diagnostic(file: "\(theme.folder.lastComponent)/templates/\(template).mustache", line: 1, column: 1,
                    message: "The theme has no `\(template).mustache`, which \(template == EstimatorRenderer.template ? "the charges estimator" : "question guides") need. Copy it from Themes/default."))
            }
            guard missing.isEmpty else { return "\(guides.count) guides" }
            // The guides' pages are site-wide files: while the cache keeps those, they are not made again.
            if context.cache?.keptSiteFiles != nil { return "\(guides.count) guides, pages kept" }
            let resolver = context.linkResolver ?? LinkResolver(site: site)
            let pagesByPath = resolver.pagesByPath
            let directory = context.directory.map {
                DirectoryRenderer(site: site, theme: theme, directory: $0, pagesByPath: pagesByPath, resolver: resolver)
            }
            let renderer = GuideRenderer(site: site, theme: theme, resolver: resolver, pagesByPath: pagesByPath, directory: directory)
            for files in Parallel.map(guides, renderer.files(for:)) {
                pages += files.count
                context.files.merge(files) { first, _ in first }
            }
            if let policy {
                let files = EstimatorRenderer(site: site, theme: theme, pagesByPath: pagesByPath).files(for: policy)
                pages += files.count
                context.files.merge(files) { first, _ in first }
            }
        }
        let all = guideProblems + chargingProblems + Array(findings)
        return "\(guides.count) guides, \(policy == nil ? "no" : "a") charging policy, \(pages) pages: \(all.errorCount) errors, \(all.warningCount) warnings"
    }
}
