import Foundation
@testable import SiteModel
import Testing

/// `ContentWriter`: where `signpost import` and `signpost review import` write in a content folder. It refuses exactly
/// the places the build refuses to read, in the build's words, and writes each file whole.
@Suite struct ContentWriterTests {
    func folders() throws -> (content: URL, outside: URL) {
        let work = try temporaryFolder()
        let content = work.appendingPathComponent("content"), outside = work.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        return (content, outside)
    }

    @Test func aFolderThatIsALinkOutOfTheContentFolderIsRefusedWithTheBuildsWords() throws {
        let (content, outside) = try folders()
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("reviews").path, withDestinationPath: outside.path)
        let writer = ContentWriter(content: LocalPath(content))
        let problem = try #require(writer.write(Data("x".utf8), to: "reviews/easy-read/page.yml"))
        #expect(problem.path == "reviews")
        // The same words as the build's, for the same link.
        let listed = try DirectoryContentSource(root: LocalPath(content)).list().problems
        #expect(listed.map(\.message) == [problem.message])
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test func aFileThatIsALinkOutIsRefusedAndALinkInsideIsWrittenThrough() throws {
        let (content, outside) = try folders()
        let services = content.appendingPathComponent("services")
        try FileManager.default.createDirectory(at: services, withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: outside.appendingPathComponent("secret.md"))
        try FileManager.default.createSymbolicLink(atPath: services.appendingPathComponent("out.md").path,
                                                   withDestinationPath: outside.appendingPathComponent("secret.md").path)
        try Data("old".utf8).write(to: services.appendingPathComponent("real.md"))
        try FileManager.default.createSymbolicLink(atPath: services.appendingPathComponent("in.md").path, withDestinationPath: "real.md")
        let writer = ContentWriter(content: LocalPath(content))
        #expect(writer.write(Data("new".utf8), to: "services/out.md")?.message.contains("outside the content folder") == true)
        #expect(try String(contentsOf: outside.appendingPathComponent("secret.md"), encoding: .utf8) == "secret")
        #expect(writer.write(Data("new".utf8), to: "services/in.md") == nil)
        #expect(try String(contentsOf: services.appendingPathComponent("real.md"), encoding: .utf8) == "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: services.appendingPathComponent("in.md").path) == "real.md")
    }

    /// A folder on the way swapped for a link out after the place was checked and before the file is written: nothing
    /// is written outside. Before the fix the file was written by its path, through the link.
    @Test func aFolderSwappedForALinkOutAfterTheCheckIsNotWrittenThrough() throws {
        let (content, outside) = try folders()
        let services = content.appendingPathComponent("services")
        try FileManager.default.createDirectory(at: services.appendingPathComponent("new"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: services.appendingPathComponent("a.md"))
        try Data("secret".utf8).write(to: outside.appendingPathComponent("a.md"))
        let writer = ContentWriter(content: LocalPath(content))
        let place = try writer.source.placeToWrite("services/a.md").get()
        let deeper = try writer.source.placeToWrite("services/new/more/b.md").get()
        #expect(deeper.folders.count == 1)
        try FileManager.default.moveItem(at: services, to: content.appendingPathComponent("kept"))
        try FileManager.default.createSymbolicLink(atPath: services.path, withDestinationPath: outside.path)
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("new"), withIntermediateDirectories: true)
        #expect(writer.write(Data("new".utf8), at: place, path: "services/a.md") != nil)
        #expect(writer.write(Data("new".utf8), at: deeper, path: "services/new/more/b.md") != nil)
        #expect(try String(contentsOf: outside.appendingPathComponent("a.md"), encoding: .utf8) == "secret")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).sorted() == ["a.md", "new"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.appendingPathComponent("new").path).isEmpty)
        #expect(try String(contentsOf: content.appendingPathComponent("kept/a.md"), encoding: .utf8) == "old")
    }

    @Test func missingFoldersAreMadeAndNoTemporaryFileIsLeft() throws {
        let (content, _) = try folders()
        let writer = ContentWriter(content: LocalPath(content))
        #expect(writer.write(Data("sessions: []\n".utf8), to: "reviews/easy-read/page.yml") == nil)
        let folder = content.appendingPathComponent("reviews/easy-read")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["page.yml"])
        // A file where a folder should be, and a path that climbs out, are refused.
        try Data("x".utf8).write(to: content.appendingPathComponent("services"))
        #expect(writer.write(Data("x".utf8), to: "services/a.md")?.path == "services")
        #expect(writer.write(Data("x".utf8), to: "../a.md") != nil)
    }
}
