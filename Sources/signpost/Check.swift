import ArgumentParser
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

    @Argument(help: "Pages to check, as paths in the content folder or from here. Default: every page.")
    var paths: [String] = []

    func validate() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("There is no content folder at \(content).")
        }
    }

    func run() throws {
        let contentURL = URL(fileURLWithPath: content).standardizedFileURL
        let only = paths.isEmpty ? nil : Set(paths.map { relativePath($0, to: contentURL) })
        let options = BuildOptions(content: contentURL, output: contentURL.appendingPathComponent(".unused"), dryRun: true)
        let pipeline = BuildPipeline(steps: [LoadStep(loadsTheme: false), ValidateStep(), DirectoryStep(), CheckStep(only: only)])
        let result: BuildContext
        do {
            result = try pipeline.run(BuildContext(options: options))
        } catch {
            FileHandle.standardError.write(Data("signpost: \(error)\n".utf8))
            throw ExitCode(2)
        }
        guard let site = result.site else {
            FileHandle.standardError.write(Data((TextReport(colour: false).render(result.diagnostics) + "\n").utf8))
            throw ExitCode(2)
        }
        if let only {
            let known = Set(site.pages.map(\.path)).union(site.draftPaths).union(site.brokenPaths)
            let unknown = only.subtracting(known)
            if !unknown.isEmpty {
                FileHandle.standardError.write(Data("signpost: no page \(unknown.sorted().joined(separator: ", ")) in \(content)\n".utf8))
                throw ExitCode(2)
            }
        }
        var findings = result.diagnostics
        if let only { findings = findings.filter { only.contains($0.file) || !$0.file.hasSuffix(".md") } }
        let files = only?.count ?? site.pages.count
        let prefix = relativePrefix(for: contentURL)
        switch format {
        case .text: print(TextReport(colour: Console().colour).render(findings, files: files))
        case .json: print(JSONReport().render(findings, files: files))
        case .sarif: print(SARIFReport(pathPrefix: prefix).render(findings))
        case .github:
            let text = GitHubReport(pathPrefix: prefix).render(findings)
            if !text.isEmpty { print(text) }
            print(TextReport.summary(findings, files: files))
        }
        if findings.errorCount > 0 || (strict && findings.warningCount > 0) { throw ExitCode(1) }
    }

    /// `Content/pages/a.md` or `pages/a.md` → `pages/a.md`.
    private func relativePath(_ path: String, to content: URL) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let root = content.path.hasSuffix("/") ? content.path : content.path + "/"
        if absolute.hasPrefix(root) { return String(absolute.dropFirst(root.count)) }
        return path
    }

    /// The content folder's path from the working folder, with a trailing slash, for annotations.
    private func relativePrefix(for content: URL) -> String {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path + "/"
        let path = content.path + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }
}
