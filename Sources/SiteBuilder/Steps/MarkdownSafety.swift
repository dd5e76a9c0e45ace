import Foundation
import Markdown
import SiteModel

/// What cmark's safe mode leaves out of a page or a service description, said out loud: raw HTML and links that run
/// code are never published, and the writer is told where they were, so nothing disappears without a word.
enum MarkdownSafety {
    /// A warning for `node` when it is raw HTML or a link that runs code; nil otherwise.
    static func problem(with node: MarkdownNode, in file: String) -> Diagnostic? {
        switch node.kind {
        case .htmlBlock, .htmlInline:
            // Signpost's own `<!-- signpost-… -->` comments are fine.
            let text = (node.literal ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasPrefix("<!--") && text.hasSuffix("-->") { return nil }
            return Diagnostic(file: file, at: node.start, level: .warning,
                              message: "HTML in Markdown is not published, for safety. Write this in Markdown instead.")
        case .link, .image:
            guard let url = node.url, isUnsafe(url) else { return nil }
            return Diagnostic(file: file, at: node.start, level: .warning,
                              message: "This link runs code in the browser, so it is removed from the page. Link to a page or a web address instead.")
        default:
            return nil
        }
    }

    /// Link targets that run code: cmark's safe mode empties them.
    static func isUnsafe(_ url: String) -> Bool {
        let lowered = url.trimmingCharacters(in: .whitespaces).lowercased()
        return ["javascript:", "vbscript:", "file:"].contains { lowered.hasPrefix($0) }
            || (lowered.hasPrefix("data:") && !lowered.hasPrefix("data:image/"))
    }
}
