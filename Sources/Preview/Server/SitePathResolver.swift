import Foundation
import SiteModel

/// Turns the path of a request into a file of the built site, and never into a file outside it.
///
/// The path is the request's own, still percent-encoded. It is decoded here, once, before anything else, so `%2e%2e`
/// is `..` and `%2f` is `/` by the time it is looked at: `.` and `..` are refused, as are backslashes and NUL bytes.
///
/// The file is opened first and checked after, never the other way round: checking a path and then opening it by
/// name leaves a moment in which the file can be swapped for a link to a file outside the site, and the link's file
/// would be sent. It is opened with `Beneath`, as the build reads content: each folder on the way inside the one
/// before it (`openat`), from the site's folder, and neither a folder nor the file through a symbolic link
/// (`O_NOFOLLOW`). A built site has no links, so one found is refused, wherever it points. What was opened is then
/// checked (`fstat`: a regular file) and read from the same descriptor.
public struct SitePathResolver: Sendable {
    /// What a request's path leads to.
    public enum Outcome: Equatable, Sendable {
        /// A file to send: its path (the site folder's real path and the request's) and what it held when opened.
        case file(String, Data)
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
        let site = Beneath.openRoot(root)
        guard site >= 0 else { return .notFound }
        defer { close(site) }
        guard !parts.isEmpty else { return index(in: site, parts: parts) }
        let opened = Beneath.open(parts, in: site)
        guard opened >= 0 else { return .notFound }
        defer { close(opened) }
        var facts = stat()
        guard fstat(opened, &facts) == 0 else { return .notFound }
        if facts.st_mode & S_IFMT == S_IFREG {
            // A file asked for as a folder (`/index.html/`) is not there.
            if encodedPath.hasSuffix("/") { return .notFound }
            return read(opened, path: ([root] + parts).joined(separator: "/"))
        }
        guard facts.st_mode & S_IFMT == S_IFDIR else { return .notFound }
        if !encodedPath.hasSuffix("/") {
            // One leading slash: `//name/` would send the browser to a host called `name`.
            let own = "/" + encodedPath.drop(while: { $0 == "/" })
            return .redirect(own + "/")
        }
        return index(in: opened, parts: parts)
    }

    /// A folder, asked for with its closing slash: its index.html.
    private func index(in folder: Int32, parts: [String]) -> Outcome {
        let page = Beneath.open(["index.html"], in: folder)
        guard page >= 0 else { return .notFound }
        defer { close(page) }
        return read(page, path: ([root] + parts + ["index.html"]).joined(separator: "/"))
    }

    /// The contents of an open file, when it is a regular file.
    private func read(_ file: Int32, path: String) -> Outcome {
        Beneath.readRegularFile(file).map { .file(path, $0) } ?? .notFound
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
