import SiteModel

/// Every service, and the ways people browse them: by kind of break and by area.
public struct Directory: Sendable {
    /// Every service with a page, sorted by name.
    public let entries: [ServiceEntry]

    public init(entries: [ServiceEntry]) { self.entries = entries.filter(\.isPublished) }

    /// Services shown in the listing, search and browse pages: the active ones.
    public var listed: [ServiceEntry] { entries.filter(\.isListed) }

    /// Each kind of break with the listed services of that kind, in the order of `BreakType.allCases`.
    public var byType: [(type: BreakType, entries: [ServiceEntry])] {
        BreakType.allCases.map { type in (type, listed.filter { $0.service.breakTypes.contains(type) }) }
            .filter { !$0.entries.isEmpty }
    }

    /// Each area with the listed services there, by name.
    public var byArea: [(area: String, slug: String, entries: [ServiceEntry])] {
        var names: [String: String] = [:]
        for entry in listed { for area in entry.service.areas { names[Directory.slug(forArea: area)] = names[Directory.slug(forArea: area)] ?? area } }
        return names.sorted { $0.value < $1.value }.map { slug, name in
            (name, slug, listed.filter { $0.service.areas.contains { Directory.slug(forArea: $0) == slug } })
        }
    }

    /// The services a page asks for with `services:` in its front matter.
    public func matching(_ query: ServiceQuery) -> [ServiceEntry] {
        listed.filter { entry in
            let service = entry.service
            if let type = query.breakType, !service.breakTypes.map(\.rawValue).contains(type) { return false }
            if let area = query.area, !service.areas.contains(where: { Directory.slug(forArea: $0) == Directory.slug(forArea: area) }) { return false }
            if let emergency = query.emergency, service.emergency != emergency { return false }
            if let overnight = query.overnight, service.overnight != overnight { return false }
            return true
        }
    }

    /// `Leicester City` → `leicester-city`.
    public static func slug(forArea area: String) -> String {
        var slug = ""
        for c in area.lowercased() {
            if c.isLetter || c.isNumber { slug.append(c) } else if !slug.hasSuffix("-") && !slug.isEmpty { slug.append("-") }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }
}
