import Mustache
import SiteModel

/// Partials whose output is the same on every page with the same `SharedPageValues`, such as a theme's header with
/// its navigation or its footer with the contact details: each is rendered once for each set of shared values, and
/// pages include that text instead of rendering the partial again.
///
/// Which partials qualify is read from the theme's templates, so it works for any theme. A partial qualifies when
/// everything it looks up (with the partials it includes) can only come from the shared values, and swift-mustache
/// renders it with the context as it is at the top of the page: it is included only by the page templates, outside
/// any section and not indented, and neither it nor they use blocks, parents, pragmas, `{{.}}` or transforms. A page
/// whose own values use a name the partial looks up renders that partial as usual.
struct SharedPartials {
    /// A partial that may be shared, and the first parts of the names it looks up.
    struct Candidate {
        var name: String
        var names: Set<String>
    }

    /// The library with each shared partial replaced by its text, and the shared values as a template context.
    struct Prepared {
        var library: MustacheLibrary
        var values: [String: Any]
    }

    private struct Key: Hashable {
        var shared: SharedPageValues
        var partials: [String]
    }

    let theme: Theme
    let siteValues: SiteValues
    let candidates: [Candidate]
    private let prepared = SharedCache<Key, Prepared>()

    /// - Parameter pageTemplates: the templates pages are rendered with.
    init(theme: Theme, siteValues: SiteValues, pageTemplates: [String]) {
        self.theme = theme
        self.siteValues = siteValues
        candidates = Self.candidates(theme.templateTags, pageTemplates: pageTemplates)
    }

    /// The library and shared values for a page with `shared` values and its own values under `ownKeys`.
    func prepared(for shared: SharedPageValues, ownKeys: some Sequence<String>) -> Prepared {
        let own = Set(ownKeys)
        let partials = candidates.filter { $0.names.isDisjoint(with: own) }.map(\.name)
        return prepared.value(for: Key(shared: shared, partials: partials)) {
            let values = siteValues.dictionary(shared)
            var library = theme.library
            for name in partials {
                guard let text = theme.library.render(values, withTemplate: name),
                      let literal = Self.literal(text) else { continue }
                library.register(literal, named: name)
            }
            return Prepared(library: library, values: values)
        }
    }

    /// A template that writes `text` as it is, or nil when swift-mustache would read tags in it.
    private static func literal(_ text: String) -> MustacheTemplate? {
        guard !text.contains("{{"), let template = try? MustacheTemplate(string: text),
              template.render([String: Any]()) == text else { return nil }
        return template
    }

    /// The partials that may be shared, from what the theme's templates look up and include.
    static func candidates(_ tags: [String: TemplateTags], pageTemplates: [String]) -> [Candidate] {
        // Every template a page render can reach, through partials.
        var reachable = Set<String>(), queue = pageTemplates.filter { tags[$0] != nil }
        while let name = queue.popLast() {
            guard reachable.insert(name).inserted, let template = tags[name] else { continue }
            queue += template.partials.map(\.name).filter { !reachable.contains($0) }
        }
        if reachable.contains(where: { tags[$0]?.usesBlocks == true }) { return [] }
        var included = Set<String>(), unsafe = Set<String>()
        for name in reachable {
            for tag in tags[name]?.partials ?? [] {
                if pageTemplates.contains(name) && tag.depth == 0 && !tag.indented {
                    included.insert(tag.name)
                } else {
                    unsafe.insert(tag.name)
                }
            }
        }
        return included.subtracting(unsafe).subtracting(pageTemplates).sorted().compactMap { name in
            // Names looked up by the partial and every partial it includes.
            var names = Set<String>(), seen = Set<String>(), queue = [name]
            while let next = queue.popLast() {
                guard seen.insert(next).inserted, let template = tags[next] else { continue }
                if template.readsContext { return nil }
                names.formUnion(template.names)
                queue += template.partials.map(\.name)
            }
            return Candidate(name: name, names: names)
        }
    }
}
