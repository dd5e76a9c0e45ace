import Foundation
import SiteModel

/// The hash of every file a build reads, content and theme, worked out without reading a file whose stamp is the one
/// the last build saw: an unchanged site of 20,000 pages is then looked at, not read.
struct BuildInputs: Sendable {
    /// By name: `content:` or `theme:` and the path in that folder.
    var records: [String: BuildCache.InputRecord]
    /// The names added, removed, or with another hash (or spelling) since the last cache `gather` was given; nil when
    /// not known.
    var changed: Set<String>? = nil
    /// The names whose entries in the last cache's table were changed to make this one (a new stamp or hash, or a new
    /// spelling), when every other entry is that table's as it was; nil when not known. The next cache's changes to
    /// the table are these names.
    var put: [String]? = nil

    /// A file of one folder, for hashing.
    struct File: Sendable {
        var name: String
        var path: String
        var source: any ContentSource
    }

    /// Hashes `files`. A hash from `previous` is reused when the file's stamp is what it was, and the file was last
    /// written well before the cache was saved (a file written in the same moment could change without its stamp
    /// showing it, on a disk that keeps times to the second).
    static func gather(_ files: [File], previous: BuildCache?) -> BuildInputs {
        let trustedBefore = (previous?.saved ?? 0) - 2_000_000_000
        let hashed = Parallel.map(files) { file -> (name: String, record: BuildCache.InputRecord, kept: Bool) in
            let stamp = file.source.stamp(file.path)
            let before = previous?.inputs[file.name]
            if let stamp, let before, before.stamp == stamp, stamp.modified < trustedBefore,
               stamp.changed < trustedBefore {
                return (file.name, before, true)
            }
            let hash = XXH64.hex(file.source.read(file.path) ?? Data())
            return (file.name, BuildCache.InputRecord(stamp: stamp, hash: hash), false)
        }
        let made = { Dictionary(hashed.map { ($0.name, $0.record) }) { first, _ in first } }
        guard let previous else { return BuildInputs(records: made()) }
        // Most files are as they were: the last cache's table is kept, with only the others put in, so the table is
        // made without hashing every name again (and the next cache is told from the last by walking the two side by
        // side). When a file of the last cache is no longer listed, the table is made afresh.
        var records = previous.inputs
        var changed: Set<String> = []
        var put: [String] = []
        for file in hashed where !file.kept {
            let before = records.put(file.record, at: file.name)
            if before?.hash != file.record.hash { changed.insert(file.name) }
            // A file looked at again, and found as it was, leaves its entry as it was.
            if before != file.record { put.append(file.name) }
        }
        if records.count != hashed.count {
            records = made()
            for name in previous.inputs.keys where records[name] == nil { changed.insert(name) }
            return BuildInputs(records: records, changed: changed)
        }
        return BuildInputs(records: records, changed: changed, put: put)
    }

    func hash(_ name: String) -> String? { records[name]?.hash }

    /// One hash of a set of files' names and hashes (`sums`), with `extra` (options, the day, problems met while
    /// listing) before them: equal only when every file of the set, and all else a build depends on, is as it was.
    ///
    /// The files are taken in no order: each name and hash is hashed on its own, twice with different seeds, and the
    /// sums of those hashes (with the number of files) stand for the whole set. Sorting 20,000 names and hashing them
    /// one after another took a build with one page changed 20 ms each time.
    static func key(_ extra: [String], _ sums: Sums) -> String {
        var hash = SHA256()
        for item in extra { hash.update(Array(item.utf8) + [0]) }
        var tail: [UInt8] = []
        for value in [sums.count, sums.first, sums.second] {
            withUnsafeBytes(of: value.littleEndian) { tail.append(contentsOf: $0) }
        }
        hash.update(tail)
        return hash.finish().hex
    }

    /// What `key` takes of a set of files: how many, and two sums of their names' and hashes' hashes.
    struct Sums: Sendable, Equatable {
        var count: UInt64 = 0
        var first: UInt64 = 0
        var second: UInt64 = 0

        static func + (a: Sums, b: Sums) -> Sums {
            Sums(count: a.count &+ b.count, first: a.first &+ b.first, second: a.second &+ b.second)
        }
    }

    /// The sums of the three sets of files the cache's keys hash, each file looked at once, on every core: every
    /// file; every file but the pages' sources, which is what every page depends on (`CacheState.isPageSource`); and
    /// the theme's files.
    struct KeySums: Sendable {
        var all = Sums()
        var sitewide = Sums()
        var theme = Sums()
    }

    func sums() -> KeySums {
        let files = Array(records)
        var total = KeySums()
        for run in Parallel.map(Parallel.runs(of: files.count, length: 1_000).map { files[$0] }, Self.sums) {
            total.all = total.all + run.all
            total.sitewide = total.sitewide + run.sitewide
            total.theme = total.theme + run.theme
        }
        return total
    }

    /// The sums of one run of files: each file's name and hash, with a zero byte after each, hashed with two seeds.
    private static func sums(_ files: ArraySlice<(key: String, value: BuildCache.InputRecord)>) -> KeySums {
        var sums = KeySums()
        var bytes: [UInt8] = []
        for (name, record) in files {
            bytes.removeAll(keepingCapacity: true)
            bytes.append(contentsOf: name.utf8)
            bytes.append(0)
            bytes.append(contentsOf: record.hash.utf8)
            bytes.append(0)
            let one = bytes.withUnsafeBytes { raw in
                Sums(count: 1, first: XXH64.hash(raw, seed: 1), second: XXH64.hash(raw, seed: 2))
            }
            sums.all = sums.all + one
            if !CacheState.isPageSource(name) { sums.sitewide = sums.sitewide + one }
            if name.utf8.starts(with: "theme:".utf8) { sums.theme = sums.theme + one }
        }
        return sums
    }
}
