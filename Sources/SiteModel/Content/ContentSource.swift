import Foundation

/// Where content is read from: a folder on disk for builds, memory for tests.
public protocol ContentSource: Sendable {
    /// Every file, as a path relative to the content folder with `/` between parts, sorted.
    func allFiles() throws -> [String]
    /// The bytes of one file, or nil when there is no such file.
    func read(_ path: String) -> Data?
    /// A name for the source, for messages.
    var name: String { get }
}

extension ContentSource {
    /// The text of one file, or nil when there is no such file or it is not UTF-8.
    public func readText(_ path: String) -> String? {
        read(path).flatMap { String(data: $0, encoding: .utf8) }
    }
}

/// Content in a folder on disk.
public struct DirectoryContentSource: ContentSource {
    public let root: URL

    public init(root: URL) { self.root = root.standardizedFileURL }

    public var name: String { root.path }

    public func allFiles() throws -> [String] {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ContentSourceError.missingFolder(root.path)
        }
        guard let enumerator = manager.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                  options: [.skipsHiddenFiles]) else {
            throw ContentSourceError.missingFolder(root.path)
        }
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var files: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            if path.hasPrefix(prefix) { files.append(String(path.dropFirst(prefix.count))) }
        }
        return files.sorted()
    }

    public func read(_ path: String) -> Data? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
    }
}

/// Content held in memory, for tests.
public struct MemoryContentSource: ContentSource {
    public var files: [String: Data]

    public init(_ files: [String: String]) {
        self.files = files.mapValues { Data($0.utf8) }
    }

    public var name: String { "memory" }
    public func allFiles() throws -> [String] { files.keys.sorted() }
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
