import Foundation
import Testing
import SiteBuilder
import SiteModel
import ServiceDirectory

/// A content folder with a home page, in a new temporary folder that also holds a secret file outside it.
func siteOnDisk(_ extra: [String: String] = [:]) throws -> (folder: URL, content: URL) {
    let folder = try temporaryFolder()
    let content = folder.appendingPathComponent("Content")
    var files = ["site.yml": minimalConfig, "index.md": pageFile("title: Home\nsummary: Home.")]
    files.merge(extra) { $1 }
    for (path, text) in files {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("outside"), withIntermediateDirectories: true)
    try "SECRET".write(to: folder.appendingPathComponent("outside/secret.svg"), atomically: true, encoding: .utf8)
    return (folder, content)
}

/// A copy of the default theme, named `mine`, in a new temporary folder, to break on purpose.
func themeCopy() throws -> (folder: URL, theme: URL) {
    let folder = try temporaryFolder()
    let theme = folder.appendingPathComponent("mine")
    try FileManager.default.copyItem(at: defaultTheme, to: theme)
    return (folder, theme)
}

/// A full build of a content folder on disk into `output`.
func buildOnDisk(_ content: URL, _ output: URL, theme: URL = defaultTheme) throws -> BuildContext {
    try BuildPipeline.standard().run(BuildContext(options: BuildOptions(content: content, theme: theme, output: output)))
}

/// A content folder, a theme or an output folder is untrusted: nothing outside it is read or published, nothing a
/// person wrote is lost, and no input crashes or hangs a build. Each test here failed before its fix.
@Suite("Untrusted input")
struct UntrustedInputTests {
    func site(_ extra: [String: String] = [:]) throws -> (folder: URL, content: URL) { try siteOnDisk(extra) }

    func build(_ content: URL, output: URL, theme: URL = defaultTheme) throws -> BuildContext {
        try buildOnDisk(content, output, theme: theme)
    }

