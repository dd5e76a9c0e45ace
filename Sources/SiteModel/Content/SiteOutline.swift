/// What loading made of a content folder besides its pages: which files are services, pictures, reviews and guides,
/// which pages are drafts, and what loading found, in order. A later load of the same folder, told that only some
/// pages' text changed since, puts the site together again from it and the pages as they were
/// (`ContentLoader.restore`), rather than sorting every file by kind, every page into order and pairing twins again.
public struct SiteOutline: Sendable, Equatable {
    /// Whether drafts were loaded as pages.
    public var includeDrafts: Bool
    /// How many pages the site had.
    public var pageCount: Int
    public var serviceFiles: [String]
    public var assets: [String]
    public var unpublished: [String]
    public var reviewFiles: [String]
    public var guideFiles: [String]
    public var chargingFile: String?
    /// In order of path.
    public var draftPaths: [String]
    public var brokenPaths: [String]
    /// What listing the content folder found: a load that finds anything else lists other files.
    public var listingProblems: [Diagnostic]
    /// Everything loading found, the listing's problems first.
    public var diagnostics: [Diagnostic]

    public init(includeDrafts: Bool, pageCount: Int, serviceFiles: [String], assets: [String], unpublished: [String],
                reviewFiles: [String], guideFiles: [String], chargingFile: String?, draftPaths: [String],
                brokenPaths: [String], listingProblems: [Diagnostic], diagnostics: [Diagnostic]) {
        self.includeDrafts = includeDrafts
        self.pageCount = pageCount
        self.serviceFiles = serviceFiles
        self.assets = assets
        self.unpublished = unpublished
        self.reviewFiles = reviewFiles
        self.guideFiles = guideFiles
        self.chargingFile = chargingFile
        self.draftPaths = draftPaths
        self.brokenPaths = brokenPaths
        self.listingProblems = listingProblems
        self.diagnostics = diagnostics
    }

    /// The outline of a loaded site, `diagnostics` being what loading it found.
    public init(of site: Site, includeDrafts: Bool, diagnostics: [Diagnostic]) {
        self.init(includeDrafts: includeDrafts, pageCount: site.pages.count, serviceFiles: site.serviceFiles,
                  assets: site.assets, unpublished: site.unpublished, reviewFiles: site.reviewFiles,
                  guideFiles: site.guideFiles, chargingFile: site.chargingFile, draftPaths: site.draftPaths.sorted(),
                  brokenPaths: site.brokenPaths.sorted(), listingProblems: site.listingProblems,
                  diagnostics: diagnostics)
    }
}
