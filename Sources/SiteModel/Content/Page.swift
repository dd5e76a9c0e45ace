import Foundation
import Markdown

/// One page of the site: its front matter, its parsed Markdown, and where it will be published.
///
/// What a page is never changes once it is loaded, so it is kept in one shared object (`PageFacts`): a page is copied
/// many times over (into lists, the link index, each step's work on every core), and a copy then costs one reference,
/// not one for every piece of text in its front matter. The build cache keeps the same object in its record of the
/// page, so a page made from the cache takes it as it is. Only the twin is set after loading, when twins are paired.
public struct Page: Sendable {
    // Read through `_read`, so that asking for one field of the front matter, or the path, lends it where it lies
    // rather than copying it out.
    private let stored: PageFacts
    private let markdown: LazyMarkdown
    /// The other version of this page: the easy-read twin of a standard page, or the standard page of an easy-read one.
    public var twinPath: String?

    /// Path of the Markdown file relative to the content folder, such as `pages/short-breaks.md`.
    public var path: String { _read { yield stored.path } }
    public var frontMatter: PageFrontMatter { _read { yield stored.frontMatter } }
    /// Where each front matter key is in the file, for errors about its value.
    public var keyPositions: [String: SourcePosition] { _read { yield stored.keyPositions } }
    /// The Markdown body, parsed once and shared by the checker and the renderer. A page the build cache vouches for
    /// is parsed only if a step asks for its tree.
    public var document: MarkdownDocument { markdown.document }
    /// The Markdown body as written.
    public var body: String { markdown.body }
    /// How many lines of the file come before the body (the front matter), so positions count from the file's top.
    public var bodyLineOffset: Int { stored.lineOffset }
    /// The page's address without slashes: `short-breaks`, `easy-read/short-breaks`, or "" for the home page.
    public var slug: String { _read { yield stored.slug } }
    /// The error for Markdown nested too deeply to walk safely, found once when the page is parsed; loading refuses
    /// such a page, and the checker will not read one.
    public var nestingProblem: Diagnostic? { stored.nestingProblem }
    /// What other pages can see of this page, hashed: its path, address and front matter
    /// (`indexHash(path:slug:frontMatter:)`). Everything pages show of each other (titles, addresses, twins, the order
    /// of pages) follows from these.
    public var indexHash: UInt64 { stored.indexHash }

    public init(path: String, frontMatter: PageFrontMatter, keyPositions: [String: SourcePosition] = [:],
                body: String, bodyLineOffset: Int, slug: String? = nil) {
        let document = MarkdownDocument(body, lineOffset: bodyLineOffset)
        let slug = slug ?? frontMatter.slug ?? Page.defaultSlug(for: path)
        stored = PageFacts(path: path, frontMatter: frontMatter, keyPositions: keyPositions, slug: slug,
                           lineOffset: bodyLineOffset, nestingProblem: ContentLoader.nestingProblem(in: document, file: path),
                           indexHash: Page.indexHash(path: path, slug: slug, frontMatter: frontMatter))
        markdown = LazyMarkdown(body: body, document: document)
    }

    /// A page whose facts come from the build cache: its body is read from its file in `source`, and parsed, only when
    /// a step asks for it.
    public init(facts: PageFacts, source: any ContentSource) {
        stored = facts
        markdown = LazyMarkdown(lineOffset: facts.lineOffset, file: facts.path, in: source)
    }

    /// What the page is, as one object: the build cache keeps it in its record of the page.
    public var facts: PageFacts { stored }

