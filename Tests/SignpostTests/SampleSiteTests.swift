import Foundation
import Testing
import SiteBuilder
import SiteModel

@Suite("The sample site in Content/ builds end to end")
struct SampleSiteTests {
    @Test func everyPageIsWrittenWithItsTitleLanguageSkipLinkAndTwin() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output")
        var lines: [String] = []
        let result = try BuildPipeline.standard().run(
            BuildContext(options: BuildOptions(content: sampleContent, theme: defaultTheme, output: output))) { lines.append($0) }
        #expect(result.errors.isEmpty, "\(result.errors.map(\.formatted))")
        #expect(lines.first?.hasPrefix("[1/8] Loading") == true)

        let site = try #require(result.site)
        #expect(site.pages.count >= 16)
        for page in site.pages {
            let html = try String(contentsOf: output.appendingPathComponent(page.outputPath), encoding: .utf8)
            #expect(html.contains(#"<html lang="en-GB">"#), "\(page.path)")
            #expect(html.contains("<h1>\(page.title)</h1>") || html.contains("<h1>\(escaped(page.title))</h1>"), "\(page.path)")
            #expect(html.contains(##"<a class="skip-link" href="#main">"##), "\(page.path)")
            #expect(html.contains(#"<main id="main""#), "\(page.path)")
            // Every page in the sample site has a twin, linked both ways.
            let twin = try #require(page.twinPath.flatMap(site.page(at:)), "\(page.path) has no twin")
            let label = page.isEasyRead ? "Standard version" : "Easy read version"
            #expect(html.contains(">\(label)<"), "\(page.path)")
            #expect(twin.twinPath == page.path)
        }
        // Every page written, services and 404 too, has a <title> of its own: it is what a tab, a bookmark, a search
        // result and a screen reader's list of windows show. The easy-read twin of a page must be told apart too.
        var pagesByTitle: [String: [String]] = [:]
        for file in try snapshot(of: output).keys where file.hasSuffix(".html") {
            let html = try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)
            let title = try #require(html.firstMatch(of: /<title>(.*?)<\/title>/)?.1, "\(file) has no <title>")
            #expect(!title.trimmingCharacters(in: .whitespaces).isEmpty, "\(file) has an empty <title>")
            pagesByTitle[String(title), default: []].append(file)
        }
        #expect(pagesByTitle.values.reduce(0) { $0 + $1.count } > site.pages.count)
        let repeated = pagesByTitle.filter { $0.value.count > 1 }.mapValues { $0.sorted() }
        let twins = Dictionary(uniqueKeysWithValues: site.pages.map { page in
            (page.outputPath, page.twinPath.flatMap(site.page(at:))?.outputPath)
        })
        let isTwinPair = { (files: [String]) in files.count == 2 && twins[files[0]] == files[1] }
        #expect(repeated.filter { !isTwinPair($0.value) }.isEmpty, "the same <title> on unrelated pages: \(repeated)")
        #expect(repeated.isEmpty, "pages that share a <title>: \(repeated.values.sorted { $0[0] < $1[0] })")
        for file in ["404.html", "sitemap.xml", "assets/site.css", "assets/print.css", "pictures/house.svg"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(file).path), "\(file)")
        }
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://breaks.example.org/easy-read/leder/</loc>"))
    }

    func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
