import Foundation
import Preview
import SiteBuilder
import SiteModel
import Testing

/// `signpost serve`: what the server will send, the watcher's debouncing, rebuilding only what an edit affects,
/// and the findings and script it adds to pages only while serving.
@Suite("Serving a site while writing it")
struct ServeTests {
    /// A built-site folder with a page, a folder, a file outside it and links pointing out of it.
    func siteWithEscapes() throws -> (root: URL, outside: URL) {
        let top = try temporaryFolder()
        let root = top.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("easy-read"), withIntermediateDirectories: true)
        try Data("<p>home</p>".utf8).write(to: root.appendingPathComponent("index.html"))
        try Data("<p>easy</p>".utf8).write(to: root.appendingPathComponent("easy-read/index.html"))
        let outside = top.appendingPathComponent("secret.txt")
        try Data("secret".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("leak.txt").path,
                                                   withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("up").path,
                                                   withDestinationPath: top.path)
        return (root, outside)
    }

    @Test func theServerNeverSendsAFileOutsideTheSite() throws {
        let (root, _) = try siteWithEscapes()
        let resolver = SitePathResolver(root: root.path)
        let real = resolver.root
        #expect(resolver.resolve("/") == .file(real + "/index.html", Data("<p>home</p>".utf8)))
        #expect(resolver.resolve("/easy-read/") == .file(real + "/easy-read/index.html", Data("<p>easy</p>".utf8)))
        #expect(resolver.resolve("/easy-read") == .redirect("/easy-read/"))
        #expect(resolver.resolve("//easy-read") == .redirect("/easy-read/"), "never to another host")
        #expect(resolver.resolve("///easy-read") == .redirect("/easy-read/"))
        for attempt in ["/../secret.txt", "/easy-read/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                        "/easy-read%2f..%2f..%2fsecret.txt", "/..%5csecret.txt", "/leak.txt", "/up/secret.txt",
"/index.html%00.txt", "/%zz", "relative", "/nothing-here/"] {
            #expect(resolver.resolve(attempt) == .notFound, "\(attempt) must not be served")
        }
    }

    @Test func noLinkNorAnythingButARegularFileIsSentEvenInsideTheSite() throws {
        let (root, _) = try siteWithEscapes()
        let manager = FileManager.default
        // Links that stay inside the site: a built site has none, so any found is refused.
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("home.html").path, withDestinationPath: "index.html")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("also-easy").path, withDestinationPath: "easy-read")
        // A named pipe: opening it must not wait for a writer.
        #expect(mkfifo(root.appendingPathComponent("pipe.html").path, 0o600) == 0)
        let resolver = SitePathResolver(root: root.path)
        for path in ["/home.html", "/also-easy/", "/also-easy/index.html", "/pipe.html", "/index.html/", "/index.html/x"] {
            #expect(resolver.resolve(path) == .notFound, "\(path) must not be served")
        }
        #expect(resolver.resolve("/easy-read/index.html") == .file(resolver.root + "/easy-read/index.html", Data("<p>easy</p>".utf8)))
    }

    @Test func contentTypesAreRightForASitesFiles() {
        #expect(ContentTypes.forFile("/a/index.html") == "text/html; charset=utf-8")
        #expect(ContentTypes.forFile("site.CSS") == "text/css; charset=utf-8")
        #expect(ContentTypes.forFile("sun.svg") == "image/svg+xml")
        #expect(ContentTypes.forFile("services.json") == "application/json")
        #expect(ContentTypes.forFile("folder.d/README") == "application/octet-stream")
    }

    @Test func aBurstOfSavesGivesOneRebuild() async throws {
        let fired = Fired()
        let debouncer = Debouncer(quiet: 0.1, longest: 2) { fired.add($0) }
        // An editor saving: a swap file, a rename over the page, new times, all at once.
        for path in ["page.md.swp", "page.md", "page.md", "page.md~"] { debouncer.note([path]) }
        try await fired.waitFor(batches: 1)
        try await Task.sleep(nanoseconds: 200_000_000)
        #expect(fired.batches == [["page.md", "page.md.swp", "page.md~"]])
        // A save a while later is a rebuild of its own.
        debouncer.note(["other.md"])
        try await fired.waitFor(batches: 2)
        #expect(fired.batches.last == ["other.md"])
    }

    @Test func changesThatNeverStopStillGetBuilt() async throws {
        let fired = Fired()
        let debouncer = Debouncer(quiet: 0.05, longest: 0.15) { fired.add($0) }
        for index in 0..<30 {
            debouncer.note(["page\(index).md"])
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        try await Task.sleep(nanoseconds: 200_000_000)
        #expect(fired.batches.count >= 2, "a rebuild must come within `longest` even while changes keep coming")
        #expect(Set(fired.batches.flatMap { $0 }).count == 30)
    }

    @Test func editorsSwapFilesDoNotCount() {
        #expect(changeMatters("/c/pages/a.md"))
        #expect(!changeMatters("/c/pages/.a.md.swp"))
        #expect(!changeMatters("/c/pages/a.md~"))
        #expect(!changeMatters("/c/pages/4913"))
    }

    /// The sample site and theme copied to a temporary folder, to edit.
    func copyOfSampleSite() throws -> (content: LocalPath, output: LocalPath) {
        let top = try temporaryFolder()
        try FileManager.default.copyItem(at: sampleContent, to: top.appendingPathComponent("Content"))
        try FileManager.default.createDirectory(at: top.appendingPathComponent("Themes"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: defaultTheme, to: top.appendingPathComponent("Themes/default"))
        return (LocalPath(top.appendingPathComponent("Content")), LocalPath(top.appendingPathComponent("serve/site")))
    }

    func pagesHTML(_ output: LocalPath) throws -> [String: Data] {
        try snapshot(of: output.url).filter { $0.key.hasSuffix(".html") }
    }

    @Test func editingOnePageRebuildsOnlyWhatItAffects() throws {
        let (content, output) = try copyOfSampleSite()
        let builder = PreviewBuilder(content: content, theme: nil, output: output, includeDrafts: true)
        let first = builder.build()
        #expect(first.succeeded && first.changed && first.siteNumber == 1)
        // The cache settles on the second build (it notes the output folder as the first build left it).
        _ = builder.build()
        let before = try pagesHTML(output)
        let settled = builder.currentSiteNumber

        // Nothing changed: nothing is built, and open pages are not told to reload.
        let again = builder.build()
        #expect(again.succeeded && !again.changed && again.siteNumber == settled)

        // One page's words change: that page changes, and so may the pages that list it; no others.
        let page = content.appending("pages/leder.md")
        var text = try String(contentsOf: page.url, encoding: .utf8)
        text += "\nWe check this page every year.\n"
        try Data(text.utf8).write(to: page.url)
        var progress: [String] = []
        let edited = builder.build { progress.append($0) }
        #expect(edited.succeeded && edited.changed && edited.siteNumber == settled + 1)
        #expect(progress.contains { $0.contains("Checking 1 pages") }, "only the edited page is checked again: \(progress)")
        let after = try pagesHTML(output)
        let changed = Set(after.keys.filter { after[$0] != before[$0] })
        #expect(changed.contains("leder/index.html"))
        #expect(String(decoding: after["leder/index.html"] ?? Data(), as: UTF8.self).contains("We check this page every year."))
        #expect(changed.count < before.count / 2, "an edit to one page changed \(changed.sorted())")
        #expect(!changed.contains("short-breaks/index.html") && !changed.contains("services/willow-house/index.html"))
        // The other pages' findings are still there for their panels.
        #expect(edited.diagnostics.suggestionCount == first.diagnostics.suggestionCount)

        // A change to site.yml may change every page, and here does: the site's name is on each.
        let settings = content.appending("site.yml")
        let yml = try String(contentsOf: settings.url, encoding: .utf8)
            .replacingOccurrences(of: "title: Short Breaks Signpost", with: "title: Short Breaks Guide")
        try Data(yml.utf8).write(to: settings.url)
        #expect(builder.build().changed)
        let renamed = try pagesHTML(output)
        let unchanged = renamed.keys.filter { renamed[$0] == after[$0] }
        #expect(unchanged.isEmpty, "after a change to site.yml these pages were the same: \(unchanged.sorted())")
    }

    @Test func aBrokenSaveKeepsTheSiteAndSaysWhere() throws {
        let (content, output) = try copyOfSampleSite()
        let builder = PreviewBuilder(content: content, theme: nil, output: output, includeDrafts: true)
        #expect(builder.build().succeeded)
        let before = try pagesHTML(output)
        let page = content.appending("pages/leder.md")
        try Data("---\ntitle: [unclosed\n---\nWords.\n".utf8).write(to: page.url)
        let broken = builder.build()
        #expect(!broken.succeeded && !broken.changed && broken.siteNumber == builder.currentSiteNumber)
        #expect(broken.errors.contains { $0.file == "pages/leder.md" && $0.line >= 1 })
        #expect(broken.json.contains("\"ok\":false") && broken.json.contains("pages/leder.md"))
        #expect(try pagesHTML(output) == before, "the site served stays as the last good build left it")
    }

    @Test func findingsPointAtTheWordsOnThePage() {
        let source = """
            ---
            title: A page
            ---
            ![A sun](../pictures/sun.svg) A short break is time off.

            The council looks at the [eligibility](rules.md) criteria. It is **very** long and goes on and on.
            """
        let diagnostics = [
            Diagnostic(file: "p.md", line: 6, column: 27, level: .suggestion, message: "`eligibility` is a hard word.",
                       rule: "hard-word", suggestion: "Try `who can get it`."),
            Diagnostic(file: "p.md", line: 6, column: 59, level: .warning, message: "This sentence is long.",
                       rule: "sentence-length"),
            Diagnostic(file: "p.md", line: 4, column: 1, level: .warning, message: "Say what the picture shows.",
                       rule: "picture-alt"),
            Diagnostic(file: "p.md", line: 1, column: 1, level: .warning, message: "Changed since it was checked.",
                       rule: "review-stale"),
        ]
        let findings = PageFinding.list(diagnostics, source: source)
        #expect(findings.map(\.number) == [1, 2, 3, 4])
        #expect(findings[0].rule == "review-stale" && findings[0].text == nil && findings[0].picture == nil)
        #expect(findings[1].picture == "sun.svg")
        #expect(findings[2].text == "eligibility" && findings[2].word)
        #expect(findings[3].text == "It is very long and goes on and on." && !findings[3].word)
    }

    @Test func servingAddsItsScriptAndFindingsToPagesAsTheyAreSent() throws {
        let page = Data("<!DOCTYPE html><html><head><title>A</title></head><body><main>Hi</main></body></html>".utf8)
        let finding = PageFinding(number: 1, level: "warning", rule: "x", message: "</script><script>alert(1)</script>",
                                  suggestion: nil, line: 5, column: 1, text: "Hi", word: true, picture: nil)
        let served = String(decoding: PreviewInjection.inject(into: page, siteNumber: 7, source: "index.md", findings: [finding]),
                            as: UTF8.self)
        #expect(served.contains("<link rel=\"stylesheet\" href=\"/__signpost/preview.css\">\n</head>"))
        #expect(served.contains("<script src=\"/__signpost/preview.js\" defer></script>\n</body>"))
        #expect(served.contains("\"site\":7"))
        #expect(!served.contains("</script><script>alert"), "a finding's words can never end the data's script element")
        #expect(served.hasPrefix("<!DOCTYPE html><html><head><title>A</title>"))
    }

    @Test func aNormalBuildHasNothingOfServing() throws {
        let (content, _) = try copyOfSampleSite()
        let output = LocalPath(try temporaryFolder().appendingPathComponent("Output"))
        let result = try BuildPipeline.standard().run(BuildContext(options: BuildOptions(content: content, output: output)))
        #expect(!result.hasErrors)
        let files = try snapshot(of: output.url)
        #expect(!files.isEmpty)
        let serving = files.filter { String(decoding: $0.value, as: UTF8.self).contains("__signpost") }.keys
        #expect(serving.isEmpty, "serve's script or findings ended up in a normal build: \(serving.sorted())")
    }

    @Test func serveUsesItsOwnOutputFolderNeverOutput() throws {
        let folder = try PreviewBuilder.outputFolder(for: LocalPath("/work/site/Content"))
        #expect(folder.string.contains("signpost-serve-"))
        #expect(!folder.string.hasPrefix("/work/site"))
        #expect(folder == (try PreviewBuilder.outputFolder(for: LocalPath("/work/site/Content"))), "the same each time, so its cache is found again")
    }

    @Test func portsAndAddressesAreSaidAsTheyAre() throws {
        #expect(ServeAddress(host: "localhost", port: 1313).url == "http://127.0.0.1:1313/")
        #expect(ServeAddress(host: "::1", port: 8080).url == "http://[::1]:8080/")
        #expect(ServeAddress(host: "127.0.0.1", port: 1).isLoopback)
        #expect(!ServeAddress(host: "0.0.0.0", port: 1).isLoopback)
        #expect(throws: ServeError.self) { try ServeAddress(host: "example.org", port: 1313).listen() }
    }

    @Test func port0IsAnyFreePortAndTheRealOneIsSaid() throws {
        let (socket, address) = try ServeAddress(host: "127.0.0.1", port: 0).listen()
        defer { try? socket.close() }
        #expect(address.port != 0)
        #expect(address.url == "http://127.0.0.1:\(address.port)/")
        // Taken now: asking for it again gives the next free one.
        let (next, moved) = try ServeAddress(host: "127.0.0.1", port: address.port).listen()
        defer { try? next.close() }
        #expect(moved.port != address.port)
    }

    /// The requests a reader finds in these bytes, fed a few at a time, and how it ends.
    func heads(_ text: String, feed: Int = 7) -> (requests: [(path: String, keepAlive: Bool)], end: String) {
        var reader = RequestHeadReader()
        var requests: [(path: String, keepAlive: Bool)] = []
        var bytes = Array(text.utf8)[...]
        while true {
            switch reader.next() {
            case .request(let request, let keepAlive):
                requests.append((request.target.rawValue, keepAlive))
            case .refused(let status, _):
                return (requests, "\(status.code)")
            case .needMore:
                if bytes.isEmpty { return (requests, "more") }
                reader.append(bytes.prefix(feed))
                bytes = bytes.dropFirst(feed)
            }
        }
    }

    @Test func requestHeadsAreReadWithLimits() {
        let host = "Host: 127.0.0.1:1313\r\n"
        let two = heads("GET /a HTTP/1.1\r\n\(host)\r\n\r\nHEAD /b?q=1 HTTP/1.1\r\n\(host)Connection: close\r\n\r\nGET /c")
        #expect(two.requests.map(\.path) == ["/a", "/b?q=1"])
        #expect(two.requests.map(\.keepAlive) == [true, false])
        #expect(two.end == "more")
        #expect(heads("GET / HTTP/1.0\n\(host)\n").requests.map(\.keepAlive) == [false], "bare \\n ends lines too")
        #expect(heads("GET / HTTP/1.1\r\n\(host)Content-Length: 5\r\n\r\nhello").requests.map(\.keepAlive) == [false],
                "a body is never read as the next request")
        // Refused as soon as too much has come, before the line ends.
        #expect(heads("GET /" + String(repeating: "a", count: 9000), feed: 4096).end == "414")
        #expect(heads("GET / HTTP/1.1\r\nX-Long: " + String(repeating: "a", count: 17000), feed: 4096).end == "431")
        #expect(heads("GET / HTTP/1.1\r\n" + String(repeating: "X-A: b\r\n", count: 101) + "\r\n").end == "431")
        #expect(heads("GET / HTTP/1.1\r\nX-Long: \(String(repeating: "a", count: 8000))\r\n\(host)\r\n").requests.count == 1)
        for bad in ["GET http://evil.example/ HTTP/1.1", "GET * HTTP/1.1", "GET /a b HTTP/1.1", "GET /\u{7F} HTTP/1.1",
                    "GET / HTTP/1.1\r\nX-A: b\rc", "GET / HTTP/1.1\r\nX-A : b", "GET / HTTP/1.1\r\n folded: b",
                    "GET / HTTP/1.1\r\nno colon", "G(T / HTTP/1.1"] {
            #expect(heads(bad + "\r\n\r\n").end == "400", "\(bad)")
        }
        #expect(heads("GET / HTTP/2.0\r\n\r\n").end == "505")
        #expect(heads("\r\nGET / HTTP/1.1\r\n\(host)\r\n").requests.count == 1, "a blank line before a request is allowed")
        #expect(heads(String(repeating: "\r\n", count: 10_000), feed: 4096).end == "400", "blank lines without end are not")
    }

    @Test func onlyTheServersOwnNamesAreAnswered() {
        let loopback = AllowedHosts(address: ServeAddress(host: "127.0.0.1", port: 1313))
        for host in ["127.0.0.1:1313", "localhost:1313", "LocalHost:1313", "[::1]:1313"] {
            #expect(loopback.allows(host: host), "\(host)")
        }
        for host in ["evil.example", "evil.example:1313", "127.0.0.1", "127.0.0.1:1314", "localhost.:1313",
                     "127.0.0.1.evil.example:1313", "127.0.0.1:1313, evil.example", ""] {
            #expect(!loopback.allows(host: host), "\(host)")
        }
        #expect(loopback.allows(origin: "http://127.0.0.1:1313"))
        #expect(loopback.allows(origin: "http://localhost:1313"))
        for origin in ["http://evil.example", "null", "https://127.0.0.1:1313", "http://127.0.0.1:1313/x"] {
            #expect(!loopback.allows(origin: origin), "\(origin)")
        }
        let everywhere = AllowedHosts(address: ServeAddress(host: "0.0.0.0", port: 1313),
                                      machineNames: ["mybox", "mybox.local", "192.168.1.5"])
        for host in ["0.0.0.0:1313", "192.168.1.5:1313", "mybox:1313", "mybox.local:1313", "127.0.0.1:1313"] {
            #expect(everywhere.allows(host: host), "\(host)")
        }
        #expect(!everywhere.allows(host: "evil.example:1313"))
        #expect(!loopback.allows(host: "192.168.1.5:1313"), "only a server on every interface answers to them")
        let onPort80 = AllowedHosts(address: ServeAddress(host: "::1", port: 80))
        #expect(onPort80.allows(host: "[::1]") && onPort80.allows(host: "localhost:80") && !onPort80.allows(host: "::1"))
    }
}

/// What a debouncer fired, in order.
final class Fired: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [[String]] = []

    func add(_ paths: Set<String>) {
        lock.lock()
        recorded.append(paths.sorted())
        lock.unlock()
    }

    /// Waits (five seconds at most) until this many batches have fired.
    func waitFor(batches count: Int) async throws {
        for _ in 0..<500 where batches.count < count { try await Task.sleep(nanoseconds: 10_000_000) }
    }

    var batches: [[String]] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
