import Foundation
import Markdown

/// Reads a content folder into a `Site`: the settings, the glossary and every page, with every problem found.
public struct ContentLoader: Sendable {
    public static let configFile = "site.yml"
    public static let glossaryFile = "glossary.yml"
    public static let servicesFolder = "services/"
    /// Self-advocacy groups' review files (`reviews/<page-slug>.yml`): read by `signpost review` and the build's
    /// review step, never published.
    public static let reviewsFolder = "reviews/"
    /// Question guides (`guides/<name>.yml`): read by the build's guide step and `signpost guides`, which turn each
    /// into pages; the files themselves are never published.
    public static let guidesFolder = "guides/"
    /// The council's charging policy, for the charges estimator and `signpost estimate`; never published as it is.
    public static let chargingFile = "charging.yml"

    public var includeDrafts: Bool

    public init(includeDrafts: Bool = false) { self.includeDrafts = includeDrafts }

    /// Loads the site. The site is nil when its settings could not be read; page errors are in the diagnostics.
    /// - Parameters:
    ///   - cached: the page at a path as an earlier build loaded it, with what loading it found, when its file is
    ///     unchanged; such a page is not read or parsed unless a step asks for its Markdown.
    ///   - checkedSafe: whether a file is as it was when an earlier build read it and found no error anywhere: an SVG
    ///     picture that is was checked then and found safe, and is not read again.
    public func load(from source: any ContentSource,
                     cached: @Sendable (String) -> (page: Page, findings: [Diagnostic])? = { _ in nil },
                     checkedSafe: @Sendable (String) -> Bool = { _ in false })
        throws -> (site: Site?, diagnostics: [Diagnostic]) {
        let listing = try source.list()
        var diagnostics: [Diagnostic] = listing.problems

        let (config, configKeyPositions) = loadConfig(from: source, diagnostics: &diagnostics)
        let (glossary, glossaryKeyPositions) = loadGlossary(from: source, diagnostics: &diagnostics)

        var pages: [Page] = []
        var serviceFiles: [String] = []
        var assets: [String] = []
        var drafts: Set<String> = []
        var broken: Set<String> = []
        var unpublished: [String] = []
        var pagePaths: [String] = []
        var reviewFiles: [String] = []
        var guideFiles: [String] = []
        var chargingFile: String?
        for path in listing.files {
            if path == Self.configFile || path == Self.glossaryFile || PublishedFiles.isLeftover(path) { continue }
            if path.hasPrefix(Self.reviewsFolder) && (path.hasSuffix(".yml") || path.hasSuffix(".yaml")) {
                reviewFiles.append(path)
            } else if path.hasPrefix(Self.guidesFolder) && (path.hasSuffix(".yml") || path.hasSuffix(".yaml")) {
                guideFiles.append(path)
            } else if path == Self.chargingFile {
                chargingFile = path
            } else if !path.hasSuffix(".md") {
                if PublishedFiles.isPublished(path) { assets.append(path) } else { unpublished.append(path) }
            } else if path.hasPrefix(Self.servicesFolder) {
                serviceFiles.append(path)
            } else {
                pagePaths.append(path)
            }
        }
        // Pages are read and parsed on every core; each page's problems stay with it, in file order.
        let loaded = Parallel.map(pagePaths) { path -> (Page?, [Diagnostic]) in
            if let hit = cached(path) { return hit }
            var problems: [Diagnostic] = []
            let page = loadPage(path, from: source, diagnostics: &problems)
            return (page, problems)
        }
        // Pictures are checked for anything that could run code in a reader's browser.
        let pictures = assets.filter { PublishedFiles.ending(of: $0) == "svg" && !checkedSafe($0) }
        let svgProblems = Parallel.map(pictures) { path in
            SVGSafety.problems(in: Array(source.read(path) ?? Data())).map {
                Diagnostic(file: path, line: $0.line, column: $0.column, message: $0.message)
            }
        }
        diagnostics += svgProblems.joined()
        for (path, (page, problems)) in zip(pagePaths, loaded) {
            diagnostics += problems
            guard let page else {
                broken.insert(path)
                continue
            }
            if page.frontMatter.status == .draft && !includeDrafts {
                drafts.insert(path)
            } else {
                pages.append(page)
            }
        }
        pages.sort { ($0.frontMatter.order ?? Int.max, $0.title, $0.path) < ($1.frontMatter.order ?? Int.max, $1.title, $1.path) }
        guard let config else { return (nil, diagnostics) }
        var site = Site(config: config, glossary: glossary, pages: pages, serviceFiles: serviceFiles, assets: assets,
                        draftPaths: drafts, source: source)
        site.configKeyPositions = configKeyPositions
        site.glossaryKeyPositions = glossaryKeyPositions
        site.brokenPaths = broken
        site.listingProblems = listing.problems
        site.unpublished = unpublished
        site.reviewFiles = reviewFiles
        site.guideFiles = guideFiles
        site.chargingFile = chargingFile
        Self.pairTwins(&site, &diagnostics)
        return (site, diagnostics)
    }

