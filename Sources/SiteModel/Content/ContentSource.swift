import Foundation

/// Where content is read from: a folder on disk for builds, memory for tests.
///
/// A source never gives out anything from outside itself: a folder on disk refuses links that lead out of it, and
/// reports them as problems of the listing.
public protocol ContentSource: Sendable {
    /// Every file, as a path relative to the source with `/` between parts, sorted, and the problems met while
    /// listing (a link out of the folder, a link loop, something that is not a file).
    func list() throws -> ContentListing
    /// The bytes of one file, or nil when there is no such file inside the source.
    func read(_ path: String) -> Data?
    /// A name for the source, for messages.
    var name: String { get }
    /// What the file system says about one file, so a build cache can tell it is unchanged without reading it; nil
    /// when the source cannot say (then the file is read and hashed).
    func stamp(_ path: String) -> FileStamp?
}

/// What a listing found: the files, sorted, and every problem met on the way.
public struct ContentListing: Sendable {
    public var files: [String]
    public var problems: [Diagnostic]

    public init(files: [String], problems: [Diagnostic] = []) {
        self.files = files
        self.problems = problems
    }
}

extension ContentSource {
    /// Every file, as `list()` finds them, without the problems.
    public func allFiles() throws -> [String] { try list().files }

    public func stamp(_ path: String) -> FileStamp? { nil }

    /// The text of one file, or nil when there is no such file or it is not UTF-8.
    public func readText(_ path: String) -> String? {
        read(path).flatMap { String(data: $0, encoding: .utf8) }
    }
}

/// Content held in memory, for tests.
public struct MemoryContentSource: ContentSource {
    public var files: [String: Data]

    public init(_ files: [String: String]) {
        self.files = files.mapValues { Data($0.utf8) }
    }

    public init(data files: [String: Data]) { self.files = files }

    public var name: String { "memory" }
    public func list() throws -> ContentListing { ContentListing(files: files.keys.sorted()) }
    public func read(_ path: String) -> Data? { files[path] }
}

public enum ContentSourceError: Error, CustomStringConvertible {
    case missingFolder(String)

    public var description: String {
        switch self {
        case .missingFolder(let path): "There is no content folder at \(path)."
        }
    }
}