    func link(_ at: URL, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: at.path, withDestinationPath: target)
    }

    @Test func linksOutOfTheContentFolderAreRefusedAndNamed() throws {
        let (folder, content) = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        try link(content.appendingPathComponent("etc"), to: "/etc")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("pictures"), withIntermediateDirectories: true)
        try link(content.appendingPathComponent("pictures/secret.svg"), to: "../../outside/secret.svg")
        try link(content.appendingPathComponent("site-copy.yml"), to: "site.yml") // inside: fine, though not published
        let output = folder.appendingPathComponent("Output")
        let result = try build(content, output: output)
        let errors = result.errors.map { "\($0.file):\($0.line) \($0.message)" }
        #expect(errors.contains { $0.hasPrefix("etc:1 ") && $0.contains("outside the content folder") })
        #expect(errors.contains { $0.hasPrefix("pictures/secret.svg:1 ") && $0.contains("outside") })
        #expect(!FileManager.default.fileExists(atPath: output.path), "a failed build writes nothing")
        // Reading a file through a link that leaves the folder gives nothing, even when asked for directly.
        let source = DirectoryContentSource(root: content)
        #expect(source.read("pictures/secret.svg") == nil)
        #expect(source.read("../outside/secret.svg") == nil)
        #expect(source.read("site-copy.yml") != nil)
    }

    /// A folder swapped for a link to a folder outside after it was first read from (its real place is worked out
    /// once) and before its next file is opened: the outside file of the same name is never read. Before the fix the
    /// file was opened by name in the folder's real place, through the link, and the outside words came back.
    @Test func aFolderSwappedForALinkOutBetweenReadsIsNotReadThrough() throws {
        let (folder, content) = try site(["pages/leak.md": "Inside words only.", "pages/first.md": "First.",
                                          "pages/more/deep.md": "Deep inside."])
        defer { try? FileManager.default.removeItem(at: folder) }
        let outside = folder.appendingPathComponent("outside")
        try "OUTSIDE alpha bravo words.".write(to: outside.appendingPathComponent("leak.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("more"), withIntermediateDirectories: true)
        try "OUTSIDE deep.".write(to: outside.appendingPathComponent("more/deep.md"), atomically: true, encoding: .utf8)
        let source = DirectoryContentSource(root: content)
        #expect(try source.list().files.contains("pages/leak.md"))
        try link(content.appendingPathComponent("alias"), to: "pages") // a link inside: still followed
        #expect(source.readText("pages/first.md") == "First.")
        #expect(source.readText("pages/more/deep.md") == "Deep inside.")
        #expect(source.readText("alias/leak.md") == "Inside words only.")
        #expect(source.stamp("pages/leak.md") != nil)
        // The swap: `pages` is moved aside and a link to the outside folder, with the same names, put in its place.
        try FileManager.default.moveItem(at: content.appendingPathComponent("pages"), to: content.appendingPathComponent("kept"))
        try link(content.appendingPathComponent("pages"), to: outside.path)
        for path in ["pages/leak.md", "pages/more/deep.md", "alias/leak.md"] {
            #expect(source.read(path) == nil, "\(path) was read through the swapped link")
            #expect(source.stamp(path) == nil, "\(path) was stamped through the swapped link")
        }
        #expect(DirectoryContentSource(root: content).read("pages/leak.md") == nil)
    }

    @Test func aLinkLoopIsOneErrorPerLink() throws {
        let (folder, content) = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        try link(content.appendingPathComponent("again"), to: ".")
        try link(content.appendingPathComponent("a"), to: "b")
        try link(content.appendingPathComponent("b"), to: "a")
        let listing = try DirectoryContentSource(root: content).list()
        #expect(listing.problems.map(\.file).sorted() == ["a", "again", "b"])
        #expect(listing.files == ["index.md", "site.yml"])
    }

    @Test func oneLetterNamesBuild() throws {
        let (folder, content) = try site(["pages/q.md": pageFile("title: Q\nsummary: Q.\nslug: b"),
                                          "x/y.md": pageFile("title: Y\nsummary: Y.")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try build(content, output: folder.appendingPathComponent("o"))
        #expect(result.errors.isEmpty, "\(result.errors.map(\.formatted))")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("o/b/index.html").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("o/x/y/index.html").path))
    }

    @Test func overlappingFoldersAreRefusedBeforeAnythingIsTouched() throws {
        let (folder, content) = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try snapshot(of: content)
        for output in [content.appendingPathComponent("Output"), content, folder] {
            #expect(throws: BuildFailure.self) { try build(content, output: output) }
        }
        #expect(throws: BuildFailure.self) { try build(content, output: folder.appendingPathComponent("theme/out"),
                                                      theme: folder.appendingPathComponent("theme")) }
        #expect(try snapshot(of: content) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["Content", "outside"])
    }

    @Test func strayFilesNeverReplaceGeneratedOnesAndUnknownTypesAreNotPublished() throws {
        let (folder, content) = try site(["index.html": "<script>alert(1)</script>", "sitemap.xml": "<x/>",
                                          "notes.html": "<p>hi</p>", "pictures/ok.svg": "<svg/>"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try build(content, output: folder.appendingPathComponent("Output"))
        #expect(Set(result.errors.map(\.file)) == ["index.html", "sitemap.xml"])
        let warning = try #require(result.diagnostics.first { $0.file == "notes.html" })
        #expect(warning.level == .warning && warning.message.contains("not published"))
        try FileManager.default.removeItem(at: content.appendingPathComponent("index.html"))
        try FileManager.default.removeItem(at: content.appendingPathComponent("sitemap.xml"))
        let good = try build(content, output: folder.appendingPathComponent("Output"))
        #expect(good.errors.isEmpty)
        #expect(good.files["notes.html"] == nil)
        #expect(good.files["pictures/ok.svg"] != nil)
    }

    @Test(arguments: [
        ("<svg><script>alert(1)</script></svg>", 1, 6),
        ("<svg>\n  <rect onload=\"alert(1)\"/></svg>", 2, 9),
        ("<svg><a href=\" jav&#x61;script:alert(1)\">x</a></svg>", 1, 9),
        ("<svg><foreignObject><iframe src=\"https://example.org\"/></foreignObject></svg>", 1, 21),
        ("<!DOCTYPE svg [<!ENTITY a \"&b;&b;\">]><svg/>", 1, 16),
    ])
    func svgThatCanRunCodeIsRefusedAtItsPlace(_ svg: String, _ line: Int, _ column: Int) {
        let problems = SVGSafety.problems(in: Array(svg.utf8))
        #expect(problems.first.map { ($0.line, $0.column) } ?? (0, 0) == (line, column), "\(problems)")
    }

    @Test func everydaySVGIsFine() throws {
        let pictures = sampleContent.appendingPathComponent("pictures")
        for name in try FileManager.default.contentsOfDirectory(atPath: pictures.path) {
            let bytes = try [UInt8](Data(contentsOf: pictures.appendingPathComponent(name)))
            #expect(SVGSafety.problems(in: bytes).isEmpty, "\(name)")
        }
        #expect(SVGSafety.problems(in: Array(#"<svg><a href="https://example.org/">x</a><!-- onload= --></svg>"#.utf8)).isEmpty)
    }

    @Test func yamlAliasBombsAndDeepNestingAreRefusedAtTheirLine() {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        let decoded = YAMLReader.decode(SiteConfig.self, from: "title: T\n" + bomb, file: "site.yml")
        let problem = try? #require(decoded.diagnostics.first)
        #expect(problem?.message.contains("alias") == true)
        #expect((problem?.line ?? 0) > 2 && (problem?.line ?? 0) <= 10)
        let deep = YAMLReader.decode(SiteConfig.self, from: "title: T\nwords: " + String(repeating: "[", count: 5000), file: "site.yml")
        #expect(deep.diagnostics.first?.line == 2)
        #expect(deep.diagnostics.first?.message.contains("nested") == true)
        // Anchors used a few times, as people do, are fine.
        let fine = YAMLReader.decode(SiteConfig.self, from: "title: T\ncontact: &c {phone: \"0116 496 0999\"}\nwords: [a, b]\n", file: "site.yml")
        #expect(fine.diagnostics.isEmpty)
    }

    @Test func deeplyNestedMarkdownIsAnErrorNotACrash() throws {
        for body in [String(repeating: ">", count: 80_000) + " hi", String(repeating: "- ", count: 40_000) + "hi",
                     String(repeating: "*", count: 10_000) + "hi" + String(repeating: "*", count: 10_000)] {
            let result = try buildInMemory(["pages/deep.md": pageFile("title: Deep\nsummary: Deep.", body)],
                                           checker: CheckStep())
            let error = try #require(result.errors.first)
            #expect(error.file == "pages/deep.md" && error.line == 5 && error.message.contains("nested"))
        }
    }

    @Test func themePartialsThatAreMissingOrLoopAreErrorsAtTheirTag() throws {
        let (folder, theme) = try themeCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = theme.appendingPathComponent("templates")
        try "<p>\n  {{> footer}}\n".write(to: templates.appendingPathComponent("footer.mustache"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: templates.appendingPathComponent("skip-link.mustache"))
        try "{{#a}}\n{{#b}}\n{{/b}}\n".write(to: templates.appendingPathComponent("404.mustache"), atomically: true, encoding: .utf8)
        let loaded = Theme.load(from: LocalPath(theme))
        let found = loaded.diagnostics.map { "\($0.file):\($0.line):\($0.column)" }.sorted()
        #expect(found.contains("mine/templates/footer.mustache:2:3"), "\(loaded.diagnostics.map(\.formatted))")
        #expect(found.contains("mine/templates/404.mustache:1:1"), "the unclosed section, at its opening tag")
        #expect(found.contains("mine/templates/page.mustache:3:1"), "the missing skip-link partial, where it is included")
        #expect(loaded.diagnostics.allSatisfy { !$0.message.contains("expectedSectionEnd") })
    }

    @Test func invalidValuesAreErrorsAtTheirPlace() throws {
        let page = try buildInMemory(["pages/a.md": pageFile("title: \"\"\nsummary: A.\nupdated: 0000-01-01")])
        #expect(Set(page.errors.map { "\($0.file):\($0.line)" }) == ["pages/a.md:2", "pages/a.md:4"])
        for (yaml, line) in [("url: javascript:alert(1)//", 4), ("url: https://bad example.org", 4),
                             ("checks:\n  easy-read:\n    sentence-length: {warning: -5}", 6), ("keep: [../x]", 4),
                             ("theme: /etc", 4)] {
            let config = minimalConfig + "\n" + yaml
            let result = try buildInMemory(["site.yml": config])
            #expect(result.errors.first?.file == "site.yml", "\(yaml)")
            #expect(result.errors.first?.line == line, "\(yaml): \(result.errors.map(\.formatted))")
        }
        let huge = YAMLReader.decode(Service.self, from: "id: a\nname: A\nsummary: B\ncosts:\n  - option: x\n    amount: 1e309",
                                     file: "services/a.md")
        #expect(huge.diagnostics.first?.message.contains("too large") == true, "\(huge.diagnostics.map(\.formatted))")
        #expect(huge.diagnostics.first?.line == 6)
    }

    @Test func outputFilesPeopleAddedAreKeptOrNamedNeverLost() throws {
        let (folder, content) = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output")
        #expect(try build(content, output: output).errors.isEmpty)
        try "breaks.example.org".write(to: output.appendingPathComponent("CNAME"), atomically: true, encoding: .utf8)
        let refused = try build(content, output: output)
        #expect(refused.errors.map(\.file) == ["Output/CNAME"])
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("CNAME").path))
        try (minimalConfig + "\nkeep: [CNAME]\n").write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        for _ in 0..<2 {
            #expect(try build(content, output: output).errors.isEmpty)
            #expect(try String(contentsOf: output.appendingPathComponent("CNAME"), encoding: .utf8) == "breaks.example.org")
        }
    }

    @Test func stagingFoldersLeftByAKilledBuildAreRemoved() throws {
        let (folder, content) = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stale = folder.appendingPathComponent(".Output.staging-dead")
        let someoneElses = folder.appendingPathComponent(".Output.staging-mine")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: someoneElses, withIntermediateDirectories: true)
        try "x".write(to: stale.appendingPathComponent(OutputFolder.marker), atomically: true, encoding: .utf8)
        #expect(try build(content, output: folder.appendingPathComponent("Output")).errors.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: someoneElses.path), "a folder Signpost did not mark is never touched")
    }

    @Test func buildsAtOnceIntoOneFolderTakeTurns() throws {
        let (folder, content) = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output")
        let results = Parallel.map(Array(0..<6)) { _ in (try? build(content, output: output))?.errors.isEmpty ?? false }
        #expect(results.allSatisfy { $0 })
        let expected = try build(content, output: folder.appendingPathComponent("Single"))
        #expect(!expected.hasErrors)
        #expect(try snapshot(of: output).keys.sorted() == snapshot(of: folder.appendingPathComponent("Single")).keys.sorted())
    }

    @Test func everyBuildOfTheSameContentIsByteForByteTheSame() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var outputs: [[String: Data]] = []
        for name in ["a", "b", "c"] {
            let output = folder.appendingPathComponent(name)
            _ = try build(sampleContent, output: output)
            outputs.append(try snapshot(of: output))
        }
        #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
        #expect(outputs[0]["services/search-index.js"] != nil)
    }

    @Test func controlCharactersInNamesArePrintedEscaped() {
        let diagnostic = Diagnostic(file: "pages/\u{1B}[2Jbad\n.md", line: 1, column: 1, message: "x")
        #expect(!diagnostic.formatted.contains("\u{1B}") && !diagnostic.formatted.contains("\n"))
        #expect(!TextReport(colour: false).render([diagnostic]).contains("\u{1B}"))
    }
}

