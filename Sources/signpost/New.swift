import ArgumentParser
import Foundation
import Preview
import SiteModel

/// `signpost new`: a ready-to-edit site, or a copy of the default theme to make your own.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Makes a new site ready to edit, or copies the default theme out for editing.",
        discussion: """
            `signpost new mysite` makes mysite/ with Content/ (site.yml, a home page and a standard page, each with \
            its easy-read version, the glossary and pictures), the default theme in Themes/default, and a README \
            for staff. Then `cd mysite && signpost serve`.
            `signpost new --theme Themes/mine` copies the default theme to Themes/mine; build with --theme \
            Themes/mine or `theme: Themes/mine` in site.yml.
            """)

    @Argument(help: "The folder to make the site in. It must be new or empty.")
    var folder: String?

    @Option(help: "Copy the default theme to this folder instead of making a site.")
    var theme: String?

    func validate() throws {
        if (folder == nil) == (theme == nil) {
            throw ValidationError("Give a folder for a new site (`signpost new mysite`) or --theme with a folder for a copy of the default theme.")
        }
    }

    func run() throws {
        let console = Console()
        do {
            if let theme {
                try BuiltInFiles.writeDefaultTheme(to: LocalPath(theme))
                console.line("Copied the default theme to \(theme). Build with `signpost build --theme \(theme)`, "
                             + "or add `theme: \(theme)` to site.yml.")
            } else if let folder {
                try BuiltInFiles.writeNewSite(to: LocalPath(folder))
                console.line("Made a new site in \(folder). Next:")
                console.line("  cd \(folder)")
                console.line("  signpost serve")
                console.line("Then open http://127.0.0.1:1313/ and edit the pages in \(folder)/Content. \(folder)/README.md says how.")
            }
        } catch {
            console.error("signpost: \(error)")
            throw ExitCode(1)
        }
    }
}
