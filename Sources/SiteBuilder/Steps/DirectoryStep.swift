import ServiceDirectory
import SiteModel

/// Reads and checks every service under `Content/services/`, and what pages ask of the directory.
public struct DirectoryStep: BuildStep {
    public var name: String { "Reading services" }
    public var runsAfterErrors: Bool { true }

    public init() {}

    public func run(_ context: inout BuildContext) throws -> String {
        let site = try context.requireSite()
        // Only the pages whose findings and HTML this build works out are asked about.
        let pages = context.pagesToLookAt(in: site).map { site.pages[$0] }
        let summary: String
        if let kept = Self.keptServices(context, pages: pages) {
            context.diagnostics += kept.findings
            context.cache?.serviceFindings = kept.findings
            context.serviceCount = kept.count
            summary = "\(kept.count ?? 0) services, as the last build read them"
        } else {
            let (directory, found) = Self.read(site, context)
            context.diagnostics += found
            context.cache?.serviceFindings = found
            context.directory = directory
            summary = "\(directory.entries.count) services, \(directory.listed.count) listed"
        }
        let types = BreakType.allCases.map(\.rawValue)
        for page in pages {
            guard let query = page.frontMatter.services else { continue }
            if let type = query.breakType, BreakType(rawValue: type) == nil {
                context.diagnostics.append(Diagnostic(
                    file: page.path, at: page.keyPositions["services.break_type"] ?? page.position(of: .services),
                    message: "`\(type)` is not a kind of break. Use one of: \(types.joined(separator: ", "))."
                        + Suggestion.didYouMean(type, in: types)))
            }
        }
        return summary
    }

    /// Every service, read and checked, and what reading them found.
    static func read(_ site: Site, _ context: BuildContext) -> (directory: Directory, found: [Diagnostic]) {
        let loader = ServiceLoader(today: context.today, pictureExists: { reference, path in
            site.assetPath(for: reference, from: path) != nil
        })
        let (entries, problems) = loader.load(site.serviceFiles, from: site.source)
        var found = problems
        // Descriptions are Markdown like pages: the same warnings for what is never published, and the same checks
        // of where links lead.
        let resolver = context.linkResolver ?? LinkResolver(site: site)
        // Each description is checked on its own, so they are checked on every core; problems keep the services' order.
        for problems in Parallel.map(entries, { LinkCheck.problems(in: $0.description, file: $0.path, resolver: resolver).problems }) {
            found += problems
        }
        return (Directory(entries: entries), found)
    }

    /// What the last build found reading the services, and how many there were, when this build needs no service:
    /// the site-wide files (the directory's pages among them) are kept, and no page to be made lists services.
    /// Reading them again would find the same: the service files, the pictures, the day and the pages that links
    /// lead to are all hashed by the site and index keys, which are as they were.
    private static func keptServices(_ context: BuildContext, pages: [Page]) -> (findings: [Diagnostic], count: Int?)? {
        guard let cache = context.cache, cache.keptSiteFiles != nil, let previous = cache.previous,
              !pages.contains(where: { $0.frontMatter.services != nil }) else { return nil }
        return (previous.serviceFindings, previous.serviceCount)
    }
}
