import Foundation
import Review
import ServiceDirectory
import SiteModel

/// What the steps of a build share: each step reads what earlier steps left and adds its own part.
public struct BuildContext: Sendable {
    public var options: BuildOptions
    /// Where content is read from.
    public var source: any ContentSource
    /// The site, once loaded.
    public var site: Site?
    /// The theme, once loaded.
    public var theme: Theme?
    /// Where links and pictures lead, worked out while validating and used again while rendering.
    var linkResolver: LinkResolver?
    /// The service directory, once loaded.
    public var directory: Directory?
    /// The groups' reviews of easy-read pages, once read: the "Checked by" line comes from them.
    public var reviews: SiteReviews?
    /// The day the build runs, for checks such as "Details may be out of date".
    public var today: CalendarDate = .today
    /// Everything found so far, errors, warnings and suggestions.
    public var diagnostics: [Diagnostic] = []
    /// Files to write, by path relative to the output folder.
    public var files: [String: Data] = [:]
    /// Pages rendered, for the summary.
    public var pageCount = 0
    /// Services in the directory, for the summary; nil when the site has none.
    public var serviceCount: Int?
    /// What the build cache lets this build skip; nil for `signpost check`, which keeps no cache.
    var cache: CacheState?
    /// What a long-running process keeps between its builds (`signpost serve`); nil for a build on its own.
    public var memory: BuildMemory?
    /// The files of the content folder (paths inside it) that changed since the last build of this process, as its
    /// file watcher saw them; nil when that is not known, and the folders are then listed and every file looked at.
    /// Used only with `memory`.
    public var changedFiles: Set<String>?
    /// Output files that are the same as in the output folder now, so they are kept rather than written.
    var unchangedFiles: Set<String> = []
    /// Files already written into a new staging folder as they were made, which the write step swaps in with the
    /// rest; nil when every file is in `files`.
    var staged: StagedFiles?
    /// Whether nothing changed since the last build, so no step ran and nothing was written: a preview has nothing
    /// to reload.
    public var nothingChanged: Bool { cache?.unchanged ?? false }
    /// A word on what the cache did or could not do, for the summary line.
    public var cacheNote: String?

    public init(options: BuildOptions, source: (any ContentSource)? = nil, memory: BuildMemory? = nil) {
        self.options = options
        self.source = source ?? DirectoryContentSource(root: options.content)
        self.memory = memory
    }

    public var hasErrors: Bool { diagnostics.contains { $0.level == .error } }

    /// Places in the site's pages of the pages whose findings and HTML this build works out: every page, but those
    /// whose results from the last build still hold.
    func pagesToLookAt(in site: Site) -> [Int] { cache?.reusable?.fresh ?? Array(site.pages.indices) }

    /// The loaded site. Steps after `LoadStep` can rely on it.
    public func requireSite() throws -> Site {
        guard let site else { throw BuildFailure.stepOutOfOrder("the site is not loaded yet") }
        return site
    }
}

/// Why a build stopped without finishing.
public enum BuildFailure: Error, CustomStringConvertible {
    case stepOutOfOrder(String)
    case output(String)

    public var description: String {
        switch self {
        case .stepOutOfOrder(let text): "Internal error: \(text)."
        case .output(let text): text
        }
    }
}
