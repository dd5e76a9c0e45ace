import Foundation
import SiteBuilder
import SiteModel

/// Builds the site while serving, one build at a time, through the same pipeline and cache as `signpost build`: after
/// a one-page edit only that page (and the pages that list it) is parsed, checked and rendered again. A build that
/// fails writes nothing, so the site served stays as the last good build left it.
///
/// It also remembers, from the last good build, which source file each page of the site comes from and what was
/// found in it, so the findings panel can be added to a page when it is served.
public final class PreviewBuilder: @unchecked Sendable {
    public let options: BuildOptions
    /// Serve's private folder that holds `options.output`, when serve owns it: checked again before each build.
    let privateFolder: LocalPath?
    private let lock = NSLock()
    private var siteNumber = 0
    /// The last good build's pages, and which page each output file comes from, worked out from them when first
    /// asked for: a rebuild tells open pages to reload before it spends any time on it.
    private var pages: [Page] = []
    private var sourceByOutputMade: [String: String]?
    private var findingsByFile: [String: [Diagnostic]] = [:]
    private var themeFolder: LocalPath?
    private var latest: BuildNews?
    /// The last build's cache and theme, kept in memory: a build after a save starts from them.
    public let memory = BuildMemory()

    /// - Parameters:
    ///   - content: the content folder.
    ///   - theme: the theme folder given on the command line, if any.
    ///   - output: where serve's own copy of the site goes; never the user's `Output/`.
    ///   - ownsOutput: whether `output` is serve's own, from `outputFolder(for:)`, in a folder private to this user:
    ///     files in it that Signpost did not write are then removed, not named as errors. Before each build the
    ///     private folder (`output`'s grandparent) and the folders down to `output` are checked again
    ///     (`PrivateFolder.requireUnchanged`): a build finds them changed (a link put in their place) builds nothing.
    ///   - builtInTheme: the theme used when none is given or found (`Theme.locate`): the one inside the binary.
    public init(content: LocalPath, theme: LocalPath?, output: LocalPath, includeDrafts: Bool, ownsOutput: Bool = false,
                builtInTheme: BuiltInTheme? = BuiltInFiles.theme) {
        var options = BuildOptions(content: content, theme: theme, output: output, includeDrafts: includeDrafts,
                                   useCache: true, builtInTheme: builtInTheme)
        options.clearsOutput = ownsOutput
        self.options = options
        privateFolder = ownsOutput ? output.parent.parent : nil
    }

    /// Builds the site now. Progress lines go to `progress`.
    /// - Parameter changed: the paths (on disk) a file watcher saw change since the last build, when it was watching
    ///   all along; nil when that is not known. Only those files are then looked at, unless a file was added or
    ///   removed, or one is outside the content folder (the theme).
    public func build(changed: Set<String>? = nil, progress: (String) -> Void = { _ in }) -> BuildNews {
        let started = DispatchTime.now()
        var failure: String?
        var result: BuildContext?
        do {
            // Checked on the path each build walks, not only once at start: the folder made then could since have
            // been swapped for a link, and this build would clear and write whatever it points at.
            if let privateFolder { try PrivateFolder.requireUnchanged(privateFolder, holding: options.output) }
            var context = BuildContext(options: options, memory: memory)
            context.changedFiles = changed.flatMap(contentPaths)
            result = try BuildPipeline.standard().run(context, progress: progress)
        } catch {
            failure = "\(error)"
        }
        let milliseconds = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
        lock.lock()
        defer { lock.unlock() }
        let succeeded = failure == nil && !(result?.hasErrors ?? true)
        let unchanged = result?.nothingChanged == true && siteNumber > 0
        if succeeded, let result, !unchanged {
            siteNumber += 1
            if let site = result.site {
                pages = site.pages
                sourceByOutputMade = nil
            }
            // The built-in theme is in memory: there is no folder of it to watch.
            if let folder = result.theme?.folder { themeFolder = folder == options.builtInTheme?.folder ? nil : folder }
            findingsByFile = Dictionary(grouping: result.diagnostics, by: \.file)
        }
        let news = BuildNews(siteNumber: siteNumber, succeeded: succeeded, changed: succeeded && !unchanged,
                             diagnostics: result?.diagnostics ?? [], failure: failure,
                             pageCount: result?.pageCount ?? 0, milliseconds: milliseconds)
        latest = news
        return news
    }

