// Fuzz target: a page through the easy-read checker, then its Markdown rendered to HTML.
// The bytes are a whole page file, loaded as `easy-read/fuzz.md`; when they are not a page (no or broken front
// matter), they are used as the body of a page with fixed easy-read front matter, so every input reaches the rules.
// The page is checked as easy read and as a standard page, in a small site with a glossary, site words, synonyms
// and pictures, so the rules that look those up run too. Findings are fine; only crashes, hangs and running out of
// memory count.
import EasyReadChecker
import Foundation
import Markdown
import SiteModel

private let pagePath = "easy-read/fuzz.md"

private let site: Site = {
    let config = SiteConfig(title: "Fuzz", words: ["Riverside", "Shared Lives"],
                            synonyms: [["short break", "respite"], ["carer", "family carer"]])
    let glossary = Glossary(words: [
        Glossary.Entry(word: "respite", meaning: "a short break", picture: "pictures/bed.svg", forms: ["respites"]),
        Glossary.Entry(word: "assessment", meaning: "a talk about what you need", forms: ["assessments"]),
    ])
    let source = MemoryContentSource(["pictures/bed.svg": "<svg/>", "pictures/sun.svg": "<svg/>", "easy-read/house.svg": "<svg/>"])
    return Site(config: config, glossary: glossary, pages: [],
                assets: ["pictures/bed.svg", "pictures/sun.svg", "easy-read/house.svg"], source: source)
}()

private let checker = EasyReadChecker.forSite(site).checker

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChecker(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    var source = MemoryContentSource([:])
    source.files[pagePath] = bytes
    var diagnostics: [Diagnostic] = []
    var page = ContentLoader().loadPage(pagePath, from: source, diagnostics: &diagnostics)
    if page == nil {
        let body = String(decoding: bytes, as: UTF8.self)
        page = Page(path: pagePath,
                    frontMatter: PageFrontMatter(title: "Fuzz", summary: "A page to check.", format: .easyRead),
                    body: body, bodyLineOffset: 4)
    }
    guard let page else { return 0 }
    var sink = 0
    for format in [PageFormat.easyRead, .standard] {
        // A page is fixed once loaded: the same page in the other format is a page of its own.
        var frontMatter = page.frontMatter
        frontMatter.format = format
        let variant = Page(path: page.path, frontMatter: frontMatter, keyPositions: page.keyPositions, body: page.body,
                           bodyLineOffset: page.bodyLineOffset)
        sink &+= checker.check(variant).map { "\($0)" }.joined().count
    }
    sink &+= page.document.renderHTML().utf8.count
    if sink == -1 { print(sink) }  // keeps the work from being optimised away
    return 0
}
