import Foundation
import SiteModel

/// What a long-running process that builds the same site again and again (`signpost serve`) keeps between builds,
/// so that a build after a one-page edit neither reads and decodes the build cache from disk, nor parses the theme's
/// templates, nor loads every page and works out what ties them together (`KeptSite`) again, and saves the cache to
/// disk after the new site is served rather than before.
///
/// Everything kept here is only a shortcut, exactly as the cache file is: the cache is the one the last build would
/// have saved, and the theme is used again only while every theme file hashes as it did when it was loaded. A build
/// given a memory therefore writes the same site, and reports the same findings, as one without.
///
/// The cache file on disk may lag behind the memory by a save; a cache that is older than the output folder is safe,
/// because every file it vouches for is checked against the stamp it recorded.
public final class BuildMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: BuildCache?
    private var theme: KeptTheme?
    private var listed: ListedInputs?
    private var site: KeptSite?
    /// The newest cache not yet saved, with when the first and the last cache since the last save were kept.
    private var unsaved: (cache: BuildCache, file: LocalPath, first: DispatchTime, last: DispatchTime)?
    private let saving = DispatchQueue(label: "signpost.cache.saving", qos: .utility)
    private let saved = DispatchGroup()

    /// A loaded theme, with the hash of its files when it was loaded.
    struct KeptTheme {
        var folder: LocalPath
        var key: String
        var theme: Theme?
        var diagnostics: [Diagnostic]
    }

    /// How long the builds must pause before the cache is saved, in seconds, and how long a cache waits at most while
    /// they do not: a writer saving again and again keeps both cores for building, and the cache is saved in a pause.
    static let saveDelay = 0.5
    static let longestUnsaved = 5.0

    public init() {}

    /// The cache the last build left, if a build has run in this process.
    var lastCache: BuildCache? {
        lock.lock()
        defer { lock.unlock() }
        return cache
    }

    /// Keeps `next` for the next build, and saves it to `file` once builds pause, on a queue of its own: only the
    /// newest cache waiting is saved, so a burst of builds saves once.
    func keep(_ next: BuildCache, savingTo file: LocalPath) {
        lock.lock()
        cache = next
        let now = DispatchTime.now()
        let first = unsaved == nil
        unsaved = (next, file, unsaved?.first ?? now, now)
        lock.unlock()
        guard first else { return }
        saved.enter()
        saveWhenQuiet(after: Self.saveDelay)
    }

    private func saveWhenQuiet(after delay: Double) {
        saving.asyncAfter(deadline: .now() + delay) { [self] in
            lock.lock()
            guard let waiting = unsaved else {
                lock.unlock()
                saved.leave()
                return
            }
            let now = DispatchTime.now().uptimeNanoseconds
            let quiet = Double(now - waiting.last.uptimeNanoseconds) / 1e9
            let waited = Double(now - waiting.first.uptimeNanoseconds) / 1e9
            if quiet < Self.saveDelay && waited < Self.longestUnsaved {
                // A build came since: wait for the pause after it.
                lock.unlock()
                saveWhenQuiet(after: Self.saveDelay - quiet)
                return
            }
            unsaved = nil
            lock.unlock()
            // A cache that cannot be saved costs the next start of the process time, never a build its site.
            try? waiting.cache.write(to: waiting.file)
            saved.leave()
        }
    }

    /// What the last build listed and hashed, and its site, taken out as the next build starts: only that build may
    /// start from them. A build that fails before it lists again leaves neither, so the build after it lists
    /// everything rather than miss the changes the failed one was told of; the site is put back only by a build with
    /// no error.
    func takeLastBuild() -> (listed: ListedInputs?, site: KeptSite?) {
        lock.withLock {
            defer { (listed, site) = (nil, nil) }
            return (listed, site)
        }
    }

    /// Forgets what the last build listed and loaded, for a build that stopped before looking at the content.
    func forgetLastBuild() { _ = takeLastBuild() }

    func keep(_ listed: ListedInputs) { lock.withLock { self.listed = listed } }
    func keep(_ site: KeptSite) { lock.withLock { self.site = site } }

    /// Waits until every cache kept so far is saved to disk: before the process ends, and in tests.
    public func waitUntilSaved() { saved.wait() }

    /// The theme loaded from `folder` when its files still hash to `key`.
    func theme(from folder: LocalPath, key: String) -> KeptTheme? {
        lock.lock()
        defer { lock.unlock() }
        guard let theme, theme.folder == folder, theme.key == key else { return nil }
        return theme
    }

    func keep(_ theme: KeptTheme) {
        lock.lock()
        self.theme = theme
        lock.unlock()
    }
}
