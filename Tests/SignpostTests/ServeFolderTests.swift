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
}
