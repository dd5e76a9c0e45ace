import Foundation
import Testing
@testable import SiteBuilder
import SiteModel

/// The build cache may only ever make a build faster: after any edit, a build that uses it writes the same bytes and
/// reports the same findings as a build from nothing.
@Suite("The build cache")
struct CacheTests {
    /// A copy of the sample site and the default theme, with every file dated an hour ago, so that the cache trusts
    /// the files' stamps as it would on a writer's computer, and an edit shows in a file's stamp.
    struct Workspace {
        let folder: URL
        var content: URL { folder.appendingPathComponent("Content") }
        var theme: URL { folder.appendingPathComponent("Themes/default") }
        var output: URL { folder.appendingPathComponent("out/Output") }
        /// The build cache beside the output folder.
        var cacheFile: LocalPath { BuildCache.location(for: LocalPath(output)) }

        init() throws {
            folder = try temporaryFolder()
            let manager = FileManager.default
            try manager.createDirectory(at: folder.appendingPathComponent("Themes"), withIntermediateDirectories: true)
            try manager.copyItem(at: sampleContent, to: content)
            try manager.copyItem(at: defaultTheme, to: theme)
            for root in [content, theme] {
                for case let file as URL in manager.enumerator(at: root, includingPropertiesForKeys: nil)! {
                    try manager.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)],
                                              ofItemAtPath: file.path)
                }
            }
        }

        func build(to output: URL? = nil, cache: Bool = true, memory: BuildMemory? = nil,
                   changed: Set<String>? = nil, progress: (String) -> Void = { _ in }) throws -> BuildContext {
            var context = BuildContext(options: BuildOptions(
                content: content, theme: theme, output: output ?? self.output, useCache: cache), memory: memory)
            context.changedFiles = changed
            let result = try BuildPipeline.standard().run(context, progress: progress)
            // The memory saves the cache on a queue of its own; an edit such as damaging it waits for that.
            memory?.waitUntilSaved()
            return result
        }

        func edit(_ path: String, in root: URL? = nil, _ change: (String) -> String) throws {
            let file = (root ?? content).appendingPathComponent(path)
            try change(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: false, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// An edit a writer might make between two builds.
    struct Edit: CustomTestStringConvertible, Sendable {
        let name: String
        let apply: @Sendable (Workspace) throws -> Void
        var testDescription: String { name }
    }

    static let edits: [Edit] = [
        Edit(name: "nothing") { _ in },
        Edit(name: "a sentence added to a page") { try $0.edit("pages/leder.md") { $0 + "\nWe write to you after the review.\n" } },
        Edit(name: "a page's title") { try $0.edit("pages/leder.md") { $0.replacingOccurrences(of: "title: ", with: "title: New ", options: [], range: $0.range(of: "title: ")) } },
        Edit(name: "a new page") { try pageFile("title: Holidays\nsummary: Breaks away from home.", "A holiday can be a short break.").write(to: $0.content.appendingPathComponent("pages/holidays.md"), atomically: false, encoding: .utf8) },
        Edit(name: "a page removed") { try FileManager.default.removeItem(at: $0.content.appendingPathComponent("pages/moving-to-adult-services.md")) },
        // Its standard twin says "Checked by" only while the group's sign-off is for the easy-read words as they are.
        Edit(name: "a signed-off easy-read page's words") { try $0.edit("easy-read/short-breaks.md") { $0 + "\n![A form](../pictures/form.svg) Ask us how to get a break.\n" } },
        Edit(name: "a page made a draft") { try $0.edit("pages/have-your-say.md") { $0.replacingOccurrences(of: "---\n", with: "---\nstatus: draft\n", options: [], range: $0.range(of: "---\n")) } },
        Edit(name: "a mistake in a page") { try $0.edit("pages/leder.md") { $0.replacingOccurrences(of: "summary:", with: "sumary:") } },
        Edit(name: "a broken link") { try $0.edit("pages/short-breaks.md") { $0 + "\nRead [more](no-such-page.md).\n" } },
        Edit(name: "the site's title") { try $0.edit("site.yml") { $0.replacingOccurrences(of: "title: Short Breaks Signpost", with: "title: Short Breaks") } },
        Edit(name: "a glossary meaning") { try $0.edit("glossary.yml") { $0.replacingOccurrences(of: "A meeting where someone finds out", with: "A talk where someone finds out") } },
        Edit(name: "a template") { try $0.edit("templates/page.mustache", in: $0.theme) { $0 + "<!-- changed -->\n" } },
        Edit(name: "the theme's style sheet") { try $0.edit("assets/site.css", in: $0.theme) { $0 + "\nbody { margin: 0; }\n" } },
        Edit(name: "a picture") { try $0.edit("pictures/form.svg") { $0.replacingOccurrences(of: "</svg>", with: "<title>Form</title></svg>") } },
        // A picture unchanged since a build with no error is not read again; a changed one is, and found unsafe.
        Edit(name: "a picture made unsafe") { try $0.edit("pictures/form.svg") { $0.replacingOccurrences(of: "</svg>", with: "<script>alert(1)</script></svg>") } },
        Edit(name: "a service") { try $0.edit("services/maple-lodge.md") { $0 + "\nThere is a garden.\n" } },
        // A mark that joins onto the `.` (here U+0600) makes a name that ends in `.md` byte by byte but not character by
        // character: loading does not take it for a page, so it is a file that is not published, and the site key
        // must see it come.
        Edit(name: "a file whose name only looks like Markdown") { try "Notes".write(to: $0.content.appendingPathComponent("pages/notes\u{0600}.md"), atomically: false, encoding: .utf8) },
        Edit(name: "a file touched but not changed") { try $0.edit("pages/leder.md") { $0 } },
        Edit(name: "a page in the output changed by hand") { try "changed".write(to: $0.output.appendingPathComponent("leder/index.html"), atomically: false, encoding: .utf8) },
        // Made again for that reason alone, the page still shows its services, though no page's words changed.
        Edit(name: "a page that lists services deleted from the output by hand") { try FileManager.default.removeItem(at: $0.output.appendingPathComponent("emergency-short-breaks/index.html")) },
        Edit(name: "a page in the output deleted by hand") { try FileManager.default.removeItem(at: $0.output.appendingPathComponent("leder/index.html")) },
        Edit(name: "the cache damaged") { workspace in
            let cache = workspace.cacheFile
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: cache.string)))
            bytes[bytes.count / 2] ^= 0x55
            try Data(bytes).write(to: URL(fileURLWithPath: cache.string))
        },
    ]

    @Test(arguments: edits)
    func aBuildFromTheCacheIsTheSameAsOneWithout(_ edit: Edit) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let first = try workspace.build()
        #expect(!first.hasErrors)
        try edit.apply(workspace)
        let cached = try workspace.build()
        let cold = try workspace.build(to: workspace.folder.appendingPathComponent("cold/Output"), cache: false)
        #expect(cached.diagnostics.map(\.formatted) == cold.diagnostics.map(\.formatted))
        #expect(cached.hasErrors == cold.hasErrors)
        if !cold.hasErrors {
            #expect(try snapshot(of: workspace.output) == snapshot(of: workspace.folder.appendingPathComponent("cold/Output")))
            // And again with nothing changed since.
            let again = try workspace.build()
            #expect(again.diagnostics.map(\.formatted) == cold.diagnostics.map(\.formatted))
            #expect(try snapshot(of: workspace.output) == snapshot(of: workspace.folder.appendingPathComponent("cold/Output")))
        }
    }

    /// A build that changes little adds its changes to the end of the cache file instead of writing it whole; the
    /// next build reads them back in order, a damaged part makes the whole cache unused, and a build that changes much
    /// writes the cache whole again.
    @Test func smallChangesAreAddedToTheCacheFileAndReadBack() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = try workspace.build()
        let location = workspace.cacheFile
        let url = URL(fileURLWithPath: location.string)
        var before = try Data(contentsOf: url)
        for round in 1...3 {
            try workspace.edit("pages/leder.md") { $0 + "\nWe write to you after review number \(round).\n" }
            _ = try workspace.build()
            let after = try Data(contentsOf: url)
            #expect(after.count > before.count && after.prefix(before.count) == before, "round \(round) wrote the cache whole")
            #expect(BuildCache.read(from: location, maker: CacheState.maker).cache?.origin?.parts == round)
            before = after
        }
        // Read back with its parts, the cache knows the last edit: nothing changed, and the site is a cold build's.
        var lines: [String] = []
        _ = try workspace.build { lines.append($0) }
        #expect(lines.first?.hasPrefix("[1/1] Nothing changed since the last build") == true, "\(lines)")
        let cold = workspace.folder.appendingPathComponent("cold/Output")
        _ = try workspace.build(to: cold, cache: false)
        #expect(try snapshot(of: workspace.output) == snapshot(of: cold))
        // Its account of every input file, and of every page, is the one a build from nothing makes.
        let readBack = try #require(BuildCache.read(from: location, maker: CacheState.maker).cache)
        let made = try #require(BuildCache.read(from: BuildCache.location(for: LocalPath(cold)), maker: CacheState.maker).cache)
        #expect(readBack.inputs == made.inputs)
        #expect(readBack.pages.mapValues(\.sourceHash) == made.pages.mapValues(\.sourceHash))
        #expect(readBack.pages.mapValues(\.place) == made.pages.mapValues(\.place))

        // One byte changed in the last part: the cache is not used at all, not even the parts before.
        var damaged = [UInt8](before)
        damaged[damaged.count - 3] ^= 0x55
        try Data(damaged).write(to: url)
        #expect(BuildCache.read(from: location, maker: CacheState.maker).cache == nil)
        _ = try workspace.build()
        #expect(BuildCache.read(from: location, maker: CacheState.maker).cache?.origin?.parts == 0)

        // A new site title changes every page: the changes would outgrow the cache, so it is written whole.
        try workspace.edit("pages/leder.md") { $0 + "\nOne more line.\n" }
        _ = try workspace.build()
        #expect(BuildCache.read(from: location, maker: CacheState.maker).cache?.origin?.parts == 1)
        try workspace.edit("site.yml") { $0.replacingOccurrences(of: "title: Short Breaks Signpost", with: "title: Short Breaks") }
        _ = try workspace.build()
        #expect(BuildCache.read(from: location, maker: CacheState.maker).cache?.origin?.parts == 0)
    }

    /// Services are not read again for an edit to a page that lists none: what reading them found is the last build's,
    /// exactly what a build from nothing finds. An edit to a page that lists services makes the build read them.
    @Test func servicesAreReadAgainOnlyWhenABuildNeedsThem() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // Details checked long ago give a warning, which must be reported again whether the services are read or not.
        try workspace.edit("services/maple-lodge.md") {
            $0.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("checked:") ? "checked: 2020-01-02" : String($0) }.joined(separator: "\n")
        }
        let first = try workspace.build()
        #expect(first.diagnostics.contains { $0.file == "services/maple-lodge.md" && $0.level == .warning })
        let cold = workspace.folder.appendingPathComponent("cold/Output")
        for (page, read) in [("pages/leder.md", false), ("pages/emergency-short-breaks.md", true)] {
            try workspace.edit(page) { $0 + "\nWe write to you after the review.\n" }
            var lines: [String] = []
            let cached = try workspace.build { lines.append($0) }
            let line = lines.first { $0.contains("Reading services") } ?? ""
            #expect(line.contains("as the last build read them") == !read, "\(page): \(line)")
            try? FileManager.default.removeItem(at: cold)
            let fromNothing = try workspace.build(to: cold, cache: false)
            #expect(cached.diagnostics.map(\.formatted) == fromNothing.diagnostics.map(\.formatted), "\(page)")
            #expect(cached.serviceCount == fromNothing.serviceCount)
            #expect(try snapshot(of: workspace.output) == snapshot(of: cold), "\(page)")
        }
    }

    /// The changes between two tables are every entry added, changed or removed, whether the new table is a changed
    /// copy of the old (walked side by side) or made afresh in another order (looked up key by key).
    @Test func changesBetweenTwoTablesLeaveNothingOut() {
        var old: [String: Int] = [:]
        for index in 0..<500 { old["pages/page-\(index).md"] = index }
        func expected(_ new: [String: Int]) -> [String] {
            let keys = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }
            return keys.sorted().map { "\($0)=\(new[$0].map(String.init) ?? "removed")" }
        }
        func found(_ new: [String: Int]) -> [String] {
            CacheChanges.changes(from: old, to: new, same: ==).map { "\($0.0)=\($0.1.map(String.init) ?? "removed")" }
        }
        var copy = old
        copy["pages/page-7.md"] = -7
        copy["pages/page-300.md"] = -300
        #expect(found(copy) == ["pages/page-300.md=-300", "pages/page-7.md=-7"])
        #expect(found(old) == [])
        // Made afresh: the same keys in another order, one value changed.
        var afresh: [String: Int] = [:]
        for (key, value) in old.sorted(by: { $0.key > $1.key }) { afresh[key] = value }
        afresh["pages/page-42.md"] = 0
        #expect(found(afresh) == expected(afresh))
        // As many keys as before, but one removed and one added: the walk must not take them for the same keys.
        var swapped = old
        swapped["pages/page-1.md"] = nil
        swapped["pages/new.md"] = 1
        #expect(found(swapped) == expected(swapped))
        #expect(found(swapped).count == 2)
        var grown = old
        grown["pages/new.md"] = 1
        #expect(found(grown) == ["pages/new.md=1"])
    }

    /// A cache file with another name (a backup made with hard links) is written whole as a new file, so the backup
    /// keeps the bytes it had.
    @Test func aHardLinkedCacheIsReplacedNotAddedTo() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = try workspace.build()
        let location = workspace.cacheFile
        let backup = workspace.folder.appendingPathComponent("backup.cache")
        try FileManager.default.linkItem(atPath: location.string, toPath: backup.path)
        let before = try Data(contentsOf: backup)
        try workspace.edit("pages/leder.md") { $0 + "\nWe write to you after the review.\n" }
        _ = try workspace.build()
        #expect(try Data(contentsOf: backup) == before)
        #expect(BuildCache.read(from: location, maker: CacheState.maker).cache?.origin?.parts == 0)
    }

    @Test func anUnchangedSiteIsNeitherCheckedNorWrittenAgain() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = try workspace.build()
        var lines: [String] = []
        let context = BuildContext(options: BuildOptions(content: workspace.content, theme: workspace.theme,
                                                         output: workspace.output))
        _ = try BuildPipeline.standard().run(context) { lines.append($0) }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("[1/1] Nothing changed since the last build") == true)
    }

    @Test func aChangeToOnePageChecksAndRendersOnlyThatPage() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = try workspace.build()
        try workspace.edit("pages/leder.md") { $0 + "\nWe write to you after the review.\n" }
        var lines: [String] = []
        let context = BuildContext(options: BuildOptions(content: workspace.content, theme: workspace.theme,
                                                         output: workspace.output))
        _ = try BuildPipeline.standard().run(context) { lines.append($0) }
        // The site's order of pages, twins and files by kind are the last build's, from the cache.
        #expect(lines.contains { $0.contains("Loading") && $0.contains("unchanged, site put together from the cache)") })
        #expect(lines.contains { $0.contains("Checking 1 pages") })
        // The service directory, guides, sitemap and theme files are not made again for a sentence in one page.
        #expect(lines.contains { $0.contains("Rendering") && $0.contains("site-wide files kept") })
        #expect(lines.contains { $0.contains("Guides") && $0.contains("pages kept") })
    }

    /// What validating finds across pages (here a file of a kind that is not published) is kept in the cache: after an edit to
    /// one page's words it is reported again without being looked for, exactly as a build from nothing reports it,
    /// and once the file is gone it is gone from the findings too.
    @Test func findingsAcrossPagesAreKeptWhileTheSiteIsTheSame() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let notes = workspace.content.appendingPathComponent("pages/notes.psd")
        try "Ideas for next year.\n".write(to: notes, atomically: false, encoding: .utf8)
        let first = try workspace.build()
        #expect(first.diagnostics.contains { $0.file == "pages/notes.psd" && $0.level == .warning })
        let cache = try #require(BuildCache.read(from: workspace.cacheFile,
                                                 maker: CacheState.maker).cache)
        #expect(cache.siteProblems?.contains { $0.file == "pages/notes.psd" } == true)
        try workspace.edit("pages/leder.md") { $0 + "\nWe write to you after the review.\n" }
        let cached = try workspace.build()
        let cold = try workspace.build(to: workspace.folder.appendingPathComponent("cold/Output"), cache: false)
        #expect(cached.diagnostics.map(\.formatted) == cold.diagnostics.map(\.formatted))
        #expect(cached.diagnostics.contains { $0.file == "pages/notes.psd" })
        try FileManager.default.removeItem(at: notes)
        let after = try workspace.build()
        #expect(!after.diagnostics.contains { $0.file == "pages/notes.psd" })
    }

    /// Only findings that cannot move with a page's words are kept: none that is an error, none in a page.
    @Test func onlyFindingsThatCannotMoveAreKept() throws {
        let site = try #require(try buildInMemory(["pages/a.md": pageFile("title: A\nsummary: S.")]).site)
        let unpublished = Diagnostic(file: "pages/notes.psd", line: 1, column: 1, level: .warning, message: "Not published.")
        #expect(CacheState.keepable([unpublished], of: site)?.count == 1)
        #expect(CacheState.keepable([], of: site)?.isEmpty == true)
        let inPage = Diagnostic(file: "pages/a.md", line: 2, column: 1, level: .warning, message: "In a page.")
        #expect(CacheState.keepable([unpublished, inPage], of: site) == nil)
        let error = Diagnostic(file: "site.yml", line: 3, column: 1, message: "An error.")
        #expect(CacheState.keepable([error], of: site) == nil)
    }

    /// Edits one after another, each built from what the last build left. A one-page edit replaces that page's file
    /// in the output folder where it is; the next build that adds or removes a page builds in the site before last,
    /// which is then more than one build behind, and must still come out the same as a build from nothing.
    @Test func aRunOfEditsBuildsTheSameAsABuildFromNothingAfterEach() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = try workspace.build()
        let newPageRemoved = Edit(name: "the new page removed") {
            try FileManager.default.removeItem(at: $0.content.appendingPathComponent("pages/holidays.md"))
        }
        let named = Dictionary((Self.edits + [newPageRemoved]).map { ($0.name, $0) }) { first, _ in first }
        let run = ["a sentence added to a page", "a signed-off easy-read page's words", "a new page",
                   "a sentence added to a page", "a picture",
                   "the new page removed", "a sentence added to a page", "a page's title", "a sentence added to a page",
                   "nothing"]
        for (number, name) in run.enumerated() {
            try #require(named[name]).apply(workspace)
            let cached = try workspace.build()
            let coldOutput = workspace.folder.appendingPathComponent("cold-\(number)/Output")
            let cold = try workspace.build(to: coldOutput, cache: false)
            #expect(!cached.hasErrors, "\(name)")
            #expect(cached.diagnostics.map(\.formatted) == cold.diagnostics.map(\.formatted), "\(name)")
            #expect(try snapshot(of: workspace.output) == snapshot(of: coldOutput), "after \(number + 1) edits: \(name)")
        }
    }

    /// Swift counts a name written with composed accents and one written with combining accents as the same name; the
    /// file system does not. A page renamed from one to the other, in a build that loads every page, is read under its
    /// new name by every later build, the site put together from the cache included.
    @Test func aPageRenamedToTheOtherSpellingOfItsAccentsIsReadUnderItsNewName() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let composed = workspace.content.appendingPathComponent("pages/caf\u{E9}.md").path
        let combining = workspace.content.appendingPathComponent("pages/cafe\u{301}.md").path
        try pageFile("title: The carers' cafe\nsummary: Tea and cake.\nslug: cafe",
                     "You can meet other carers at the cafe.").write(toFile: composed, atomically: false, encoding: .utf8)
        _ = try workspace.build()
        #expect(rename(composed, combining) == 0)
        // A title changed too, so this build loads every page rather than putting the site together from the cache.
        try #require(Self.edits.first { $0.name == "a page's title" }).apply(workspace)
        _ = try workspace.build()
        // A sentence in one page, and a template every page uses: the site is put together from the cache, and every
        // page is made again from its file.
        try workspace.edit("pages/short-breaks.md") { $0 + "\nAsk us about a break.\n" }
        try workspace.edit("templates/page.mustache", in: workspace.theme) { $0 + "<!-- changed -->\n" }
        var lines: [String] = []
        let cached = try workspace.build { lines.append($0) }
        #expect(lines.contains { $0.contains("site put together from the cache") })
        let coldOutput = workspace.folder.appendingPathComponent("cold/Output")
        let cold = try workspace.build(to: coldOutput, cache: false)
        // By their bytes: the findings name the file as it is named now.
        #expect(Self.exactly(cached.diagnostics) == Self.exactly(cold.diagnostics))
        #expect(try snapshot(of: workspace.output) == snapshot(of: coldOutput))
        #expect(cached.html("cafe/index.html")?.contains("meet other carers") == true)
    }

    /// Findings as text with every character past ASCII written as its code points, so that two findings that name a
    /// file with composed and with combining accents differ, as their bytes do.
    static func exactly(_ findings: [Diagnostic]) -> [String] { findings.map { exactly($0.formatted) } }

    static func exactly(_ text: String) -> String {
        text.unicodeScalars.map { $0.isASCII ? String($0) : "\\u{\(String($0.value, radix: 16))}" }.joined()
    }

    /// Every file's path in a folder, each as `exactly` writes it, in order: two names Swift counts as one are both
    /// there.
    static func exactNames(in folder: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.path + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
        }.map(exactly).sorted()
    }

    /// A picture renamed from composed to combining accents is published under its new name, and only that, as a build
    /// from nothing publishes it: the cache tells the two names apart by their bytes.
    @Test func aPictureRenamedToTheOtherSpellingOfItsAccentsIsPublishedUnderItsNewName() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let composed = workspace.content.appendingPathComponent("pictures/caf\u{E9}.svg").path
        let combining = workspace.content.appendingPathComponent("pictures/cafe\u{301}.svg").path
        try "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".write(toFile: composed, atomically: false, encoding: .utf8)
        _ = try workspace.build()
        #expect(rename(composed, combining) == 0)
        let cached = try workspace.build()
        let coldOutput = workspace.folder.appendingPathComponent("cold/Output")
        let cold = try workspace.build(to: coldOutput, cache: false)
        #expect(!cached.hasErrors && !cold.hasErrors)
        let names = try Self.exactNames(in: workspace.output)
        #expect(names == (try Self.exactNames(in: coldOutput)))
        #expect(names.contains("pictures/cafe\\u{301}.svg") && !names.contains("pictures/caf\\u{e9}.svg"))
    }

    /// A file's name may start with a mark that joins onto what comes before it: in the cache's name for it,
    /// `content:` and the path, that is the `:`. A change to such a file is a change all the same.
    @Test func aFileWhoseNameStartsWithAJoiningMarkIsSeenToChange() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let picture = workspace.content.appendingPathComponent("\u{301}mark.svg")
        try "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".write(to: picture, atomically: false, encoding: .utf8)
        #expect(try !workspace.build().hasErrors)
        try "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .write(to: picture, atomically: false, encoding: .utf8)
        let cached = try workspace.build()
        let cold = try workspace.build(to: workspace.folder.appendingPathComponent("cold/Output"), cache: false)
        #expect(cold.hasErrors)
        #expect(Self.exactly(cached.diagnostics) == Self.exactly(cold.diagnostics))
    }

    /// A sentence added to one page changes one file of the site: the rest stay the very files they were, which
    /// tools that copy a site elsewhere (and people watching the folder) see as no change.
    @Test func aOnePageEditReplacesThatPageAlone() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = try workspace.build()
        _ = try workspace.build()
        func inode(_ path: String) throws -> UInt64 {
            try #require(FileStamp.of(workspace.output.appendingPathComponent(path).path)).inode
        }
        let before = (edited: try inode("leder/index.html"), other: try inode("short-breaks/index.html"))
        try workspace.edit("pages/leder.md") { $0 + "\nWe write to you after the review.\n" }
        let result = try workspace.build()
        #expect(!result.hasErrors)
        #expect(try inode("short-breaks/index.html") == before.other)
        #expect(try inode("leder/index.html") != before.edited)
        let page = try String(contentsOf: workspace.output.appendingPathComponent("leder/index.html"), encoding: .utf8)
        #expect(page.contains("We write to you after the review."))
    }

    /// A page removed and one published file newly listed under `keep:`, in one edit: the counts of files written,
    /// unchanged and kept still add up to the last build's, but the sets differ, and the build must refuse to keep a
    /// file it makes itself, as it does without the cache, rather than leave the removed page in the site.
    @Test func keepingAFileTheBuildMakesIsRefusedWithTheCacheAsWithout() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try pageFile("title: Holidays\nsummary: Breaks away from home.", "A holiday can be a short break.")
            .write(to: workspace.content.appendingPathComponent("pages/holidays.md"), atomically: false, encoding: .utf8)
        _ = try workspace.build()
        try FileManager.default.removeItem(at: workspace.content.appendingPathComponent("pages/holidays.md"))
        try workspace.edit("site.yml") { $0 + "keep:\n  - pictures/adult.svg\n" }
        let cached = try workspace.build()
        let cold = try workspace.build(cache: false)
        #expect(cached.errors.contains { $0.message.contains("`keep:` in site.yml lists this file") })
        #expect(cached.diagnostics.map(\.formatted) == cold.diagnostics.map(\.formatted))
    }

    /// A build stopped between writing a page's new file and putting it in place leaves that file beside the page;
    /// the next build clears it away rather than asking the writer about a file they never made.
    @Test func aReplacementLeftByAStoppedBuildIsClearedAway() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = try workspace.build()
        let leftover = workspace.output.appendingPathComponent("leder/\(OutputFolder.replacementPrefix)index.html")
        try "half a page".write(to: leftover, atomically: false, encoding: .utf8)
        try workspace.edit("pages/leder.md") { $0 + "\nWe write to you after the review.\n" }
        let result = try workspace.build()
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        let cold = try workspace.build(to: workspace.folder.appendingPathComponent("cold/Output"), cache: false)
        #expect(try snapshot(of: workspace.output) == snapshot(of: workspace.folder.appendingPathComponent("cold/Output")))
        #expect(!cold.hasErrors)
    }

    @Test func aDamagedOrForeignCacheIsIgnoredWithANote() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = try workspace.build()
        let cache = workspace.cacheFile
        let url = URL(fileURLWithPath: cache.string)
        for (bytes, note) in [(Data("signpost-cache someone-else 0\njunk".utf8), "another version of Signpost"),
                              (Data("not a cache at all".utf8), "is damaged")] {
            try bytes.write(to: url)
            var lines: [String] = []
            let context = BuildContext(options: BuildOptions(content: workspace.content, theme: workspace.theme,
                                                             output: workspace.output))
            let result = try BuildPipeline.standard().run(context) { lines.append($0) }
            #expect(!result.hasErrors)
            #expect(lines.first?.contains(note) == true, "\(lines.first ?? "")")
            #expect(lines.contains { $0.contains("Checking 16 pages") || $0.contains("Checking") })
        }
    }

    @Test func theCacheFileReadsBackAsItWasWritten() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = try workspace.build()
        let location = workspace.cacheFile
        let read = BuildCache.read(from: location, maker: CacheState.maker)
        let cache = try #require(read.cache)
        #expect(read.note == nil)
        var writer = CacheWriter()
        cache.write(&writer)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: location.string))
        #expect(Array(bytes.drop { $0 != 10 }.dropFirst()) == writer.bytes)
        #expect(cache.pages.count == (try snapshot(of: workspace.content)).keys.filter { $0.hasSuffix(".md") && !$0.hasPrefix("services/") }.count)
    }

    /// Every field of front matter must be kept by the cache and shown in the site index; a new field must be added
    /// to `CacheCoding` and `CacheState.indexLine` first.
    @Test func frontMatterKeepsEveryField() throws {
        let frontMatter = PageFrontMatter(
            title: "T", summary: "S", format: .easyRead, slug: "s", order: 3, picture: "p.svg", pictureAlt: "A",
            updated: CalendarDate(iso: "2026-01-02"), status: .draft, easyReadOf: "pages/a.md",
            services: ServiceQuery(breakType: "sitting", area: "north", emergency: true, overnight: false))
        #expect(Mirror(reflecting: frontMatter).children.count == 11)
        var writer = CacheWriter()
        frontMatter.write(&writer)
        var reader = CacheReader(writer.bytes)
        let back = try PageFrontMatter(&reader)
        #expect(String(describing: back) == String(describing: frontMatter))
        // What other pages see of a page is hashed from every field: a change to any one of them changes the hash,
        // and so the index key, and no page's results are kept.
        let base = Page.indexHash(path: "easy-read/a.md", slug: "s", frontMatter: frontMatter)
        let changes: [(inout PageFrontMatter) -> Void] = [
            { $0.title = "U" }, { $0.summary = "R" }, { $0.format = .standard }, { $0.slug = nil }, { $0.order = 4 },
            { $0.picture = "q.svg" }, { $0.pictureAlt = nil }, { $0.updated = CalendarDate(iso: "2026-01-03") },
            { $0.status = .published }, { $0.easyReadOf = "pages/b.md" }, { $0.services?.breakType = "day" },
            { $0.services?.area = nil }, { $0.services?.emergency = false }, { $0.services?.overnight = nil },
        ]
        for (index, change) in changes.enumerated() {
            var changed = frontMatter
            change(&changed)
            #expect(Page.indexHash(path: "easy-read/a.md", slug: "s", frontMatter: changed) != base, "change \(index)")
        }
        #expect(Page.indexHash(path: "easy-read/b.md", slug: "s", frontMatter: frontMatter) != base)
        #expect(Page.indexHash(path: "easy-read/a.md", slug: "t", frontMatter: frontMatter) != base)
    }
}

