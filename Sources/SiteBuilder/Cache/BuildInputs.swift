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
        let hashed = Parallel.map(files) { file -> (String, BuildCache.InputRecord) in
            let stamp = file.source.stamp(file.path)
            if let stamp, let before = previous?.inputs[file.name], before.stamp == stamp, stamp.modified < trustedBefore,
               stamp.changed < trustedBefore {
                return (file.name, before)
            }
            let hash = XXH64.hex(file.source.read(file.path) ?? Data())
            return (file.name, BuildCache.InputRecord(stamp: stamp, hash: hash))
        }
        return BuildInputs(records: Dictionary(hashed) { first, _ in first })
    }

    func hash(_ name: String) -> String? { records[name]?.hash }

    /// One hash of every name and hash, with `extra` (options, the day, problems met while listing) before them:
    /// equal only when every file, and all else a build depends on, is as it was.
    func key(_ extra: [String], names: (String) -> Bool = { _ in true }) -> String {
        var hash = SHA256()
        for item in extra { hash.update(Array(item.utf8) + [0]) }
        for name in records.keys.filter(names).sorted() {
            hash.update(Array(name.utf8) + [0] + Array(records[name]!.hash.utf8) + [0])
        }
        return hash.finish().hex
    }
}
