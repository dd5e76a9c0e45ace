import Foundation
@testable import Preview
import SiteBuilder
import SiteModel
import Testing

/// The theme inside the binary: found the same way by every command, used from memory (never from a folder in a
/// shared place), and told apart by the build cache when another binary carries another theme.
@Suite("The built-in theme")
struct BuiltInThemeTests {
    /// A content folder on disk with no theme beside it: site.yml, a home page and one page.
    func contentWithoutTheme() throws -> LocalPath {
        let root = try temporaryFolder()
        let content = root.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("pages"), withIntermediateDirectories: true)
        try minimalConfig.write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try pageFile("title: Home\nsummary: The home page.").write(to: content.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        try pageFile("title: About\nsummary: About us.").write(to: content.appendingPathComponent("pages/about.md"), atomically: true, encoding: .utf8)
        return LocalPath(content)
    }

    /// The default theme's files with a mark added to every page.
    func markedTheme(_ mark: String) -> BuiltInTheme {
        var files = BuiltInFiles.defaultTheme
        files["templates/page.mustache"] = Data(("<!-- \(mark) -->\n").utf8) + files["templates/page.mustache"]!
        return BuiltInTheme(files: files)
    }

    func build(_ content: LocalPath, output: LocalPath, theme: BuiltInTheme) throws -> (context: BuildContext, page: String) {
        let options = BuildOptions(content: content, output: output, builtInTheme: theme)
        let context = try BuildPipeline.standard().run(BuildContext(options: options))
        let page = (try? String(contentsOf: output.appending("about/index.html").url, encoding: .utf8)) ?? ""
        return (context, page)
    }

    @Test func everyCommandFindsTheThemeTheSameWay() throws {
        let content = try contentWithoutTheme()
        let builtIn = BuiltInFiles.theme
        #expect(try Theme.locate(given: nil, named: nil, content: content, builtIn: builtIn).get() == builtIn.folder)
        #expect(try Theme.locate(given: LocalPath("/elsewhere"), named: nil, content: content, builtIn: builtIn).get() == LocalPath("/elsewhere"))
        // A theme site.yml names is never replaced by the built-in one, even when it is missing.
        #expect(try Theme.locate(given: nil, named: "Themes/mine", content: content, builtIn: builtIn).get()
                == content.parent.appending("Themes/mine"))
        // Themes/default beside the content folder wins, and even a link there is used (and checked) rather than passed over.
        try FileManager.default.createDirectory(at: content.parent.appending("Themes").url, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: content.parent.appending("Themes/default").string,
                                                   withDestinationPath: "/nowhere")
        #expect(try Theme.locate(given: nil, named: nil, content: content, builtIn: builtIn).get()
                != builtIn.folder)
        let loaded = Theme.load(from: builtIn.folder, builtIn: builtIn)
        #expect(loaded.theme != nil && loaded.diagnostics.isEmpty)
    }

    @Test func theBuildCacheTellsWhenTheBuiltInThemeChanged() throws {
        let content = try contentWithoutTheme()
        let output = content.parent.appending("Output")
        let first = try build(content, output: output, theme: markedTheme("THEME ONE"))
        #expect(!first.context.hasErrors)
        #expect(first.page.contains("THEME ONE"))
        let again = try build(content, output: output, theme: markedTheme("THEME ONE"))
        #expect(again.context.nothingChanged, "an unchanged theme and content build nothing again")
        let second = try build(content, output: output, theme: markedTheme("THEME TWO"))
        #expect(!second.context.hasErrors)
        #expect(second.page.contains("THEME TWO") && !second.page.contains("THEME ONE"),
                "a binary with another built-in theme builds the pages again with it")
    }
}
