import Foundation
import Markdown
import SiteModel
import EasyReadChecker

/// What the build cache lets this build skip, worked out as the build goes, and what it keeps for the next build.
///
/// Three levels, each used only when the hashes behind it are the hashes of now:
/// - **Nothing changed**: every input file and option is as it was, and the output folder is as the last build left
///   it. No step does any work; the findings are the last build's.
/// - **A page is unchanged**: its source has the same hash, so its front matter is taken from the cache and its
///   Markdown is parsed only if a step asks for it.
/// - **A page's results still hold**: its source, everything every page depends on (`siteKey`) and what pages show
///   of each other (`indexKey`) are as they were, so its findings are the last build's and its HTML is the file in
///   the output folder.
struct CacheState: Sendable {
    /// The cache the last build left, when it can be used.
    let previous: BuildCache?
    /// Why the cache was not used, for the progress lines.
    let note: String?
    /// The hash of every input file.
    private(set) var inputs: BuildInputs
    private(set) var themeFolder: LocalPath?
    private(set) var everythingKey: String
    /// What the keys take of the input files (`BuildInputs.sums`), worked out once.
    private var keySums = BuildInputs.KeySums()
    /// Problems met while listing the content folder, which count as inputs: a new link out of the folder is a change.
    private var contentProblems: [String] = []
    /// Problems met while listing the theme folder, which count as inputs of the theme.
    private var themeProblems: [String] = []
    /// The process's memory, and what this build listed and hashed, kept there for the next build.
    private(set) var memory: BuildMemory?
    private var listed: ListedInputs?
    /// Nothing changed since the last build, and the output folder is as it left it.
    let unchanged: Bool
    /// Every file the last build wrote is in the output folder as written, and nothing was added to or taken from any
    /// of its folders: the output files need not be looked at again one by one.
    let outputIsIntact: Bool
    private(set) var siteKey = ""
    private(set) var indexKey = ""
    /// Pages whose findings and HTML from the last build still hold; nil when none do.
    private(set) var reusable: ReusablePages?
    /// The site-wide files of the last build (`BuildCache.siteFiles`), when everything they depend on is as it was and
    /// each is in the output folder as written: they are kept, not made again. Nil when they must be made.
    private(set) var keptSiteFiles: Set<String>?
    /// How many diagnostics the loading step found, so that a page's loading findings can be told from the rest.
    var loadDiagnosticCount = 0
    /// The last build's site, kept by the process (`signpost serve`), taken whatever this build does with it (it is
    /// put back when nothing changed), and the content files the file watcher saw change since, when the folders
    /// were not listed again.
    private var taken: KeptSite?
    private var changedContent: Set<String>?
    /// The last build's site and what changed since, when loading may start from it (`ContentLoader.reload`).
    var lastSite: (site: KeptSite, changed: Set<String>)? {
        guard let taken, let changedContent else { return nil }
        return (taken, changedContent)
    }
    /// Whether loading started from `lastSite`: validating may then use what it worked out across pages.
    var reloaded = false
    /// What this build's loading and validating found, kept with the site for the process's next build.
    var loadFindings: [Diagnostic] = []
    /// What this build's loading made of the content folder besides the pages, for the next build (`BuildCache.outline`).
    var outline: SiteOutline?
    /// The cache this build saved.
    var saved: BuildCache?
    /// What reading the services found, for the next build (`BuildCache.serviceFindings`).
    var serviceFindings: [Diagnostic] = []
    var siteProblems: [Diagnostic]?

    /// Signpost's cache format, this program file and its word lists: a cache made by anything else is not read.
    static let maker: String = {
        var parts = ["\(BuildCache.format)"]
        if let path = Bundle.main.executablePath, let stamp = FileStamp.of(path) {
            parts += ["\(stamp.size)", "\(stamp.modified)", "\(stamp.inode)"]
        }
        parts.append(WordLists.version)
        return String(SHA256.hex(parts.joined(separator: ":")).prefix(24))
    }()