    /// The most changed files `reload` takes on: more (a branch checked out, a folder copied in) are loaded afresh.
    public static let mostReloaded = 32

    /// The site as an earlier load of this folder made it, put together again from its outline and its pages (in the
    /// site's order, each with its twin, and `places` telling where each is), with the pages at `changed` read again
    /// as `reload` reads them. It is what a full load gives when the folder lists the same files with the same
    /// problems, and only those pages' files changed since: which files are what, the drafts, the order of pages and
    /// their twins all follow from the files' names and the pages' front matter. Nil when the outline does not fit the
    /// folder now, or a changed page does not reload; a full load then answers.
    public func restore(_ outline: SiteOutline, pages: [Page], places: PagePlaces, changed: Set<String>,
                        from source: any ContentSource) -> (site: Site, diagnostics: [Diagnostic])? {
        guard outline.includeDrafts == includeDrafts, outline.pageCount == pages.count,
              changed.count <= Self.mostReloaded, let listing = try? source.list(),
              listing.problems == outline.listingProblems else { return nil }
        var ignored: [Diagnostic] = []
        let (config, configKeyPositions) = loadConfig(from: source, diagnostics: &ignored)
        let (glossary, glossaryKeyPositions) = loadGlossary(from: source, diagnostics: &ignored)
        guard let config else { return nil }
        var site = Site(config: config, glossary: glossary, pages: pages, serviceFiles: outline.serviceFiles,
                        assets: outline.assets, draftPaths: Set(outline.draftPaths), source: source, places: places)
        site.configKeyPositions = configKeyPositions
        site.glossaryKeyPositions = glossaryKeyPositions
        site.brokenPaths = Set(outline.brokenPaths)
        site.listingProblems = outline.listingProblems
        site.unpublished = outline.unpublished
        site.reviewFiles = outline.reviewFiles
        site.guideFiles = outline.guideFiles
        site.chargingFile = outline.chargingFile
        if changed.isEmpty { return (site, outline.diagnostics) }
        return reload(site, diagnostics: outline.diagnostics, changed: changed, from: source)
    }

