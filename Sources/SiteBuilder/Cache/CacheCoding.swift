import Foundation
import Markdown
import SiteModel

/// The build cache's own compact format: numbers as variable-length integers, text as its length and UTF-8 bytes,
/// and each kept type writing its fields in a fixed order. An unchanged site of 20,000 pages is read back in a few
/// milliseconds, where a general-purpose format took most of the build's time.
///
/// Every type kept in the cache writes and reads itself here; when a type gains a field, its two functions here must
/// gain it too (`CacheTests` checks that front matter keeps every field).
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    /// A writer with room for about `capacity` bytes, so that a large cache is not copied each time it outgrows its
    /// room.
    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func int(_ value: Int64) {
        var rest = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func int(_ value: Int) { int(Int64(value)) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    /// Bytes another writer wrote, as they are.
    mutating func bytes(_ written: ArraySlice<UInt8>) { bytes.append(contentsOf: written) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { buffer in
            int(buffer.count)
            bytes.append(contentsOf: buffer)
        }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout CacheWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout CacheWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    /// Keys in a fixed order, so the same cache is always the same bytes: by a hash of each key, which sorts many
    /// times faster than the keys themselves (paths that share long beginnings), and by the key when two hashes meet.
    mutating func dictionary<T>(_ values: [String: T], _ write: (inout CacheWriter, T) -> Void) {
        int(values.count)
        var entries: [(key: String, value: T)] = []
        entries.reserveCapacity(values.count)
        // What is sorted is each entry's hash and place, sixteen plain bytes, rather than the entries themselves.
        var order: [(hash: UInt64, index: Int)] = []
        order.reserveCapacity(values.count)
        for (key, value) in values {
            var key = key
            order.append((key.withUTF8 { XXH64.hash(UnsafeRawBufferPointer($0)) }, entries.count))
            entries.append((key, value))
        }
        order.sort { $0.hash != $1.hash ? $0.hash < $1.hash : entries[$0.index].key < entries[$1.index].key }
        for (_, index) in order {
            string(entries[index].key)
            write(&self, entries[index].value)
        }
    }
}

/// Reads what `CacheWriter` wrote; anything that does not fit throws, and the cache is then not used.
struct CacheReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var index: Int
    /// Where what is read ends: the end of the bytes, or of one part of them.
    private let end: Int

    init(_ bytes: [UInt8], from index: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.index = index
        self.end = min(end ?? bytes.count, bytes.count)
    }

    var isAtEnd: Bool { index == end }
    /// Where the reader is, to take the bytes of what it reads next with `bytes(since:)`.
    var position: Int { index }
    /// The bytes read since `position` was `start`.
    func bytes(since start: Int) -> ArraySlice<UInt8> { bytes[start..<index] }

    mutating func int64() throws -> Int64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard index < end, shift < 64 else { throw Damaged() }
            let byte = bytes[index]
            index += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1)
    }

    mutating func int() throws -> Int { Int(try int64()) }

    /// A count of things to come, which can be no more than the bytes left.
    mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value <= end - index else { throw Damaged() }
        return value
    }

    mutating func bool() throws -> Bool {
        guard index < end, bytes[index] <= 1 else { throw Damaged() }
        index += 1
        return bytes[index - 1] == 1
    }

    mutating func string() throws -> String {
        let length = try count()
        defer { index += length }
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[index..<(index + length)]), as: UTF8.self)
        }
    }

    mutating func optional<T>(_ read: (inout CacheReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout CacheReader) throws -> T) throws -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func dictionary<T>(_ read: (inout CacheReader) throws -> T) throws -> [String: T] {
        try dictionary { from, _ in try read(&from) }
    }

    /// A dictionary whose values are read knowing their key.
    mutating func dictionary<T>(_ read: (inout CacheReader, String) throws -> T) throws -> [String: T] {
        let count = try count()
        var values: [String: T] = [:]
        values.reserveCapacity(count)
        for _ in 0..<count {
            let key = try string()
            values[key] = try read(&self, key)
        }
        return values
    }
}

// MARK: - Each kept type, written and read field by field, in the same order.