    /// Reads the cache, hashes every input file and decides whether anything changed. The content folder is listed
    /// here, once: `context.source` then gives that listing to loading.
    static func prepare(_ context: inout BuildContext) throws -> CacheState {
        let options = context.options
        let file = BuildCache.location(for: options.output)
        // A process that keeps the last build's cache in memory has no need to read it back.
        let kept = options.useCache ? context.memory?.lastCache : nil
        let read = kept.map { (cache: $0, note: nil) }
            ?? (options.useCache ? BuildCache.read(from: file, maker: maker) : (cache: nil, note: nil))
        let previous = read.cache
        var themeFolder = options.theme ?? previous?.themeFolder.map { LocalPath($0) }
        // The theme inside the binary stands in only while there is no `Themes/default` beside the content folder.
        if options.theme == nil, let builtIn = options.builtInTheme, themeFolder == builtIn.folder,
           case .success(let found) = Theme.locate(given: nil, named: nil, content: options.content, builtIn: builtIn) {
            themeFolder = found
        }
        let memory = options.useCache ? context.memory : nil
        let (last, lastSite) = memory?.takeLastBuild() ?? (nil, nil)
        var changedContent: Set<String>?
        let listed: ListedInputs
        if let last, let changed = context.changedFiles, last.themeFolder == themeFolder,
           !Self.overlaps(themeFolder, options.content), let updated = last.updated(changed, root: options.content,
                                      source: ListedContentSource(context.source, listing: last.listing)) {
            // Told which files changed since the last build, and none was added or removed: only those are hashed.
            listed = updated
            changedContent = changed
        } else {
            let listing = try context.source.list()
            let source = ListedContentSource(context.source, listing: listing)
            var files = listing.files.map { BuildInputs.File(name: "content:" + $0, path: $0, source: source) }
            var themeProblems: [String] = []
            if let folder = themeFolder {
                let (themeFiles, problemsListing) = themeInputs(folder, options.builtInTheme)
                files += themeFiles
                themeProblems = problemsListing
            }
            listed = ListedInputs(
                listing: listing, listed: memory == nil ? [] : Set(listing.files),
                inputs: BuildInputs.gather(files, previous: previous), themeFolder: themeFolder,
                contentProblems: listing.problems.map(\.formatted), themeProblems: themeProblems,
                linkFree: memory != nil && ListedInputs.isLinkFree(listing.files, in: options.content))
        }
        context.source = ListedContentSource(context.source, listing: listed.listing)
        let inputs = listed.inputs
        let contentProblems = listed.contentProblems
        let themeProblems = listed.themeProblems
        let problems = contentProblems + themeProblems
        let keySums = inputs.sums()
        let key = BuildInputs.key(everythingParts(options, context.today, themeFolder) + problems, keySums.all)
        // Looked at once, for every build with a cache: all that is kept from the output folder rests on it.
        let intact = previous.map { Self.outputIsIntact($0.output, in: options.output) } ?? false
        let unchanged = intact && previous?.everythingKey == key
        var state = CacheState(previous: previous, note: read.note, inputs: inputs, themeFolder: themeFolder,
                               everythingKey: key, unchanged: unchanged, outputIsIntact: intact)
        state.keySums = keySums
        state.contentProblems = contentProblems
        state.themeProblems = themeProblems
        state.memory = memory
        state.listed = listed
        state.taken = lastSite
        state.changedContent = changedContent
        memory?.keep(listed)
        return state
    }

    /// Gives the process back the last build's site, when nothing changed since and this build did nothing.
    func keepLastSite() {
        if let taken { memory?.keep(taken) }
    }

    /// Keeps this build's site for the process's next build, when the build had no error.
    func keep(_ site: Site, resolver: LinkResolver?) {
        guard let memory, let resolver, let siteProblems else { return }
        memory.keep(KeptSite(site: site, loadDiagnostics: loadFindings, siteKey: siteKey, indexKey: indexKey,
                             resolver: resolver, siteProblems: siteProblems))
    }

    /// What validating found across pages in the last build, when the keys it was found under are this build's:
    /// kept with the last site by the process (`keptValidation`), or in the cache (`BuildCache.siteProblems`).
    var cachedSiteProblems: [Diagnostic]? {
        if let kept = keptValidation { return kept.siteProblems }
        guard let previous, previous.siteKey == siteKey, previous.indexKey == indexKey else { return nil }
        return previous.siteProblems
    }

    /// What validating worked out across pages in the last build, when it still holds: loading started from the
    /// last build's site, and the keys it was made under are this build's.
    var keptValidation: KeptSite? {
        guard reloaded, let kept = lastSite?.site, kept.siteKey == siteKey, kept.indexKey == indexKey else { return nil }
        return kept
    }

    /// Whether the theme folder is inside the content folder, or holds it: a change to a file there is a change to
    /// the theme too, so the watcher's list of changed content files cannot stand in for hashing the theme again.
    private static func overlaps(_ theme: LocalPath?, _ content: LocalPath) -> Bool {
        guard let theme else { return false }
        let realTheme = theme.resolvingLinks(), realContent = content.resolvingLinks()
        return realContent.contains(realTheme) || realTheme.contains(realContent)
    }

