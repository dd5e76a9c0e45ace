import ArgumentParser
import EasyReadChecker
import Foundation
import SiteBuilder
import SiteModel

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Checks pages against the easy-read rules without writing anything.",
        discussion: "Exit code: 1 if there is any error (or any warning with --strict), 0 otherwise, 2 for bad usage or a site that cannot be read.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif, github }

    @Option(help: "The content folder, with site.yml in it.")
    var content = "Content"

    @Option(help: "How to show findings: text, json, sarif or github.")
    var format: Format = .text

    @Flag(help: "Fail on warnings as well as errors.")
    var strict = false

    @Flag(help: "List every rule with its default for standard and easy-read pages (as JSON with --format json), and check nothing.")
    var listRules = false

    @Argument(help: "Pages to check, as paths in the content folder or from here. Default: every page.")
    var paths: [String] = []

    func validate() throws {
        if listRules {
            guard format == .text || format == .json else { throw ValidationError("--list-rules prints text or json.") }
            guard paths.isEmpty else { throw ValidationError("--list-rules checks no pages.") }
            return
        }
        try ContentFolder.require(content)
    }

    func run() throws {
        if listRules {
            Console().line(format == .json ? RuleList.json() : RuleList.text())
            return
        }
        let contentPath = LocalPath(content)
        let only = paths.isEmpty ? nil : Set(paths.map { relativePath($0, to: contentPath) })
        let options = BuildOptions(content: contentPath, output: contentPath.appending(".unused"), dryRun: true)
        let pipeline = BuildPipeline(steps: [LoadStep(loadsTheme: false), ValidateStep(), DirectoryStep(), CheckStep(only: only), ReviewStep(), GuidesStep()])
        let result: BuildContext
        do {
            result = try pipeline.run(BuildContext(options: options))
        } catch {
            Console().error("signpost: \(error)")
            throw ExitCode(2)
        }
        guard let site = result.site else {
            Console().error(TextReport(colour: false).render(result.diagnostics))
            throw ExitCode(2)
        }
        if let only {
            let known = Set(site.pages.map(\.path)).union(site.draftPaths).union(site.brokenPaths)
            let unknown = only.subtracting(known)
            if !unknown.isEmpty {
                Console().error("signpost: no page \(unknown.sorted().joined(separator: ", ")) in \(content)")
                throw ExitCode(2)
            }
        }
        var findings = result.diagnostics
        if let only { findings = findings.filter { only.contains($0.file) || !$0.file.hasSuffix(".md") } }
        let files = only?.count ?? site.pages.count
        let prefix = relativePrefix(for: contentPath)
        let console = Console()
        switch format {
        case .text: console.line(TextReport(colour: console.colour).render(findings, files: files))
        case .json: console.line(JSONReport().render(findings, files: files))
        case .sarif: console.line(SARIFReport(pathPrefix: prefix).render(findings))
        case .github:
            let text = GitHubReport(pathPrefix: prefix).render(findings)
            if !text.isEmpty { console.line(text) }
            console.line(TextReport.summary(findings, files: files))
        }
        if findings.errorCount > 0 || (strict && findings.warningCount > 0) { throw ExitCode(1) }
    }

    /// `Content/pages/a.md` or `pages/a.md` → `pages/a.md`.
    private func relativePath(_ path: String, to content: LocalPath) -> String {
        content.relativePath(of: LocalPath(path)) ?? path
    }

    /// The content folder's path from the working folder, with a trailing slash, for annotations.
    private func relativePrefix(for content: LocalPath) -> String {
        guard let relative = LocalPath.currentFolder.relativePath(of: content) else { return content.string + "/" }
        return relative.isEmpty ? "" : relative + "/"
    }
}