extension BuildCache {
    /// - Parameter encodedOutput: `output` as another writer wrote it, when it is encoded beside the rest.
    func write(_ out: inout CacheWriter, output encodedOutput: (() -> [UInt8])? = nil) {
        out.string(maker)
        out.int(saved)
        out.string(everythingKey)
        out.optional(themeFolder) { $0.string($1) }
        out.string(siteKey)
        out.string(indexKey)
        out.dictionary(inputs) { $1.write(&$0) }
        out.dictionary(pages) { $1.write(&$0) }
        out.array(findings) { $1.write(&$0) }
        out.optional(outline) { $1.write(&$0) }
        out.optional(siteProblems) { out, problems in out.array(problems) { $1.write(&$0) } }
        out.array(siteFiles) { $0.string($1) }
        out.array(serviceFindings) { $1.write(&$0) }
        out.int(pageCount)
        out.optional(serviceCount) { $0.int($1) }
        if let encodedOutput {
            out.bytes(encodedOutput()[...])
        } else {
            output.write(&out)
        }
    }

    init(_ from: inout CacheReader) throws {
        maker = try from.string()
        saved = try from.int64()
        everythingKey = try from.string()
        themeFolder = try from.optional { try $0.string() }
        siteKey = try from.string()
        indexKey = try from.string()
        inputs = try from.dictionary { try InputRecord(&$0) }
        pages = try from.dictionary { try PageRecord(&$0, path: $1) }
        findings = try from.array { try Diagnostic(&$0) }
        outline = try from.optional { try SiteOutline(&$0) }
        siteProblems = try from.optional { try $0.array { try Diagnostic(&$0) } }
        siteFiles = try from.array { try $0.string() }
        serviceFindings = try from.array { try Diagnostic(&$0) }
        pageCount = try from.int()
        serviceCount = try from.optional { try $0.int() }
        output = try OutputRecord(&from)
    }
}

extension BuildCache.PageRecord {
    func write(_ out: inout CacheWriter) {
        // A record read from the last cache, and kept as it was, is written as the very bytes it was read from.
        if let encoded {
            out.bytes(encoded)
            return
        }
        out.string(sourceHash)
        facts.frontMatter.write(&out)
        out.dictionary(facts.keyPositions) { $1.write(&$0) }
        out.string(facts.slug)
        out.int(facts.lineOffset)
        out.int(Int64(bitPattern: facts.indexHash))
        out.array(loadFindings) { $1.write(&$0) }
        out.array(findings) { $1.write(&$0) }
        out.int(place)
        out.optional(twinPlace) { $0.int($1) }
    }

    /// - Parameter path: the page's path, which the record is kept under.
    convenience init(_ from: inout CacheReader, path: String) throws {
        let start = from.position
        let sourceHash = try from.string()
        let frontMatter = try PageFrontMatter(&from)
        let keyPositions = try from.dictionary { try SourcePosition(&$0) }
        let slug = try from.string()
        let bodyLineOffset = try from.int()
        let indexHash = UInt64(bitPattern: try from.int64())
        let loadFindings = try from.array { try Diagnostic(&$0) }
        let findings = try from.array { try Diagnostic(&$0) }
        let place = try from.int()
        let twinPlace = try from.optional { try $0.int() }
        let facts = PageFacts(path: path, frontMatter: frontMatter, keyPositions: keyPositions, slug: slug,
                              bodyLineOffset: bodyLineOffset, indexHash: indexHash)
        self.init(sourceHash: sourceHash, facts: facts, loadFindings: loadFindings, findings: findings, place: place,
                  twinPlace: twinPlace, encoded: from.bytes(since: start))
    }
}

extension SiteOutline {
    func write(_ out: inout CacheWriter) {
        out.bool(includeDrafts)
        out.int(pageCount)
        for files in [serviceFiles, assets, unpublished, reviewFiles, guideFiles] { out.array(files) { $0.string($1) } }
        out.optional(chargingFile) { $0.string($1) }
        for paths in [draftPaths, brokenPaths] { out.array(paths) { $0.string($1) } }
        for found in [listingProblems, diagnostics] { out.array(found) { $1.write(&$0) } }
    }

    init(_ from: inout CacheReader) throws {
        let includeDrafts = try from.bool(), pageCount = try from.int()
        var files: [[String]] = []
        for _ in 0..<5 { files.append(try from.array { try $0.string() }) }
        let chargingFile = try from.optional { try $0.string() }
        let draftPaths = try from.array { try $0.string() }, brokenPaths = try from.array { try $0.string() }
        let listingProblems = try from.array { try Diagnostic(&$0) }, diagnostics = try from.array { try Diagnostic(&$0) }
        self.init(includeDrafts: includeDrafts, pageCount: pageCount, serviceFiles: files[0], assets: files[1],
                  unpublished: files[2], reviewFiles: files[3], guideFiles: files[4], chargingFile: chargingFile,
                  draftPaths: draftPaths, brokenPaths: brokenPaths, listingProblems: listingProblems,
                  diagnostics: diagnostics)
    }
}