    /// The files a theme folder gives a build, named `theme:` and their path, and the problems met listing them.
    private static func themeInputs(_ folder: LocalPath,
                                    _ builtIn: BuiltInTheme?) -> (files: [BuildInputs.File], problems: [String]) {
        let source = Theme.source(for: folder, builtIn: builtIn)
        guard let listing = try? source.list() else { return ([], []) }
        return (listing.files.map { BuildInputs.File(name: "theme:" + $0, path: $0, source: source) },
                listing.problems.map(\.formatted))
    }

    private static func everythingParts(_ options: BuildOptions, _ today: CalendarDate, _ theme: LocalPath?) -> [String] {
        [maker, options.content.string, theme?.string ?? "", "\(options.includeDrafts)", today.description]
    }

    /// Whether every file the last build wrote is still in the output folder as it was written, and nothing was
    /// added to or taken from any of its folders since.
    private static func outputIsIntact(_ record: BuildCache.OutputRecord, in folder: LocalPath) -> Bool {
        guard !record.files.isEmpty, !record.folders.isEmpty else { return false }
        // Opened once, not through a link, and each file looked at from there.
        let root = open(folder.string, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else { return false }
        defer { close(root) }
        let filesIntact = Parallel.map(Array(record.files)) { path, file in
            FileStamp.of(path, inFolder: root) == file.stamp
        }
        let foldersIntact = Parallel.map(Array(record.folders)) { path, modified in
            FileStamp.of(path, inFolder: root, isFolder: true)?.modified == modified
        }
        return filesIntact.allSatisfy { $0 } && foldersIntact.allSatisfy { $0 }
    }

    /// Whether the content folder's file at `path` hashes as it did in the last build, `last` being that build's
    /// inputs: the same bytes.
    static func isUnchanged(_ path: String, since last: [String: BuildCache.InputRecord], now: BuildInputs) -> Bool {
        let name = "content:" + path
        guard let before = last.value(spelledExactly: name)?.hash else { return false }
        return before == now.hash(name)
    }

    /// What tells loading that a file has not been touched since the last cache was made from it. A cache is saved
    /// only by a build that found no error, and an unsafe picture is an error, so such an SVG picture was found safe.
    /// Untouched means the same stamp as well as the same hash: the stamp's change time moves with any write, which a
    /// file made to hash like a safe one cannot hide.
    func checkedSafe() -> @Sendable (String) -> Bool {
        guard let last = previous?.inputs else { return { _ in false } }
        let inputs = inputs
        return { path in
            let name = "content:" + path
            guard let before = last[name], before.stamp != nil else { return false }
            return inputs.records[name] == before
        }
    }

    /// What gives loading the page at a path as the last build loaded it, when its source is unchanged; its Markdown
    /// is read from `source` only if a step asks for it. It holds only the records and hashes it looks at, not the
    /// whole state: it is asked for every page, on every core.
    func cachedPages(from source: any ContentSource) -> @Sendable (String) -> (page: Page, findings: [Diagnostic])? {
        let records = previous?.pages ?? [:]
        let inputs = inputs
        return { path in Self.cachedPage(path, records: records, inputs: inputs, source: source) }
    }

    /// The last build's site, for loading to put together again (`ContentLoader.restore`), when the cache holds it and
    /// this build knows which files changed since: its outline, its pages as they were loaded, each with its twin, and
    /// the content files that changed. Nil when the process keeps the last site itself, when more files changed than
    /// loading takes on that way, or when the records do not fill the site's places exactly.
    func lastLoad(from source: any ContentSource)
        -> (outline: SiteOutline, pages: [Page], places: PagePlaces, changed: Set<String>)? {
        guard taken == nil, let previous, let outline = previous.outline, let changedNames = inputs.changed,
              previous.pages.count == outline.pageCount else { return nil }
        // Told by bytes, as the inputs are named: a path may start with a mark that joins onto the `:` before it.
        let prefix = "content:".utf8
        var changed: Set<String> = []
        for name in changedNames where name.utf8.starts(with: prefix) {
            changed.insert(String(decoding: name.utf8.dropFirst(prefix.count), as: UTF8.self))
        }
        // Only pages the last build had, under the very bytes of their names, can be read again in place; anything
        // else is left to a full load before any page is made.
        guard changed.count <= ContentLoader.mostReloaded,
              changed.allSatisfy({ previous.pages.value(spelledExactly: $0) != nil }) else { return nil }
        // Each place is filled once, by a record whose twin has a place too.
        var paths = [String?](repeating: nil, count: outline.pageCount)
        var records = [BuildCache.PageRecord?](repeating: nil, count: outline.pageCount)
        for (path, record) in previous.pages {
            guard paths.indices.contains(record.place), paths[record.place] == nil,
                  record.twinPlace.map(paths.indices.contains) != false else { return nil }
            paths[record.place] = path
            records[record.place] = record
        }
        let pages = Array(Parallel.map(Parallel.runs(of: paths.count)) { run in
            run.map { place in
                var page = Page(facts: records[place]!.facts, source: source)
                page.twinPath = records[place]!.twinPlace.map { paths[$0]! }
                return page
            }
        }.joined())
        let table = previous.pages
        return (outline, pages, PagePlaces { table[$0]?.place }, changed)
    }

    private static func cachedPage(_ path: String, records: [String: BuildCache.PageRecord], inputs: BuildInputs,
                                   source: any ContentSource) -> (page: Page, findings: [Diagnostic])? {
        // Only under the very bytes of the name: Swift counts a name written with composed and with combining accents
        // as one key, and a page whose file was renamed from one to the other is read again, so that its record, and
        // every page made from it, has the name as it is now.
        guard let record = records.value(spelledExactly: path), record.sourceHash == inputs.hash("content:" + path) else {
            return nil
        }
        return (Page(facts: record.facts, source: source), record.loadFindings)
    }
}

extension CacheState {
    /// Works out, once every page is loaded, which pages' findings and HTML still hold. `newSources` are the places in
    /// the site's pages of the pages whose sources are new or changed since the last build; every other page's source
    /// is as it was.
    mutating func decide(site: Site, theme: Theme?, options: BuildOptions, today: CalendarDate, newSources: [Int]) {
        if let folder = theme?.folder, folder != themeFolder {
            var records = inputs.records.filter { !$0.key.hasPrefix("theme:") }
            let (files, problemsListing) = Self.themeInputs(folder, options.builtInTheme)
            themeProblems = problemsListing
            for (name, record) in BuildInputs.gather(files, previous: previous).records { records[name] = record }
            inputs = BuildInputs(records: records)
            keySums = inputs.sums()
            themeFolder = folder
            // The theme is known only now (from `site.yml`): the key the next build compares takes it in.
            everythingKey = BuildInputs.key(Self.everythingParts(options, today, folder) + contentProblems + themeProblems,
                                            keySums.all)
            if var listed {
                listed.inputs = inputs
                listed.themeFolder = folder
                listed.themeProblems = themeProblems
                self.listed = listed
                memory?.keep(listed)
            }
        }
        siteKey = BuildInputs.key(Self.everythingParts(options, today, themeFolder), keySums.sitewide)
        if reloaded, let kept = lastSite?.site {
            // Reloaded pages have the front matter, address and twin they had: every page's part is as it was.
            indexKey = kept.indexKey
        } else {
            indexKey = Self.indexKey(of: site)
        }
        guard let previous, previous.siteKey == siteKey, previous.indexKey == indexKey else { return }
        var fresh = newSources
        // A page loaded from the cache has a record there; one kept by the process may not.
        if reloaded { fresh += site.pages.indices.filter { previous.pages[site.pages[$0].path] == nil } }
        // A standard page shows its easy-read twin's sign-off ("Checked by"), which holds only for the twin's words as
        // they are: a standard page whose twin's source changed is made again.
        for index in newSources where site.pages[index].isEasyRead {
            if let twin = site.pages[index].twinPath.flatMap(site.pagesByPath.place(of:)), !site.pages[twin].isEasyRead {
                fresh.append(twin)
            }
        }
        reusable = .all(of: site, but: fresh)
        let output = options.output
        let kept = KeptFiles(cache: self, output: output)
        let intact = Parallel.map(previous.siteFiles) { kept.outputIsUnchanged($0) }
        if !previous.siteFiles.isEmpty && intact.allSatisfy({ $0 }) { keptSiteFiles = Set(previous.siteFiles) }
    }

