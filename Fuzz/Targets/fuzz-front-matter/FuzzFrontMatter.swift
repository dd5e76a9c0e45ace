// Fuzz target: one whole page file through `ContentLoader.loadPage` — the front matter split, the YAML decode into
// `PageFrontMatter` and the Markdown parse — then a walk over the parsed tree and the path helpers a page's values
// go through. Content errors (diagnostics, a nil page) are fine; only crashes, hangs and running out of memory count.
import Foundation
import Markdown
import SiteModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    for path in ["pages/fuzz.md", "easy-read/index.md"] {
        var source = MemoryContentSource([:])
        source.files[path] = bytes
        var diagnostics: [Diagnostic] = []
        let page = ContentLoader().loadPage(path, from: source, diagnostics: &diagnostics)
        var sink = diagnostics.map { "\($0)" }.joined().count
        guard let page else { continue }
        page.document.root.walk { node in
            sink &+= node.kind == .text ? (node.literal?.utf8.count ?? 0) : node.start.line
        }
        sink &+= Page.isValidSlug(page.slug) ? 1 : 0
        for reference in [page.frontMatter.picture, page.frontMatter.easyReadOf].compactMap({ $0 }) {
            sink &+= ContentPath.resolve(ContentPath.unescaped(reference), from: ContentPath.folder(of: path))?.count ?? 0
            sink &+= ContentPath.isExternal(reference) ? 1 : 0
        }
        if sink == -1 { print(sink) }  // keeps the work from being optimised away
    }
    return 0
}
