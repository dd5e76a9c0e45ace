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
        #expect(lines.first?.hasPrefix("[1/6] Loading") == true)

        let site = try #require(result.site)
        #expect(site.pages.count >= 16)
        var titles = Set<String>()
        for page in site.pages {
            let html = try String(contentsOf: output.appendingPathComponent(page.outputPath), encoding: .utf8)
            #expect(html.contains(#"<html lang="en-GB">"#), "\(page.path)")
            #expect(html.contains("<h1>\(page.title)</h1>") || html.contains("<h1>\(escaped(page.title))</h1>"), "\(page.path)")
            #expect(html.contains(##"<a class="skip-link" href="#main">"##), "\(page.path)")
            #expect(html.contains(#"<main id="main""#), "\(page.path)")
            let title = try #require(html.firstMatch(of: /<title>(.*?)<\/title>/)?.1)
            titles.insert(String(title))
            // Every page in the sample site has a twin, linked both ways.
            let twin = try #require(page.twinPath.flatMap(site.page(at:)), "\(page.path) has no twin")
            let label = page.isEasyRead ? "Standard version" : "Easy read version"
            #expect(html.contains(">\(label)<"), "\(page.path)")
            #expect(twin.twinPath == page.path)
        }
        // The standard and easy-read twins share words, so titles are unique once the format is told apart.
        #expect(titles.count >= site.pages.count / 2)
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