    /// Whether an input may be a page's source: Markdown in the content folder, outside `services/`, as loading tells
    /// them (by Swift's characters, so a mark that joins onto the `.` of `.md` makes a file that is not Markdown).
    /// Each page's source is hashed on its own, and what other pages see of it is in the index key, so the site key
    /// leaves every such file out; the few of them that are not pages (an editor's leftover such as `~$notes.md`) are
    /// read by no step, so leaving them out too changes nothing a page depends on. It is asked of every input, so a
    /// name in plain ASCII, where every byte is a character, is looked at byte by byte.
    static func isPageSource(_ name: String) -> Bool {
        let bytes = name.utf8
        let content = "content:".utf8
        guard bytes.starts(with: content) else { return false }
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return bytes.reversed().starts(with: ".md".utf8.reversed())
                && !bytes.dropFirst(content.count).starts(with: ContentLoader.servicesFolder.utf8)
        }
        let path = String(decoding: bytes.dropFirst(content.count), as: UTF8.self)
        return path.hasSuffix(".md") && !path.hasPrefix(ContentLoader.servicesFolder)
    }

    /// What pages show of each other, hashed: each page's `indexHash` in page order, then the drafts and the pages
    /// that did not load. Which pages are twins, and the order of pages, follow from the pages' paths and front
    /// matter, so they are covered too.
    static func indexKey(of site: Site) -> String {
        var index = SHA256()
        var hashes: [UInt8] = []
        hashes.reserveCapacity(site.pages.count * 8)
        for page in site.pages { withUnsafeBytes(of: page.indexHash.littleEndian) { hashes.append(contentsOf: $0) } }
        index.update(hashes)
        for path in site.draftPaths.sorted() { index.update(Array("draft \(path)\n".utf8)) }
        for path in site.brokenPaths.sorted() { index.update(Array("broken \(path)\n".utf8)) }
        return index.finish().hex
    }

