// Fuzz target: the bytes as a Mustache template of a theme, `templates/fuzz.mustache`, which a second template
// `outer` includes as a partial, next to small stand-ins for the default theme's partials. The theme is loaded and
// checked by `Theme.load`, as every build does, and only a theme it accepts is rendered, with a small context shaped
// like a page's. Problems it reports are fine; only crashes, hangs and running out of memory count.
import Foundation
import SiteBuilder
import SiteModel

private let partials: [String: String] = [
    "head": "<!doctype html><html lang=\"{{site.language}}\"><head><title>{{page.title}}</title></head>",
    "header": "<header>{{#site.navigation}}<a href=\"{{href}}\">{{label}}</a>{{/site.navigation}}</header>",
    "footer": "<footer>{{site.contact.phone}}</footer>",
    "skip-link": "<a href=\"#main\">Skip</a>",
    "page-heading": "<h1>{{page.title}}</h1>{{#page.summary}}<p>{{.}}</p>{{/page.summary}}",
    "page-end": "{{#page.updated}}<p>{{.}}</p>{{/page.updated}}",
    "service-card": "<li>{{name}} {{^emergency}}not urgent{{/emergency}}</li>",
]

// Every list has one item: sections nested over lists of two or more render in exponential time by design
// (`{{#items}}` twenty deep over two items is a million copies), which is Mustache, not a bug worth finding.
// Read only, and libFuzzer calls the target on one thread.
nonisolated(unsafe) private let context: [String: Any] = [
    "site": [
        "title": "Short breaks", "language": "en-GB",
        "contact": ["phone": "01234 567890", "email": "breaks@example.org"],
        "navigation": [["href": "/short-breaks/", "label": "Short <breaks> & more"]],
    ] as [String: Any],
    "page": [
        "title": "What is a short break?", "summary": "Time off from caring.", "body": "<p>Hello & welcome</p>",
        "updated": "2 November 2026", "isEasyRead": true,
    ] as [String: Any],
    "hasServiceCards": true,
    "serviceCards": [["name": "Maple Lodge", "emergency": false, "overnight": true]],
    "listingHref": "/services/",
    "items": [1],
    "empty": [Any](),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var files: [String: Data] = [:]
    for (name, partial) in partials { files["templates/\(name).mustache"] = Data(partial.utf8) }
    for name in Theme.requiredTemplates { files["templates/\(name).mustache"] = Data("{{> head}}<main>{{page.title}}</main>".utf8) }
    files["templates/fuzz.mustache"] = Data(bytes: data, count: size)
    files["templates/outer.mustache"] = Data("<main>{{> fuzz}}</main>{{#items}}{{> fuzz}}{{/items}}".utf8)
    let (loaded, problems) = Theme.load(from: MemoryContentSource(data: files), folder: LocalPath("/fuzz"), display: "fuzz")
    guard let theme = loaded, problems.isEmpty else { return 0 }
    var sink = theme.library.render(context, withTemplate: "fuzz")?.utf8.count ?? 0
    sink &+= theme.library.render(context, withTemplate: "outer")?.utf8.count ?? 0
    if sink == -1 { print(sink) }  // keeps the work from being optimised away
    return 0
}
