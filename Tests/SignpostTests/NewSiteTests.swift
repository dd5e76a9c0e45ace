import Foundation
import Testing

/// `signpost new`, and the files Signpost carries inside its binary.
@Suite("New sites and a binary that works anywhere")
struct NewSiteTests {
    let command = CommandTests()

    @Test func aNewSiteBuildsWithNoErrorsAndNoWarnings() throws {
        let top = try temporaryFolder()
        let site = top.appendingPathComponent("mysite")
        let made = try command.run(["new", site.path])
        #expect(made.status == 0, "\(made.errors)")
        for path in ["Content/site.yml", "Content/index.md", "Content/easy-read/index.md", "Content/pages/short-breaks.md",
                     "Content/easy-read/short-breaks.md", "Content/glossary.yml", "Content/pictures/sun.svg", "README.md",
                     "Themes/default/templates/page.mustache"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path), "no \(path)")
        }
        let checked = try command.run(["check", "--content", site.appendingPathComponent("Content").path, "--format", "json"])
        #expect(checked.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(checked.output.utf8)) as? [String: Any]
        let summary = report?["summary"] as? [String: Any]
        #expect(summary?["errors"] as? Int == 0 && summary?["warnings"] as? Int == 0, "\(checked.output)")
        let built = try command.run(["build", "--content", site.appendingPathComponent("Content").path,
                                     "--output", top.appendingPathComponent("Output").path])
        #expect(built.status == 0 && built.output.contains("with 0 warnings"), "\(built.output)\(built.errors)")
        // A second `new` into the same folder changes nothing.
        let again = try command.run(["new", site.path])
        #expect(again.status == 1 && again.errors.contains("already has files"))
    }

    @Test func newThemeCopiesTheDefaultThemeForEditing() throws {
        let folder = try temporaryFolder().appendingPathComponent("Themes/mine")
        let made = try command.run(["new", "--theme", folder.path])
        #expect(made.status == 0, "\(made.errors)")
        let copied = try snapshot(of: folder)
        let original = try snapshot(of: defaultTheme)
        #expect(copied == original, "the copy is the default theme, file for file")
    }

    /// The binary copied to a folder of its own builds a content folder with no theme beside it.
    @Test func theBinaryWorksCopiedAnywhere() throws {
        let top = try temporaryFolder()
        let binary = top.appendingPathComponent("bin/signpost")
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try CommandTests.binary(), to: binary)
        // A SwiftPM resource bundle is looked for beside the binary and in the folder it was built in, so a copy works
        // on the machine that built it and fails on any other: the binary must not look for one at all.
        let bytes = try Data(contentsOf: binary)
        #expect(bytes.range(of: Data(".resources".utf8)) == nil, "the binary looks for a resource bundle beside it")
        let content = top.appendingPathComponent("elsewhere/Content")
        try FileManager.default.createDirectory(at: content.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: sampleContent, to: content)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["build", "--content", content.path, "--output", top.appendingPathComponent("elsewhere/Output").path]
        process.currentDirectoryURL = top
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(said)")
        let home = try String(contentsOf: top.appendingPathComponent("elsewhere/Output/index.html"), encoding: .utf8)
        #expect(home.contains("Short Breaks Signpost"))
        #expect(FileManager.default.fileExists(atPath: top.appendingPathComponent("elsewhere/Output/assets/site.css").path))
    }

    /// Sources/Preview/Embedded/EmbeddedFiles.swift is made from Themes/default and Starter, and
    /// Sources/EasyReadChecker/Embedded/EmbeddedWordLists.swift from the checker's word lists, by Scripts/embed-files.py.
    @Test func theFilesInsideTheBinaryMatchTheirSources() throws {
        let hint = "run `make embedded-files` after changing Themes/default, Starter or the word lists"
        let files = try embedded(in: "Sources/Preview/Embedded/EmbeddedFiles.swift")
        #expect(files["defaultTheme"] == (try snapshot(of: defaultTheme)), "\(hint)")
        #expect(files["starterSite"] == (try snapshot(of: repositoryRoot.appendingPathComponent("Starter"))), "\(hint)")
        let lists = try snapshot(of: repositoryRoot.appendingPathComponent("Sources/EasyReadChecker/Data"))
            .filter { $0.key.hasSuffix(".txt") || $0.key.hasSuffix(".tsv") }
        #expect(lists.count == 5)
        #expect(try embedded(in: "Sources/EasyReadChecker/Embedded/EmbeddedWordLists.swift")["files"] == lists, "\(hint)")
    }

    /// The files a generated Swift file holds: by the name of each `static let`, each file's path and bytes.
    private func embedded(in generated: String) throws -> [String: [String: Data]] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(generated), encoding: .utf8)
        var embedded: [String: [String: Data]] = [:]
        var current = ""
        for line in text.split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("static let ") { current = String(text.dropFirst(11).prefix { $0 != ":" }) }
            let parts = text.split(separator: "\"")
            if parts.count == 4, let data = Data(base64Encoded: String(parts[2])) { embedded[current, default: [:]][String(parts[0])] = data }
        }
        return embedded
    }
}
