import Markdown
import SiteModel

/// A service as read from its file: the typed front matter, the description, and where each key is.
///
/// What it holds is kept in one shared box, so an entry costs a pointer to copy: the directory keeps each service in
/// several lists (every service, the listed ones, by kind of break, by area), and with the whole value copied into
/// each of them the lists alone took several kilobytes a service, hundreds of megabytes at 100,000 services.
public struct ServiceEntry: Sendable {
    private final class Storage: Sendable {
        let path: String
        let service: Service
        let description: MarkdownDocument
        let body: String
        let keyPositions: [String: SourcePosition]

        init(path: String, service: Service, description: MarkdownDocument, body: String,
             keyPositions: [String: SourcePosition]) {
            self.path = path
            self.service = service
            self.description = description
            self.body = body
            self.keyPositions = keyPositions
        }
    }

    private var storage: Storage

    public init(path: String, service: Service, description: MarkdownDocument, keyPositions: [String: SourcePosition] = [:],
                body: String = "") {
        storage = Storage(path: path, service: service, description: description, body: body, keyPositions: keyPositions)
    }

    public var path: String { storage.path }
    public var service: Service {
        get { storage.service }
        set {
            storage = Storage(path: path, service: newValue, description: description, body: body, keyPositions: keyPositions)
        }
    }
    public var description: MarkdownDocument { storage.description }
    /// The description's Markdown as written, for the Open Referral export.
    public var body: String { storage.body }
    /// Where each key of the front matter is, by dotted path, for problems with the service's values.
    public var keyPositions: [String: SourcePosition] { storage.keyPositions }

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

    /// The entry with the places of its keys, by dotted path.
    func withPositions(_ positions: [String: SourcePosition]) -> ServiceEntry {
        ServiceEntry(path: path, service: service, description: description, keyPositions: positions, body: body)
    }

    /// The service's page, from the site's root: `services/<id>/`.
    public var slug: String { "services/\(service.id)" }

    /// Whether the service appears in the listing, search and browse pages.
    public var isListed: Bool { service.status == .active }

    /// Whether it has a page at all: defunct services have none.
    public var isPublished: Bool { service.status != .defunct }
}
