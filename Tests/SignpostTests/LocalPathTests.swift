import Foundation
import Testing
import SiteModel

/// The one path type every folder goes through. A one-letter name once crashed every build on Linux.
@Suite("Paths on disk")
struct LocalPathTests {
    @Test(arguments: [
        ("/a/b/../c/./d", "/a/c/d"), ("/a//b/", "/a/b"), ("/", "/"), ("/..", "/"), ("/x", "/x"), ("/a/b/..", "/a"),
    ])
    func normalises(_ given: String, _ expected: String) {
        #expect(LocalPath(given).string == expected)
    }

    @Test func oneLetterNamesHaveParentsAndLastParts() {
        let path = LocalPath("q", relativeTo: LocalPath("/s"))
        #expect(path.string == "/s/q")
        #expect(path.parent.string == "/s")
        #expect(path.lastComponent == "q")
        #expect(LocalPath("/q").parent.string == "/")
        #expect(LocalPath("/").parent.string == "/")
        #expect(path.sibling(".q.previous").string == "/s/.q.previous")
    }

    @Test func insideIsWholeParts() {
        let content = LocalPath("/site/Content")
        #expect(content.contains(LocalPath("/site/Content/pages/a.md")))
        #expect(content.contains(content))
        #expect(!content.contains(LocalPath("/site/Content2")), "a longer name is not inside")
        #expect(!content.contains(LocalPath("/site")))
        #expect(content.relativePath(of: LocalPath("/site/Content/pages/a.md")) == "pages/a.md")
        #expect(content.relativePath(of: LocalPath("/elsewhere")) == nil)
    }

    @Test func relativePathsStartFromTheGivenFolder() {
        #expect(LocalPath("../Output", relativeTo: LocalPath("/site/Content")).string == "/site/Output")
        #expect(LocalPath("Content").string == LocalPath.currentFolder.appending("Content").string)
    }

    @Test func linksAreFollowedEvenForPartsThatDoNotExistYet() throws {
        let folder = LocalPath(try temporaryFolder())
        defer { try? FileManager.default.removeItem(atPath: folder.string) }
        try FileManager.default.createDirectory(atPath: folder.appending("real").string, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appending("link").string, withDestinationPath: "real")
        let real = folder.resolvingLinks()
        #expect(folder.appending("link/new/Output").resolvingLinks() == real.appending("real/new/Output"))
    }

    @Test(arguments: ["pages", "pages/a.md", "a", "x/y"])
    func contentFoldersOfShortPaths(_ path: String) {
        let folder = ContentPath.folder(of: path)
        #expect(folder == (path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : ""))
    }

    @Test(arguments: [
        ("pages/visits.md", ["pages", "visits.md"], "visits.md"), ("/a//b/", ["a", "b"], "b"), ("x", ["x"], "x"),
        ("", [], nil), ("///", [], nil), ("Pictures/Café.svg", ["Pictures", "Café.svg"], "Café.svg"),
    ] as [(String, [String], String?)])
    func pathsSplitIntoTheirParts(_ path: String, _ parts: [String], _ last: String?) {
        #expect(PathText.parts(path) == parts)
        #expect(PathText.lastPart(path) == last)
    }

    /// A `/` followed by a combining accent is one `Character`, so splitting by characters did not split there; the
    /// system does. `..` before such a slash must still climb a folder, and never become part of a longer name.
    @Test func aSlashBeforeACombiningMarkStillSplits() {
        let tricky = "a/..//\u{301}b"
        #expect(PathText.parts(tricky) == ["a", "..", "\u{301}b"])
        #expect(LocalPath("/site").appending(tricky).string == "/site/\u{301}b")
        #expect(ContentPath.resolve("../\u{301}b", from: "pages") == "\u{301}b")
        #expect(ContentPath.resolve("../../\u{301}b", from: "pages") == nil, "climbing out of the folder is refused")
    }
}
