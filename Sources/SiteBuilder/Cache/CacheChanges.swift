import SiteModel

/// What changed in the cache between one build and the next, saved as a part added to the end of the cache file
/// rather than as a new file: a build of 20,000 pages with one page changed then writes a few kilobytes, not the
/// whole 14 MB again.
///
/// Every part of the cache but its tables is given whole, as the cache itself writes it: the keys, the findings, the
/// counts. Each table (inputs, pages, the output folder's record) gives only the entries that were added, changed or
/// removed. Every entry is compared with the last cache's, so nothing that changed can be left out; the one exception
/// is an inputs table `BuildInputs.gather` made from the last one, which lists the entries it changed (`inputsPut`).
struct CacheChanges {
    /// The next cache without its tables, and without its site-wide files when they are the last cache's.
    var rest: BuildCache
    var siteFilesKept: Bool
    /// Whether the outline of the loaded site is the last cache's, and so left out.
    var outlineKept: Bool
    /// Each table's changed entries, by key: the new value, or nil for an entry removed.
    var inputs: [(String, BuildCache.InputRecord?)]
    var pages: [(String, BuildCache.PageRecord?)]
    var files: [(String, BuildCache.OutputFile?)]
    var previousFiles: [(String, BuildCache.OutputFile?)]
    var folders: [(String, Int64?)]
    var previousFolders: [(String, Int64?)]

    /// What turns `previous` into `next`.
    init(from previous: BuildCache, to next: BuildCache) {
        var rest = next
        (rest.inputs, rest.pages, rest.origin, rest.inputsPut) = ([:], [:], nil, nil)
        (rest.output.files, rest.output.previousFiles, rest.output.folders, rest.output.previousFolders) = ([:], [:], [:], [:])
        // Both lists by the bytes of their names, as the outline below: a file renamed to another spelling is a change.
        siteFilesKept = next.siteFiles.elementsEqual(previous.siteFiles) { $0.utf8.elementsEqual($1.utf8) }
        if siteFilesKept { rest.siteFiles = [] }
        // By the bytes it is kept as: a file renamed from composed to combining accents is a change.
        outlineKept = Self.bytes(of: next.outline) == Self.bytes(of: previous.outline)
        if outlineKept { rest.outline = nil }
        self.rest = rest
        // The output folder's record, the inputs and the pages are compared side by side, each on its own core.
        let (before, after) = (previous.output, next.output)
        let output = Parallel.start {
            (Self.changes(from: before.files, to: after.files, same: ==),
             Self.changes(from: before.previousFiles, to: after.previousFiles, same: ==),
             Self.changes(from: before.folders, to: after.folders, same: ==),
             Self.changes(from: before.previousFolders, to: after.previousFolders, same: ==))
        }
        // A record kept from the last cache is the same object; any other was made by this build.
        let (lastPages, nextPages) = (previous.pages, next.pages)
        let pageChanges = Parallel.start { Self.changes(from: lastPages, to: nextPages, same: ===) }
        // The inputs table is the last one with only the names the build put there changed, when it says so: the
        // build looked at every file to make it, and changed no other entry.
        if let put = next.inputsPut {
            inputs = put.sorted().map { ($0, next.inputs[$0]) }
        } else {
            inputs = Self.changes(from: previous.inputs, to: next.inputs, same: ==)
        }
        pages = pageChanges.value
        (files, previousFiles, folders, previousFolders) = output.value
    }

    /// The entries of `new` that `old` does not have as they are, and the keys of `old` that `new` has not, in order
    /// of key.
    static func changes<Value>(from old: [String: Value], to new: [String: Value],
                               same: (Value, Value) -> Bool) -> [(String, Value?)] {
        // A part the build kept as it was shares the last cache's storage: nothing in it changed.
        if sharesStorage(old, new) { return [] }
        if let changed = changesInStep(from: old, to: new, same: same) { return changed }
        var changed: [(String, Value?)] = []
        var kept = 0
        for (key, value) in new {
            if let before = old.value(spelledExactly: key) {
                kept += 1
                if same(before, value) { continue }
            }
            changed.append((key, value))
        }
        // Every key of `old` that is not in `new` was removed; there are some only when fewer were found than it has.
        if kept < old.count {
            for key in old.keys where new[key] == nil { changed.append((key, nil)) }
        }
        return changed.sorted { $0.0 < $1.0 }
    }