    /// The site `last` with the pages at `changed` read again, for a process that loads the same site again and again
    /// and is told which files changed since (`signpost serve`): when every changed file is one of the site's pages,
    /// loads without an error, and still has the front matter and address it had, nothing else about the site can
    /// differ from a full load (the pages' order, their twins, drafts and addresses all come from front matter), so
    /// every other page is kept as the same object. Nil when anything else may have changed; a full load then answers.
    /// - Parameters:
    ///   - diagnostics: what loading `last` found, in which the changed pages' findings are replaced.
    ///   - source: where the content is read from now; it must list the same files as when `last` was loaded.
    public func reload(_ last: Site, diagnostics: [Diagnostic], changed: Set<String>, from source: any ContentSource)
        -> (site: Site, diagnostics: [Diagnostic])? {
        guard !changed.isEmpty, changed.count <= Self.mostReloaded else { return nil }
        var site = last
        var found = diagnostics.filter { !changed.contains($0.file) }
        for path in changed.sorted() {
            guard let index = site.position(of: path) else { return nil }
            var problems: [Diagnostic] = []
            guard var page = loadPage(path, from: source, diagnostics: &problems),
                  !problems.contains(where: { $0.level == .error }) else { return nil }
            let before = site.pages[index]
            guard page.frontMatter == before.frontMatter, page.slug == before.slug else { return nil }
            page.twinPath = before.twinPath
            site.pages[index] = page
            found += problems
        }
        site.source = source
        return (site, found)
    }

    private func loadConfig(from source: any ContentSource,
                            diagnostics: inout [Diagnostic]) -> (SiteConfig?, [String: SourcePosition]) {
        guard let data = source.read(Self.configFile) else {
            diagnostics.append(Diagnostic(file: Self.configFile, line: 1, column: 1,
                                          message: "The content folder has no site.yml. Add one with at least `title:`."))
            return (nil, [:])
        }
        guard let text = Self.text(of: data, file: Self.configFile, diagnostics: &diagnostics) else { return (nil, [:]) }
        let decoded = YAMLReader.decode(SiteConfig.self, from: text, file: Self.configFile)
        diagnostics += decoded.diagnostics
        return (decoded.value, decoded.keyPositions)
    }

    private func loadGlossary(from source: any ContentSource,
                              diagnostics: inout [Diagnostic]) -> (Glossary, [String: SourcePosition]) {
        guard let data = source.read(Self.glossaryFile) else { return (Glossary(), [:]) }
        guard let text = Self.text(of: data, file: Self.glossaryFile, diagnostics: &diagnostics) else { return (Glossary(), [:]) }
        let decoded = YAMLReader.decode(Glossary.self, from: text, file: Self.glossaryFile)
        diagnostics += decoded.diagnostics
        return (decoded.value ?? Glossary(), decoded.keyPositions)
    }

    /// Links each easy-read page with its standard page, both ways, while loading: every later step reads pages
    /// with their twins known, and none changes them.
    static func pairTwins(_ site: inout Site, _ problems: inout [Diagnostic]) {
        for i in site.pages.indices {
            let page = site.pages[i]
            guard let target = page.frontMatter.easyReadOf else { continue }
            let position = page.position(of: .easyReadOf)
            guard page.isEasyRead else {
                problems.append(Diagnostic(file: page.path, at: position,
                                           message: "`easy_read_of` goes on the easy-read page, but this page is `format: standard`. Add `format: easy-read`, or move `easy_read_of` to the easy-read page."))
                continue
            }
            let resolved = ContentPath.resolve(target, from: "") ?? target
            if site.brokenPaths.contains(resolved) { continue }
            guard let j = site.position(of: resolved) else {
                let why = site.draftPaths.contains(resolved) ? "is a draft and will not be published"
                    : "does not exist" + Suggestion.didYouMean(resolved, in: site.pages.map(\.path)).replacingOccurrences(of: " Did", with: ". Did")
                problems.append(Diagnostic(file: page.path, at: position,
                                           message: "`easy_read_of` points at `\(target)`, which \(why)"
                                               + (why.hasSuffix("?") ? "" : ".")))
                continue
            }
            let standard = site.pages[j]
            if standard.isEasyRead {
                problems.append(Diagnostic(file: page.path, at: position,
                                           message: "`easy_read_of` must point at a standard page, but `\(target)` is easy read too."))
            } else if let existing = standard.twinPath {
                problems.append(Diagnostic(file: page.path, at: position,
                                           message: "`\(target)` already has an easy-read version: `\(existing)`. A page can have only one."))
            } else {
                site.pages[j].twinPath = page.path
                site.pages[i].twinPath = standard.path
            }
        }
    }

