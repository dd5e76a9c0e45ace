import Foundation
import SiteModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole site at once: into a staging folder beside the output folder, then swapped in.
/// A failed or interrupted build leaves the previous output exactly as it was.
///
/// - The site before last is kept beside the output as `.<name>.previous` and used as the next staging folder: writing
///   over files that are already there, and removing the few that went away, is several times faster than making
///   every file and folder anew and deleting the old site.
/// - Only one build writes into an output folder at a time: a second one waits for the first.
/// - Staging folders left by a build that was killed are removed by the next build.
/// - Files a person put into the output folder are never lost: they are kept when `keep:` in site.yml lists them,
///   and otherwise the build stops and names them.
public struct OutputFolder: Sendable {
    /// A file Signpost leaves in every output folder it writes, so that it only ever replaces its own folders. It
    /// lists every file of that build, so that a file someone added later can be told apart.
    public static let marker = ".signpost-output"
    static let markerHeading = "Written by Signpost. This whole folder is replaced on each build. Files it wrote:"
    /// Files that may sit in an output folder that Signpost did not write, and are carried over into the new one.
    static let carriedOver: Set<String> = [".gitkeep"]

    public let path: LocalPath
    /// Files and folders (ending in `/`) in the output folder that a person put there and that each build keeps.
    public let keep: [String]
    /// Whether files Signpost did not write are removed rather than named as problems: only for a folder that is
    /// Signpost's own, in a private folder no one else can write in (serve's copy of the site).
    public let clearsStrays: Bool

    public init(path: LocalPath, keep: [String] = [], clearsStrays: Bool = false) {
        self.path = path
        self.keep = keep
        self.clearsStrays = clearsStrays
    }

    /// The staging folder kept between builds.
    var previous: LocalPath { path.sibling(".\(path.lastComponent).previous") }

    /// What writing found that stopped it: files in the output folder Signpost did not write, and that are not kept.
    public struct Result {
        public var problems: [Diagnostic] = []
        /// The files as written, for the build cache; nil when nothing was written.
        var record: BuildCache.OutputRecord?
    }

    /// Waits until no other build is using this output folder, and keeps others waiting until released: a build
    /// holds it from reading the build cache to saving the new one.
    func lock() throws -> OutputLock {
        try Self.makeFolders(path.parent)
        return try OutputLock(folder: path.parent, name: path.lastComponent)
    }

    /// Writes `files`, and keeps `unchanged`: files the build knows are the same as in the output folder now, each
    /// found in `record` (by `KeptFiles`), the build cache's account of the output folder and the site before last. A
    /// file of `unchanged` that
    /// the staging folder (the site before last) already holds, as it was written, is left as it is; the others are
    /// copied from the output folder. The caller holds `lock()`.
    ///
    /// When `intact` (the output folder is as `record` says, file by file) and the build changes only a few files and
    /// adds or removes none, those few are replaced where they are instead: see `replaceInPlace`.
    ///
    /// `staged` holds files already written into a new staging folder (`stagingForFilesAsMade()`); the rest are
    /// written into it too, and it is swapped in, or removed when writing stops.
    func write(_ files: [String: Data], unchanged: Set<String>, record: BuildCache.OutputRecord?,
               intact: Bool = false, staged: StagedFiles? = nil) throws -> Result {
        do {
            return try write(files, unchanged: unchanged, record: record, intact: intact, stagedFiles: staged)
        } catch {
            if let staged { Self.remove(staged.folder) }
            throw error
        }
    }

    /// A new staging folder for files written as soon as they are made (`StagedFiles`), when this build would make
    /// one anyway: there is no site before last to write over. Nil when there is. The caller holds `lock()`.
    func stagingForFilesAsMade() throws -> StagedFiles? {
        try checkReplaceable()
        try removeLeftovers()
        guard !hasPreviousSite else { return nil }
        return StagedFiles(folder: try makeStaging())
    }