    /// One hash of the theme's files, when they were hashed (the theme folder was known before loading): the theme
    /// loaded from them is the same while it holds.
    var themeKey: String? {
        guard themeFolder != nil else { return nil }
        return BuildInputs.key([themeFolder?.string ?? ""] + themeProblems, keySums.theme)
    }

    /// The cache for the next build: this build's inputs, pages and findings, and the output as written.
    func next(site: Site, diagnostics: [Diagnostic], pageCount: Int, serviceCount: Int?, siteFiles: [String],
              output: BuildCache.OutputRecord) -> BuildCache {
        let byFile = Dictionary(grouping: diagnostics.enumerated()) { $0.element.file }
        // A page whose results still hold was loaded from its record (its source hashes as the record says) and given
        // its findings: the same record. Every reusable page has one, so the records start as the last build's.
        var pages = previous?.pages ?? [:]
        var made: Set<String> = []
        let pagesByPath = site.pagesByPath
        for place in reusable?.fresh ?? Array(site.pages.indices) {
            let page = site.pages[place]
            let found = byFile[page.path] ?? []
            guard let hash = inputs.hash("content:" + page.path),
                  !found.contains(where: { $0.element.level == .error }) else {
                pages[page.path] = nil
                continue
            }
            made.insert(page.path)
            pages.put(BuildCache.PageRecord(
                sourceHash: hash, facts: page.facts,
                loadFindings: found.filter { $0.offset < loadDiagnosticCount }.map(\.element),
                findings: found.filter { $0.offset >= loadDiagnosticCount }.map(\.element), place: place,
                twinPlace: page.twinPath.flatMap(pagesByPath.place(of:))), at: page.path)
        }
        // Records of pages that are gone, or did not load, are dropped: then only the reusable and the made are left.
        if pages.count != (reusable?.count ?? 0) + made.count {
            pages = pages.filter { reusable?.contains($0.key) == true || made.contains($0.key) }
        }
        var cache = BuildCache(maker: Self.maker, saved: Self.now(), everythingKey: everythingKey,
                               themeFolder: themeFolder?.string, siteKey: siteKey, indexKey: indexKey,
                               inputs: inputs.records, pages: pages, findings: diagnostics, outline: outline,
                               siteProblems: siteProblems.flatMap { Self.keepable($0, of: site) },
                               siteFiles: siteFiles, serviceFindings: serviceFindings, pageCount: pageCount,
                               serviceCount: serviceCount, output: output)
        cache.inputsPut = inputs.put
        return cache
    }

    /// What validating found across pages, when the next build may report it again without looking (see
    /// `BuildCache.siteProblems`): none of it is an error, and none points into a page, whose words neither key
    /// hashes. Today's checks find only errors there; this keeps a warning added later from being kept.
    static func keepable(_ problems: [Diagnostic], of site: Site) -> [Diagnostic]? {
        guard !problems.isEmpty else { return problems }
        let pages = Set(site.pages.map(\.path))
        return problems.contains { $0.level == .error || pages.contains($0.file) } ? nil : problems
    }

    private static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
