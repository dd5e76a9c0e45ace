import Foundation
import SiteModel

/// The search index the listing page loads as a script (`services/search-index.js`), so that search works even when
/// the site is opened from disk. Each service carries what a result card shows and its words, field by field, already
/// split, lowercased and stemmed (so "nursing" is held as "nurs", as is "nurse"); the weights say which fields count
/// most.
public struct SearchIndex: Sendable {
    /// The fields searched, most important first, with their weights.
    public static let fields: [(name: String, weight: Int)] = [
        ("name", 10), ("types", 8), ("summary", 4), ("areas", 4), ("organization", 3), ("description", 2),
        ("eligibility", 2), ("details", 2),
    ]

    /// Words people use that mean the same. A site adds its own in `site.yml` under `synonyms:`.
    public static let defaultSynonyms: [[String]] = [
        ["respite", "short break", "short breaks"],
        ["adult placement", "shared lives", "host family"],
        ["sitting", "sitter", "sitters", "home based", "home-based", "at home", "support at home"],
        ["crisis", "emergency", "urgent", "short notice"],
        ["holiday", "holidays", "holiday breaks", "trip", "trips"],
        ["direct payment", "direct payments", "personal budget", "personal assistant", "pa"],
        ["day out", "days out", "activities", "activity", "community", "club", "clubs"],
        ["residential", "overnight", "stay", "staying", "short break home", "building based", "building-based"],
        ["kids", "children", "child", "young people", "teenagers"],
        ["learning disability", "learning disabilities", "learning difficulties"],
    ]

    public struct Card: Encodable, Sendable {
        let id: String
        let name: String
        let href: String
        let summary: String
        let picture: String?
        let types: [String]
        let typeLabels: [String]
        let areas: [String]
        let cost: String
        let overnight: Bool
        let emergency: Bool
        /// The words of each field, in the order of `fields`.
        let words: [[String]]
    }

    public let cards: [Card]
    public let synonyms: [[String]]

    /// - Parameters:
    ///   - pictureURL: the address of a service's picture from the listing page, when it has one.
    public init(entries: [ServiceEntry], extraSynonyms: [[String]] = [], pictureURL: (ServiceEntry) -> String? = { _ in nil }) {
        // In runs of services, each run with its own memory of stems: most words come again and again.
        let runs = stride(from: 0, to: entries.count, by: 256).map { entries[$0..<min(entries.count, $0 + 256)] }
        cards = Parallel.map(runs) { run in
            var stems: [String: String] = [:]
            return run.map { entry in Self.card(entry, pictureURL: pictureURL, stems: &stems) }
        }.flatMap { $0 }
        synonyms = Self.merge(Self.defaultSynonyms, extraSynonyms)
    }

    /// A service's card, with the words of each field.
    private static func card(_ entry: ServiceEntry, pictureURL: (ServiceEntry) -> String?,
                             stems: inout [String: String]) -> Card {
        let service = entry.service
        let fields: [String] = [
            service.name,
            service.breakTypes.map { "\($0.label) \($0.rawValue)" }.joined(separator: " "),
            service.summary + " " + (service.easyReadSummary ?? ""),
            service.areas.joined(separator: " "),
            service.organization?.name ?? "",
            entry.description.root.plainText,
            (service.eligibility ?? "") + " " + (service.howToGetIt ?? ""),
            // Health needs, culture, accessibility and languages: "autism", "halal", "hoist", "Punjabi".
            (service.healthSupport + service.culture + service.accessibility).map(Facts.label).joined(separator: " ")
                + " " + service.languages.map(Facts.language).joined(separator: " "),
        ]
        // From the listing at /services/, so that every result's link ends with /services/<id>/.
        return Card(id: service.id, name: service.name, href: "../\(entry.slug)/", summary: service.summary,
                    picture: pictureURL(entry), types: service.breakTypes.map(\.rawValue),
                    typeLabels: service.breakTypes.map(\.label), areas: service.areas,
                    cost: Facts.costSummary(service.costs), overnight: service.overnight,
                    emergency: service.emergency, words: fields.map { words($0, stems: &stems) })
    }

    /// The words of a text as search sees them: split by `SearchTokens`, then each word's stem (`EnglishStemmer`,
    /// as the browser stems what is typed), each stem once, in the order first seen. Each word is stemmed once.
    public static func words(_ text: String) -> [String] {
        var stems: [String: String] = [:]
        return words(text, stems: &stems)
    }