    private func write(_ files: [String: Data], unchanged: Set<String>, record: BuildCache.OutputRecord?,
                       intact: Bool, stagedFiles staged: StagedFiles?) throws -> Result {
        try checkReplaceable()
        try removeLeftovers(sparing: staged?.folder)
        if let failure = staged?.failure { throw failure }
        let stagedStamps = staged?.files ?? [:]
        if staged == nil, intact, let record,
           let replaced = try replaceInPlace(files, unchanged: unchanged, record: record) {
            return Result(record: replaced)
        }

        var files = files
        let existing = existingEntries(known: record?.tree(previous: false))
        // Files Signpost wrote, or writes now, are its own; with a list from an older Signpost that kept none, only
        // the second is known. Anything else was put there by a person (or is a link), and is never removed silently.
        // The list is read only when a file is not one this build writes or keeps, which is seldom.
        var manifest: Set<String>??
        func known(_ entry: String) -> Bool {
            if manifest == nil { manifest = .some(readManifest()) }
            return manifest!?.contains(entry) ?? false
        }
        var problems: [Diagnostic] = []
        // Looked at in any order; the problems are put in order of name at the end.
        for (entry, kind) in existing where entry != Self.marker && kind != .folder {
            let name = "\(path.lastComponent)/\(entry)"
            // A file a build replacing files in place wrote and was stopped before it could use (unless a person
            // gave a file of theirs such a name and asked to keep it).
            if kind == .file, PathText.lastPart(entry)?.hasPrefix(Self.replacementPrefix) == true, !isKept(entry) {
                unlink(path.joining(entry))
                continue
            }
            // In a folder of Signpost's own, what it did not write is left out of the new site, and goes with the old.
            if clearsStrays && !isKept(entry) && !Self.carriedOver.contains(entry) && files[entry] == nil
                && stagedStamps[entry] == nil && !unchanged.contains(entry) {
                continue
            }
            if kind == .link || kind == .other {
                problems.append(Diagnostic(file: name, line: 1, column: 1,
                                           message: "This is a link or a special file, which Signpost never writes. Remove it: an output folder holds only files."))
            } else if isKept(entry) || Self.carriedOver.contains(entry) {
                if files[entry] != nil || stagedStamps[entry] != nil || unchanged.contains(entry) {
                    problems.append(Diagnostic(file: name, line: 1, column: 1,
                                               message: "`keep:` in site.yml lists this file, but Signpost makes a file with the same name. Remove it from `keep:`."))
                } else if let data = FileKind.readRegularFile(path.appending(entry).string) {
                    files[entry] = data
                } else {
                    problems.append(Diagnostic(file: name, line: 1, column: 1,
                                               message: "`keep:` in site.yml lists this file, but it cannot be read, so it could not be kept. Check who can read it."))
                }
            } else if files[entry] == nil && stagedStamps[entry] == nil && !unchanged.contains(entry) && !known(entry)
                        && !PublishedFiles.isLeftover(entry) {
                let why = manifest! == nil
                    ? "An older Signpost wrote this folder, so it cannot tell whether it wrote this file"
                    : "Signpost did not write this file"
                problems.append(Diagnostic(file: name, line: 1, column: 1,
                                           message: "\(why), and the next build would remove it. To keep it, list it under `keep:` in site.yml; to publish it, move it into the content folder; otherwise delete it."))
            }
        }
        if !problems.isEmpty {
            if let staged { Self.remove(staged.folder) }
            return Result(problems: problems.sorted { $0.file < $1.file })
        }

        let madeOrKept = Set(files.keys).union(unchanged)
        let everything = madeOrKept.union(stagedStamps.keys)
        // The list of files written is sorted beside the writing: at 200,000 files that takes a core a third of a second.
        let listing = Parallel.start { ([Self.markerHeading] + everything.sorted()).joined(separator: "\n") + "\n" }
        // Files written early are in folders made for them; only the other files' folders are worked out here.
        let folders = staged.map { Self.folders(holding: madeOrKept).union($0.folders) }
            ?? Self.folders(holding: everything)
        let (staging, stagingFolders) = try staged.map { ($0.folder, $0.folders) }
            ?? prepareStaging(keeping: everything, in: folders, known: record?.tree(previous: true))
        let newRecord: BuildCache.OutputRecord
        do {
            // Parents before the folders in them; a staging folder with files written early has most folders already.
            for folder in folders.filter({ !stagingFolders.contains($0) }).sorted() {
                let target = staging.appending(folder).string
                if mkdir(target, 0o755) != 0 && errno != EEXIST { throw Self.failure("create the folder", folder, errno) }
            }
            // Files are written on every core, without waiting for each to reach the disk: the swap below is what
            // makes the new site appear all at once.
            let results = Parallel.map(Array(files)) { file, data in
                let result = Self.written(staging.appending(file).string, data)
                return (file, result.stamp, result.error.map { Self.failure("write", file, $0) })
            }
            if let failure = results.lazy.compactMap(\.2).first { throw failure }
            let kept = try keepUnchanged(unchanged, in: staging, record: record)
            if let error = Self.writeFile(staging.appending(Self.marker).string, Data(listing.value.utf8)) {
                throw Self.failure("write", Self.marker, error)
            }
            // A file staged early and then made again (a theme's file of the same name) is as written last.
            let written = stagedStamps.filter { files[$0.key] == nil }.map { ($0.key, $0.value) }
                + results.map { ($0.0, $0.1) }
            newRecord = Self.record(of: staging, written: written, kept: kept, folders: folders, previous: record)
        } catch {
            Self.remove(staging)
            throw error
        }
        try swap(staging)
        return Result(record: newRecord)
    }

