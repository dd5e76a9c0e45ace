import ArgumentParser
import Foundation

@main
struct Signpost: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signpost",
        abstract: "Builds accessible, easy-read websites from Markdown.",
        subcommands: [Build.self, Check.self],
        defaultSubcommand: Build.self
    )

    /// Bad usage exits with 2, as `signpost check` promises (ArgumentParser's own default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
