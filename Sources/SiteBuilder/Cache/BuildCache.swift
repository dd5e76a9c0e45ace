import Foundation
import Markdown
import SiteModel

/// What one build leaves for the next, so that the next loads, checks and renders only what changed.
///
/// It is kept beside the output folder as `.<name>.cache` and is only ever a shortcut: every part of it is used only
/// when the hashes it was made from are the hashes of now, so a build with it gives exactly what a build without it
/// gives. A cache from another version of Signpost, or one that is damaged, is ignored and made again.
struct BuildCache: Sendable {
    /// What made the cache: Signpost's cache format, the program file and its word lists. Any other maker's cache is
    /// not read.
    var maker: String
    /// When the cache was saved, in nanoseconds since 1970. A file written at that moment or later may have changed
    /// without its stamp showing it, so it is hashed again.
    var saved: Int64
    /// Every input file and everything else the build depended on (options, the day, problems met while listing),
    /// hashed: when it is the same, nothing changed.
    var everythingKey: String
    /// The theme folder used, so that an unchanged build can find it without reading `site.yml`.
    var themeFolder: String?
    /// The options, settings, glossary, theme and files that every page depends on, hashed.
    var siteKey: String
    /// The titles, addresses and other front matter that pages show of each other, hashed.
    var indexKey: String
    /// Every file read, content and theme, by `BuildInputs` name: its stamp and hash.
    var inputs: [String: InputRecord]
    /// Every page that loaded without a problem, by path in the content folder.
    var pages: [String: PageRecord]
    /// Every finding of the build, for a build in which nothing changed.
    var findings: [Diagnostic]
    /// What validating found across pages (addresses, navigation, glossary pictures, files not published), when none
    /// of it is an error or points into a page (`CacheState.keepable`): it depends only on what `siteKey` and
    /// `indexKey` hash, so while both keys hold it is the same again.
    var siteProblems: [Diagnostic]?
    /// The output files made for the site as a whole rather than from one page or copied from the content folder: the
    /// service directory, guides, the sitemap, the not-found page and the theme's files. They depend only on what
    /// `siteKey` and `indexKey` hash, so while both hold they are kept as they are, not made again.
    var siteFiles: [String]
    /// What the build said it did, for the summary line.
    var pageCount: Int
    var serviceCount: Int?
    /// The files in the output folder and in the site before last, as written.
    var output: OutputRecord

    struct InputRecord: Sendable {
        var stamp: FileStamp?
        var hash: String
    }

    /// One page, as loaded, and what it gave while `siteKey` and `indexKey` held. One shared object: a build hands
    /// each of 20,000 records from the last cache to the next, and a copy costs one reference, not one per field.
    final class PageRecord: Sendable {
        let sourceHash: String
        let frontMatter: PageFrontMatter
        let keyPositions: [String: SourcePosition]
        let slug: String
        let bodyLineOffset: Int
        /// Findings while loading (warnings only: a page with an error is not kept).
        let loadFindings: [Diagnostic]
        /// Findings of validating and checking the page.
        let findings: [Diagnostic]
        /// The bytes the record was read from, when it was read from a cache file: a record that cannot change is
        /// written again as those bytes, so saving the cache of a large site after a small edit is mostly copying.
        let encoded: ArraySlice<UInt8>?

        init(sourceHash: String, frontMatter: PageFrontMatter, keyPositions: [String: SourcePosition], slug: String,
             bodyLineOffset: Int, loadFindings: [Diagnostic], findings: [Diagnostic], encoded: ArraySlice<UInt8>? = nil) {
            self.sourceHash = sourceHash
            self.frontMatter = frontMatter
            self.keyPositions = keyPositions
            self.slug = slug
            self.bodyLineOffset = bodyLineOffset
            self.loadFindings = loadFindings
            self.findings = findings
            self.encoded = encoded
        }
    }

    /// The output folder's files as the build left them, and those of the site before last (the next staging folder).
    struct OutputRecord: Sendable {
        /// Counts successful builds that wrote the output folder.
        var generation: Int
        var files: [String: OutputFile]
        var previousFiles: [String: OutputFile]
        /// When each folder of the output (`""` for the output folder itself) last had a file added, removed or
        /// renamed, in nanoseconds since 1970: a file someone put into the output folder shows here.
        var folders: [String: Int64]
        /// The same for the site before last.
        var previousFolders: [String: Int64]

