import ArgumentParser
import EasyReadChecker
import Preview
import Foundation
import Review
import SiteBuilder
import SiteModel

/// `signpost review`: review packs for self-advocacy groups, importing their answers, and where every page stands.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Makes review packs for self-advocacy groups, and reads their answers back.",
        subcommands: [ReviewPackCommand.self, ReviewImportCommand.self, ReviewStatusCommand.self],
        defaultSubcommand: ReviewPackCommand.self)
}

/// The content folder read for review commands: every page, drafts too, and every review file.
struct ReviewContent {
    let site: Site
    let reviews: SiteReviews
    let content: LocalPath

    /// Loads the content folder, printing its problems. Exits with 2 when the site cannot be read.
    static func load(_ folder: String) throws -> ReviewContent {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            Console().error("signpost: there is no content folder at \(folder).")
            throw ExitCode(2)
        }
        let content = LocalPath(folder)
        let loaded: (site: Site?, diagnostics: [Diagnostic])
        do {
            loaded = try ContentLoader(includeDrafts: true).load(from: DirectoryContentSource(root: content))
        } catch {
            Console().error("signpost: \(error)")
            throw ExitCode(2)
        }
        guard let site = loaded.site else {
            Console().report(loaded.diagnostics)
            throw ExitCode(2)
        }
        let (reviews, problems) = SiteReviews.load(site: site, everyPage: true)
        // Problems with review files matter here; the rest is for `signpost check`.
        Console().report(problems.filter { $0.level == .error })
        return ReviewContent(site: site, reviews: reviews, content: content)
    }

    /// `Content/easy-read/a.md` or `easy-read/a.md` → the page, or nil.
    func page(named name: String) -> Page? {
        let relative = content.relativePath(of: LocalPath(name)) ?? name
        return site.page(at: relative) ?? site.page(at: name)
    }
}

