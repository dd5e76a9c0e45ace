import ArgumentParser

@main
struct Signpost: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signpost",
        abstract: "Builds accessible, easy-read websites from Markdown.",
        subcommands: [Build.self, Check.self],
        defaultSubcommand: Build.self
    )
}
