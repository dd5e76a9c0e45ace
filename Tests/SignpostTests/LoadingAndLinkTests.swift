import Foundation
import Testing
@testable import SiteBuilder
import SiteModel

/// Loading and validating take short cuts for what nearly every file and link is (plain ASCII paths, plain UTF-8
/// text, a link target seen before); these tests hold the short cuts to the answers of the long way.
@Suite("Loading and link checks")
struct LoadingAndLinkTests {
    @Test(arguments: [
        ("pages/short-breaks.md", "pages"), ("index.md", ""), ("a/b/c.md", "a/b"),
        ("pages/café/menu.md", "pages/café"),
        // A combining mark after `/` makes one character with it, which is not a slash.
        ("a/\u{301}b.md", ""),
    ])
    func folderOfAPath(path: String, folder: String) {
        #expect(ContentPath.folder(of: path) == folder)
    }

    @Test(arguments: [
        ("../pictures/house.svg", "pages", "pictures/house.svg" as String?), ("house.svg", "pages", "pages/house.svg"),
        ("/a/./b//c.md", "pages", "a/b/c.md"), ("../../x.md", "pages", nil), ("./", "", ""),
        ("../café.md", "pages/ü", "pages/café.md"), ("..", "", nil),
        // From the top of the content folder, a path already in its final form is given back as it is; any other
        // takes the long way.
        ("pages/short-breaks.md", "", "pages/short-breaks.md"), ("...", "", "..."), ("a/.../b", "", "a/.../b"),
        ("a/./b", "", "a/b"), ("a/../b", "", "b"), ("a//b", "", "a/b"), ("a/", "", "a"), ("/a", "", "a"),
        (".", "", ""), ("a/..", "", ""), ("../a", "", nil), ("café.md", "", "café.md"), ("a/.", "", "a"),
    ])
    func resolvingAPath(relative: String, folder: String, resolved: String?) {
        #expect(ContentPath.resolve(relative, from: folder) == resolved)
    }

    /// Editors' leftovers are told by their names, in any case; names in plain ASCII of other lengths are looked at
    /// no further.
    @Test(arguments: [
        ("pictures/Thumbs.DB", true), ("a/.DS_Store", true), ("DESKTOP.INI", true), ("a/.gitkeep", true),
        ("notes.md~", true), ("~$report.docx", true), ("pages/._visits.md", true), ("gitkeep", false),
        ("pictures/house.svg", false), ("thumbs.db.svg", false),
        // The Kelvin sign is a capital K in another script, and its lowercase is a plain k.
        ("des\u{212A}top.ini", true),
    ])
    func editorsLeftovers(path: String, leftover: Bool) {
        #expect(PublishedFiles.isLeftover(path) == leftover)
    }

    @Test(arguments: [
        ("https://example.org", true), ("mailto:a@example.org", true), ("c++:x", true), ("//cdn.example.org", true),
        ("pages/a:b.md", false), (":x", false), ("short-breaks.md", false), ("é:x", true), ("a b:x", false),
    ])
    func linksThatLeaveTheSite(target: String, external: Bool) {
        #expect(ContentPath.isExternal(target) == external)
    }

    @Test func fragmentsAndEscapes() {
        #expect(ContentPath.splitFragment("page.md#part") == ("page.md", "#part"))
        #expect(ContentPath.splitFragment("café.md#thé") == ("café.md", "#thé"))
        #expect(ContentPath.splitFragment("page.md") == ("page.md", ""))
        #expect(ContentPath.unescaped("my%20page.md") == "my page.md")
        #expect(ContentPath.unescaped("plain.md") == "plain.md")
    }

    @Test func spacesAroundATargetAreTrimmed() {
        #expect(LinkResolver.trimmingSpaces("page.md") == "page.md")
        #expect(LinkResolver.trimmingSpaces(" \tpage.md ") == "page.md")
        #expect(LinkResolver.trimmingSpaces("\u{00A0}page.md\u{2003}") == "page.md")
        #expect(LinkResolver.trimmingSpaces("") == "")
    }

    /// Each target is resolved once, but every page that links to it is still told, at its own line.
    @Test func aBrokenLinkOnManyPagesIsReportedOnEach() throws {
        var files: [String: String] = [:]
        for name in ["one", "two", "three"] {
            files["pages/\(name).md"] = pageFile("title: \(name)\nsummary: A page.",
                                                 "Words.\n\nSee [gone](missing.md) and [bad](javascript:alert(1)).")
        }
        let context = try buildInMemory(files)
        let broken = context.errors.filter { $0.message.contains("`missing.md` goes nowhere") }
        #expect(broken.map(\.file).sorted() == ["pages/one.md", "pages/three.md", "pages/two.md"])
        #expect(broken.allSatisfy { $0.line == 7 })
        let unsafe = context.diagnostics.filter { $0.message.hasPrefix("This link runs code") }
        #expect(unsafe.count == 3)
    }

