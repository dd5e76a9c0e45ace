import Foundation
import Testing
import SiteModel

/// A build whose changes since the last are only some pages' words puts the loaded site together again from the last
/// build's outline and pages (`ContentLoader.restore`), rather than sorting every file and page and pairing twins
/// again. It must give what loading the folder from nothing gives, or nothing at all.
@Suite("Putting a loaded site together again")
struct SiteRestoreTests {
    static let files: [String: String] = [
        "site.yml": "title: Breaks\n",
        "index.md": pageFile("title: Home\nsummary: Start here."),
        "pages/stays.md": pageFile("title: Stays\nsummary: Nights away.\norder: 2", "You can stay away for a night."),
        "pages/carers.md": pageFile("title: Carers\nsummary: Help for carers.", "Carers can get a break."),
        "easy-read/carers.md": pageFile("title: Carers\nsummary: Help.\nformat: easy-read\neasy_read_of: pages/carers.md",
                                        "![Two people](../pictures/people.svg) Carers can have a rest."),
        "pages/plans.md": pageFile("title: Plans\nsummary: Not ready.\nstatus: draft"),
        "pictures/people.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
        "services/lodge.md": "---\nname: Lodge\n---\nA lodge.\n",
        "reviews/carers.yml": "group: Speak Up\n",
        "notes.exe": "MZ",
    ]

    /// The site as loaded from `files`, and its outline.
    static func loaded(_ files: [String: String], includeDrafts: Bool = false) throws -> (Site, SiteOutline) {
        let loader = ContentLoader(includeDrafts: includeDrafts)
        let result = try loader.load(from: MemoryContentSource(files))
        let site = try #require(result.site)
        return (site, SiteOutline(of: site, includeDrafts: includeDrafts, diagnostics: result.diagnostics))
    }

    /// `site` put together again from its outline and pages, read now from `files`.
    static func restored(_ site: Site, _ outline: SiteOutline, changed: Set<String>, files: [String: String],
                         includeDrafts: Bool = false) -> (site: Site, diagnostics: [Diagnostic])? {
        let places = site.pagesByPath
        return ContentLoader(includeDrafts: includeDrafts).restore(
            outline, pages: site.pages, places: PagePlaces { places.place(of: $0) }, changed: changed,
            from: MemoryContentSource(files))
    }

    @Test func aPageWhoseWordsChangedIsReadAgainAndTheRestIsAsALoadGivesIt() throws {
        let (site, outline) = try Self.loaded(Self.files)
        var edited = Self.files
        edited["pages/carers.md"] = pageFile("title: Carers\nsummary: Help for carers.",
                                             "Carers can get a break. Ask the council.")
        let restored = try #require(Self.restored(site, outline, changed: ["pages/carers.md"], files: edited))
        let fresh = try ContentLoader().load(from: MemoryContentSource(edited))
        let freshSite = try #require(fresh.site)
        #expect(restored.site.pages.map(\.path) == freshSite.pages.map(\.path))
        #expect(restored.site.pages.map(\.twinPath) == freshSite.pages.map(\.twinPath))
        #expect(restored.site.pages.map(\.body) == freshSite.pages.map(\.body))
        #expect(restored.site.page(at: "pages/carers.md")?.body.contains("Ask the council.") == true)
        #expect(restored.site.serviceFiles == freshSite.serviceFiles)
        #expect(restored.site.assets == freshSite.assets)
        #expect(restored.site.unpublished == freshSite.unpublished)
        #expect(restored.site.reviewFiles == freshSite.reviewFiles)
        #expect(restored.site.draftPaths == freshSite.draftPaths)
        #expect(restored.diagnostics.map(\.formatted).sorted() == fresh.diagnostics.map(\.formatted).sorted())
    }

    @Test func nothingChangedGivesTheSiteAsItWas() throws {
        let (site, outline) = try Self.loaded(Self.files)
        let restored = try #require(Self.restored(site, outline, changed: [], files: Self.files))
        #expect(restored.site.pages.map(\.path) == site.pages.map(\.path))
        #expect(restored.diagnostics == outline.diagnostics)
    }

    /// Anything but pages' words may change what is a page, their order or twins: loading starts again from nothing.
    @Test(arguments: [
        ("a page's title", "pages/carers.md", pageFile("title: Helping carers\nsummary: Help for carers.")),
        ("a page made a draft", "pages/stays.md", pageFile("title: Stays\nsummary: Nights away.\nstatus: draft")),
        ("a page's mistake", "pages/stays.md", pageFile("title: Stays\nsumary: Nights away.")),
        ("a picture", "pictures/people.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>People</title></svg>"),
        ("the settings", "site.yml", "title: Short breaks\n"),
        ("a new page", "pages/new.md", pageFile("title: New\nsummary: New.")),
        ("a draft's words", "pages/plans.md", pageFile("title: Plans\nsummary: Not ready.\nstatus: draft", "More.")),
    ])
    func anyOtherChangeIsLeftToAFullLoad(_ change: (String, String, String)) throws {
        let (site, outline) = try Self.loaded(Self.files)
        var edited = Self.files
        edited[change.1] = change.2
        #expect(Self.restored(site, outline, changed: [change.1], files: edited) == nil, "\(change.0)")
    }

    @Test func aPageRemovedOrAnotherChoiceOfDraftsIsLeftToAFullLoad() throws {
        let (site, outline) = try Self.loaded(Self.files)
        var removed = Self.files
        removed["pages/stays.md"] = nil
        #expect(Self.restored(site, outline, changed: ["pages/stays.md"], files: removed) == nil)
        #expect(Self.restored(site, outline, changed: [], files: Self.files, includeDrafts: true) == nil)
    }
}
