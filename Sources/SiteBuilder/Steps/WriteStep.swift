import SiteModel

/// Writes the rendered site into the output folder, all at once.
public struct WriteStep: BuildStep {
    public var name: String { "Writing" }

    public init() {}

    public func run(_ context: inout BuildContext) throws -> String {
        var reading = context.options.foldersRead
        if context.options.theme == nil, let theme = context.theme { reading.append(("theme", theme.folder)) }
        let output = OutputFolder(path: context.options.output, keep: context.site?.config.keep ?? [])
        try FolderOverlap.check(output: output.path, reading: reading)
        let written = try output.write(context.files, unchanged: context.unchangedFiles,
                                       record: context.cache?.previous?.output,
                                       intact: context.cache?.outputIsIntact ?? false)
        context.diagnostics += written.problems
        if let record = written.record, let cache = context.cache, let site = context.site {
            let next = cache.next(site: site, diagnostics: context.diagnostics, pageCount: context.pageCount,
                                  serviceCount: context.serviceCount, siteFiles: Self.siteFiles(of: context, site),
                                  output: record)
            let location = BuildCache.location(for: context.options.output)
            // A cache that cannot be saved costs the next build time, never this build its site.
            if let memory = context.memory {
                memory.keep(next, savingTo: location)
            } else {
                do {
                    try next.write(to: location)
                } catch {
                    context.cacheNote = "\(error) The next build will build everything again"
                }
            }
        }
        let kept = context.unchangedFiles.isEmpty ? "" : " (\(context.unchangedFiles.count) unchanged)"
        return "\(context.files.count + context.unchangedFiles.count) files\(kept) to \(context.options.output)"
    }

    /// The files of this build made for the site as a whole: all but the pages' HTML and the content folder's files.
    static func siteFiles(of context: BuildContext, _ site: Site) -> [String] {
        // Kept from the last build, and so the same files.
        if context.cache?.keptSiteFiles != nil, let previous = context.cache?.previous { return previous.siteFiles }
        let own = Set(site.pages.map(\.outputPath)).union(site.assets)
        return Set(context.files.keys).union(context.unchangedFiles).subtracting(own).sorted()
    }
}
