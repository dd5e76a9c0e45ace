import SiteModel

/// Every service, and the ways people browse them: by kind of break and by area.
public struct Directory: Sendable {
    /// Every service with a page, sorted by name.
    public let entries: [ServiceEntry]

    /// Services shown in the listing, search and browse pages: the active ones.
    public let listed: [ServiceEntry]
    /// Each kind of break with the listed services of that kind, in the order of `BreakType.allCases`.
    public let byType: [(type: BreakType, entries: [ServiceEntry])]
    /// Each area with the listed services there, by name.
    public let byArea: [(area: String, slug: String, entries: [ServiceEntry])]

    /// Groups the services once; the listing, the browse pages and the sitemap all read the same groups.
    public init(entries: [ServiceEntry]) {
        self.entries = entries.filter(\.isPublished)
        let listed = self.entries.filter(\.isListed)
        self.listed = listed
        var types: [BreakType: [ServiceEntry]] = [:]
        var areas: [String: (name: String, entries: [ServiceEntry])] = [:]
        for entry in listed {
            for type in Set(entry.service.breakTypes) { types[type, default: []].append(entry) }
            for slug in Set(entry.service.areas.map(Directory.slug(forArea:))) {
                let name = areas[slug]?.name ?? entry.service.areas.first { Directory.slug(forArea: $0) == slug }!
                areas[slug, default: (name, [])].entries.append(entry)
            }
        }
        byType = BreakType.allCases.compactMap { type in types[type].map { (type, $0) } }
        byArea = areas.sorted { $0.value.name < $1.value.name }.map { ($0.value.name, $0.key, $0.value.entries) }
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
        // Most names are ASCII, where a letter or digit is a byte: the same slug, made from the bytes.
        if area.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(area.utf8.count)
            for byte in area.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                default: if let last = bytes.last, last != UInt8(ascii: "-") { bytes.append(UInt8(ascii: "-")) }
                }
            }
            while bytes.last == UInt8(ascii: "-") { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
        var slug = ""
        for c in area.lowercased() {
            if c.isLetter || c.isNumber { slug.append(c) } else if !slug.hasSuffix("-") && !slug.isEmpty { slug.append("-") }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }
}
