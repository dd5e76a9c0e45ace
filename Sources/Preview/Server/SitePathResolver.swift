import Foundation

/// Turns the path of a request into a file of the built site, and never into a file outside it.
///
/// The path is the request's own, still percent-encoded. It is decoded here, once, before anything else, so `%2e%2e`
/// is `..` and `%2f` is `/` by the time it is looked at: `.` and `..` are refused, as are backslashes and NUL bytes. A file is served only when its real path, with every
/// symbolic link followed, is still inside the site's real folder, so a link that points out of the site is refused too.
public struct SitePathResolver: Sendable {
    /// What a request's path leads to.
    public enum Outcome: Equatable, Sendable {
        /// A file to send, by its real path on disk.
        case file(String)
        /// A folder asked for without its closing slash: the same address with one, so relative links work.
        case redirect(String)
        /// Nothing here: the site's own 404 page is sent.
        case notFound
    }

    /// The site folder's real path, without a trailing slash.
    public let root: String

    public init(root: String) {
        self.root = Self.realPath(root) ?? root
    }

    public func resolve(_ encodedPath: String) -> Outcome {
        guard let requestPath = encodedPath.removingPercentEncoding, requestPath.hasPrefix("/"), !requestPath.contains("\0"), !requestPath.contains("\\") else {
            return .notFound
        }
        let parts = requestPath.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // `.` and `..` are never part of a site's addresses; refusing them outright is simpler than reasoning
        // about where they lead.
        if parts.contains(where: { $0 == "." || $0 == ".." }) { return .notFound }
        let joined = ([root] + parts).joined(separator: "/")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: joined, isDirectory: &isFolder) else { return .notFound }
        if isFolder.boolValue {
            if !encodedPath.hasSuffix("/") { return .redirect(encodedPath + "/") }
            return inside(joined + "/index.html")
        }
        return inside(joined)
    }

    /// The file's real path when it is a regular file inside the site, else `.notFound`.
    private func inside(_ path: String) -> Outcome {
        guard let real = Self.realPath(path), real.hasPrefix(root + "/") else { return .notFound }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), !isFolder.boolValue else {
            return .notFound
        }
        return .file(real)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