    /// The most files a build replaces in the output folder where they are; a build that changes more writes a
    /// staging folder and swaps it in.
    static let mostReplacedInPlace = 256
    /// The start of the name of a file written beside the one it replaces, for a moment.
    static let replacementPrefix = ".signpost-new."

    /// Replaces the few files that changed in the output folder itself, when the build writes exactly the files the
    /// output folder has (by `record`, which the caller has checked against the folder): each new file is written
    /// beside the old one first, and only when all are written does each take its old one's place, by a rename that
    /// a reader never sees half done. A build that fails while writing leaves the site as it was. Bringing the site
    /// before last up to date, and walking both folders, is left to the next build that adds or removes a file:
    /// a one-page edit to a site of 20,000 pages then costs a few files, not 20,000 looks.
    /// Returns nil, having changed nothing, when the build does not fit.
    private func replaceInPlace(_ files: [String: Data], unchanged: Set<String>,
                                record: BuildCache.OutputRecord) throws -> BuildCache.OutputRecord? {
        // With nothing listed under `keep:`, the few files carried over are looked for among the unchanged, rather than
        // each unchanged file among them; the few files written are looked for among the unchanged too.
        let noneKept = keep.isEmpty ? !Self.carriedOver.contains(where: unchanged.contains)
            : !unchanged.contains(where: isKeptOrCarried)
        guard files.count <= Self.mostReplacedInPlace, !files.keys.contains(where: isKeptOrCarried), noneKept,
              files.keys.allSatisfy({ record.files.value(spelledExactly: $0) != nil && !unchanged.contains($0) })
        else { return nil }
        // Files a person asked to keep stay where they are; with every other file written or unchanged, each of them
        // in the record under the very bytes of its name (the unchanged were each found there by the caller), and the
        // three kinds apart, equal counts mean nothing is added or removed.
        let keptCount = keep.isEmpty
            ? Self.carriedOver.filter { record.files[$0] != nil }.count
            : record.files.keys.filter(isKeptOrCarried).count
        guard files.count + unchanged.count + keptCount == record.files.count else { return nil }
        // A file that already holds the new bytes is left alone, so its stamp, and the build that wrote it, stand.
        let changed = Parallel.map(Array(files)) { file, data in
            Self.holds(path.joining(file), data) ? nil : (file, data)
        }.compactMap { $0 }
        // The folders written into are looked at again just before: a file someone put there since the build began
        // must be seen by a walk of the folder, which taking the folder's new time after the renames would hide.
        let folders = changed.map { ContentPath.folder(of: $0.0) }
        let touched = Set(folders)
        for folder in touched where FileStamp.ofFolder(path.joining(folder))?.modified != record.folders[folder] {
            return nil
        }
        let replacements = zip(changed, folders).map { item, folder in
            let name = Self.replacementPrefix + (PathText.lastPart(item.0) ?? item.0)
            return path.joining(folder.isEmpty ? name : folder + "/" + name)
        }
        let failures = Parallel.map(Array(zip(changed, replacements))) { item, replacement in
            Self.writeFile(replacement, item.1).map { Self.failure("write", item.0, $0) }
        }.compactMap { $0 }
        if let failure = failures.first {
            for replacement in replacements { unlink(replacement) }
            throw failure
        }
        for (index, (file, _)) in changed.enumerated() where rename(replacements[index], path.joining(file)) != 0 {
            let error = errno
            for replacement in replacements[index...] { unlink(replacement) }
            throw BuildFailure.output("Could not replace `\(file)` in the output: \(String(cString: strerror(error))). "
                                      + "Files before it were replaced; build again to bring the whole site up to date.")
        }
        var next = record
        next.generation += 1
        for (file, _) in changed {
            guard let stamp = FileStamp.of(path.joining(file)) else { continue }
            next.files[file] = BuildCache.OutputFile(stamp: stamp, writtenIn: next.generation)
        }
        for folder in touched {
            next.folders[folder] = FileStamp.ofFolder(path.joining(folder))?.modified ?? 0
        }
        return next
    }

