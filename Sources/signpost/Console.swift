import Foundation
import SiteBuilder
import SiteModel

/// Where the command's words go: progress and results to standard output, problems to standard error.
/// Colour is used only on a terminal and never when `NO_COLOR` is set.
struct Console {
    let colour: Bool

    init() {
        colour = ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDERR_FILENO) == 1
            && isatty(STDOUT_FILENO) == 1
    }

    /// Written straight away, not buffered, so progress shows as it happens. A full disk or a closed pipe on the
    /// other end loses the words, never the build: what Signpost writes to the site does not depend on them.
    func line(_ text: String) { Self.write(text + "\n", to: STDOUT_FILENO) }

    func progress(_ text: String) { line(text) }

    func error(_ text: String) { Self.write(text + "\n", to: STDERR_FILENO) }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { _ = SystemCall.writeAll(descriptor, UnsafeRawBufferPointer($0)) }
    }

    /// Prints every diagnostic, grouped by file, errors in red, warnings in yellow.
    func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        error(TextReport(colour: colour).render(diagnostics, summary: false))
    }
}
