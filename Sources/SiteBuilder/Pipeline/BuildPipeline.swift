import Foundation
import SiteModel

/// A build as a list of named steps, run in order. After any step that found an error, the build stops:
/// nothing is written.
public struct BuildPipeline: Sendable {
    public var steps: [any BuildStep]

    public init(steps: [any BuildStep]) { self.steps = steps }

    /// The steps of a full build: load → validate → services → check → reviews → guides → render → write.
    public static func standard() -> BuildPipeline {
        BuildPipeline(steps: [LoadStep(), ValidateStep(), DirectoryStep(), CheckStep(), ReviewStep(), GuidesStep(), RenderStep(), WriteStep()])
    }

    /// Runs every step, calling `progress` with a line such as `[2/5] Rendering 38 pages` after each.
    /// Once a step has found an error, only the steps that look (validate, check) still run, so that every problem is
    /// reported together; nothing is rendered or written.
    /// - Returns: the context as the last step left it; `hasErrors` says whether the build failed.
    public func run(_ context: BuildContext, progress: (String) -> Void = { _ in }) throws -> BuildContext {
        var context = context
        let lock: OutputLock?
        do {
            // Folders that overlap, and an output folder that is not Signpost's, are refused before any work is done.
            if !context.options.dryRun {
                try FolderOverlap.check(output: context.options.output, reading: context.options.foldersRead)
                try OutputFolder(path: context.options.output, clearsStrays: context.options.clearsOutput).checkReplaceable()
            }
            // One build at a time reads and writes an output folder and its cache: a second waits for the first.
            lock = context.options.dryRun ? nil : try OutputFolder(path: context.options.output).lock()
        } catch {
            // The files this build was told had changed were not looked at: the next build must not start from the
            // last one's listing and site as though it knew everything that changed since.
            context.memory?.forgetLastBuild()
            throw error
        }
        defer { lock?.release() }
        if !context.options.dryRun {
            let started = Date()
            let cache = try CacheState.prepare(&context)
            context.cache = cache
            if let note = cache.note { progress(note) }
            if cache.unchanged, let previous = cache.previous {
                cache.keepLastSite()
                context.diagnostics = previous.findings
                context.pageCount = previous.pageCount
                context.serviceCount = previous.serviceCount
                context.cacheNote = "nothing changed since the last build"
                progress("[1/1] Nothing changed since the last build: \(previous.pageCount) pages checked and written before (\(Self.milliseconds(since: started)) ms)")
                context.diagnostics = context.diagnostics.sortedForReport()
                return context
            }
        }
        // Once the last step that looks has run, the last build's findings stand in for pages it did not look at.
        let lastLooking = steps.lastIndex { $0.runsAfterErrors } ?? 0
        do {
            try runSteps(&context, lastLooking: lastLooking, progress: progress)
        } catch {
            context.removeStagedFiles()
            throw error
        }
        context.removeStagedFiles()
        if steps.count <= lastLooking + 1 { context.useCachedFindings() }
        context.diagnostics = context.diagnostics.sortedForReport()
        return context
    }

    private func runSteps(_ context: inout BuildContext, lastLooking: Int, progress: (String) -> Void) throws {
        for step in steps { step.startEarly(context) }
        for (index, step) in steps.enumerated() {
            if index == lastLooking + 1 { context.useCachedFindings() }
            if context.options.dryRun && step is WriteStep { break }
            if context.hasErrors && !step.runsAfterErrors { break }
            if context.site == nil && index > 0 { break }
            let started = Date()
            let detail = try step.run(&context)
            if let directory = context.directory { context.serviceCount = directory.entries.count }
            progress("[\(index + 1)/\(steps.count)] \(step.name) \(detail) (\(Self.milliseconds(since: started)) ms)")
        }
    }

    private static func milliseconds(since start: Date) -> Int { Int(Date().timeIntervalSince(start) * 1000) }
}

extension Array where Element == Diagnostic {
    /// In one order whatever order the steps found them in, so a build from the cache reports exactly what a build
    /// without it reports: by file, place, level, rule, message and suggestion, which is every field, so no two
    /// findings that differ can come out in either order.
    func sortedForReport() -> [Diagnostic] {
        sorted { a, b in
            let first = (a.file, a.line, a.column, b.level, a.rule ?? "", a.message)
            let second = (b.file, b.line, b.column, a.level, b.rule ?? "", b.message)
            return first != second ? first < second : (a.suggestion ?? "") < (b.suggestion ?? "")
        }
    }
}

extension BuildContext {
    /// Removes files written early into a staging folder that no write step swapped in: the build stopped.
    mutating func removeStagedFiles() {
        guard let staged else { return }
        OutputFolder.remove(staged.folder)
        self.staged = nil
    }

    /// Puts the last build's findings in place of this build's for every page whose findings still hold: the steps
    /// skipped the work for those pages, or, for the few checks made across all pages, found the same again.
    mutating func useCachedFindings() {
        guard let cache, let reusable = cache.reusable, !reusable.isEmpty, let previous = cache.previous else { return }
        let loadCount = cache.loadDiagnosticCount
        diagnostics = diagnostics.enumerated().filter { $0.offset < loadCount || !reusable.contains($0.element.file) }
            .map(\.element)
        // Most pages have none: only those that have are looked at, and taken in order of path so the next cache is
        // the same bytes whatever order its table gives them in.
        let found = previous.pages.filter { !$0.value.findings.isEmpty && reusable.contains($0.key) }
        for path in found.keys.sorted() { diagnostics += found[path]?.findings ?? [] }
    }
}