    /// A file's bytes as text, or nil with an error at the first byte that is not UTF-8 or is a NUL (which no text
    /// editor writes on purpose, and which C libraries read as the end of the text).
    public static func text(of data: Data, file: String, diagnostics: inout [Diagnostic]) -> String? {
        if let text = plainText(of: data) { return text }
        if let text = String(data: data, encoding: .utf8), !data.contains(0) { return text }
        let bytes = [UInt8](data)
        var line = 1, lineStart = 0, index = 0
        var message = "This file is not UTF-8 text. Save it as UTF-8 in your editor."
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0 {
                message = "This file has a NUL (zero) byte here, which text never has. Save it again as plain UTF-8 text."
                break
            }
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            if length == 0 || index + length > bytes.count
                || String(bytes: bytes[index..<(index + length)], encoding: .utf8) == nil { break }
            if byte == 10 {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        let column = String(decoding: bytes[lineStart..<min(index, bytes.count)], as: UTF8.self).count + 1
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
        return nil
    }

    /// The text of a file that is plain UTF-8 with no NUL and no byte-order mark, as nearly every file is, checked
    /// in one pass over its bytes; nil for anything else, which is left to Foundation and to the checks above so that
    /// what it means (and what is wrong with it) is decided in one place.
    private static func plainText(of data: Data) -> String? {
        data.withUnsafeBytes { raw -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let start = raw.baseAddress, !bytes.isEmpty, !bytes.starts(with: [0xEF, 0xBB, 0xBF]),
                  memchr(start, 0, bytes.count) == nil else { return nil }
            return String(validating: bytes, as: UTF8.self)
        }
    }

    /// Markdown nested deeper than any real page (quotes in quotes, lists in lists) is refused, so every later step
    /// can walk a page's tree without running out of stack.
    public static let deepestNesting = 32

    /// The error for a Markdown tree that nests too deeply, at the first node past the limit.
    public static func nestingProblem(in document: MarkdownDocument, file: String) -> Diagnostic? {
        guard let node = document.nodeNested(deeperThan: deepestNesting) else { return nil }
        return Diagnostic(file: file, at: node.start,
                          message: "The Markdown here is nested more than \(deepestNesting) levels deep (quotes in quotes, lists in lists, or emphasis in emphasis). Use fewer levels.")
    }

    /// Reads one page: splits off the front matter, decodes it and parses the Markdown.
    public func loadPage(_ path: String, from source: any ContentSource, diagnostics: inout [Diagnostic]) -> Page? {
        guard let data = source.read(path) else {
            diagnostics.append(Diagnostic(file: path, line: 1, column: 1, message: "This file could not be read."))
            return nil
        }
        guard let text = Self.text(of: data, file: path, diagnostics: &diagnostics) else { return nil }
        switch SourceText.split(text) {
        case .failure(.noFrontMatter):
            diagnostics.append(Diagnostic(file: path, line: 1, column: 1,
                                          message: "The page has no front matter. Start it with a `---` line, then `title:` and `summary:`, then another `---` line."))
            return nil
        case .failure(.unclosed):
            diagnostics.append(Diagnostic(file: path, line: 1, column: 1,
                                          message: "The front matter is not closed. Add a `---` line after it."))
            return nil
        case .success(let split):
            let decoded = YAMLReader.decode(PageFrontMatter.self, from: split.frontMatter, file: path,
                                            lineOffset: split.frontMatterLineOffset)
            diagnostics += decoded.diagnostics
            guard let frontMatter = decoded.value else { return nil }
            let page = Page(path: path, frontMatter: frontMatter, keyPositions: decoded.keyPositions, body: split.body,
                            bodyLineOffset: split.bodyLineOffset)
            if let problem = page.nestingProblem {
                diagnostics.append(problem)
                return nil
            }
            return page
        }
    }
}
