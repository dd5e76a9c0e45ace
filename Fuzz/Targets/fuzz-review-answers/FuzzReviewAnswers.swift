// Fuzz target: one file a review page saved ("Save answers") through `signpost review import`'s merge, in memory
// (nothing is written to disk), into a small site with the sample site's easy-read page `easy-read/short-breaks.md`
// and its review file; and the same bytes as a review file (`reviews/…yml`) read with the build's rules. When the
// merge says to write a review file, the site is loaded again with it, as the next `check` would: the build must find
// no problem in the file the import wrote. Refusals are fine; a crash, a hang or running out of memory is not.
import Foundation
import Review
import SiteModel

private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func sample(_ path: String) -> String {
    (try? String(contentsOf: repository.appendingPathComponent("Content/" + path), encoding: .utf8)) ?? ""
}

private let baseFiles: [String: String] = {
    var files = [
        "site.yml": "title: Fuzz\nreview_groups:\n  - name: Speak Out Together\n  - name: Speak Up\n",
        "index.md": "---\ntitle: Home\nsummary: The home page.\n---\nWords.\n",
        "pages/short-breaks.md": "---\ntitle: Short breaks\nsummary: About short breaks.\n---\nWords.\n",
        "easy-read/short-breaks.md": sample("easy-read/short-breaks.md"),
        "reviews/easy-read/short-breaks.yml": sample("reviews/easy-read/short-breaks.yml"),
    ]
    for name in ["bed", "card", "community", "emergency", "family", "form", "shared-lives", "sitter", "suitcase", "sun"] {
        files["pictures/\(name).svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
    }
    return files
}()

private func load(_ files: [String: String]) -> (Site, SiteReviews, [Diagnostic])? {
    guard let loaded = try? ContentLoader(includeDrafts: true).load(from: MemoryContentSource(files)),
          let site = loaded.site else { return nil }
    let (reviews, problems) = SiteReviews.load(site: site, everyPage: true)
    return (site, reviews, problems)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReviewAnswers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    // The site is loaded for each input: a site kept in a global holds its files' bytes in a way LeakSanitizer does
    // not follow (pointers with tag bits in them), and it reported them as leaked.
    guard let (site, reviews, _) = load(baseFiles) else { fatalError("the fuzz target's own site does not load") }
    var sink = 0
    switch ReviewImport.merge(bytes, site: site, reviews: reviews) {
    case .failed(let problems): sink &+= problems.joined().count
    case .alreadyThere(let path): sink &+= path.count
    case .write(let path, let text, _):
        var files = baseFiles
        files[path] = text
        guard let (_, again, problems) = load(files) else { fatalError("the site no longer loads after importing answers") }
        if let wrong = problems.first(where: { $0.file == path && $0.level == .error }) {
            fatalError("review import wrote a file the build stops on: \(wrong)")
        }
        sink &+= again.book.files.count
    }
    // The same bytes as a review file, read with the build's rules.
    let text = String(decoding: bytes, as: UTF8.self)
    sink &+= ReviewBook.problems(inText: text, file: "reviews/easy-read/short-breaks.yml", site: site) { reviews.pages[$0] }.count
    if sink == -1 { print(sink) }  // keeps the work from being optimised away
    return 0
}
