import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
    /// Whether files and folders whose names start with `.` are listed. Content leaves them out.
    public let includeHidden: Bool

    public init(root: URL, includeHidden: Bool = false) {
        self.root = root.standardizedFileURL
        self.includeHidden = includeHidden
    }

    public var name: String { root.path }

    public func allFiles() throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ContentSourceError.missingFolder(root.path)
        }
        var files: [String] = []
        Self.collect(root.path, prefix: "", hidden: includeHidden, into: &files)
        return files.sorted()
    }

    /// Lists a folder with `opendir`, which is many times faster than `FileManager`'s enumerator on Linux.
    /// Hidden files and folders are left out.
    private static func collect(_ folder: String, prefix: String, hidden: Bool, into files: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." || (!hidden && name.hasPrefix(".")) { continue }
            let path = folder + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : 0
            }
            if type == UInt8(DT_DIR) {
                collect(path, prefix: prefix + name + "/", hidden: hidden, into: &files)
            } else if type == UInt8(DT_REG) {
                files.append(prefix + name)
            }
        }
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
