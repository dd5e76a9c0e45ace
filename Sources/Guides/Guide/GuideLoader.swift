import Foundation
import Markdown
import SiteModel

/// Reads every guide of a site (`site.guideFiles`) and checks it: ids, where answers lead, loops, questions or
/// outcomes no path reaches, pictures, links, and the number of pages the guide needs. A guide with errors is left
/// out; its problems are in the diagnostics, each at its line and column.
public enum GuideLoader {
    /// The most pages one version of a guide may need once every path has its own pages.
    public static let mostPages = 2_000

    public static func load(site: Site) -> (guides: [Guide], diagnostics: [Diagnostic]) {
        var guides: [Guide] = []
        var diagnostics: [Diagnostic] = []
        let pageSlugs = Set(site.pages.map(\.slug))
        for path in site.guideFiles.sorted() {
            guard let data = site.source.read(path) else {
                diagnostics.append(Diagnostic(file: path, line: 1, column: 1, message: "This file could not be read."))
                continue
            }
            guard let text = ContentLoader.text(of: data, file: path, diagnostics: &diagnostics) else { continue }
            let (guide, problems) = load(text, path: path, site: site)
            diagnostics += problems
            guard let guide, !problems.contains(where: { $0.level == .error }) else { continue }
            if pageSlugs.contains(guide.slug) || (guide.hasEasyRead && pageSlugs.contains(guide.easyReadSlug)) {
                diagnostics.append(Diagnostic(file: path, line: 1, column: 1,
                    message: "A page already has the address `\(guide.slug)/`, where this guide would go. Rename the guide file or change the page's slug."))
                continue
            }
            guides.append(guide)
        }
        guides.sort { ($0.file.order ?? Int.max, $0.file.title, $0.path) < ($1.file.order ?? Int.max, $1.file.title, $1.path) }
        return (guides, diagnostics)
    }

    /// Reads and checks one guide's text. The guide is nil when it could not be decoded.
    public static func load(_ text: String, path: String, site: Site?) -> (guide: Guide?, diagnostics: [Diagnostic]) {
        let decoded = YAMLReader.decode(GuideFile.self, from: text, file: path)
        guard let file = decoded.value else { return (nil, decoded.diagnostics) }
        let guide = Guide(path: path, file: file, keyPositions: decoded.keyPositions)
        var problems = GuideValidator(guide: guide, site: site).problems()
        if !problems.contains(where: { $0.level == .error }) {
            let count = GuideUnfolding.pageCount(of: guide)
            if count > mostPages {
                problems.append(Diagnostic(file: path, at: guide.position("questions"),
                    message: "This guide would need \(count > 1_000_000 ? "more than a million" : "\(count)") pages, one for each way through it, but a guide can have at most \(mostPages). Split it into smaller guides, or let fewer answers lead to the same questions."))
            }
        }
        return (guide, problems)
    }
}