extension BuildCache.OutputRecord {
    func write(_ out: inout CacheWriter) {
        out.int(generation)
        for files in [files, previousFiles] { out.dictionary(files) { $1.write(&$0) } }
        out.dictionary(folders) { $0.int($1) }
        out.dictionary(previousFolders) { $0.int($1) }
    }

    init(_ from: inout CacheReader) throws {
        generation = try from.int()
        files = try from.dictionary { try BuildCache.OutputFile(&$0) }
        previousFiles = try from.dictionary { try BuildCache.OutputFile(&$0) }
        folders = try from.dictionary { try $0.int64() }
        previousFolders = try from.dictionary { try $0.int64() }
    }
}

extension BuildCache.InputRecord {
    func write(_ out: inout CacheWriter) {
        out.optional(stamp) { $1.write(&$0) }
        out.string(hash)
    }

    init(_ from: inout CacheReader) throws {
        self.init(stamp: try from.optional { try FileStamp(&$0) }, hash: try from.string())
    }
}

extension BuildCache.OutputFile {
    func write(_ out: inout CacheWriter) {
        stamp.write(&out)
        out.int(writtenIn)
    }

    init(_ from: inout CacheReader) throws { self.init(stamp: try FileStamp(&from), writtenIn: try from.int()) }
}

extension FileStamp {
    func write(_ out: inout CacheWriter) {
        out.int(size)
        out.int(modified)
        out.int(changed)
        out.int(Int64(bitPattern: inode))
    }

    init(_ from: inout CacheReader) throws {
        self.init(size: try from.int64(), modified: try from.int64(), changed: try from.int64(),
                  inode: UInt64(bitPattern: try from.int64()))
    }
}

extension SourcePosition {
    func write(_ out: inout CacheWriter) {
        out.int(line)
        out.int(column)
    }

    init(_ from: inout CacheReader) throws { self.init(line: try from.int(), column: try from.int()) }
}

extension Diagnostic {
    func write(_ out: inout CacheWriter) {
        out.string(file)
        out.int(line)
        out.int(column)
        out.string(level.rawValue)
        out.string(message)
        out.optional(rule) { $0.string($1) }
        out.optional(suggestion) { $0.string($1) }
    }

    init(_ from: inout CacheReader) throws {
        let file = try from.string(), line = try from.int(), column = try from.int()
        guard let level = DiagnosticLevel(rawValue: try from.string()) else { throw CacheReader.Damaged() }
        self.init(file: file, line: line, column: column, level: level, message: try from.string(),
                  rule: try from.optional { try $0.string() }, suggestion: try from.optional { try $0.string() })
    }
}

extension PageFrontMatter {
    func write(_ out: inout CacheWriter) {
        out.string(title)
        out.string(summary)
        out.string(format.rawValue)
        out.optional(slug) { $0.string($1) }
        out.optional(order) { $0.int($1) }
        out.optional(picture) { $0.string($1) }
        out.optional(pictureAlt) { $0.string($1) }
        out.optional(updated) { $0.string($1.iso) }
        out.string(status.rawValue)
        out.optional(easyReadOf) { $0.string($1) }
        out.optional(services) { out, query in
            out.optional(query.breakType) { $0.string($1) }
            out.optional(query.area) { $0.string($1) }
            out.optional(query.emergency) { $0.bool($1) }
            out.optional(query.overnight) { $0.bool($1) }
        }
    }

    init(_ from: inout CacheReader) throws {
        let title = try from.string(), summary = try from.string()
        guard let format = PageFormat(rawValue: try from.string()) else { throw CacheReader.Damaged() }
        let slug = try from.optional { try $0.string() }
        let order = try from.optional { try $0.int() }
        let picture = try from.optional { try $0.string() }
        let pictureAlt = try from.optional { try $0.string() }
        let updated = try from.optional { from -> CalendarDate in
            guard let date = CalendarDate(iso: try from.string()) else { throw CacheReader.Damaged() }
            return date
        }
        guard let status = PageStatus(rawValue: try from.string()) else { throw CacheReader.Damaged() }
        let easyReadOf = try from.optional { try $0.string() }
        let services = try from.optional { from in
            ServiceQuery(breakType: try from.optional { try $0.string() }, area: try from.optional { try $0.string() },
                         emergency: try from.optional { try $0.bool() }, overnight: try from.optional { try $0.bool() })
        }
        self.init(title: title, summary: summary, format: format, slug: slug, order: order, picture: picture,
                  pictureAlt: pictureAlt, updated: updated, status: status, easyReadOf: easyReadOf, services: services)
    }
}
