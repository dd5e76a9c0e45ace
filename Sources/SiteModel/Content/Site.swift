import Markdown

/// Everything read from the content folder: the site's settings, its pages and the files to copy.
public struct Site: Sendable {
    public var config: SiteConfig
    public var glossary: Glossary
    /// The pages to publish, in order: by `order`, then by title. The order is fixed when the site is made; loading
    /// only sets pages' twins, or puts a page read again where it was.
    public internal(set) var pages: [Page]
    /// Where each page is in `pages`, by path.
    private let positions: PagePlaces
    /// Markdown files under `services/`, for the service directory.
    public var serviceFiles: [String]
    /// Other files to copy as they are, such as pictures, as paths in the content folder.
    public var assets: [String] { didSet { assetSet = Set(assets) } }
    private var assetSet: Set<String>
    /// Files of types that are never published (HTML, scripts, programs), as paths in the content folder.
    public var unpublished: [String] = []
    /// Review files under `reviews/`, as paths in the content folder: never published, read by the review step.
    public var reviewFiles: [String] = []
    /// Question guides under `guides/`, as paths in the content folder: never published as they are; the guide step
    /// turns each into pages.
    public var guideFiles: [String] = []
    /// `charging.yml`, when the content folder has one: the charging policy the charges estimator shows.
    public var chargingFile: String?
    /// What listing the content folder found (links out of it, names that cannot be read), already reported.
    public var listingProblems: [Diagnostic] = []
    /// Paths of pages that could not be loaded; their problems are already reported.
    public var brokenPaths: Set<String> = []
    /// Paths of pages left out because they are drafts.
    public var draftPaths: Set<String>
    public internal(set) var source: any ContentSource
    /// Where each top-level key of `site.yml` is, for errors about its value.
    public var configKeyPositions: [String: SourcePosition] = [:]
    /// Where each key of `glossary.yml` is, such as `words.3.picture`.
    public var glossaryKeyPositions: [String: SourcePosition] = [:]

    public init(config: SiteConfig, glossary: Glossary = Glossary(), pages: [Page], serviceFiles: [String] = [],
                assets: [String] = [], draftPaths: Set<String> = [], source: any ContentSource,
                places: PagePlaces? = nil) {
        self.config = config
        self.glossary = glossary
        self.pages = pages
        self.positions = places ?? PagePlaces(pages)
        self.serviceFiles = serviceFiles
        self.assets = assets
        self.assetSet = Set(assets)
        self.draftPaths = draftPaths
        self.source = source
    }

    /// The page written in the file at `path`, if any.
    public func page(at path: String) -> Page? { positions[path].map { pages[$0] } }

    /// Where the page written in the file at `path` is in `pages`.
    func position(of path: String) -> Int? { positions[path] }

    /// Every page by the path of its file, as the site has them now: made without copying a page.
    public var pagesByPath: PagesByPath { PagesByPath(pages: pages, positions: positions) }

    /// Whether a file of the content folder is one copied to the site as it is.
    public func isAsset(_ path: String) -> Bool { assetSet.contains(path) }

    /// The file a page's reference such as `../pictures/house.svg` points at, tried relative to the page and
    /// then to the content folder; nil when it is neither.
    public func assetPath(for reference: String, from pagePath: String) -> String? {
        let path = ContentPath.unescaped(reference)
        return [ContentPath.resolve(path, from: ContentPath.folder(of: pagePath)), ContentPath.resolve(path, from: "")]
            .compactMap { $0 }
            .first { assetSet.contains($0) }
    }

    /// The home page, written in `index.md`.
    public var home: Page? { pages.first { $0.isHome } }
}

/// A site's pages by the path of their files, looked up where they are in the site's list.
public struct PagesByPath: Sendable {
    private let pages: [Page]
    private let positions: PagePlaces

    init(pages: [Page], positions: PagePlaces) {
        self.pages = pages
        self.positions = positions
    }

    public subscript(path: String) -> Page? { positions[path].map { pages[$0] } }

    /// Where the page written in the file at `path` is in the site's pages.
    public func place(of path: String) -> Int? { positions[path] }
}

/// Where each page is in a site's pages, by the path of its file.
public struct PagePlaces: Sendable {
    private let place: @Sendable (String) -> Int?

    /// Each page's place, looked up in a table made of them (the first, should two pages have one path).
    init(_ pages: [Page]) {
        var places: [String: Int] = [:]
        places.reserveCapacity(pages.count)
        for (place, page) in pages.enumerated() where places[page.path] == nil { places[page.path] = place }
        self.place = { [places] in places[$0] }
    }

    /// Places told by a table the caller already has, such as the build cache's records of the same pages: it must
    /// give each page's path its place, and nil for any other path.
    public init(lookingUp place: @escaping @Sendable (String) -> Int?) { self.place = place }

    subscript(path: String) -> Int? { place(path) }
}
