import SiteModel

/// Writes the rendered site into the output folder, all at once.
public struct WriteStep: BuildStep {
    public var name: String { "Writing" }

    public init() {}

    public func run(_ context: inout BuildContext) throws -> String {
        let output = try Self.outputFolder(of: context)
        let staged = context.staged
        context.staged = nil
        let stagedPaths = staged.map { Set($0.files.keys) } ?? []
        // What the cache keeps of the site-wide files is worked out beside the writing, from what is about to be written.
        let siteFiles = context.cache == nil ? nil : context.site.map { site in
            Parallel.start { [context] in Self.siteFiles(of: context, site, staged: stagedPaths) }
        }
        let written = try output.write(context.files, unchanged: context.unchangedFiles,
                                       record: context.cache?.previous?.output,
                                       intact: context.cache?.outputIsIntact ?? false, staged: staged)
        context.diagnostics += written.problems
        if let record = written.record, let cache = context.cache, let site = context.site {
            let next = cache.next(site: site, diagnostics: context.diagnostics, pageCount: context.pageCount,
                                  serviceCount: context.serviceCount,
                                  siteFiles: siteFiles?.value ?? [],
                                  output: record)
            let location = BuildCache.location(for: context.options.output)
            // A cache that cannot be saved costs the next build time, never this build its site.
            if let memory = cache.memory {
                memory.keep(next, savingTo: location)
                if !context.hasErrors { cache.keep(site, resolver: context.linkResolver) }
            } else {
                do {
                    try next.write(to: location, after: cache.previous)
                } catch {
                    context.cacheNote = "\(error) The next build will build everything again"
                }
                // Kept with the build, like the site, for the command that ends the process without handing memory
                // back: freeing a table of 20,000 pages' records one by one costs a build a few milliseconds.
                context.cache?.saved = next
            }
        }
        let kept = context.unchangedFiles.isEmpty ? "" : " (\(context.unchangedFiles.count) unchanged)"
        let count = context.files.count + stagedPaths.filter { context.files[$0] == nil }.count + context.unchangedFiles.count
        return "\(count) files\(kept) to \(context.options.output)"
    }

    /// The output folder, once it is known not to overlap any folder the build reads, the theme included.
    static func outputFolder(of context: BuildContext) throws -> OutputFolder {
        var reading = context.options.foldersRead
        if context.options.theme == nil, let theme = context.theme, theme.folder != context.options.builtInTheme?.folder {
            reading.append(("theme", theme.folder))
        }
        let output = OutputFolder(path: context.options.output, keep: context.site?.config.keep ?? [],
                                  clearsStrays: context.options.clearsOutput)
        try FolderOverlap.check(output: output.path, reading: reading)
        return output
    }

    /// The files of this build made for the site as a whole: all but the pages' HTML and the content folder's files.
    static func siteFiles(of context: BuildContext, _ site: Site, staged: Set<String>) -> [String] {
        // Kept from the last build, and so the same files.
        if context.cache?.keptSiteFiles != nil, let previous = context.cache?.previous { return previous.siteFiles }
        let own = Set(site.pages.map(\.outputPath)).union(site.assets)
        return Set(context.files.keys).union(context.unchangedFiles).union(staged).subtracting(own).sorted()
    }
}
