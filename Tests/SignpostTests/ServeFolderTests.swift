import Foundation
@testable import Preview
import SiteModel
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Serve's own folder in the shared temporary folder: private to the user, and never one someone else made.
@Suite("Serve's private folder")
struct ServeFolderTests {
    /// A temporary folder like /tmp (anyone may make things in it, sticky), of this test's own.
    func sharedTemporary() throws -> LocalPath {
        let folder = LocalPath(try temporaryFolder())
        chmod(folder.string, 0o1777)
        return folder
    }

    func mode(_ path: LocalPath) -> (owner: uid_t, mode: mode_t, isLink: Bool) {
        var info = stat()
        lstat(path.string, &info)
        return (info.st_uid, info.st_mode & 0o7777, info.st_mode & S_IFMT == S_IFLNK)
    }

    @Test func madePrivateAndFoundAgain() throws {
        let temporary = try sharedTemporary()
        let folder = try PrivateFolder.make(named: "signpost-serve", in: temporary)
        #expect(folder == temporary.appending("signpost-serve-\(geteuid())"))
        #expect(mode(folder).mode == 0o700 && mode(folder).owner == geteuid())
        #expect(try PrivateFolder.make(named: "signpost-serve", in: temporary) == folder, "the same each time")
    }

    @Test func aLinkAtItsNameIsNeverFollowed() throws {
        let temporary = try sharedTemporary()
        let theirs = LocalPath(try temporaryFolder())
        let name = temporary.appending("signpost-serve-\(geteuid())")
        symlink(theirs.string, name.string)
        let folder = try PrivateFolder.make(named: "signpost-serve", in: temporary)
        #expect(!theirs.contains(folder.resolvingLinks()) && folder != name)
        #expect(mode(folder).mode == 0o700 && !mode(folder).isLink)
        #expect(mode(name).isLink, "the link is left as it was")
    }

    @Test func aFolderOpenToOthersIsMadeAgain() throws {
        let temporary = try sharedTemporary()
        let name = temporary.appending("signpost-serve-\(geteuid())")
        mkdir(name.string, 0o777)
        chmod(name.string, 0o777)
        try Data("planted".utf8).write(to: name.appending("planted.html").url)
        let folder = try PrivateFolder.make(named: "signpost-serve", in: temporary)
        #expect(mode(folder).mode == 0o700)
        #expect(!FileManager.default.fileExists(atPath: folder.appending("planted.html").string),
                "files others could have put in it are gone")
    }

    @Test(.enabled(if: geteuid() == 0, "needs root to make another user's folder"))
    func anotherUsersFolderAtItsNameIsNeverUsed() throws {
        let temporary = try sharedTemporary()
        let name = temporary.appending("signpost-serve-\(geteuid())")
        mkdir(name.string, 0o700)
        chown(name.string, 65534, 65534)
        let folder = try PrivateFolder.make(named: "signpost-serve", in: temporary)
        #expect(folder != name && mode(folder).mode == 0o700 && mode(folder).owner == geteuid())
        #expect(mode(name).owner == 65534, "their folder is left as it was")
    }

    @Test func aTemporaryFolderAnyoneCanChangeIsRefused() throws {
        let temporary = LocalPath(try temporaryFolder())
        chmod(temporary.string, 0o777)
        #expect(throws: PrivateFolder.Problem.self) { try PrivateFolder.make(named: "signpost-serve", in: temporary) }
    }

    @Test(.enabled(if: geteuid() == 0, "needs root to make another user's folder"))
    func aTemporaryFolderAnotherUserOwnsIsRefused() throws {
        let temporary = LocalPath(try temporaryFolder())
        chmod(temporary.string, 0o755)
        chown(temporary.string, 4242, 4242)
        #expect(throws: PrivateFolder.Problem.self) { try PrivateFolder.make(named: "signpost-serve", in: temporary) }
        #expect(!FileManager.default.fileExists(atPath: temporary.appending("signpost-serve-\(geteuid())").string))

        // Nor one of this user's inside a folder another user owns: they could rename it away.
        let above = LocalPath(try temporaryFolder())
        let inside = above.appending("tmp")
        mkdir(inside.string, 0o700)
        chown(above.string, 4242, 4242)
        #expect(throws: PrivateFolder.Problem.self) { try PrivateFolder.make(named: "signpost-serve", in: inside) }
    }

    @Test func aTemporaryFolderItsGroupCanChangeIsRefused() throws {
        let temporary = LocalPath(try temporaryFolder())
        chmod(temporary.string, 0o775)
        #expect(throws: PrivateFolder.Problem.self) { try PrivateFolder.make(named: "signpost-serve", in: temporary) }
        chmod(temporary.string, 0o1775)
        #expect((try? PrivateFolder.make(named: "signpost-serve", in: temporary)) != nil, "sticky, as /tmp is, is safe")
    }

    /// A site to build, for the tests that build into serve's folder.
    func copyOfSampleContent() throws -> LocalPath {
        let top = try temporaryFolder()
        try FileManager.default.copyItem(at: sampleContent, to: top.appendingPathComponent("Content"))
        return LocalPath(top.appendingPathComponent("Content"))
    }

    /// Whoever can rename in the temporary folder swaps serve's private folder for a link to a folder holding what
    /// the next build would clear (the site before last's name) and where it would write: that build does neither.
    @Test func aPrivateFolderSwappedForALinkBetweenBuildsIsNeitherClearedNorWrittenThrough() throws {
        let temporary = try sharedTemporary()
        let content = try copyOfSampleContent()
        let output = try PreviewBuilder.outputFolder(for: content, in: temporary)
        let builder = PreviewBuilder(content: content, theme: nil, output: output, includeDrafts: true, ownsOutput: true)
        #expect(builder.build().succeeded)

        let own = output.parent.parent
        let key = output.parent.lastComponent
        rename(own.string, temporary.appending("moved-away").string)
        let victim = LocalPath(try temporaryFolder())
        let theirs = victim.appending(key).appending(".site.previous")
        try FileManager.default.createDirectory(atPath: theirs.string, withIntermediateDirectories: true)
        try Data("my thesis".utf8).write(to: theirs.appending("thesis.txt").url)
        #expect(symlink(victim.string, own.string) == 0)
        let before = try snapshot(of: victim.url)

        let news = builder.build()
        #expect(!news.succeeded)
        #expect(news.failure?.contains("has changed since serve started") == true, "\(news.failure ?? "")")
        #expect(try snapshot(of: victim.url) == before, "nothing in the folder the link points at was cleared or written")

        // Inside the private folder, the site's folder swapped for a link is refused too.
        unlink(own.string)
        rename(temporary.appending("moved-away").string, own.string)
        let elsewhere = LocalPath(try temporaryFolder())
        rename(output.string, output.sibling("gone").string)
        symlink(elsewhere.string, output.string)
        #expect(!builder.build().succeeded)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.string).isEmpty)

        // Put back as it was, serve builds again.
        unlink(output.string)
        rename(output.sibling("gone").string, output.string)
        #expect(builder.build().succeeded)
    }
}
