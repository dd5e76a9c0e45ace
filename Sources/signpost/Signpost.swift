import ArgumentParser
import Foundation

@main
struct Signpost: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signpost",
        abstract: "Builds accessible, easy-read websites from Markdown.",
        version: SignpostVersion.text,
        subcommands: [Build.self, Check.self, Serve.self, New.self, ReviewCommand.self, GuidesCommand.self,
                      EstimateCommand.self, ImportCommand.self],
        defaultSubcommand: Build.self
    )

    /// Bad usage exits with 2, as `signpost check` promises (ArgumentParser's own default is 64).
    static func main() async {
        // Output to a pipe that was closed (`signpost check | head -1`) must end in an error from write, which
        // Signpost ignores, not in the system stopping the program half-way through writing a site.
        signal(SIGPIPE, SIG_IGN)
        // A standard stream that was closed (`signpost build >&-`) is opened on /dev/null, so that no file the build
        // opens can take its number and have progress lines written into it.
        for stream in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(stream, F_GETFD) == -1 {
            _ = open("/dev/null", O_RDWR)
        }
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                Console().error(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
