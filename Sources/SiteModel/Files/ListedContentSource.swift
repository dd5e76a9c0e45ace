import Foundation

/// A content source whose listing was already made: the build lists the content folder once, to hash what changed,
/// and loading then uses the same listing rather than walking the folder again.
public struct ListedContentSource: ContentSource {
    public let base: any ContentSource
    public let listing: ContentListing

    public init(_ base: any ContentSource, listing: ContentListing) {
        self.base = base
        self.listing = listing
    }

    public var name: String { base.name }
    public func list() throws -> ContentListing { listing }
    public func read(_ path: String) -> Data? { base.read(path) }
    public func stamp(_ path: String) -> FileStamp? { base.stamp(path) }
}
