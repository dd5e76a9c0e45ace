import Foundation
import Testing
@testable import SiteBuilder
import SiteModel

@Suite("Writing the output folder")
struct OutputTests {
    /// A content folder on disk with one good page.
    func makeContent(in folder: URL, extraPage: String? = nil) throws -> URL {
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("pages"), withIntermediateDirectories: true)
        try minimalConfig.write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try pageFile("title: Home\nsummary: Home.").write(to: content.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        if let extraPage {
            try extraPage.write(to: content.appendingPathComponent("pages/extra.md"), atomically: true, encoding: .utf8)
        }
        return content
    }

    func build(_ content: URL, to output: URL, cache: Bool = true) throws -> BuildContext {
        try BuildPipeline.standard().run(BuildContext(options: BuildOptions(
            content: content, theme: defaultTheme, output: output, useCache: cache)))
    }

    @Test func aFailedBuildLeavesThePreviousOutputExactlyAsItWas() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output")
        let good = try build(try makeContent(in: folder), to: output)
        #expect(!good.hasErrors)
        let before = try snapshot(of: output)
        #expect(before["index.html"] != nil)

        let broken = try makeContent(in: folder, extraPage: pageFile("title: Extra\nsumary: Typo."))
        let failed = try build(broken, to: output)
        #expect(failed.hasErrors)
        #expect(try snapshot(of: output) == before)
        // No staging folders are left behind beside the output.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(siblings == [".Output.cache", "Content", "Output"])
    }

    @Test func aGoodBuildReplacesTheWholeFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output")
        _ = try build(try makeContent(in: folder, extraPage: pageFile("title: Extra\nsummary: Extra.")), to: output)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("extra/index.html").path))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Content/pages/extra.md"))
        _ = try build(folder.appendingPathComponent("Content"), to: output)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("extra/index.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    @Test func neverReplacesAFolderOfSomeoneElsesFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: output.appendingPathComponent("letter.txt"))
        #expect(throws: BuildFailure.self) { try build(try makeContent(in: folder), to: output) }
        #expect(try snapshot(of: output) == ["letter.txt": Data("precious".utf8)])
    }

    @Test func theSiteBeforeLastIsReusedAndNothingElseIsTouched() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output")
        let content = try makeContent(in: folder, extraPage: pageFile("title: Extra\nsummary: Extra."))
        _ = try build(content, to: output)
        // Without the cache, so that the unchanged site is written again.
        _ = try build(content, to: output, cache: false)
        let previous = folder.appendingPathComponent(".Output.previous")
        #expect(FileManager.default.fileExists(atPath: previous.appendingPathComponent(OutputFolder.marker).path))
        // A page that goes away is gone from the output, even though its folder was there to reuse.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Content/pages/extra.md"))
        _ = try build(content, to: output)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("extra").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    /// A content folder with two services, whose pages and exports a build with no site before last writes into
    /// its staging folder as soon as each is made.
    func makeContentWithServices(in folder: URL) throws -> URL {
        let content = try makeContent(in: folder)
        let services = content.appendingPathComponent("services")
        try FileManager.default.createDirectory(at: services, withIntermediateDirectories: true)
        try serviceFile(goodService).write(to: services.appendingPathComponent("sitters.md"), atomically: true, encoding: .utf8)
        let other = goodService.replacingOccurrences(of: "id: sitters", with: "id: lodge")
            .replacingOccurrences(of: "Sunny Sitters", with: "Lodge House")
        try serviceFile(other).write(to: services.appendingPathComponent("lodge.md"), atomically: true, encoding: .utf8)
        return content
    }

    /// What a build had written early, looked at just before its write step.
    final class StagedSeen: @unchecked Sendable { var files: [String] = [] }

    struct LookAtStagedFiles: BuildStep {
        let seen: StagedSeen
        var name: String { "Looking" }
        func run(_ context: inout BuildContext) throws -> String {
            seen.files = context.staged.map { Array($0.files.keys) } ?? []
            return ""
        }
    }

    /// A build that says which files it wrote early.
    func buildSeeingStaged(_ content: URL, to output: URL) throws -> (BuildContext, [String]) {
        var steps = BuildPipeline.standard().steps
        let seen = StagedSeen()
        steps.insert(LookAtStagedFiles(seen: seen), at: steps.count - 1)
        let context = try BuildPipeline(steps: steps).run(BuildContext(options: BuildOptions(
            content: content, theme: defaultTheme, output: output, useCache: false)))
        return (context, seen.files.sorted())
    }

    @Test func servicesWrittenAsTheyAreMadeGiveTheSameSiteAsServicesWrittenAtTheEnd() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try makeContentWithServices(in: folder)
        // No site before last: each service's page and export goes into the new staging folder as it is made.
        let first = folder.appendingPathComponent("First")
        let (built, staged) = try buildSeeingStaged(content, to: first)
        #expect(!built.hasErrors)
        #expect(staged == ["openreferral/services/lodge.json", "openreferral/services/sitters.json",
                           "services/lodge/index.html", "services/sitters/index.html"])
        // Built three times, the third writes over the site before last, with every file written at the end.
        let third = folder.appendingPathComponent("Third")
        for _ in 1...2 { #expect(try !build(content, to: third, cache: false).hasErrors) }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".Third.previous").path))
        let (rebuilt, stagedOver) = try buildSeeingStaged(content, to: third)
        #expect(!rebuilt.hasErrors)
        #expect(stagedOver.isEmpty)
        let site = try snapshot(of: first)
        #expect(site["services/sitters/index.html"].map { String(decoding: $0, as: UTF8.self).contains("Sunny Sitters") } == true)
        #expect(site == (try snapshot(of: third)))
        // Both list every file as Signpost's own, those written early too.
        func manifest(_ output: URL) throws -> String {
            try String(contentsOf: output.appendingPathComponent(OutputFolder.marker), encoding: .utf8)
        }
        #expect(try manifest(first).contains("\nservices/sitters/index.html\n"))
        #expect(try manifest(first) == (try manifest(third)))
        // The cache's account of the output holds the files written early: nothing changed, nothing done; one of
        // them changed by hand is seen, and made again.
        #expect(try build(content, to: first).nothingChanged)
        let page = first.appendingPathComponent("services/sitters/index.html")
        try Data("changed by hand".utf8).write(to: page)
        #expect(try !build(content, to: first).nothingChanged)
        #expect(try Data(contentsOf: page) == site["services/sitters/index.html"])
    }

    @Test func aBuildThatStopsAfterWritingServicesLeavesNoStagingFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try makeContentWithServices(in: folder)
        let output = folder.appendingPathComponent("Output")
        #expect(try !build(content, to: output).hasErrors)
        // A file someone put into the output stops the next build at the write step, after the services were written.
        try Data("mine".utf8).write(to: output.appendingPathComponent("notes.txt"))
        let before = try snapshot(of: output)
        let stopped = try build(content, to: output, cache: false)
        #expect(stopped.diagnostics.contains { $0.file == "Output/notes.txt" && $0.level == .error })
        #expect(try snapshot(of: output) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(siblings == [".Output.cache", "Content", "Output"])
    }

    @Test func aFolderNamedLikeTheCacheButNotSignpostsIsLeftAlone() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stranger = folder.appendingPathComponent(".Output.previous")
        try FileManager.default.createDirectory(at: stranger, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: stranger.appendingPathComponent("notes.txt"))
        let output = folder.appendingPathComponent("Output")
        let content = try makeContent(in: folder)
        _ = try build(content, to: output)
        _ = try build(content, to: output, cache: false)
        #expect(try snapshot(of: stranger) == ["notes.txt": Data("mine".utf8)])
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(siblings == [".Output.cache", ".Output.previous", "Content", "Output"])
    }
}