    /// What other pages can see of a page, hashed: where it is, its address and its front matter. Each field is
    /// written with its length first, so no two pages can give the same bytes.
    public static func indexHash(path: String, slug: String, frontMatter f: PageFrontMatter) -> UInt64 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        func add(_ field: String?) {
            guard var field else {
                bytes.append(0xFF)
                return
            }
            field.withUTF8 { text in
                let count = UInt32(text.count)
                bytes.append(UInt8(truncatingIfNeeded: count >> 24))
                bytes.append(UInt8(truncatingIfNeeded: count >> 16))
                bytes.append(UInt8(truncatingIfNeeded: count >> 8))
                bytes.append(UInt8(truncatingIfNeeded: count))
                bytes.append(contentsOf: text)
            }
        }
        add(path)
        add(slug)
        add(f.title)
        add(f.summary)
        add(f.format.rawValue)
        add(f.slug)
        add(f.order.map(String.init))
        add(f.picture)
        add(f.pictureAlt)
        add(f.updated?.iso)
        add(f.status.rawValue)
        add(f.easyReadOf)
        add(f.services?.breakType)
        add(f.services?.area)
        add(f.services?.emergency.map(String.init))
        add(f.services?.overnight.map(String.init))
        return bytes.withUnsafeBytes { XXH64.hash($0) }
    }

    /// Whether the Markdown has been read and parsed yet.
    public var isParsed: Bool { markdown.isParsed }

    public var title: String { stored.frontMatter.title }
    public var isEasyRead: Bool { stored.frontMatter.format == .easyRead }
    public var isHome: Bool { stored.slug.isEmpty }

    /// The page's address from the site's root: `/short-breaks/`, or `/` for the home page.
    public var urlPath: String { slug.isEmpty ? "/" : "/\(slug)/" }

    /// The file the page is written to, relative to the output folder.
    public var outputPath: String { slug.isEmpty ? "index.html" : slug + "/index.html" }

    /// Where a front matter key is, or the top of the file when it is not there.
    public func position(of key: PageFrontMatter.CodingKeys) -> SourcePosition {
        stored.keyPositions[key.rawValue] ?? SourcePosition(line: 1, column: 1)
    }

    /// `pages/short-breaks.md` → `short-breaks`; `easy-read/leder.md` → `easy-read/leder`; `index.md` → "".
    public static func defaultSlug(for path: String) -> String {
        var parts = PathText.parts(path)
        if parts.first == "pages" { parts.removeFirst() }
        if var last = parts.popLast() {
            if last.hasSuffix(".md") { last.removeLast(3) }
            if last != "index" { parts.append(last) }
        }
        return parts.map(slugPart).joined(separator: "/")
    }

    /// One part of a default slug: lowercase, with spaces and underscores as hyphens. A part in plain ASCII, as
    /// nearly every file name is, is changed byte by byte without asking Foundation.
    private static func slugPart(_ part: String) -> String {
        let bytes = Array(part.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return part.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        }
        return String(decoding: bytes.map { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
            case UInt8(ascii: " "), UInt8(ascii: "_"): UInt8(ascii: "-")
            default: byte
            }
        }, as: UTF8.self)
    }

    /// The longest part of an address between slashes, in bytes: file systems allow 255 for a name, and a service's
    /// export adds `.json` to its id.
    public static let longestSlugPart = 250

    /// Whether a slug is made only of lowercase letters, digits and hyphens, in parts split by `/`.
    public static func isValidSlug(_ slug: String) -> Bool {
        if slug.isEmpty { return true }
        // In plain ASCII every byte is one character, so the bytes can be checked directly, part by part.
        if slug.utf8.allSatisfy({ $0 < 0x80 }) {
            var partLength = 0
            var last: UInt8 = UInt8(ascii: "/")
            for byte in slug.utf8 {
                switch byte {
                case UInt8(ascii: "/"):
                    // An empty part, or one ending in a hyphen.
                    if partLength == 0 || last == UInt8(ascii: "-") { return false }
                    partLength = 0
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                    if partLength == 0 && byte == UInt8(ascii: "-") { return false }
                    partLength += 1
                    if partLength > longestSlugPart { return false }
                default: return false
                }
                last = byte
            }
            return partLength > 0 && last != UInt8(ascii: "-")
        }
        return slug.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.utf8.count <= longestSlugPart && !part.hasPrefix("-") && !part.hasSuffix("-")
                && part.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
        }
    }
}

/// What a page is, shared by every copy of it: its path, front matter, address and where its body starts.
public final class PageFacts: Sendable {
    public let path: String
    public let frontMatter: PageFrontMatter
    public let keyPositions: [String: SourcePosition]
    public let slug: String
    /// How many lines of the file come before the body.
    public let lineOffset: Int
    let nestingProblem: Diagnostic?
    public let indexHash: UInt64

    init(path: String, frontMatter: PageFrontMatter, keyPositions: [String: SourcePosition], slug: String,
         lineOffset: Int, nestingProblem: Diagnostic?, indexHash: UInt64) {
        self.path = path
        self.frontMatter = frontMatter
        self.keyPositions = keyPositions
        self.slug = slug
        self.lineOffset = lineOffset
        self.nestingProblem = nestingProblem
        self.indexHash = indexHash
    }

    /// The facts of a page the build cache kept: it keeps only pages that loaded without a problem, so there is no
    /// nesting problem to carry, and it keeps the page's `indexHash` as it was worked out from the same path, address
    /// and front matter.
    public convenience init(path: String, frontMatter: PageFrontMatter, keyPositions: [String: SourcePosition],
                            slug: String, bodyLineOffset: Int, indexHash: UInt64) {
        self.init(path: path, frontMatter: frontMatter, keyPositions: keyPositions, slug: slug,
                  lineOffset: bodyLineOffset, nestingProblem: nil, indexHash: indexHash)
    }
}

/// A page's Markdown, read and parsed at most once, by whichever step asks first. Its lock takes no memory of its own:
/// a build from the cache makes 20,000 pages, each of which allocated a lock (four blocks of memory with Foundation's
/// on Linux) before any was read.
final class LazyMarkdown: Sendable {
    /// Markdown parsed when the page was loaded: read without a lock, as it never changes.
    private let ready: (body: String, document: MarkdownDocument)?
    /// Where the body is read from when first asked for: the page's file, after its front matter.
    private let source: (any ContentSource)?
    private let file: String
    private let lineOffset: Int
    private let parsed: Guarded<(body: String, document: MarkdownDocument)?>

    /// Markdown already parsed.
    init(body: String, document: MarkdownDocument) {
        ready = (body, document)
        source = nil
        file = ""
        lineOffset = document.lineOffset
        parsed = Guarded(nil)
    }

    /// Markdown read from `file` in `source` when first asked for.
    init(lineOffset: Int, file: String, in source: any ContentSource) {
        ready = nil
        self.source = source
        self.file = file
        self.lineOffset = lineOffset
        parsed = Guarded(nil)
    }

    var isParsed: Bool { ready != nil || parsed.withLock { $0 != nil } }
    var body: String { value.body }
    var document: MarkdownDocument { value.document }

    private var value: (body: String, document: MarkdownDocument) {
        if let ready { return ready }
        return parsed.withLock { parsed in
            if let parsed { return parsed }
            let text = source?.read(file).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let body = (try? SourceText.split(text).get())?.body ?? ""
            let value = (body, MarkdownDocument(body, lineOffset: lineOffset))
            parsed = value
            return value
        }
    }
}
