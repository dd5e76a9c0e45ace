import ArgumentParser
import Foundation
import Preview
import SiteBuilder
import SiteModel

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Checks the content and writes the site. Writes nothing if anything is wrong.")

    @Option(help: "The content folder, with site.yml in it.")
    var content = "Content"

    @Option(help: "A theme folder. Default: `theme:` in site.yml, else Themes/default beside the content folder, else the theme inside signpost.")
    var theme: String?

    @Option(help: "The output folder. It is replaced as a whole when the build succeeds.")
    var output = "Output"

    @Flag(help: "Publish draft pages too.")
    var drafts = false

    @Flag(name: .customLong("no-cache"),
          help: "Build everything again, without what the last build kept in its cache (the cache is then made anew).")
    var noCache = false

    func run() throws {
        // With no theme given, named in site.yml or beside the content folder, the theme inside the binary.
        let options = BuildOptions(content: LocalPath(content), theme: theme.map { LocalPath($0) },
                                   output: LocalPath(output), includeDrafts: drafts,
                                   useCache: !noCache, builtInTheme: BuiltInFiles.theme)
        let started = Date()
        let console = Console()
        let result: BuildContext
        do {
            result = try BuildPipeline.standard().run(BuildContext(options: options)) {
                console.progress($0)
            }
        } catch {
            console.error("signpost: \(error)")
            throw ExitCode(2)
        }
        // Errors and warnings in full; suggestions are counted, and `signpost check` shows them.
        console.report(result.diagnostics.filter { $0.level != .suggestion })
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        let counts = result.diagnostics
        if result.hasErrors {
            console.error("Build failed: \(plural(counts.errorCount, "error")), \(plural(counts.warningCount, "warning")). Nothing was written.")
            Self.exitNow(1, keeping: result)
        }
        let services = result.serviceCount.map { " and \(plural($0, "service"))" } ?? ""
        let hint = counts.suggestionCount > 0 ? " (run `signpost check` to see the suggestions)" : ""
        console.line("Built \(plural(result.pageCount, "page"))\(services) in \(seconds) s with \(plural(counts.warningCount, "warning")) and \(plural(counts.suggestionCount, "suggestion"))\(hint).")
        if let note = result.cacheNote { console.line("Build cache: \(note).") }
        console.line("Open \(options.output.appending("index.html")) to see it.")
        Self.exitNow(0, keeping: result)
    }

    /// Ends the process with the whole site still in memory. Everything is written by now (the site to disk, the
    /// words to the console without a buffer), and handing back a site's millions of small values one by one took
    /// about a twentieth of a cold build; the system takes the memory back at once.
    /// `keeping` holds the site until then: without it, Swift may free it as soon as it is last read.
    private static func exitNow(_ status: Int32, keeping site: BuildContext) -> Never {
        withExtendedLifetime(site) { Foundation.exit(status) }
    }
}

func plural(_ count: Int, _ word: String) -> String { count == 1 ? "1 \(word)" : "\(count) \(word)s" }
