import Markdown
import SiteModel

/// A service as read from its file: the typed front matter, the description, and where each key is.
public struct ServiceEntry: Sendable {
    public let path: String
    public var service: Service
    public let description: MarkdownDocument
    /// The description's Markdown as written, for the Open Referral export.
    public let body: String
    public let keyPositions: [String: SourcePosition]

    public init(path: String, service: Service, description: MarkdownDocument, keyPositions: [String: SourcePosition] = [:],
                body: String = "") {
        self.path = path
        self.service = service
        self.description = description
        self.keyPositions = keyPositions
        self.body = body
    }

    public var id: String { service.id }

    /// Where a key is, by dotted path (`ages`, `costs.0.amount`), or the top of the file.
    public func position(_ key: String) -> SourcePosition {
        var path = key
        while true {
            if let place = keyPositions[path] { return place }
            guard let dot = path.lastIndex(of: ".") else { return SourcePosition(line: 1, column: 1) }
            path = String(path[..<dot])
        }
    }

    /// The service's page, from the site's root: `services/<id>/`.
    public var slug: String { "services/\(service.id)" }

    /// Whether the service appears in the listing, search and browse pages.
    public var isListed: Bool { service.status == .active }

    /// Whether it has a page at all: defunct services have none.
    public var isPublished: Bool { service.status != .defunct }
}