    /// Paths on disk as paths inside the content folder; nil when one is outside it, or is the folder itself.
    private func contentPaths(_ paths: Set<String>) -> Set<String>? {
        var inside = Set<String>()
        for path in paths {
            guard let relative = options.content.relativePath(of: LocalPath(path)), !relative.isEmpty else { return nil }
            inside.insert(relative)
        }
        return inside
    }

    /// Which page each output file of the last good build comes from. Called with the lock held.
    private var sourceByOutput: [String: String] {
        if let made = sourceByOutputMade { return made }
        var map: [String: String] = [:]
        map.reserveCapacity(pages.count)
        for page in pages { map[page.outputPath] = page.path }
        sourceByOutputMade = map
        return map
    }

    /// The number of the site served now, written into each page so it can tell whether it is out of date.
    public var currentSiteNumber: Int {
        lock.lock()
        defer { lock.unlock() }
        return siteNumber
    }

    /// The theme folder the last good build used, to be watched for changes.
    public var currentThemeFolder: LocalPath? {
        lock.lock()
        defer { lock.unlock() }
        return themeFolder
    }

    /// The source file of a page of the site, such as `easy-read/leder.md` for `easy-read/leder/index.html`.
    public func sourceFile(forOutput path: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return sourceByOutput[path]
    }

    /// The findings for a page of the site, with the words each is about read from the page's source now.
    ///
    /// The source is read through the same guard as a build reads content, made anew for each request (it keeps each
    /// folder's real place once found, which a page's folder replaced by a link since would make stale): a page
    /// replaced by a link out of the content folder gives no words, whatever the last build found, so nothing from
    /// outside the content folder is ever sent.
    public func findings(forOutput path: String) -> (source: String, findings: [PageFinding])? {
        lock.lock()
        let file = sourceByOutput[path]
        let diagnostics = file.flatMap { findingsByFile[$0] } ?? []
        lock.unlock()
        guard let file else { return nil }
        let text = DirectoryContentSource(root: options.content).readText(file) ?? ""
        return (file, PageFinding.list(diagnostics, source: text))
    }

    /// The output folder serve builds into for a content folder: in a folder of serve's own in the system's
    /// temporary folder (`signpost-serve-<user id>`, mode 700, that no other user can read or put files in), named
    /// after the content folder's path, so the content folder gets no extra files (nothing to add to `.gitignore`,
    /// nothing the file watcher sees), the user's `Output/` is never touched, and a server started again for the same
    /// content finds its cache and starts in moments. Throws when no private folder can be made there.
    public static func outputFolder(for content: LocalPath, in temporary: LocalPath? = nil) throws -> LocalPath {
        let key = String(SHA256.hex(content.resolvingLinks().string).prefix(16))
        let shared = temporary ?? PrivateFolder.temporary
        let own = try PrivateFolder.make(named: "signpost-serve", in: shared)
        // Serve once built straight into `signpost-serve-<key>`, readable by everyone: that copy, with its drafts, goes
        // when it is this user's and Signpost's (never through a link, never another user's).
        let old = shared.appending("signpost-serve-\(key)")
        if PrivateFolder.state(of: old, user: geteuid()) != .notUsers,
           FileKind.of(old.appending("site").appending(OutputFolder.marker).string, followingLinks: false) == .file {
            try? FileManager.default.removeItem(atPath: old.string)
        }
        return own.appending(key).appending("site")
    }
}