extension CacheTests {
    /// The cache's place beside the output folder is not trusted either: a link there is never read or written
    /// through, so a build cannot be made to read, or overwrite, a file elsewhere.
    @Test func aLinkWhereTheCacheGoesIsNeitherReadNorWrittenThrough() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let precious = workspace.folder.appendingPathComponent("precious.txt")
        try "do not touch".write(to: precious, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: workspace.output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let cache = workspace.cacheFile
        try FileManager.default.createSymbolicLink(atPath: cache.string, withDestinationPath: precious.path)
        let result = try workspace.build()
        #expect(!result.hasErrors)
        #expect(try String(contentsOf: precious, encoding: .utf8) == "do not touch")
        #expect(FileKind.of(cache.string, followingLinks: false) == .file)
    }
}

extension CacheTests {
    /// The checksum finds damage; behind it, the reader itself never crashes or runs away on bytes that are not a
    /// cache: each of a thousand damaged copies of a real cache is read to an answer or refused.
    @Test func theCacheReaderRefusesDamagedBytesWithoutCrashing() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = try workspace.build()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: workspace.cacheFile.string)))
        let body = Array(bytes.drop { $0 != 10 }.dropFirst())
        var generator = SystemRandomNumberGenerator()
        var refused = 0
        for round in 0..<1000 {
            var damaged = body
            switch round % 3 {
            case 0: damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            case 1: damaged.removeLast(Int.random(in: 1..<damaged.count, using: &generator))
            default:
                let at = Int.random(in: 0..<damaged.count, using: &generator)
                damaged.replaceSubrange(at..<min(at + 8, damaged.count), with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
            }
            var reader = CacheReader(damaged)
            if (try? BuildCache(&reader)) == nil || !reader.isAtEnd { refused += 1 }
        }
        #expect(refused > 0)
    }
}

