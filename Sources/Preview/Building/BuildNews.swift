import SiteModel

/// What one build while serving did, for the terminal and for every open page.
public struct BuildNews: Sendable {
    /// The number of the site now served: it goes up each time a build changes the site.
    public var siteNumber: Int
    /// Whether the build succeeded; when it did not, the site served is the last one that did.
    public var succeeded: Bool
    /// Whether the site served changed, so open pages should reload.
    public var changed: Bool
    /// Every finding, errors first when the build failed.
    public var diagnostics: [Diagnostic]
    /// Why the build stopped without finishing (folders that overlap, say), in the words the terminal prints.
    public var failure: String?
    public var pageCount: Int
    public var milliseconds: Int

    /// The problems that stopped the build.
    public var errors: [Diagnostic] { diagnostics.filter { $0.level == .error } }

    /// The news as the JSON the page's script reads: `{"site": 3, "ok": false, "errors": [...]}`.
    public var json: String {
        var errorsJSON: [JSONValue] = errors.map { diagnostic in
            .object([
                ("file", .string(diagnostic.file)), ("line", .integer(diagnostic.line)),
                ("column", .integer(diagnostic.column)), ("message", .string(diagnostic.message)),
                ("text", .string(diagnostic.formatted)),
            ])
        }
        if let failure {
            errorsJSON.append(.object([("file", .string("")), ("line", .integer(0)), ("column", .integer(0)),
                                       ("message", .string(failure)), ("text", .string(failure))]))
        }
        return JSONValue.object([
            ("site", .integer(siteNumber)), ("ok", .bool(succeeded)), ("errors", .array(errorsJSON)),
        ]).serialized()
    }
}
