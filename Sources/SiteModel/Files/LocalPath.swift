import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A place on this computer's disk: always absolute, with `.`, `..` and repeated slashes worked out, and no `/` at the
/// end (except for the root, `/`).
///
/// Every folder Signpost reads or writes (content, theme, output) is a `LocalPath`. Paths inside a folder, such as
/// `pages/short-breaks.md`, stay plain strings handled by `ContentPath`.
public struct LocalPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The parts between the slashes, first to last; empty for the root.
    public let components: [String]

    /// `path` as given; a relative path is taken from `base`, or from the current folder.
    public init(_ path: String, relativeTo base: LocalPath? = nil) {
        let start = path.hasPrefix("/") ? [] : (base ?? LocalPath.currentFolder).components
        self.components = LocalPath.normalised(start, PathText.parts(path))
    }

    public init(_ url: URL) { self.init(url.path) }

    private init(components: [String]) { self.components = components }

    /// `/a/b/../c/./d` → `[a, c, d]`. `..` at the root stays at the root, as the system does.
    private static func normalised(_ start: [String], _ more: [String]) -> [String] {
        var parts = start
        for part in more {
            switch part {
            case "", ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return parts
    }

    /// The folder the program runs in.
    public static var currentFolder: LocalPath {
        LocalPath(components: PathText.parts(FileManager.default.currentDirectoryPath))
    }

    public var string: String { "/" + components.joined(separator: "/") }
    public var description: String { string }
    public var url: URL { URL(fileURLWithPath: string) }

    /// The last part: `Output` for `/site/Output`; "" for the root.
    public var lastComponent: String { components.last ?? "" }

    /// The folder this is in. The root's parent is the root.
    public var parent: LocalPath { LocalPath(components: Array(components.dropLast())) }

    /// A path below this one: `relative` may have several parts (`assets/site.css`); `..` cannot climb above self's
    /// parent chain in a way that surprises, as it is worked out like any other path.
    public func appending(_ relative: String) -> LocalPath {
        LocalPath(components: LocalPath.normalised(components, PathText.parts(relative)))
    }

    /// The text of the path to `relative`, a path Signpost made itself inside this folder (no `.`, `..` or empty parts:
    /// an output file's path, say), joined without the work `appending` does to make any path safe. For the many
    /// files an unchanged build only looks at.
    public func joining(_ relative: String) -> String {
        relative.isEmpty ? string : (string == "/" ? "/" + relative : string + "/" + relative)
    }

    /// Another entry in the same folder, such as `.Output.previous` beside `Output`.
    public func sibling(_ name: String) -> LocalPath { parent.appending(name) }

    /// Whether `other` is this path or somewhere below it.
    public func contains(_ other: LocalPath) -> Bool {
        other.components.count >= components.count && Array(other.components.prefix(components.count)) == components
    }

    /// `other` as a path below this one (`pages/a.md`), or nil when it is not below it. "" when they are the same.
    public func relativePath(of other: LocalPath) -> String? {
        guard contains(other) else { return nil }
        return other.components.dropFirst(components.count).joined(separator: "/")
    }

    /// The same place with every symbolic link followed. A part that does not exist yet is kept as written, after
    /// the links of the parts before it are followed, so this works for an output folder not made yet.
    public func resolvingLinks() -> LocalPath {
        var existing = self
        var missing: [String] = []
        while !existing.components.isEmpty {
            if let real = realpath(existing.string, nil) {
                defer { free(real) }
                return LocalPath(String(cString: real)).appendingComponents(missing.reversed())
            }
            missing.append(existing.lastComponent)
            existing = existing.parent
        }
        return self
    }

    private func appendingComponents(_ more: [String]) -> LocalPath {
        more.isEmpty ? self : LocalPath(components: LocalPath.normalised(components, more))
    }

    public static func < (lhs: LocalPath, rhs: LocalPath) -> Bool { lhs.string < rhs.string }
}