/// What a hostile review of the first version found: each of these once wrote outside a folder, lost a file, crashed
/// or nagged.
@Suite("Untrusted input, second look")
struct UntrustedInputSecondLookTests {
    func site() throws -> (folder: URL, content: URL) { try siteOnDisk() }

    func build(_ content: URL, _ output: URL, theme: URL = defaultTheme) throws -> BuildContext {
        try buildOnDisk(content, output, theme: theme)
    }

    @Test func aLinkPutIntoTheOutputFolderIsNeverWrittenThroughOrPublishedAgain() throws {
        let (folder, content) = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output"), victim = folder.appendingPathComponent("victim")
        try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: true)
        try "precious".write(to: victim.appendingPathComponent("site.css"), atomically: true, encoding: .utf8)
        #expect(try build(content, output).errors.isEmpty)
        try FileManager.default.removeItem(at: output.appendingPathComponent("assets"))
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("assets").path, withDestinationPath: victim.path)
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("passwd.txt").path, withDestinationPath: "/etc/passwd")
        let refused = try build(content, output)
        #expect(Set(refused.errors.map(\.file)) == ["Output/assets", "Output/passwd.txt"])
        try FileManager.default.removeItem(at: output.appendingPathComponent("passwd.txt"))
        try FileManager.default.removeItem(at: output.appendingPathComponent("assets"))
        // The site before last, kept beside the output, gets a link too: it is removed, never written through.
        let previous = folder.appendingPathComponent(".Output.previous")
        #expect(try build(content, output).errors.isEmpty)
        try? FileManager.default.removeItem(at: previous.appendingPathComponent("assets"))
        try FileManager.default.createSymbolicLink(atPath: previous.appendingPathComponent("assets").path, withDestinationPath: victim.path)
        #expect(try build(content, output).errors.isEmpty)
        #expect(try String(contentsOf: victim.appendingPathComponent("site.css"), encoding: .utf8) == "precious")
        #expect(FileKind.of(output.appendingPathComponent("assets").path, followingLinks: false) == .folder)
    }

    @Test func finderLitterIsIgnoredAndAnOlderSignpostsFolderNamesWhatItCannotTell() throws {
        let (folder, content) = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output")
        #expect(try build(content, output).errors.isEmpty)
        for name in [".DS_Store", "assets/.DS_Store", "._index.html", "Thumbs.db"] {
            try Data().write(to: output.appendingPathComponent(name))
        }
        #expect(try build(content, output).errors.isEmpty)
        // A folder an older Signpost wrote has a marker with no list of files.
        try "Written by Signpost. This whole folder is replaced on each build.\n"
            .write(to: output.appendingPathComponent(OutputFolder.marker), atomically: true, encoding: .utf8)
        try "mine".write(to: output.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let result = try build(content, output)
        #expect(result.errors.map(\.file) == ["Output/notes.txt"], "files the build writes again are known to be its own")
    }

    @Test func aSwapCutShortPutsTheLastSiteBack() throws {
        let (folder, content) = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output")
        #expect(try build(content, output).errors.isEmpty)
        try "mine".write(to: output.appendingPathComponent("CNAME"), atomically: true, encoding: .utf8)
        // Killed between the two renames: the output is set aside and not yet replaced.
        try FileManager.default.moveItem(at: output, to: folder.appendingPathComponent(".Output.old-12345678"))
        let result = try build(content, output)
        #expect(result.errors.map(\.file) == ["Output/CNAME"], "the set-aside site came back, with the person's file")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("CNAME").path))
    }

    @Test func themeChainsAndDeepParentTagsAreRefusedAndOneSyntaxErrorIsOneError() throws {
        let (folder, theme) = try themeCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = theme.appendingPathComponent("templates")
        for i in 0..<150 { try "{{#a}}{{> p\(i + 1)}}{{/a}}".write(to: templates.appendingPathComponent("p\(i).mustache"), atomically: true, encoding: .utf8) }
        try "end".write(to: templates.appendingPathComponent("p150.mustache"), atomically: true, encoding: .utf8)
        try (String(repeating: "{{<footer}}", count: 2000) + String(repeating: "{{/footer}}", count: 2000))
            .write(to: templates.appendingPathComponent("deep.mustache"), atomically: true, encoding: .utf8)
        try "{{#site}}\n<header>".write(to: templates.appendingPathComponent("header.mustache"), atomically: true, encoding: .utf8)
        let loaded = Theme.load(from: LocalPath(theme))
        let files = loaded.diagnostics.map(\.file)
        #expect(files.contains("mine/templates/deep.mustache"))
        #expect(files.contains { $0.hasPrefix("mine/templates/p") }, "a chain of 150 partials in sections is too deep")
        #expect(files.filter { $0 == "mine/templates/header.mustache" }.count == 1)
        #expect(!loaded.diagnostics.contains { $0.message.contains("has no `templates/header.mustache`") })
        // Only templates/ and assets/ are read: a link elsewhere in the theme folder does not matter.
        let clean = folder.appendingPathComponent("clean")
        try FileManager.default.copyItem(at: defaultTheme, to: clean)
        try FileManager.default.createSymbolicLink(atPath: clean.appendingPathComponent("README.md").path, withDestinationPath: "/etc/passwd")
        #expect(Theme.load(from: LocalPath(clean)).diagnostics.isEmpty)
        try FileManager.default.createSymbolicLink(atPath: clean.appendingPathComponent("assets/leak.txt").path, withDestinationPath: "/etc/passwd")
        #expect(Theme.load(from: LocalPath(clean)).diagnostics.first?.message.contains("outside the theme folder") == true)
    }

    @Test func aMinifiedTemplateIsReadInOnePass() throws {
        let (folder, theme) = try themeCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        try (String(repeating: "x", count: 50_000) + "{{> missing}}")
            .write(to: theme.appendingPathComponent("templates/404.mustache"), atomically: true, encoding: .utf8)
        let problem = try #require(Theme.load(from: LocalPath(theme)).diagnostics.first)
        #expect("\(problem.file):\(problem.line):\(problem.column)" == "mine/templates/404.mustache:1:50001")
        // swift-mustache's own parser slows with the square of a template's size, so a huge one is refused first.
        try String(repeating: "{{title}}", count: 60_000)
            .write(to: theme.appendingPathComponent("templates/404.mustache"), atomically: true, encoding: .utf8)
        let huge = try #require(Theme.load(from: LocalPath(theme)).diagnostics.first)
        #expect(huge.message.contains("larger than 64 KB"))
    }

    @Test(arguments: [
        ##"<svg><a href="javascript:alert(1)//\##(String(repeating: "A", count: 100_000))">x</a></svg>"##,
        ##"<svg><a href="&#x000000006A;avascript:alert(1)">x</a></svg>"##,
        ##"<svg><animate attributeName="href" values="#;javascript:alert(1)"/></svg>"##,
        ##"<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]><svg/>"##,
        ##"<!DOCTYPE svg [<!ENTITY % p SYSTEM "file:///etc/passwd">]><svg/>"##,
    ])
    func svgTricksAreCaught(_ svg: String) {
        #expect(!SVGSafety.problems(in: Array(svg.utf8)).isEmpty)
    }

    @Test func illustratorAndInkscapePicturesPass() {
        let illustrator = """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
        \t<!ENTITY ns_extend "http://ns.adobe.com/Extensibility/1.0/">
        \t<!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">
        ]>
        <svg version="1.1" xmlns:x="&ns_extend;" xmlns:i="&ns_ai;" xmlns="http://www.w3.org/2000/svg">
        <switch><foreignObject requiredExtensions="&ns_ai;" x="0" y="0" width="1" height="1"><i:pgfRef xlink:href="#x"/></foreignObject>
        <g i:extraneous="self"><image href="data:image/svg+xml;base64,PHN2Zy8+" width="1" height="1"/></g></switch></svg>
        """
        #expect(SVGSafety.problems(in: Array(illustrator.utf8)).isEmpty, "\(SVGSafety.problems(in: Array(illustrator.utf8)))")
    }

    @Test func oddNumbersAreNotCalledTooLarge() {
        for value in ["½", "--5", "5x"] {
            let decoded = YAMLReader.decode(PageFrontMatter.self, from: "title: A\nsummary: B\norder: \(value)", file: "a.md")
            #expect(decoded.diagnostics.first?.message.contains("whole number") == true, "\(value)")
        }
        let huge = YAMLReader.decode(PageFrontMatter.self, from: "title: A\nsummary: B\norder: 99999999999999999999", file: "a.md")
        #expect(huge.diagnostics.first?.message.contains("too large") == true)
    }
}
