// Fuzz target: the bytes as a Mustache template of a theme. They are registered as `fuzz`, which is also included
// as a partial by a second template `outer`, next to small stand-ins for the default theme's partials; both are then
// rendered with a small context shaped like a page's. Parse errors are fine; only crashes, hangs and running out of
// memory count.
import Foundation
import Mustache

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
    // A theme's template that is not UTF-8 is refused before it is parsed, as `Theme.load` does.
    guard let text = String(data: Data(bytes: data, count: size), encoding: .utf8) else { return 0 }
    var library = MustacheLibrary()
    for (name, partial) in partials { try? library.register(partial, named: name) }
    do {
        try library.register(text, named: "fuzz")
    } catch {
        return 0
    }
    try? library.register("<main>{{> fuzz}}</main>{{#items}}{{> fuzz}}{{/items}}", named: "outer")
    var sink = library.render(context, withTemplate: "fuzz")?.utf8.count ?? 0
    sink &+= library.render(context, withTemplate: "outer")?.utf8.count ?? 0
    if sink == -1 { print(sink) }  // keeps the work from being optimised away
    return 0
}
