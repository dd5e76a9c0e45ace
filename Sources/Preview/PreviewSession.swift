import Foundation
import SiteBuilder
import SiteModel

/// `signpost serve` as a whole: builds the site, serves it, watches its files, builds again after each save and
/// tells every open page.
public final class PreviewSession: @unchecked Sendable {
    /// What the session says to the terminal. The command prints these the way `signpost build` prints its own.
    public struct Terminal: Sendable {
        public var line: @Sendable (String) -> Void
        public var problems: @Sendable ([Diagnostic]) -> Void
        public var error: @Sendable (String) -> Void

        public init(line: @escaping @Sendable (String) -> Void, problems: @escaping @Sendable ([Diagnostic]) -> Void,
                    error: @escaping @Sendable (String) -> Void) {
            self.line = line
            self.problems = problems
            self.error = error
        }
    }

    public let builder: PreviewBuilder
    public let hub = ReloadHub()
    private let terminal: Terminal
    private let buildQueue = DispatchQueue(label: "signpost.serve.build", qos: .userInitiated)
    private let lock = NSLock()
    private var watcher: (any FileWatcher)?
    private var watchedFolders: [LocalPath] = []
    private var debouncer: Debouncer?
    private var firstBuildDone = false
    private var lastSucceeded = true
    /// Whether the file watcher was already watching when the last build began: only then has it seen every change
    /// since that build looked at the files, so the next build can look at the changed files alone.
    private var watchedThroughLastBuild = false

    public init(builder: PreviewBuilder, terminal: Terminal) {
        self.builder = builder
        self.terminal = terminal
    }

    /// Serves until the program is stopped. The first line printed says where.
    public func run(address asked: ServeAddress, explicitHost: Bool, openBrowser: Bool) async throws {
        let (listener, address) = try asked.listen()
        let taken = asked.port != 0 && address.port != asked.port ? " (port \(asked.port) was taken)" : ""
        let server = PreviewServer(listener: listener,
                                   handler: PreviewHandler(resolver: SitePathResolver(root: builder.options.output.string),
                                                           builder: builder, hub: hub, hosts: AllowedHosts(address: address),
                                                           ready: { [weak self] in self?.isReady ?? true }))
        let serving = Task { try await server.run() }
        // The first line says where, once the server is listening there, so a script can wait for it.
        terminal.line("Serving \(builder.options.content) at \(address.url)\(taken). Press Ctrl-C to stop.")
        if explicitHost && !address.isLoopback {
            terminal.error("""
                WARNING: listening on \(address.host), not only on this computer. Anyone who can reach this \
                computer over the network can see the site, drafts included. Leave out --host to keep it private.
                """)
        }
        // The first build runs while the server already answers, so the address is reachable at once; pages wait
        // for it to finish.
        buildQueue.async { [self] in rebuild(changed: []) }
        if openBrowser { Self.open(address.url) }
        let keepAlive = Task { [hub] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 10_000_000_000)
                hub.keepAlive()
            }
        }
        defer { keepAlive.cancel() }
        try await serving.value
    }

    var isReady: Bool {
        lock.lock()
        defer { lock.unlock() }
        return firstBuildDone
    }

    /// Builds the site again, says what happened and tells every open page. Runs on the build queue, one at a time.
    func rebuild(changed: Set<String>) {
        lock.lock()
        let watching = watcher?.seesEveryChange ?? false
        let trusted = watchedThroughLastBuild
        lock.unlock()
        let news = builder.build(changed: trusted && !changed.isEmpty ? changed : nil)
        lock.lock()
        watchedThroughLastBuild = watching
        lock.unlock()
        let content = builder.options.content
        let what = changed.isEmpty ? "" : " after a change to "
            + changed.sorted().prefix(3).map { content.relativePath(of: LocalPath($0)) ?? $0 }.joined(separator: ", ")
            + (changed.count > 3 ? " and \(changed.count - 3) more" : "")
        lock.lock()
        let first = !firstBuildDone
        firstBuildDone = true
        let wasSucceeded = lastSucceeded
        lastSucceeded = news.succeeded
        lock.unlock()
        // Open pages hear first; then the terminal, which for a site with many warnings is many lines.
        hub.send(event: "build", data: news.json)
        if news.succeeded {
            if first || news.changed || !wasSucceeded {
                terminal.problems(news.diagnostics.filter { $0.level == .warning })
                terminal.line("\(first ? "Built" : "Rebuilt") \(news.pageCount) pages in \(news.milliseconds) ms\(what)"
                              + " with \(count(news.diagnostics.warningCount, "warning")) and "
                              + "\(count(news.diagnostics.suggestionCount, "suggestion")).")
            }
        } else {
            if let failure = news.failure { terminal.error("signpost: \(failure)") }
            terminal.problems(news.diagnostics.filter { $0.level != .suggestion })
            terminal.error("Build failed\(what): \(count(news.errors.count + (news.failure == nil ? 0 : 1), "error")). "
                           + "The site served is the last one that built; open pages show the errors.")
        }
        watchFolders()
    }

    /// Starts watching the content folder and the theme, or watches again when the theme folder changed.
    private func watchFolders() {
        var folders = [builder.options.content]
        if let theme = builder.options.theme ?? builder.currentThemeFolder, !builder.options.content.contains(theme) {
            folders.append(theme)
        }
        lock.lock()
        guard folders != watchedFolders else {
            lock.unlock()
            return
        }
        watcher?.stop()
        watchedFolders = folders
        watchedThroughLastBuild = false
        let debouncer = self.debouncer ?? Debouncer { [weak self] changes in
            guard let self else { return }
            self.buildQueue.async { self.rebuild(changed: changes) }
        }
        self.debouncer = debouncer
        let watcher = makeFileWatcher(folders: folders)
        self.watcher = watcher
        lock.unlock()
        do {
            try watcher.start { debouncer.note($0) }
            // A save made while the last build ran, or while the watcher was starting (watching every folder of a
            // large site takes a moment), was seen by neither: one more build, through the cache, picks it up. When
            // nothing changed it does no work and reloads no page.
            buildQueue.async { [self] in rebuild(changed: []) }
        } catch {
            terminal.error("signpost: could not watch \(folders.map(\.string).joined(separator: ", ")) for changes: \(error)")
        }
    }

    private func count(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }

    /// Opens the address in the system's browser.
    static func open(_ url: String) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        process.arguments = [url]
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        #endif
        try? process.run()
    }
}
