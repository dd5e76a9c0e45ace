import Markdown

/// One page of the site: its front matter, its parsed Markdown, and where it will be published.
public struct Page: Sendable {
    /// Path of the Markdown file relative to the content folder, such as `pages/short-breaks.md`.
    public let path: String
    public var frontMatter: PageFrontMatter
    /// Where each front matter key is in the file, for errors about its value.
    public let keyPositions: [String: SourcePosition]
    /// The Markdown body, parsed once and shared by the checker and the renderer.
    public let document: MarkdownDocument
    /// The Markdown body as written.
    public let body: String
    /// The page's address without slashes: `short-breaks`, `easy-read/short-breaks`, or "" for the home page.
    public var slug: String
    /// The other version of this page: the easy-read twin of a standard page, or the standard page of an easy-read one.
    public var twinPath: String?
    /// The error for Markdown nested too deeply to walk safely, found once when the page is parsed; loading refuses
    /// such a page, and the checker will not read one.
    public let nestingProblem: Diagnostic?

    public init(path: String, frontMatter: PageFrontMatter, keyPositions: [String: SourcePosition] = [:],
                body: String, bodyLineOffset: Int, slug: String? = nil) {
        self.path = path
        self.frontMatter = frontMatter
        self.keyPositions = keyPositions
        self.body = body
        self.document = MarkdownDocument(body, lineOffset: bodyLineOffset)
        self.nestingProblem = ContentLoader.nestingProblem(in: document, file: path)
        self.slug = slug ?? frontMatter.slug ?? Page.defaultSlug(for: path)
    }

    public var title: String { frontMatter.title }
    public var isEasyRead: Bool { frontMatter.format == .easyRead }
    public var isHome: Bool { slug.isEmpty }

    /// The page's address from the site's root: `/short-breaks/`, or `/` for the home page.
    public var urlPath: String { slug.isEmpty ? "/" : "/\(slug)/" }

    /// The file the page is written to, relative to the output folder.
    public var outputPath: String { slug.isEmpty ? "index.html" : "\(slug)/index.html" }

    /// Where a front matter key is, or the top of the file when it is not there.
    public func position(of key: PageFrontMatter.CodingKeys) -> SourcePosition {
        keyPositions[key.rawValue] ?? SourcePosition(line: 1, column: 1)
    }

    /// `pages/short-breaks.md` → `short-breaks`; `easy-read/leder.md` → `easy-read/leder`; `index.md` → "".
    public static func defaultSlug(for path: String) -> String {
        var parts = path.split(separator: "/").map(String.init)
        if parts.first == "pages" { parts.removeFirst() }
        if var last = parts.popLast() {
            if last.hasSuffix(".md") { last.removeLast(3) }
            if last != "index" { parts.append(last) }
        }
        return parts.map { $0.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-") }
            .joined(separator: "/")
    }

    /// The longest part of an address between slashes, in bytes: file systems allow 255 for a name, and a service's
    /// export adds `.json` to its id.
    public static let longestSlugPart = 250

    /// Whether a slug is made only of lowercase letters, digits and hyphens, in parts split by `/`.
    public static func isValidSlug(_ slug: String) -> Bool {
        if slug.isEmpty { return true }
        return slug.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.utf8.count <= longestSlugPart && !part.hasPrefix("-") && !part.hasSuffix("-")
                && part.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
        }
    }
}
