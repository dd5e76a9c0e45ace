import ArgumentParser
import Foundation
import Preview
import SiteBuilder
import SiteModel

/// `signpost serve`: builds the site, serves it on this computer and builds it again each time a file is saved.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds the site, serves it at http://127.0.0.1:1313/ and rebuilds it each time you save.",
        discussion: """
            Open pages reload by themselves after each save, keeping their place. When a save breaks the build, \
            pages show the errors and the last good site stays. Each page lists its easy-read findings and marks \
            the words they are about. Drafts are included unless you give --no-drafts. Nothing is written to \
            Output/: serve keeps its own copy of the site in the system's temporary folder.
            """)

    @Option(help: "The content folder, with site.yml in it.")
    var content = "Content"

    @Option(help: "A theme folder. Default: `theme:` in site.yml, else Themes/default beside the content folder, else the theme inside signpost.")
    var theme: String?

    @Option(help: "The port to listen on. When it is taken, the next free one is used; 0 lets the system choose one.")
    var port: UInt16 = 1313

    @Option(help: "The address to listen on. Default: 127.0.0.1, this computer only.")
    var host: String?

    @Flag(inversion: .prefixedNo, help: "Show draft pages too.")
    var drafts = true

    @Flag(help: "Open the site in the browser once it is served.")
    var open = false

    func validate() throws {
        try ContentFolder.require(content, hint: "Make one with `signpost new mysite`.")
    }

    func run() async throws {
        let contentPath = LocalPath(content)
        let console = Console()
        let output: LocalPath
        do { output = try PreviewBuilder.outputFolder(for: contentPath) } catch {
            console.error("signpost: \(error)")
            throw ExitCode(2)
        }
        let builder = PreviewBuilder(content: contentPath, theme: theme.map { LocalPath($0) },
                                     output: output, includeDrafts: drafts, ownsOutput: true)
        let terminal = PreviewSession.Terminal(
            line: { console.line($0) }, problems: { console.report($0) }, error: { console.error($0) })
        let session = PreviewSession(builder: builder, terminal: terminal)
        do {
            try await session.run(address: ServeAddress(host: host ?? "127.0.0.1", port: port),
                                  explicitHost: host != nil, openBrowser: open)
        } catch {
            console.error("signpost: \(error)")
            throw ExitCode(2)
        }
    }
}