struct ReviewPackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Writes a review pack: a page for the group to check each easy-read page, point by point.",
        discussion: "Default: every easy-read page that is a draft or has no current sign-off. The pack works opened from disk and printed on A4.")

    @Option(help: "The content folder, with site.yml in it.")
    var content = "Content"

    @Option(help: "The folder to write the pack to. Default: Reviews/<today's date>.")
    var output: String?

    @Option(help: "A theme folder. Default: `theme:` in site.yml, else Themes/default beside the content folder, else the theme inside signpost.")
    var theme: String?

    @Option(help: "The day of the session, written like 2026-11-03. Default: today.")
    var date: String?

    @Argument(help: "Easy-read pages to check, as paths in the content folder or from here.")
    var pages: [String] = []

    func run() throws {
        let console = Console()
        var day = CalendarDate.today
        if let date {
            guard let given = CalendarDate(iso: date) else {
                console.error("signpost: --date should be a real date written like 2026-11-03, not \(date).")
                throw ExitCode(2)
            }
            day = given
        }
        let loaded = try ReviewContent.load(content)
        let site = loaded.site
        var chosen: [Page] = []
        for name in pages {
            guard let page = loaded.page(named: name) else {
                console.error("signpost: no page \(name) in \(content)."
                              + Suggestion.didYouMean(name, in: site.pages.filter(\.isEasyRead).map(\.path)))
                throw ExitCode(2)
            }
            guard page.isEasyRead else {
                console.error("signpost: \(page.path) is not an easy-read page. Groups check easy-read pages.")
                throw ExitCode(2)
            }
            chosen.append(page)
        }
        if pages.isEmpty {
            chosen = site.pages.filter { page in
                page.isEasyRead && (page.frontMatter.status == .draft || loaded.reviews.states[page.path]?.signOff == nil)
            }
        }
        if chosen.isEmpty {
            console.line("Every easy-read page has a current sign-off. Name pages to make a pack for them anyway.")
            return
        }
        // Found as `build` and `serve` find it: --theme, `theme:` in site.yml, Themes/default, the theme inside signpost.
        let themeFolder: LocalPath
        switch Theme.locate(given: theme.map { LocalPath($0) }, named: site.config.theme, content: loaded.content,
                            builtIn: BuiltInFiles.theme) {
        case .success(let folder): themeFolder = folder
        case .failure(let problem):
            console.error("signpost: \(problem.message)")
            throw ExitCode(2)
        }
        let (loadedTheme, themeProblems) = Theme.load(from: themeFolder, builtIn: BuiltInFiles.theme)
        guard let loadedTheme, themeProblems.errorCount == 0 else {
            console.report(themeProblems)
            throw ExitCode(2)
        }
        let writer = ReviewPackWriter(theme: loadedTheme)
        if !writer.missingTemplates.isEmpty {
            console.error("signpost: the theme at \(themeFolder) has no "
                          + writer.missingTemplates.map { "templates/\($0).mustache" }.joined(separator: ", ")
                          + ". Copy them from Themes/default.")
            throw ExitCode(2)
        }
        let (checker, _) = EasyReadChecker.forSite(site)
        let pack = ReviewPack(site: site, reviews: loaded.reviews, pages: chosen, checker: checker, date: day)
        let folder = LocalPath(output ?? "Reviews/\(day.iso)")
        if loaded.content.contains(folder) || folder.contains(loaded.content) {
            console.error("signpost: the pack cannot be written at \(folder): it overlaps the content folder.")
            throw ExitCode(2)
        }
        do {
            for (path, data) in writer.files(for: pack, site: site).sorted(by: { $0.key < $1.key }) {
                let file = folder.appending(path)
                try FileManager.default.createDirectory(at: file.parent.url, withIntermediateDirectories: true)
                try data.write(to: file.url, options: .atomic)
            }
        } catch {
            console.error("signpost: the pack could not be written to \(folder): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        console.line("Wrote a review pack for \(plural(chosen.count, "page")) to \(folder).")
        console.line("Open \(folder.appending("index.html")) to start.")
    }
}

struct ReviewImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Adds the answers a review page saved to the page's review file in reviews/, keeping every earlier session.",
        discussion: "Answers for a point the page does not have, and files over 1 MB, are refused. Exit code: 0 when every file was imported (or was already there), 1 when any could not be, 2 for bad usage.")

    @Option(help: "The content folder, with site.yml in it.")
    var content = "Content"

    @Argument(help: "Saved answers: the JSON files that \"Save answers\" downloads.")
    var files: [String]

    func run() throws {
        let console = Console()
        var failed = false
        // The answers are read first, each checked to be a file of a sensible size: a pipe or a 200 MB file is said
        // to be wrong, never waited on or copied into the content folder.
        var answers: [(name: String, data: Data)] = []
        for name in files {
            guard let stamp = FileStamp.of(name) else {
                console.error("\(name): this file could not be read\(FileManager.default.fileExists(atPath: name) ? ": it is not a file" : ": there is nothing there").")
                failed = true
                continue
            }
            if stamp.size > Int64(ReviewImport.largestFile) {
                console.error("\(name): \(ReviewImport.tooLarge(Int(stamp.size)))")
                failed = true
                continue
            }
            guard let data = FileKind.readRegularFile(name) else {
                console.error("\(name): this file could not be read.")
                failed = true
                continue
            }
            answers.append((name, data))
        }
        // Another import into the same content folder waits until this one has read, merged and written, and then
        // merges with what this one wrote: no session is lost.
        let writer = ContentWriter(content: LocalPath(content))
        guard FileKind.of(writer.source.realRoot.string, followingLinks: true) == .folder else {
            console.error("signpost: there is no content folder at \(content).")
            throw ExitCode(2)
        }
        let lock = try ContentFolder.lockForImport(writer, console: console)
        defer { lock.release() }
        var loaded = try ReviewContent.load(content)
        for (name, data) in answers {
            switch ReviewImport.merge(data, site: loaded.site, reviews: loaded.reviews) {
            case .failed(let problems):
                failed = true
                for problem in problems { console.error("\(name): \(problem)") }
            case .alreadyThere(let path):
                console.line("\(name): already in \(path).")
            case .write(let path, let text, let session):
                if let problem = writer.write(Data(text.utf8), to: path) {
                    console.error("\(name): nothing was added to \(path). \(problem.path): \(problem.message)")
                    failed = true
                    continue
                }
                console.line("\(name): added \(session.group)'s session of \(session.date.long) (\(session.outcome.rawValue)) to \(path).")
                // The next file for the same page merges with this one.
                loaded = try ReviewContent.load(content)
            }
        }
        if failed { throw ExitCode(1) }
    }
}

struct ReviewStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Shows every easy-read page's last review: group, outcome, whether the page changed since, and answers to follow up.",
        discussion: "Exit code: 0, or 1 with --strict when any easy-read page has no current sign-off or changed since it was approved.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "The content folder, with site.yml in it.")
    var content = "Content"

    @Option(help: "How to show the status: text or json.")
    var format: Format = .text

    @Flag(help: "Exit with 1 when any easy-read page is unreviewed or stale.")
    var strict = false

    func run() throws {
        let loaded = try ReviewContent.load(content)
        let rows = ReviewStatusRow.rows(site: loaded.site, reviews: loaded.reviews)
        switch format {
        case .text: Console().line(ReviewStatusRow.table(rows))
        case .json: Console().line(ReviewStatusRow.json(rows).serialized(indent: 2))
        }
        if strict && rows.contains(where: { !$0.isSignedOff }) { throw ExitCode(1) }
    }
}
