import Foundation
import Markdown
import Mustache
import SiteModel

/// A theme: Mustache templates in `templates/` and files to copy as they are in `assets/`.
///
/// A theme is read like content: untrusted. Nothing outside its folder is read, every template is checked before
/// use (syntax, partials that do not exist, partials that include themselves, nesting too deep), and problems name
/// the template's file, line and column.
public struct Theme: Sendable {
    /// The templates every theme must have.
    public static let requiredTemplates = ["home", "page", "easy-read", "404"]
    /// Sections nested deeper than this are refused: real themes nest a few levels.
    static let deepestSections = 50
    /// Templates larger than this are refused: see `load`.
    static let largestTemplate = 64 * 1024

    public let folder: LocalPath
    public let library: MustacheLibrary
    /// Paths of files under `assets/`, relative to that folder.
    public let assets: [String]
    /// The theme's files: on disk, read through the same guard as content.
    let source: any ContentSource
    /// What each template that loaded looks up and includes, by template name: rendering reads it to find partials
    /// whose output is the same on many pages.
    let templateTags: [String: TemplateTags]

    /// Why `theme:` in site.yml cannot be used.
    public struct FolderProblem: Error {
        public var message: String
    }

    /// The theme folder to use: `theme:` from `site.yml`, relative to the content folder's parent and inside it, or
    /// `Themes/default` beside the content folder.
    public static func folder(named name: String?, content: LocalPath) -> Result<LocalPath, FolderProblem> {
        let base = content.parent
        let name = name ?? "Themes/default"
        if name.hasPrefix("/") || name.hasPrefix("~") {
            return .failure(FolderProblem(message: "`theme` must be a folder relative to \(base), such as `Themes/mine`, not `\(name)`. To use a theme from elsewhere, give it with --theme."))
        }
        guard let relative = ContentPath.resolve(name, from: ""), !relative.isEmpty else {
            return .failure(FolderProblem(message: "`theme: \(name)` leads outside \(base), the folder the content folder is in. Keep the theme inside it, or give it with --theme."))
        }
        let folder = base.appending(relative)
        let real = folder.resolvingLinks()
        guard base.resolvingLinks().contains(real) else {
            return .failure(FolderProblem(message: "`theme: \(name)` is a link to \(real), which is outside \(base), the folder the content folder is in. Keep the theme inside it, or give it with --theme."))
        }
        return .success(folder)
    }

