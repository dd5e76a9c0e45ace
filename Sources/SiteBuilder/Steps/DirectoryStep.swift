import ServiceDirectory
import SiteModel

/// Reads and checks every service under `Content/services/`, and what pages ask of the directory.
public struct DirectoryStep: BuildStep {
    public var name: String { "Reading services" }
    public var runsAfterErrors: Bool { true }

    public init() {}

    public func run(_ context: inout BuildContext) throws -> String {
        let site = try context.requireSite()
        let loader = ServiceLoader(today: context.today, pictureExists: { reference, path in
            site.assetPath(for: reference, from: path) != nil
        })
        let (entries, problems) = loader.load(site.serviceFiles, from: site.source)
        context.diagnostics += problems
        // Descriptions are Markdown like pages: the same warnings for what is never published, and the same checks
        // of where links lead.
        let resolver = context.linkResolver ?? LinkResolver(site: site)
        // Each description is checked on its own, so they are checked on every core; problems keep the services' order.
        for problems in Parallel.map(entries, { LinkCheck.problems(in: $0.description, file: $0.path, resolver: resolver).problems }) {
            context.diagnostics += problems
        }
        let directory = Directory(entries: entries)
        context.directory = directory
        let types = BreakType.allCases.map(\.rawValue)
        // What a page asks of the directory is its own finding: a page whose findings still hold is not looked at.
        for page in context.pagesToLookAt(in: site).lazy.map({ site.pages[$0] }) {
            guard let query = page.frontMatter.services else { continue }
            if let type = query.breakType, BreakType(rawValue: type) == nil {
                context.diagnostics.append(Diagnostic(
                    file: page.path, at: page.keyPositions["services.break_type"] ?? page.position(of: .services),
                    message: "`\(type)` is not a kind of break. Use one of: \(types.joined(separator: ", "))."
                        + Suggestion.didYouMean(type, in: types)))
            }
        }
        return "\(entries.count) services, \(directory.listed.count) listed"
    }
}