    /// Whether the file at `path` is a plain file holding exactly `data`.
    private static func holds(_ path: String, _ data: Data) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && Int(info.st_size) == data.count
            && FileKind.readRegularFile(path) == data
    }

    /// Whether a file in the output folder is one a person put there for every build to keep.
    private func isKeptOrCarried(_ file: String) -> Bool { Self.carriedOver.contains(file) || isKept(file) }

    /// Puts each unchanged file into the staging folder: left as it is when the staging folder already holds it as it
    /// was written, copied from the output folder otherwise. Returns the build cache's account of each.
    private func keepUnchanged(_ unchanged: Set<String>, in staging: LocalPath,
                               record: BuildCache.OutputRecord?) throws -> [String: BuildCache.OutputFile] {
        guard let record, !unchanged.isEmpty else { return [:] }
        let results = Parallel.map(Array(unchanged)) { file -> (String, BuildCache.OutputFile?, BuildFailure?) in
            let target = staging.joining(file)
            guard let now = record.files[file] else { return (file, nil, Self.failure("copy", file, ENOENT)) }
            // Written by the same build, and untouched since: the same bytes.
            if let before = record.previousFiles[file], before.writtenIn == now.writtenIn,
               FileStamp.of(target) == before.stamp {
                return (file, before, nil)
            }
            guard let data = FileKind.readRegularFile(path.joining(file), followingLinks: false) else {
                return (file, nil, Self.failure("copy", file, errno))
            }
            let result = Self.written(target, data)
            if let error = result.error { return (file, nil, Self.failure("write", file, error)) }
            return (file, result.stamp.map { BuildCache.OutputFile(stamp: $0, writtenIn: now.writtenIn) }, nil)
        }
        if let failure = results.compactMap(\.2).first { throw failure }
        var kept: [String: BuildCache.OutputFile] = [:]
        for (file, account, _) in results { if let account { kept[file] = account } }
        return kept
    }

    /// The build cache's account of the staging folder about to become the output: the stamp of each file, and the
    /// build that wrote its bytes.
    private static func record(of staging: LocalPath, written: [(String, FileStamp?)],
                               kept: [String: BuildCache.OutputFile], folders: Set<String>,
                               previous: BuildCache.OutputRecord?) -> BuildCache.OutputRecord {
        let generation = (previous?.generation ?? 0) + 1
        var files = kept
        files.reserveCapacity(kept.count + written.count)
        for (file, stamp) in written {
            if let stamp { files[file] = BuildCache.OutputFile(stamp: stamp, writtenIn: generation) }
        }
        let folderStamps = Parallel.map([""] + Array(folders)) { folder in
            (folder, FileStamp.ofFolder(staging.joining(folder))?.modified ?? 0)
        }
        return BuildCache.OutputRecord(generation: generation, files: files, previousFiles: previous?.files ?? [:],
                                       folders: Dictionary(uniqueKeysWithValues: folderStamps),
                                       previousFolders: previous?.folders ?? [:])
    }

    /// Whether `keep:` lists a file: by its own path, or by a folder it is in.
    func isKept(_ file: String) -> Bool {
        keep.contains { entry in
            let trimmed = entry.hasSuffix("/") ? String(entry.dropLast()) : entry
            return file == trimmed || file.hasPrefix(trimmed + "/")
        }
    }

    /// Every entry in the output folder now: files, and links or other entries that are not followed.
    private func existingEntries(known: KnownTree?) -> [String: FileKind] {
        guard FileKind.of(path.string, followingLinks: false) == .folder else { return [:] }
        return Self.walk(path, known: known)
    }

    /// The list of files the build that wrote the output folder made; nil when that build kept no list.
    private func readManifest() -> Set<String>? {
        let lines = (FileKind.readRegularFile(path.appending(Self.marker).string)
            .map { String(decoding: $0, as: UTF8.self) } ?? "").split(separator: "\n").map(String.init)
        guard lines.first == Self.markerHeading else { return nil }
        return Set(lines.dropFirst())
    }

    /// Every entry below `folder` by relative path, hidden ones too: files, folders, and links or other entries.
    /// Links are listed, never followed, so nothing outside the folder is ever reached.
    ///
    /// With `known`, a folder that has not changed since the build that wrote it is not read: its names are known.
    static func walk(_ folder: LocalPath, known: KnownTree? = nil) -> [String: FileKind] {
        var found: [String: FileKind] = [:]
        var folders = [""]
        while let prefix = folders.popLast() {
            if let children = known?.unchangedChildren(of: prefix, at: folder.joining(prefix)) {
                for (name, isFolder) in children {
                    let entry = prefix.isEmpty ? name : prefix + "/" + name
                    found[entry] = isFolder ? .folder : .file
                    if isFolder { folders.append(entry) }
                }
                continue
            }
            let disk = prefix.isEmpty ? folder : folder.appending(prefix)
            for (name, listedKind) in FileKind.entries(in: disk.string) {
                let entry = prefix.isEmpty ? name : prefix + "/" + name
                let kind = listedKind ?? FileKind.of(disk.appending(name).string, followingLinks: false)
                found[entry] = kind
                if kind == .folder { folders.append(entry) }
            }
        }
        return found
    }

    /// The folder to build in: the site before last when Signpost wrote it, emptied of files the new site does not
    /// have; otherwise a new folder, marked as Signpost's from the start so that a killed build's leftovers can be
    /// told apart and removed.
    /// `needed` are the folders that hold `paths`. Returns the folder, and the folders already in it.
    private func prepareStaging(keeping paths: Set<String>, in needed: Set<String>,
                                known: KnownTree?) throws -> (LocalPath, Set<String>) {
        if clearsStrays && !hasPreviousSite {
            // Whatever has the name of the site before last in a folder of Signpost's own, without its marker, goes.
            if FileKind.of(previous.string, followingLinks: false) == .folder { Self.remove(previous) }
            else { unlink(previous.string) }
        }
        if hasPreviousSite {
            let entries = Self.walk(previous, known: known)
            var removed = 0
            // Links and anything else that is not a file or folder go too, so no write can pass through them.
            for (file, kind) in entries where kind != .folder && file != Self.marker && (!paths.contains(file) || kind != .file) {
                unlink(previous.appending(file).string)
                removed += 1
            }
            // Only a page or picture that went away can leave an empty folder behind.
            let folders = entries.filter { $0.value == .folder }.map(\.key)
            if removed > 0 { removeEmptyFolders(folders, in: previous, needed: needed) }
            return (previous, removed > 0 ? [] : Set(folders))
        }
        return (try makeStaging(), [])
    }

    /// Whether the site before last is beside the output folder, to be written over as the next staging folder.
    private var hasPreviousSite: Bool {
        FileKind.of(previous.appending(Self.marker).string, followingLinks: false) == .file
            && FileKind.of(previous.string, followingLinks: false) == .folder
    }

    /// A new, empty staging folder beside the output folder, with Signpost's marker in it.
    private func makeStaging() throws -> LocalPath {
        // A folder by that name that Signpost did not write is never touched.
        let fresh = path.sibling(".\(path.lastComponent).staging-\(UUID().uuidString.prefix(8))")
        if mkdir(fresh.string, 0o755) != 0 { throw Self.failure("create the folder", fresh.lastComponent, errno) }
        if let error = Self.writeFile(fresh.appending(Self.marker).string, Data((Self.markerHeading + "\n").utf8)) {
            Self.remove(fresh)
            throw Self.failure("write", Self.marker, error)
        }
        return fresh
    }

    /// Removes staging and set-aside folders that a build killed half-way left beside the output folder. Only
    /// folders with Signpost's marker are touched, and only while this build holds the lock, so no other build is
    /// using them.
    private func removeLeftovers(sparing spared: LocalPath? = nil) throws {
        let prefixes = [".\(path.lastComponent).staging-", ".\(path.lastComponent).old-"]
        for name in FileKind.names(in: path.parent.string).sorted() where prefixes.contains(where: name.hasPrefix) {
            let folder = path.sibling(name)
            if folder == spared { continue }
            guard FileKind.of(folder.string, followingLinks: false) == .folder,
                  FileKind.of(folder.appending(Self.marker).string, followingLinks: false) == .file else { continue }
            // A build killed between the two renames of a swap left the last site set aside: it goes back.
            if name.hasPrefix(prefixes[1]) && FileKind.of(path.string, followingLinks: false) == .missing {
                try move(folder, to: path)
            } else {
                Self.remove(folder)
            }
        }
    }

    /// Puts `staging` where the output is, and keeps the old output as the next staging folder.
    private func swap(_ staging: LocalPath) throws {
        guard FileKind.of(path.string, followingLinks: false) != .missing else {
            try move(staging, to: path)
            return
        }
        // Two renames: the old output steps aside, the new one takes its place. Between them, for a moment, there
        // is no output folder; at no moment is there a half-written one.
        let aside = path.sibling(".\(path.lastComponent).old-\(UUID().uuidString.prefix(8))")
        try move(path, to: aside)
        do {
            try move(staging, to: path)
        } catch {
            try? move(aside, to: path)
            throw error
        }
        // The old output becomes the next build's staging folder, unless something else has that name.
        if FileKind.of(previous.string, followingLinks: false) != .missing || (try? move(aside, to: previous)) == nil {
            Self.remove(aside)
        }
    }

    private func move(_ from: LocalPath, to: LocalPath) throws {
        if rename(from.string, to.string) != 0 {
            throw BuildFailure.output("Could not move \(from) to \(to): \(SystemCall.lastError).")
        }
    }

    /// Every folder that holds one of `files`, however deep (not the output folder itself, `""`).
    static func folders<Files: Sequence>(holding files: Files) -> Set<String> where Files.Element == String {
        var folders = Set<String>()
        for file in files {
            var folder = ContentPath.folder(of: file)
            while !folder.isEmpty, folders.insert(folder).inserted { folder = ContentPath.folder(of: folder) }
        }
        return folders
    }

    /// Removes folders left empty once stale files are gone, deepest first: any not in `needed`.
    private func removeEmptyFolders(_ folders: [String], in folder: LocalPath, needed: Set<String>) {
        for sub in folders.sorted(by: >) where !needed.contains(sub) {
            rmdir(folder.appending(sub).string)
        }
    }

    /// Writes `data` to a file at `path`, replacing what was there; returns the system's error number on failure.
    /// A file that already holds exactly `data` (most of them, when the staging folder is the site before last) is
    /// left as it is: reading is cheaper than writing.
    static func writeFile(_ path: String, _ data: Data) -> Int32? { written(path, data).error }

    /// Writes `data` to the file at `path`, unless it already holds exactly those bytes, and returns its stamp as
    /// written (from the open file, so the file need not be looked up again), or why it could not be written.
    /// With `new`, the file is expected not to be there yet (a new staging folder), so it is not looked for first.
    static func written(_ path: String, _ data: Data, new: Bool = false) -> (error: Int32?, stamp: FileStamp?) {
        var info = stat()
        if new {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor >= 0 { return finish(descriptor, data) }
            if errno != EEXIST { return (errno, nil) }
        }
        if lstat(path, &info) == 0 {
            if info.st_mode & S_IFMT != S_IFREG {
                // A link or anything else in the way is removed, never written through.
                unlink(path)
            } else if Int(info.st_size) == data.count && FileKind.readRegularFile(path) == data {
                return (nil, FileStamp(info))
            }
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return (errno, nil) }
        return finish(descriptor, data)
    }

    /// Writes `data` to an open file, closes it, and returns its stamp as written.
    private static func finish(_ descriptor: Int32, _ data: Data) -> (error: Int32?, stamp: FileStamp?) {
        defer { close(descriptor) }
        guard data.withUnsafeBytes({ SystemCall.writeAll(descriptor, $0) }) else { return (errno, nil) }
        var info = stat()
        return (nil, fstat(descriptor, &info) == 0 ? FileStamp(info) : nil)
    }

    /// A failure to write, in plain words, naming the file.
    static func failure(_ action: String, _ file: String, _ error: Int32) -> BuildFailure {
        let why: String
        switch error {
        case EACCES, EPERM: why = "permission was refused. Check that you can write to the output folder and the folder it is in."
        case EROFS: why = "the disk is read-only. Choose an --output on a disk you can write to."
        case ENOSPC, EDQUOT: why = "the disk is full. Free some space and build again."
        case ENAMETOOLONG: why = "the name is too long for this computer's files. Give the page or service a shorter `slug` or `id`."
        default: why = String(cString: strerror(error)) + "."
        }
        return BuildFailure.output("Could not \(action) `\(file)` in the output: \(why) The previous site was not changed.")
    }

    /// Makes a folder and the folders it is in, saying in plain words why it could not.
    static func makeFolders(_ folder: LocalPath) throws {
        var made = LocalPath("/")
        for part in folder.components {
            made = made.appending(part)
            if mkdir(made.string, 0o755) != 0 && errno != EEXIST {
                throw failure("create the folder", made.string, errno)
            }
        }
    }

    /// Removes a folder Signpost made, using every core.
    static func remove(_ folder: LocalPath) {
        let manager = FileManager.default
        guard FileKind.of(folder.string, followingLinks: false) == .folder else { return }
        let children = (try? manager.contentsOfDirectory(atPath: folder.string)) ?? []
        _ = Parallel.map(children) { try? manager.removeItem(atPath: folder.appending($0).string) }
        try? manager.removeItem(atPath: folder.string)
    }

    /// Signpost replaces only a folder it wrote itself, or an empty one: never someone's other files.
    func checkReplaceable() throws {
        switch FileKind.of(path.string, followingLinks: false) {
        case .missing: return
        case .folder: break
        case .link:
            throw BuildFailure.output("\(path) is a link. Give the real folder as --output.")
        case .file, .other:
            throw BuildFailure.output("\(path) is a file, not a folder. Choose another --output.")
        }
        // Signpost's own list of what it wrote marks the folder as its own: looked for first, so that a folder of
        // 10,000 pages is not listed to find it.
        if clearsStrays || FileKind.of(path.appending(Self.marker).string, followingLinks: false) != .missing { return }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path.string)) ?? []
        let ignorable = Self.carriedOver.union([Self.marker, ".DS_Store"])
        if entries.allSatisfy(ignorable.contains) || entries.contains(Self.marker) { return }
        throw BuildFailure.output(
            "\(path) has files that Signpost did not write, so it will not replace it. Choose an empty folder for --output, or empty this one.")
    }
}