    /// The changes, found by walking both tables side by side, when they hold the same keys in the same order: as a
    /// table copied from the last cache and changed only in its values does (a copy keeps its entries where they
    /// were). Each key is checked against the other table's at the same step, so tables in any other order give nil
    /// and are compared key by key instead; nothing is taken on trust.
    private static func changesInStep<Value>(from old: [String: Value], to new: [String: Value],
                                             same: (Value, Value) -> Bool) -> [(String, Value?)]? {
        guard old.count == new.count else { return nil }
        var changed: [(String, Value?)] = []
        for ((key, before), (newKey, value)) in zip(old, new) {
            guard key == newKey else { return nil }
            if !same(before, value) { changed.append((newKey, value)) }
        }
        // Both walks gave every key of their table, the same keys step by step: the tables hold the same keys.
        return changed.sorted { $0.0 < $1.0 }
    }

    /// Whether two dictionaries are one storage, as a copy left unchanged is: then they are equal without looking at
    /// their entries. A dictionary is one reference to its storage, so equal bits are the same storage; unequal bits
    /// say nothing, and the entries are compared.
    static func sharesStorage<Value>(_ a: [String: Value], _ b: [String: Value]) -> Bool {
        withUnsafeBytes(of: a) { first in withUnsafeBytes(of: b) { second in first.elementsEqual(second) } }
    }

    /// Makes `cache` the cache these changes make of it. Its tables are moved into the new cache and changed where
    /// they are, not copied.
    func apply(to cache: inout BuildCache) {
        var next = rest
        if siteFilesKept { next.siteFiles = cache.siteFiles }
        if outlineKept { next.outline = cache.outline }
        swap(&next.inputs, &cache.inputs)
        swap(&next.pages, &cache.pages)
        swap(&next.output.files, &cache.output.files)
        swap(&next.output.previousFiles, &cache.output.previousFiles)
        swap(&next.output.folders, &cache.output.folders)
        swap(&next.output.previousFolders, &cache.output.previousFolders)
        Self.apply(inputs, to: &next.inputs)
        Self.apply(pages, to: &next.pages)
        Self.apply(files, to: &next.output.files)
        Self.apply(previousFiles, to: &next.output.previousFiles)
        Self.apply(folders, to: &next.output.folders)
        Self.apply(previousFolders, to: &next.output.previousFolders)
        cache = next
    }

    /// Each change made where it is, a key kept as the change spells it.
    private static func apply<Value>(_ changes: [(String, Value?)], to table: inout [String: Value]) {
        for (key, value) in changes {
            if let value { table.put(value, at: key) } else { table.removeValue(forKey: key) }
        }
    }

    /// The outline as the cache writes it.
    private static func bytes(of outline: SiteOutline?) -> [UInt8] {
        var writer = CacheWriter()
        writer.optional(outline) { $1.write(&$0) }
        return writer.bytes
    }
}

extension CacheChanges {
    func write(_ out: inout CacheWriter) {
        rest.write(&out)
        out.bool(siteFilesKept)
        out.bool(outlineKept)
        Self.write(inputs, &out) { $1.write(&$0) }
        Self.write(pages, &out) { $1.write(&$0) }
        for part in [files, previousFiles] { Self.write(part, &out) { $1.write(&$0) } }
        for part in [folders, previousFolders] { Self.write(part, &out) { $0.int($1) } }
    }

    init(_ from: inout CacheReader) throws {
        rest = try BuildCache(&from)
        siteFilesKept = try from.bool()
        outlineKept = try from.bool()
        inputs = try Self.read(&from) { try BuildCache.InputRecord(&$0) }
        pages = try from.array { from in
            let path = try from.string()
            return (path, try from.optional { try BuildCache.PageRecord(&$0, path: path) })
        }
        files = try Self.read(&from) { try BuildCache.OutputFile(&$0) }
        previousFiles = try Self.read(&from) { try BuildCache.OutputFile(&$0) }
        folders = try Self.read(&from) { try $0.int64() }
        previousFolders = try Self.read(&from) { try $0.int64() }
    }

    private static func write<Value>(_ changes: [(String, Value?)], _ out: inout CacheWriter,
                                     _ value: (inout CacheWriter, Value) -> Void) {
        out.array(changes) { out, change in
            out.string(change.0)
            out.optional(change.1, value)
        }
    }

    private static func read<Value>(_ from: inout CacheReader,
                                    _ value: (inout CacheReader) throws -> Value) throws -> [(String, Value?)] {
        try from.array { from in (try from.string(), try from.optional(value)) }
    }
}