    /// The same, with the stems of words seen before kept in `stems`.
    static func words(_ text: String, stems: inout [String: String]) -> [String] {
        unique(unique(SearchTokens.tokens(text)).map { word in
            if let stem = stems[word] { return stem }
            let stem = EnglishStemmer.stem(word)
            stems[word] = stem
            return stem
        })
    }

    /// Each word once, in the order first seen.
    private static func unique(_ words: [String]) -> [String] {
        // A field of a few words is looked through, which is quicker than hashing each of them.
        if words.count <= 16 {
            var kept: [String] = []
            kept.reserveCapacity(words.count)
            for word in words where !kept.contains(word) { kept.append(word) }
            return kept
        }
        var seen = Set<String>()
        return words.filter { seen.insert($0).inserted }
    }

    /// A site's groups join the default group they share a word with, or stand on their own.
    /// Each word is looked up in an index of the groups so far, so thousands of groups merge in linear time.
    static func merge(_ base: [[String]], _ extra: [[String]]) -> [[String]] {
        var groups: [[String]] = []
        var groupOf: [String: Int] = [:]
        for (isBase, group) in base.map({ (true, $0) }) + extra.map({ (false, $0) }) {
            let lowered = group.map { $0.lowercased() }
            if !isBase, let index = lowered.lazy.compactMap({ groupOf[$0] }).min() {
                for word in lowered where groupOf[word] == nil {
                    groups[index].append(word)
                    groupOf[word] = index
                }
            } else {
                groups.append(lowered)
                for word in lowered where groupOf[word] == nil { groupOf[word] = groups.count - 1 }
            }
        }
        return groups
    }

    /// `window.SIGNPOST_SEARCH = {…};`
    public func script() -> String { String(decoding: scriptBytes(), as: UTF8.self) }

    /// The script as UTF-8. The JSON is written by hand, keys in sorted order as `JSONEncoder` with `.sortedKeys`
    /// wrote them (so the same content always gives the same file), each service's card on its own core: at 10,000
    /// services `JSONEncoder` took three seconds.
    public func scriptBytes() -> [UInt8] {
        let cardBytes = Parallel.map(cards) { card -> [UInt8] in
            var json = JSONBytes(capacity: 2048)
            card.write(into: &json)
            return json.bytes
        }
        var json = JSONBytes(capacity: cardBytes.reduce(4096) { $0 + $1.count + 1 })
        json.raw("window.SIGNPOST_SEARCH = {\"fields\":")
        json.strings(Self.fields.map(\.name))
        json.raw(",\"services\":")
        json.list(cardBytes) { $0.append($1) }
        json.raw(",\"synonyms\":")
        json.list(synonyms) { $0.strings($1) }
        json.raw(",\"types\":")
        json.list(BreakType.allCases) { $0.strings([$1.rawValue, $1.label]) }
        json.raw(",\"version\":1,\"weights\":[")
        json.raw(Self.fields.map { String($0.weight) }.joined(separator: ","))
        json.raw("]};\n")
        return json.bytes
    }
}

extension SearchIndex.Card {
    /// The card's JSON object, keys in sorted order; `picture` only when there is one. The whole index (`full`) holds
    /// the kinds' labels and the card's words; a shard of cards leaves them out, since the page finds the labels in
    /// the root's list of kinds and searches the words in the term shards.
    func write(into json: inout JSONBytes, full: Bool = true) {
        json.raw("{\"areas\":")
        json.strings(areas)
        json.raw(",\"cost\":")
        json.string(cost)
        json.raw(",\"emergency\":")
        json.bool(emergency)
        json.raw(",\"href\":")
        json.string(href)
        json.raw(",\"id\":")
        json.string(id)
        json.raw(",\"name\":")
        json.string(name)
        json.raw(",\"overnight\":")
        json.bool(overnight)
        if let picture {
            json.raw(",\"picture\":")
            json.string(picture)
        }
        json.raw(",\"summary\":")
        json.string(summary)
        if full {
            json.raw(",\"typeLabels\":")
            json.strings(typeLabels)
        }
        json.raw(",\"types\":")
        json.strings(types)
        if full {
            json.raw(",\"words\":")
            json.list(words) { $0.strings($1) }
        }
        json.raw("}")
    }
}