extension CacheTests {
    /// With the theme found from `site.yml` or beside the content (no `--theme`), the build after a cold one already
    /// knows nothing changed: an open preview is not reloaded for nothing.
    @Test func theSecondBuildKnowsNothingChangedWhenTheThemeIsFoundNotGiven() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let options = BuildOptions(content: workspace.content, output: workspace.output)
        _ = try BuildPipeline.standard().run(BuildContext(options: options))
        var lines: [String] = []
        _ = try BuildPipeline.standard().run(BuildContext(options: options)) { lines.append($0) }
        #expect(lines.first?.hasPrefix("[1/1] Nothing changed") == true, "\(lines)")
    }
}

extension CacheTests {
    /// `signpost serve` keeps the last build's cache and theme in memory and builds again after each save, told by
    /// its file watcher which files changed: the site it then serves, and what it reports, are exactly what a build
    /// from nothing gives, whatever the edit.
    @Test(arguments: edits)
    func aRebuildFromMemoryIsTheSameAsABuildFromNothing(_ edit: Edit) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let memory = BuildMemory()
        let first = try workspace.build(memory: memory)
        #expect(!first.hasErrors)
        let content = try snapshot(of: workspace.content), theme = try snapshot(of: workspace.theme)
        try edit.apply(workspace)
        // What a watcher would have seen: the content files that changed, were added or went; nothing is known
        // when the theme changed (serve then looks at everything).
        let contentNow = try snapshot(of: workspace.content)
        let changed = Set(content.keys).union(contentNow.keys).filter { content[$0] != contentNow[$0] }
        let rebuilt = try workspace.build(memory: memory, changed: try snapshot(of: workspace.theme) == theme ? changed : nil)
        let cold = try workspace.build(to: workspace.folder.appendingPathComponent("cold/Output"), cache: false)
        #expect(rebuilt.diagnostics.map(\.formatted) == cold.diagnostics.map(\.formatted))
        #expect(rebuilt.hasErrors == cold.hasErrors)
        if !cold.hasErrors {
            #expect(try snapshot(of: workspace.output) == snapshot(of: workspace.folder.appendingPathComponent("cold/Output")))
        }
        // A second edit after the first, as a writer saving again: still the same as from nothing.
        try workspace.edit("pages/short-breaks.md") { $0 + "\nAsk us about a short break.\n" }
        let again = try workspace.build(memory: memory, changed: ["pages/short-breaks.md"])
        let coldAgain = try workspace.build(to: workspace.folder.appendingPathComponent("cold2/Output"), cache: false)
        #expect(again.diagnostics.map(\.formatted) == coldAgain.diagnostics.map(\.formatted))
        if !coldAgain.hasErrors {
            #expect(try snapshot(of: workspace.output) == snapshot(of: workspace.folder.appendingPathComponent("cold2/Output")))
        }
    }

    /// Saves one after another while serving. A save that changes only a page's words starts from the last build's
    /// site, reading that page alone again; a change to its front matter, or a save after a build that failed, loads
    /// everything. After each save the site and the findings are exactly those of a build from nothing.
    @Test func aRunOfSavesStartsFromTheLastSiteOnlyWhenThatIsSafe() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let memory = BuildMemory()
        _ = try workspace.build(memory: memory)
        let longSentence = "\n![A heart](../pictures/heart.svg) This sentence is too long for an easy read page because it has more words than it should.\n"
        let saves: [(name: String, path: String, edit: @Sendable (String) -> String, startsFromLastSite: Bool)] = [
            ("a sentence added", "pages/leder.md", { $0 + "\nWe write to you after the review.\n" }, true),
            ("a long sentence in an easy-read page", "easy-read/leder.md", { $0 + longSentence }, true),
            ("the long sentence taken out", "easy-read/leder.md", { $0.replacingOccurrences(of: longSentence, with: "\n") }, true),
            ("a link to another page", "pages/short-breaks.md", { $0 + "\nRead about [LeDeR](leder.md).\n" }, true),
            ("a new title", "pages/leder.md", { $0.replacingOccurrences(of: "title: ", with: "title: About ", options: [], range: $0.range(of: "title: ")) }, false),
            ("a sentence added after a new title", "pages/leder.md", { $0 + "\nAsk us anything.\n" }, true),
            ("a broken link", "pages/leder.md", { $0 + "\nRead [more](no-such-page.md).\n" }, true),
            ("the broken link mended", "pages/leder.md", { $0.replacingOccurrences(of: "no-such-page.md", with: "short-breaks.md") }, false),
            ("a sentence added once more", "pages/leder.md", { $0 + "\nWe are here to help.\n" }, true),
        ]
        for (number, save) in saves.enumerated() {
            try workspace.edit(save.path, save.edit)
            var lines: [String] = []
            let rebuilt = try workspace.build(memory: memory, changed: [save.path]) { lines.append($0) }
            let coldOutput = workspace.folder.appendingPathComponent("cold-\(number)/Output")
            let cold = try workspace.build(to: coldOutput, cache: false)
            let loading = lines.first { $0.contains("Loading") } ?? ""
            #expect(loading.contains("kept from the last build") == save.startsFromLastSite, "\(save.name): \(loading)")
            #expect(rebuilt.diagnostics.map(\.formatted) == cold.diagnostics.map(\.formatted), "\(save.name)")
            #expect(rebuilt.hasErrors == cold.hasErrors, "\(save.name)")
            #expect(rebuilt.hasErrors == save.name.hasPrefix("a broken link"),
                    "\(save.name): \(rebuilt.diagnostics.filter { $0.level == .error }.map(\.formatted))")
            if number == 1 { #expect(rebuilt.diagnostics.contains { $0.rule == "sentence-length" && $0.file == save.path }) }
            if !cold.hasErrors {
                #expect(try snapshot(of: workspace.output) == snapshot(of: coldOutput), "\(save.name)")
            }
        }
    }

    /// Told that one page changed, a rebuild from memory hashes that page alone and publishes its new words; told
    /// of a page that the last listing did not have, it lists the folders again and publishes the new page.
    @Test func aRebuildToldOfOneChangedPageLooksAtThatPageAlone() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let memory = BuildMemory()
        _ = try workspace.build(memory: memory)
        try workspace.edit("pages/leder.md") { $0 + "\nWe write to you after the review.\n" }
        let result = try workspace.build(memory: memory, changed: ["pages/leder.md"])
        #expect(!result.hasErrors)
        let page = try String(contentsOf: workspace.output.appendingPathComponent("leder/index.html"), encoding: .utf8)
        #expect(page.contains("We write to you after the review."))
        // A page added is not in the last listing, so the folders are listed again and the new page is built.
        try pageFile("title: Holidays\nsummary: Breaks away from home.", "A holiday can be a short break.")
            .write(to: workspace.content.appendingPathComponent("pages/holidays.md"), atomically: false, encoding: .utf8)
        let added = try workspace.build(memory: memory, changed: ["pages/holidays.md"])
        #expect(!added.hasErrors)
        #expect(FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent("holidays/index.html").path))
    }

    /// A rebuild that stops before it looks at the content (here the output folder no longer looks like Signpost's)
    /// never hashed the page it was told had changed: the rebuild after it, told only of the next change, must still
    /// publish both.
    @Test func aRebuildThatStoppedEarlyLeavesNothingForTheNextToTrust() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let memory = BuildMemory()
        _ = try workspace.build(memory: memory)
        try workspace.edit("pages/leder.md") { $0 + "\nWe write to you after the review.\n" }
        let marker = workspace.output.appendingPathComponent(OutputFolder.marker)
        let aside = workspace.folder.appendingPathComponent("marker-aside")
        try FileManager.default.moveItem(at: marker, to: aside)
        #expect(throws: BuildFailure.self) { try workspace.build(memory: memory, changed: ["pages/leder.md"]) }
        try FileManager.default.moveItem(at: aside, to: marker)
        try workspace.edit("pages/have-your-say.md") { $0 + "\nYou can phone us too.\n" }
        let result = try workspace.build(memory: memory, changed: ["pages/have-your-say.md"])
        #expect(!result.hasErrors)
        let leder = try String(contentsOf: workspace.output.appendingPathComponent("leder/index.html"), encoding: .utf8)
        #expect(leder.contains("We write to you after the review."))
        let say = try String(contentsOf: workspace.output.appendingPathComponent("have-your-say/index.html"), encoding: .utf8)
        #expect(say.contains("You can phone us too."))
    }

    /// A file with a second name outside the content folder (a hard link) can change without the watcher of the
    /// content folder seeing it, so a rebuild told of other changed files must still find its new words.
    @Test func aFileWithASecondNameIsLookedAtAgainOnEveryRebuild() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let outside = workspace.folder.appendingPathComponent("outside.md")
        try pageFile("title: Hard\nsummary: A page with two names.", "Words of the first version.")
            .write(to: outside, atomically: false, encoding: .utf8)
        try FileManager.default.linkItem(at: outside, to: workspace.content.appendingPathComponent("pages/hard.md"))
        let memory = BuildMemory()
        _ = try workspace.build(memory: memory)
        // Written in place through the other name, as an editor outside the folder would.
        let handle = try FileHandle(forWritingTo: outside)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(pageFile("title: Hard\nsummary: A page with two names.", "Words of the second version.").utf8))
        try handle.close()
        try workspace.edit("pages/leder.md") { $0 + "\nWe write to you after the review.\n" }
        let result = try workspace.build(memory: memory, changed: ["pages/leder.md"])
        #expect(!result.hasErrors)
        let page = try String(contentsOf: workspace.output.appendingPathComponent("hard/index.html"), encoding: .utf8)
        #expect(page.contains("Words of the second version."))
    }
}
