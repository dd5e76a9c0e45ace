import Foundation
import SiteModel

/// The hash of every file a build reads, content and theme, worked out without reading a file whose stamp is the one
/// the last build saw: an unchanged site of 20,000 pages is then looked at, not read.
struct BuildInputs: Sendable {
    /// By name: `content:` or `theme:` and the path in that folder.
    var records: [String: BuildCache.InputRecord]

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
            if let stamp, let before = previous?.inputs[file.name], before.stamp == stamp, stamp.modified < trustedBefore,
               stamp.changed < trustedBefore {
                return (file.name, before, true)
            }
            let hash = XXH64.hex(file.source.read(file.path) ?? Data())
            return (file.name, BuildCache.InputRecord(stamp: stamp, hash: hash), false)
        }
        // Most files are as they were: the last cache's table is kept, with only the others put in, so the table is
        // made without hashing every name again (and the next cache is told from the last by walking the two side by
        // side). When a file of the last cache is no longer listed, the table is made afresh.
        if var records = previous?.inputs {
            // Taken out first, so the table keeps the name as it is listed now: Swift counts a name written with
            // composed and with combining accents as the same key, and would keep the last cache's spelling.
            for file in hashed where !file.kept {
                records.removeValue(forKey: file.name)
                records[file.name] = file.record
            }
            if records.count == hashed.count { return BuildInputs(records: records) }
        }
        return BuildInputs(records: Dictionary(hashed.map { ($0.name, $0.record) }) { first, _ in first })
    }

    func hash(_ name: String) -> String? { records[name]?.hash }

    /// One hash of every name and hash, with `extra` (options, the day, problems met while listing) before them:
    /// equal only when every file, and all else a build depends on, is as it was.
    ///
    /// The files are taken in no order: each name and hash is hashed on its own, twice with different seeds, on every
    /// core, and the sums of those hashes (with the number of files) stand for the whole set. Sorting 20,000 names and
    /// hashing them one after another took a build with one page changed 20 ms each time.
    func key(_ extra: [String], names: (String) -> Bool = { _ in true }) -> String {
        var hash = SHA256()
        for item in extra { hash.update(Array(item.utf8) + [0]) }
        var chosen: [(String, String)] = []
        chosen.reserveCapacity(records.count)
        for (name, record) in records where names(name) { chosen.append((name, record.hash)) }
        var sums: (UInt64, UInt64) = (0, 0)
        for (first, second) in Parallel.map(Self.chunks(of: chosen), Self.sums) {
            sums = (sums.0 &+ first, sums.1 &+ second)
        }
        var tail: [UInt8] = []
        for value in [UInt64(chosen.count), sums.0, sums.1] {
            withUnsafeBytes(of: value.littleEndian) { tail.append(contentsOf: $0) }
        }
        hash.update(tail)
        return hash.finish().hex
    }

    /// The two sums of one run of files' hashes: each file's name and hash, with a zero byte after each, hashed with
    /// two seeds.
    private static func sums(_ files: ArraySlice<(String, String)>) -> (UInt64, UInt64) {
        var sums: (UInt64, UInt64) = (0, 0)
        var bytes: [UInt8] = []
        for (name, hash) in files {
            bytes.removeAll(keepingCapacity: true)
            bytes.append(contentsOf: name.utf8)
            bytes.append(0)
            bytes.append(contentsOf: hash.utf8)
            bytes.append(0)
            bytes.withUnsafeBytes { raw in
                sums = (sums.0 &+ XXH64.hash(raw, seed: 1), sums.1 &+ XXH64.hash(raw, seed: 2))
            }
        }
        return sums
    }

    /// Runs of about 1,000 files, so each core takes many at a time.
    private static func chunks(of files: [(String, String)]) -> [ArraySlice<(String, String)>] {
        stride(from: 0, to: files.count, by: 1_000).map { files[$0..<min(files.count, $0 + 1_000)] }
    }
}