    /// An address whose first part is one of the build's own folders, or a folder of the content's files, would mix
    /// a page with those files; any other first part is the page's own.
    @Test func anAddressInTheSitesOwnFoldersIsRefused() throws {
        let slugs = ["assets", "services/respite", "404", "pictures/house", "pictures-of-us", "easy-read/assets"]
        var files = ["pictures/house.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"]
        for (index, slug) in slugs.enumerated() {
            files["pages/page-\(index).md"] = pageFile("title: Page \(index)\nsummary: A page.\nslug: \(slug)", "Words.")
        }
        let context = try buildInMemory(files)
        let refused = context.errors.filter { $0.message.contains("is used for the site's own files") }
        #expect(refused.map(\.file).sorted() == ["pages/page-0.md", "pages/page-1.md", "pages/page-2.md", "pages/page-3.md"])
        #expect(refused.allSatisfy { $0.line == 4 })
    }

    /// The same target means different things from different folders.
    @Test func theSameTargetFromTwoFoldersLeadsToTwoPlaces() throws {
        let context = try buildInMemory([
            "a/page.md": pageFile("title: A\nsummary: A page.", "See [next](next.md)."),
            "a/next.md": pageFile("title: A next\nsummary: A page."),
            "b/page.md": pageFile("title: B\nsummary: A page.", "See [next](next.md)."),
        ])
        #expect(context.errors.map(\.file) == ["b/page.md"])
        let resolver = LinkResolver(site: try #require(context.site))
        func target(_ link: String, from page: String) -> LinkResolver.Target? { try? resolver.resolve(link, from: page).get() }
        #expect(target("next.md", from: "a/page.md") == .page(slug: "a/next", fragment: ""))
        #expect(target("next.md#top", from: "a/other.md") == .page(slug: "a/next", fragment: "#top"))
        #expect(target("next.md", from: "b/page.md") == nil)
    }

    @Test func aPageWithAByteOrderMarkAndWindowsLineEndingsLoads() throws {
        let text = "\u{FEFF}" + pageFile("title: Marked\nsummary: A page.").replacingOccurrences(of: "\n", with: "\r\n")
        let loaded = try ContentLoader().load(from: MemoryContentSource(["site.yml": "title: Site\n", "index.md": text]))
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.site?.pages.first?.title == "Marked")
    }

    @Test func defaultAddressesAndTheirChecks() {
        #expect(Page.defaultSlug(for: "pages/Short_Breaks now.md") == "short-breaks-now")
        #expect(Page.defaultSlug(for: "easy-read/Café.md") == "easy-read/café")
        #expect(Page.isValidSlug("easy-read/short-breaks"))
        #expect(!Page.isValidSlug("easy-read//short-breaks"))
        #expect(!Page.isValidSlug("-short"))
        #expect(!Page.isValidSlug("Short"))
        #expect(!Page.isValidSlug("café"))
        #expect(!Page.isValidSlug(String(repeating: "a", count: Page.longestSlugPart + 1)))
        #expect(Page.isValidSlug(String(repeating: "a", count: Page.longestSlugPart) + "/b-2"))
        for bad in ["short-", "easy-read/", "/short", "easy-/read", "easy/-read", "a b", "a_b", "a/B"] {
            #expect(!Page.isValidSlug(bad), "\(bad)")
        }
    }

    /// Two names in one folder that differ only in how their accents are written (`é` as one character, and as `e`
    /// with a combining accent, as a Mac writes it) look the same to a reader, and Swift counts them as one name: the
    /// second is refused with an error, where it would otherwise stand in for the first, or be hidden by it.
    @Test func namesThatLookTheSameAreRefused() throws {
        let (_, content) = try siteOnDisk(["pictures/caf\u{E9}.svg": "<svg/>", "pictures/plain.svg": "<svg/>"])
        try "<svg/>".write(to: content.appendingPathComponent("pictures/cafe\u{301}.svg"), atomically: true, encoding: .utf8)
        let listing = try DirectoryContentSource(root: content).list()
        let refused = listing.problems.filter { $0.message.contains("looks the same") }
        #expect(refused.count == 1)
        #expect(refused.first?.level == .error)
        #expect(listing.files.filter { $0.hasPrefix("pictures/caf") }.count == 1)
        #expect(listing.files.contains("pictures/plain.svg"))
    }

    /// A file read from disk: directly, through a link inside the folder, and never through a link out of it.
    @Test func readingFilesOnDisk() throws {
        let (folder, content) = try siteOnDisk(["pages/real.md": "REAL"])
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("pages/inside.md").path,
                                                   withDestinationPath: "real.md")
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("pages/outside.svg").path,
                                                   withDestinationPath: folder.appendingPathComponent("outside/secret.svg").path)
        try "".write(to: content.appendingPathComponent("pages/empty.md"), atomically: true, encoding: .utf8)
        let source = DirectoryContentSource(root: content)
        #expect(source.read("pages/real.md") == Data("REAL".utf8))
        #expect(source.read("pages/inside.md") == Data("REAL".utf8))
        #expect(source.read("pages/outside.svg") == nil)
        #expect(source.read("pages/empty.md") == Data())
        #expect(source.read("pages") == nil)
        #expect(source.read("pages/none.md") == nil)
    }
}
