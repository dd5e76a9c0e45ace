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
    /// What loading made of the content folder besides the pages (`SiteOutline`): with the page records, each at its
    /// place, it is the loaded site, for a build in which only some pages' text changed.
    var outline: SiteOutline?
    /// What validating found across pages (addresses, navigation, glossary pictures, files not published), when none
    /// of it is an error or points into a page (`CacheState.keepable`): it depends only on what `siteKey` and
    /// `indexKey` hash, so while both keys hold it is the same again.
    var siteProblems: [Diagnostic]?
    /// The output files made for the site as a whole rather than from one page or copied from the content folder: the
    /// service directory, guides, the sitemap, the not-found page and the theme's files. They depend only on what
    /// `siteKey` and `indexKey` hash, so while both hold they are kept as they are, not made again.
    var siteFiles: [String]
    /// What reading the services found (`DirectoryStep`): it depends only on what `siteKey` and `indexKey` hash (the
    /// service files, the pictures, the day, the pages links lead to), so while both hold it is the same again.
    var serviceFindings: [Diagnostic]
    /// What the build said it did, for the summary line.
    var pageCount: Int
    var serviceCount: Int?
    /// The files in the output folder and in the site before last, as written.
    var output: OutputRecord
    /// The cache file this cache was read from, as it was then: the next build may add its changes to its end. Not
    /// itself kept in the file.
    var origin: Origin? = nil
    /// The names of the inputs put into the last cache's table to make `inputs` (`BuildInputs.put`), when every other
    /// entry is as the last cache has it: the changes to the table since. Not kept in the file.
    var inputsPut: [String]? = nil

    struct Origin: Sendable {
        /// The file's stamp when it was read; it must be the same when changes are added.
        var stamp: FileStamp
        /// How many bytes the file had, and how many of them are the whole cache written first.
        var length: Int
        var wholeLength: Int
        /// How many builds' changes were added after it.
        var parts: Int
    }

    struct InputRecord: Sendable, Equatable {
        var stamp: FileStamp?
        var hash: String
    }

    /// One page, as loaded, and what it gave while `siteKey` and `indexKey` held. One shared object: a build hands
    /// each of 20,000 records from the last cache to the next, and a copy costs one reference, not one per field.
    final class PageRecord: Sendable {
        let sourceHash: String
        /// The page's path, front matter, address and where its body starts, as one object the page made from the
        /// record shares (`Page.facts`); its `indexHash` is what other pages can see of the page, hashed.
        let facts: PageFacts
        /// Findings while loading (warnings only: a page with an error is not kept).
        let loadFindings: [Diagnostic]
        /// Findings of validating and checking the page.
        let findings: [Diagnostic]
        /// Where the page was in the site's pages, and where its twin was, for putting the site together again
        /// (`BuildCache.outline`). Both follow from what `indexKey` hashes, so a record kept while it holds keeps them.
        let place: Int
        let twinPlace: Int?
        /// The bytes the record was read from, when it was read from a cache file: a record that cannot change is
        /// written again as those bytes, so saving the cache of a large site after a small edit is mostly copying.
        let encoded: ArraySlice<UInt8>?

        init(sourceHash: String, facts: PageFacts, loadFindings: [Diagnostic], findings: [Diagnostic], place: Int,
             twinPlace: Int?, encoded: ArraySlice<UInt8>? = nil) {
            self.sourceHash = sourceHash
            self.facts = facts
            self.loadFindings = loadFindings
            self.findings = findings
            self.place = place
            self.twinPlace = twinPlace
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
    static let format = 7

    /// The most builds' changes added to one cache file, and the most bytes they may take beside the cache written
    /// whole (a quarter of it): past either, the next build writes the cache whole again.
    static let mostParts = 64
    static func mostAdded(toWhole length: Int) -> Int { length / 4 }

    /// The cache beside an output folder.
    static func location(for output: LocalPath) -> LocalPath { output.sibling(".\(output.lastComponent).cache") }

    /// Reads the cache, or says why it cannot be used. A missing cache is not a problem, only a cold build.
    ///
    /// The file is the cache written whole (`signpost-cache <maker> <checksum> <length>` and that many bytes), then
    /// the changes of each build since, if any (`signpost-cache-changes <checksum> <length>` and its bytes), applied in
    /// order. A part that does not read back exactly makes the whole file unused.
    static func read(from file: LocalPath, maker: String) -> (cache: BuildCache?, note: String?) {
        let before = FileStamp.ofFileNotLink(file.string)
        guard let data = FileKind.readRegularFile(file.string, followingLinks: false) else { return (nil, nil) }
        let bytes = [UInt8](data)
        guard let (header, start, end) = part(of: bytes, at: 0), header.count >= 2, header[0] == "signpost-cache" else {
            return (nil, damaged(file))
        }
        guard header[1] == maker else {
            return (nil, "The build cache \(file) was made by another version of Signpost, so everything is built again.")
        }
        var reader = CacheReader(bytes, from: start, to: end)
        guard header.count == 4, header[2] == checksum(bytes[start..<end]), var cache = try? BuildCache(&reader),
              reader.isAtEnd, cache.maker == maker else {
            return (nil, damaged(file))
        }
        var parts = 0
        var at = end
        while at < bytes.count {
            guard let (header, start, end) = part(of: bytes, at: at), header.count == 3,
                  header[0] == "signpost-cache-changes", header[1] == checksum(bytes[start..<end]) else {
                return (nil, damaged(file))
            }
            var reader = CacheReader(bytes, from: start, to: end)
            guard let changes = try? CacheChanges(&reader), reader.isAtEnd, changes.rest.maker == maker else {
                return (nil, damaged(file))
            }
            changes.apply(to: &cache)
            parts += 1
            at = end
        }
        // Changes may be added to the file only while it is the one read here.
        if let before, before == FileStamp.ofFileNotLink(file.string), before.size == Int64(bytes.count) {
            cache.origin = Origin(stamp: before, length: bytes.count, wholeLength: end - start, parts: parts)
        }
        return (cache, nil)
    }

    /// One part of a cache file at `index`: the words of its header line, and where its bytes start and end. The last
    /// word of the header is the length; nil when there is no header line, or fewer bytes than it says.
    private static func part(of bytes: [UInt8], at index: Int) -> (header: [String], start: Int, end: Int)? {
        guard index < bytes.count, let newline = bytes[index...].firstIndex(of: 10) else { return nil }
        let header = String(decoding: bytes[index..<newline], as: UTF8.self).split(separator: " ").map(String.init)
        let start = newline + 1
        guard let last = header.last, header.count >= 3, let length = Int(last), length >= 0,
              length <= bytes.count - start else {
            // A header too short to hold a length may still name another maker: the caller tells the two apart.
            return header.count == 2 || header.count == 3 ? (header, start, bytes.count) : nil
        }
        return (header, start, start + length)
    }

    private static func damaged(_ file: LocalPath) -> String {
        "The build cache \(file) is damaged, so it is not used: everything is built again, and the cache is made anew."
    }

    /// Saves the cache: as what changed since `previous` added to the end of the file `previous` was read from, when
    /// that file is still as it was read and the changes are small beside it; otherwise whole.
    func write(to file: LocalPath, after previous: BuildCache?) throws {
        if let previous, let origin = previous.origin, origin.parts < Self.mostParts {
            var writer = CacheWriter()
            CacheChanges(from: previous, to: self).write(&writer)
            if origin.length - origin.wholeLength + writer.bytes.count <= Self.mostAdded(toWhole: origin.wholeLength),
               Self.append(writer.bytes, to: file, origin: origin) {
                return
            }
        }
        try write(to: file)
    }

    /// Adds one build's changes to the end of the cache file, when it is the file `origin` describes. On any failure
    /// the file is cut back to what it was, and false says the cache must be written whole.
    private static func append(_ body: [UInt8], to file: LocalPath, origin: Origin) -> Bool {
        let descriptor = open(file.string, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        // A file with another name for it (a backup made with hard links) is not changed in place, but replaced.
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1,
              FileStamp(info) == origin.stamp else {
            return false
        }
        let bytes = Array("signpost-cache-changes \(checksum(body)) \(body.count)\n".utf8) + body
        guard bytes.withUnsafeBytes({ SystemCall.writeAll(descriptor, $0) }) else {
            _ = ftruncate(descriptor, off_t(origin.length))
            return false
        }
        return true
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
        let header = "signpost-cache \(maker) \(Self.checksum(body)) \(body.count)\n"
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