    /// Loads and checks every template. Problems name the template file, line and column.
    public static func load(from folder: LocalPath) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        load(from: source(for: folder), folder: folder, display: folder.lastComponent)
    }

    /// Loads a theme from any source, such as one held in memory; problems name files as `display/templates/…`.
    public static func load(from source: any ContentSource, folder: LocalPath,
                            display: String) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        guard let listing = try? source.list(),
              listing.files.contains(where: { $0.hasPrefix("templates/") }) else {
            return (nil, [Diagnostic(file: "\(folder.string)/templates", line: 1, column: 1,
                                     message: "There is no theme here: the folder `templates` is missing or empty.")])
        }
        var diagnostics = listing.problems
        var library = MustacheLibrary()
        var tags: [String: TemplateTags] = [:]
        // Each template is read, looked over and parsed on its own, on every core; they are registered, and their
        // problems reported, in file order.
        let paths = listing.files.filter { $0.hasPrefix("templates/") && $0.hasSuffix(".mustache") }
        let parsed = Parallel.map(paths) { path -> (name: String, parsed: (MustacheTemplate, TemplateTags)?, problem: Diagnostic?) in
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            let label = "\(display)/\(path)"
            guard let text = source.readText(path) else {
                return (name, nil, Diagnostic(file: label, line: 1, column: 1, message: "This template is not UTF-8 text."))
            }
            // swift-mustache's parser takes time that grows with the square of a template's size; real templates are
            // a few kilobytes.
            if text.utf8.count > largestTemplate {
                return (name, nil, Diagnostic(file: label, line: 1, column: 1,
                                              message: "This template is larger than \(largestTemplate / 1024) KB. Split it into partials."))
            }
            let scanned = TemplateTags(text)
            if scanned.deepest > deepestSections {
                return (name, nil, Diagnostic(file: label, at: scanned.deepestAt,
                                              message: "Sections are nested more than \(deepestSections) deep here. Close some sections before opening more."))
            }
            if let tag = scanned.reopened {
                return (name, nil, Diagnostic(file: label, at: tag.position,
                                              message: "The section `\(tag.name)` is opened again inside itself, which repeats the whole list for every item of it. Use another name, or close the first one."))
            }
            if let tag = scanned.dynamicPartials.first {
                return (name, nil, Diagnostic(file: label, at: tag.position,
                                              message: "A partial whose name comes from the content (`\(tag.name)`) cannot be checked before use, so themes cannot have one. Name the partial."))
            }
            do {
                return (name, (try fastEscaping(text), scanned), nil)
            } catch let error as MustacheTemplate.ParserError {
                return (name, nil, templateError(error, scanned: scanned, file: label))
            } catch {
                return (name, nil, Diagnostic(file: label, line: 1, column: 1, message: "This template could not be read: \(error)."))
            }
        }
        for template in parsed {
            if let problem = template.problem { diagnostics.append(problem) }
            guard let (compiled, scanned) = template.parsed else { continue }
            library.register(compiled, named: template.name)
            tags[template.name] = scanned
        }
        let names = Set(listing.files.filter { $0.hasPrefix("templates/") }.map { String($0.dropFirst("templates/".count)) })
        let templateNames = Set(names.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) })
        diagnostics += partialProblems(tags, existing: templateNames, display: display)
        for required in requiredTemplates where !names.contains("\(required).mustache") {
            diagnostics.append(Diagnostic(file: "\(display)/templates/\(required).mustache", line: 1, column: 1,
                                          message: "The theme has no `\(required).mustache` template. Copy it from Themes/default."))
        }
        let assets = listing.files.filter { $0.hasPrefix("assets/") }.map { String($0.dropFirst("assets/".count)) }
        return (Theme(folder: folder, library: library, assets: assets, source: source, templateTags: tags), diagnostics)
    }

    /// The template for `text`, escaping `{{name}}` values with `SignpostHTMLContentType` instead of swift-mustache's
    /// slower HTML escaping, with the same result.
    ///
    /// swift-mustache chooses escaping per template, from a `{{% CONTENT_TYPE: … }}` pragma, so one is put on a line of
    /// its own before the text. A pragma alone on its line is removed with its line, and the text after it is read
    /// from the start of a line, as it would be without it; a pragma later in the theme's own text still takes over
    /// from there, as before. Errors are those of the theme's text as it is: on any problem, that text is parsed
    /// alone so the error and its line are the theme's own.
    static func fastEscaping(_ text: String) throws -> MustacheTemplate {
        _ = SignpostHTMLContentType.registered
        let pragma = "{{% CONTENT_TYPE: \(SignpostHTMLContentType.name) }}\n"
        guard let template = try? MustacheTemplate(string: pragma + text) else {
            return try MustacheTemplate(string: text)
        }
        return template
    }

    /// A parse error from swift-mustache, in plain words, at the place a person would look.
    private static func templateError(_ error: MustacheTemplate.ParserError, scanned: TemplateTags,
                                      file: String) -> Diagnostic {
        let place = SourcePosition(line: error.context.lineNumber, column: error.context.columnNumber)
        switch error.error as? MustacheTemplate.Error {
        case .expectedSectionEnd?:
            if let open = scanned.unclosed.last {
                return Diagnostic(file: file, at: open.position,
                                  message: "The section `\(open.name)` is opened here and never closed. Add `{{/\(open.name)}}` where it should end.")
            }
            return Diagnostic(file: file, at: place, message: "A section is opened and never closed. Add a closing tag such as `{{/name}}`.")
        case .sectionCloseNameIncorrect?:
            let stray = scanned.strayClose
            return Diagnostic(file: file, at: stray?.position ?? place,
                              message: "This closing tag `{{/\(stray?.name ?? "…")}}` does not match the section that is open"
                                  + (scanned.unclosed.last.map { " (`\($0.name)`)" } ?? "") + ". Check the names.")
        case .unfinishedName?:
            return Diagnostic(file: file, at: place, message: "This tag is not finished. Close it with `}}`.")
        case .invalidSetDelimiter?:
            return Diagnostic(file: file, at: place, message: "This tag that changes the delimiters is not written right. Write it like `{{=<% %>=}}`.")
        default:
            return Diagnostic(file: file, at: place, message: "This part of the template cannot be used here (\(error.error)).")
        }
    }

    /// Partials that do not exist, and partials that include themselves, directly or through others: either would
    /// leave a page without part of its content, or never finish.
    private static func partialProblems(_ tags: [String: TemplateTags], existing: Set<String>,
                                        display: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let names = tags.keys.sorted()
        for name in names {
            for tag in tags[name]!.partials where !existing.contains(tag.name) {
                problems.append(Diagnostic(file: "\(display)/templates/\(name).mustache", at: tag.position,
                                           message: "This includes the partial `\(tag.name)`, but the theme has no `templates/\(tag.name).mustache`."
                                               + Suggestion.didYouMean(tag.name, in: existing.sorted())))
            }
        }
        // A walk with an explicit stack: each template's partials in turn, looking for the way back to one on the path.
        var finished = Set<String>()
        for start in names where !finished.contains(start) {
            var path: [(name: String, next: Int)] = [(start, 0)]
            var onPath: Set<String> = [start]
            while let top = path.last {
                let partials = tags[top.name]?.partials ?? []
                guard top.next < partials.count else {
                    finished.insert(top.name)
                    onPath.remove(top.name)
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let tag = partials[top.next]
                if onPath.contains(tag.name) {
                    let loop = path.map(\.name).drop { $0 != tag.name } + [tag.name]
                    let words = tag.name == top.name ? "This template includes itself"
                        : "This includes `\(tag.name)`, which leads back here (\(loop.joined(separator: " → ")))"
                    problems.append(Diagnostic(file: "\(display)/templates/\(top.name).mustache", at: tag.position,
                                               message: "\(words): a loop that would never finish. Remove the include."))
                } else if tags[tag.name] != nil && !finished.contains(tag.name) {
                    onPath.insert(tag.name)
                    path.append((tag.name, 0))
                }
            }
        }
        if problems.isEmpty { problems += chainProblems(tags, display: display) }
        return problems
    }

    /// Partials inside sections inside partials: swift-mustache renders each level by calling itself, so the whole
    /// depth along a chain of includes is bounded, not only each template's own. Called once there are no loops.
    private static func chainProblems(_ tags: [String: TemplateTags], display: String) -> [Diagnostic] {
        var depth: [String: Int] = [:]
        var problems: [Diagnostic] = []
        for start in tags.keys.sorted() where depth[start] == nil {
            // Post-order with an explicit stack: a template's depth once every partial it includes has one.
            var stack = [start]
            while let name = stack.last {
                let template = tags[name]!
                let pending = template.partials.map(\.name).filter { tags[$0] != nil && depth[$0] == nil }
                if let next = pending.first {
                    stack.append(next)
                    continue
                }
                stack.removeLast()
                var deepest = template.deepest
                for tag in template.partials {
                    let total = tag.depth + 1 + (depth[tag.name] ?? 0)
                    if total > deepest { deepest = total }
                    if total > deepestSections * 2 && depth[name] == nil {
                        problems.append(Diagnostic(file: "\(display)/templates/\(name).mustache", at: tag.position,
                                                   message: "The partials included here nest more than \(deepestSections * 2) levels deep in all (sections and partials inside each other). Use fewer levels."))
                        depth[name] = 0
                    }
                }
                if depth[name] == nil { depth[name] = deepest }
            }
        }
        return problems
    }

    /// Renders the template `name` with `context`. Values are HTML-escaped unless the template uses `{{{ }}}`.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// The bytes of a file in `assets/`.
    func asset(_ path: String) -> Data? { source.read("assets/" + path) }
}
