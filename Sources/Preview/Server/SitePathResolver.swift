import Foundation

/// Turns the path of a request into a file of the built site, and never into a file outside it.
///
/// The path is the request's own, still percent-encoded. It is decoded here, once, before anything else, so `%2e%2e`
/// is `..` and `%2f` is `/` by the time it is looked at: `.` and `..` are refused, as are backslashes and NUL bytes.
///
/// The file is opened first and checked after, never the other way round: checking a path and then opening it by
/// name leaves a moment in which the file can be swapped for a link to a file outside the site, and the link's file
/// would be sent. Each folder on the way is opened inside the one before it (`openat`), from the site's folder, and
/// neither a folder nor the file is opened through a symbolic link (`O_NOFOLLOW`). A built site has no links, so one
/// found is refused, wherever it points. What was opened is then checked (`fstat`: a regular file) and read from the
/// same descriptor.
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
        var folder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return .notFound }
        defer { close(folder) }
        for (index, part) in parts.enumerated() {
            let last = index == parts.count - 1
            // O_NONBLOCK: opening a named pipe would otherwise wait for a writer.
            let opened = openat(folder, part, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | (last ? 0 : O_DIRECTORY))
            guard opened >= 0 else { return .notFound }
            close(folder)
            folder = opened
            guard last else { continue }
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
        }
        // A folder, asked for with its closing slash: its index.html.
        let page = openat(folder, "index.html", O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard page >= 0 else { return .notFound }
        defer { close(page) }
        return read(page, path: ([root] + parts + ["index.html"]).joined(separator: "/"))
    }

    /// The contents of an open file, when it is a regular file.
    private func read(_ file: Int32, path: String) -> Outcome {
        var facts = stat()
        guard fstat(file, &facts) == 0, facts.st_mode & S_IFMT == S_IFREG else { return .notFound }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(file, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return .notFound }
            if count == 0 { return .file(path, data) }
            data.append(contentsOf: chunk[0..<count])
        }
    }

    private func systemRead(_ file: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(file, buffer, count)
        #else
        Darwin.read(file, buffer, count)
        #endif
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