        /// What the record says is in a folder of the output (`previous` false) or of the site before last: each
        /// folder's files and folders by name, and when the folder last changed.
        func tree(previous: Bool) -> KnownTree {
            KnownTree(files: previous ? previousFiles.keys : files.keys, folders: previous ? previousFolders : folders)
        }
    }

    struct OutputFile: Sendable, Equatable {
        var stamp: FileStamp
        /// The generation in which the file's bytes were last written.
        var writtenIn: Int
    }
}

extension BuildCache {
    /// The format of the cache file; raised whenever what is kept changes.
    static let format = 3

    /// The cache beside an output folder.
    static func location(for output: LocalPath) -> LocalPath { output.sibling(".\(output.lastComponent).cache") }

    /// Reads the cache, or says why it cannot be used. A missing cache is not a problem, only a cold build.
    static func read(from file: LocalPath, maker: String) -> (cache: BuildCache?, note: String?) {
        guard let data = FileKind.readRegularFile(file.string, followingLinks: false) else { return (nil, nil) }
        let bytes = [UInt8](data)
        guard let newline = bytes.firstIndex(of: 10) else { return (nil, damaged(file)) }
        let header = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ").map(String.init)
        guard header.count == 3, header[0] == "signpost-cache" else { return (nil, damaged(file)) }
        guard header[1] == maker else {
            return (nil, "The build cache \(file) was made by another version of Signpost, so everything is built again.")
        }
        let body = bytes[(newline + 1)...]
        var reader = CacheReader(bytes, from: newline + 1)
        guard header[2] == checksum(body), let cache = try? BuildCache(&reader), reader.isAtEnd, cache.maker == maker
        else {
            return (nil, damaged(file))
        }
        return (cache, nil)
    }

    private static func damaged(_ file: LocalPath) -> String {
        "The build cache \(file) is damaged, so it is not used: everything is built again, and the cache is made anew."
    }

    /// Writes the cache whole, into a new file that then takes the old one's place, so a build that is stopped halfway
    /// never leaves half a cache.
    func write(to file: LocalPath) throws {
        // Room for each part, guessed from what it holds, so a large cache is not copied as it grows; a kept page's
        // record is the bytes it was read from.
        let outputSize = 48 * (output.files.count + output.previousFiles.count)
            + 32 * (output.folders.count + output.previousFolders.count)
        let pagesSize = pages.values.reduce(0) { $0 + ($1.encoded?.count ?? 512) }
        // The output folder's record is most of a large site's cache: it is encoded beside the rest.
        let outputPart = Parallel.start { [output] in
            var part = CacheWriter(capacity: outputSize)
            output.write(&part)
            return part.bytes
        }
        var writer = CacheWriter(capacity: pagesSize + 64 * inputs.count + 128 * findings.count + 48 * siteFiles.count
                                     + outputSize + 4096)
        write(&writer) { outputPart.value }
        let body = writer.bytes
        let header = "signpost-cache \(maker) \(Self.checksum(body))\n"
        let temporary = file.sibling(".\(file.lastComponent).\(getpid()).tmp")
        let descriptor = open(temporary.string, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        let written = descriptor >= 0
            && Array(header.utf8).withUnsafeBytes { SystemCall.writeAll(descriptor, $0) }
            && body.withUnsafeBytes { SystemCall.writeAll(descriptor, $0) }
        if descriptor >= 0 { close(descriptor) }
        guard written else {
            unlink(temporary.string)
            throw BuildFailure.output("Could not save the build cache \(file): the folder it goes in cannot be written to.")
        }
        guard rename(temporary.string, file.string) == 0 else {
            let reason = SystemCall.lastError
            unlink(temporary.string)
            throw BuildFailure.output("Could not save the build cache \(file): \(reason).")
        }
    }

    /// A fast check that the bytes are the ones written: it finds damage, and the hashes inside find change.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> String { XXH64.hex(bytes) }
    static func checksum(_ bytes: [UInt8]) -> String { XXH64.hex(bytes) }
}
