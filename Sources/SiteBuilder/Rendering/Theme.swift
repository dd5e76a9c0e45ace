import Foundation
import Mustache
import SiteModel

/// A theme: Mustache templates in `templates/` and files to copy as they are in `assets/`.
public struct Theme: Sendable {
    /// The templates every theme must have.
    public static let requiredTemplates = ["home", "page", "easy-read", "404"]

    public let folder: URL
    public let library: MustacheLibrary
    /// Paths of files under `assets/`, relative to that folder.
    public let assets: [String]

    /// The theme folder to use: `theme:` from `site.yml`, relative to the content folder's parent, or
    /// `Themes/default` beside the content folder.
    public static func folder(named name: String?, content: URL) -> URL {
        let base = content.standardizedFileURL.deletingLastPathComponent()
        return base.appendingPathComponent(name ?? "Themes/default")
    }

    /// Loads and parses every template. Problems name the template file, line and column.
    public static func load(from folder: URL) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        let templates = folder.appendingPathComponent("templates")
        let display = folder.lastPathComponent
        var diagnostics: [Diagnostic] = []
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: templates.path) else {
            return (nil, [Diagnostic(file: templates.path, line: 1, column: 1,
                                     message: "There is no theme here: the folder `templates` is missing.")])
        }
        var library = MustacheLibrary()
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let file = templates.appendingPathComponent(name)
            let label = "\(display)/templates/\(name)"
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                diagnostics.append(Diagnostic(file: label, line: 1, column: 1, message: "This template is not UTF-8 text."))
                continue
            }
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(file: label, line: error.context.lineNumber, column: error.context.columnNumber,
                                              message: "This template could not be read: \(error.error)."))
            } catch {
                diagnostics.append(Diagnostic(file: label, line: 1, column: 1, message: "This template could not be read: \(error)."))
            }
        }
        for required in requiredTemplates where library.getTemplate(named: required) == nil
            && !names.contains("\(required).mustache") {
            diagnostics.append(Diagnostic(file: "\(display)/templates/\(required).mustache", line: 1, column: 1,
                                          message: "The theme has no `\(required).mustache` template. Copy it from Themes/default."))
        }
        let assetsFolder = folder.appendingPathComponent("assets")
        let assets = (try? DirectoryContentSource(root: assetsFolder).allFiles()) ?? []
        return (Theme(folder: folder, library: library, assets: assets), diagnostics)
    }

    /// Renders the template `name` with `context`. Values are HTML-escaped unless the template uses `{{{ }}}`.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
