import SiteModel

/// The search index split into small files that the listing page loads only when a search needs them, so that the
/// first search on a phone stays small at 100,000 services (issue #12). Every file is a script, not JSON, so that
/// search also works when the site is opened from disk, where `fetch` is refused.
///
/// - `search-index.js`, the root, which the listing page loads: the number of services, the fields' weights and
///   total lengths (for BM25), the synonyms, the kinds of break, and the names of the other files.
/// - `search/terms-N.HASH.js`: the postings of a run of terms in sorted order (UTF-16 order, as JavaScript compares
///   strings). The root lists each shard's first term, so a term, or every term starting with a prefix, maps to its
///   shards without loading anything else, as Pagefind's index chunks do.
/// - `search/typos-N.HASH.js`: the terms of 3 or more letters that start with one letter, for near misses. A typo is
///   found when the first letter is right ("emergancy" finds "emergency"; "imergency" does not).
/// - `search/type-N.HASH.js`, `search/area-N.HASH.js`: the numbers of the services of one kind of break or area,
///   loaded when its filter is ticked.
/// - `search/cards-K.VERSION.js`: what a result card shows, for services K × 10 to K × 10 + 9, loaded for the results
///   shown (the first 50, then "Show more"). One version for all of them, made from their content.
///
/// Services are numbered in the order of the index's cards (the directory's name order), which is also how equal
/// scores are ordered. Every file name but the root's carries a hash of its content, so a browser's cached old file
/// never meets a new root.
public struct SearchShards: Sendable {
    /// How many bytes of postings a term shard holds before the next term starts a new one. A single term's postings
    /// may be bigger: a term is never split.
    public static let shardBytes = 48 * 1024
    /// How many services' cards go in one file.
    public static let cardsPerFile = 10
    /// The folder of the loaded files, beside the root.
    public static let folder = "search"

    /// Each file's path relative to the listing's folder (`search-index.js`, `search/…`) and its bytes.
    public let files: [(path: String, bytes: [UInt8])]

    public init(index: SearchIndex) {
        let count = index.cards.count
        let fieldCount = SearchIndex.fields.count
        var terms = TermPostings()
        var totals = [Int](repeating: 0, count: fieldCount)
        for (number, card) in index.cards.enumerated() {
            for (field, words) in card.words.enumerated() {
                totals[field] += words.count
                for word in words { terms.add(word, service: number, field: field, length: words.count) }
            }
        }
        let sorted = terms.sortedTerms()
        var files: [(path: String, bytes: [UInt8])] = []

        // Term shards: runs of sorted terms, each up to `shardBytes`.
        var shardList: [(first: String, name: String)] = []
        var shard = JSONBytes(capacity: Self.shardBytes + 4096)
        var shardFirst: String?
        func closeShard() {
            guard let first = shardFirst else { return }
            shard.raw("}")
            let name = Self.name("terms-\(shardList.count)", shard.bytes)
            files.append(Self.file(name, shard.bytes))
            shardList.append((first, name))
            shard = JSONBytes(capacity: Self.shardBytes + 4096)
            shardFirst = nil
        }
        for term in sorted {
            let entry = terms.entry(term)
            if shardFirst != nil, shard.bytes.count + entry.count > Self.shardBytes { closeShard() }
            if shardFirst == nil {
                shardFirst = term
                shard.raw("{")
            } else {
                shard.raw(",")
            }
            shard.string(term)
            shard.raw(":")
            shard.append(entry)
        }
        closeShard()

        // Near-miss vocabularies: terms of 3 letters or more (a query of 5 letters is 2 edits from nothing shorter),
        // by first letter.
        var typoList: [(letter: String, name: String)] = []
        var byLetter: [(letter: String, terms: [String])] = []
        for term in sorted where term.utf16.count >= 3 {
            let letter = String(term.unicodeScalars.first!)
            if byLetter.last?.letter == letter { byLetter[byLetter.count - 1].terms.append(term) } else { byLetter.append((letter, [term])) }
        }
        for (letter, letterTerms) in byLetter {
            var json = JSONBytes()
            json.strings(letterTerms)
            let name = Self.name("typos-\(typoList.count)", json.bytes)
            files.append(Self.file(name, json.bytes))
            typoList.append((letter, name))
        }

        // Filters: the services of each kind of break and each area, as gaps between service numbers.
        var typeServices: [String: [Int]] = [:], areaServices: [String: [Int]] = [:]
        var typeOrder: [String] = [], areaOrder: [String] = []
        for (number, card) in index.cards.enumerated() {
            for type in card.types where typeServices[type]?.last != number {
                if typeServices[type] == nil { typeOrder.append(type) }
                typeServices[type, default: []].append(number)
            }
            for area in card.areas where areaServices[area]?.last != number {
                if areaServices[area] == nil { areaOrder.append(area) }
                areaServices[area, default: []].append(number)
            }
        }
        func facetFiles(_ kind: String, _ order: [String], _ services: [String: [Int]]) -> [(String, String)] {
            order.sorted().enumerated().map { position, value in
                var json = JSONBytes()
                var previous = 0
                json.list(services[value]!) { json, number in
                    json.integer(number - previous)
                    previous = number
                }
                let name = Self.name("\(kind)-\(position)", json.bytes)
                files.append(Self.file(name, json.bytes))
                return (value, name)
            }
        }
        let typeFacets = facetFiles("type", typeOrder, typeServices)
        let areaFacets = facetFiles("area", areaOrder, areaServices)

        // Cards, ten services a file, one version for them all.
        let chunks = stride(from: 0, to: count, by: Self.cardsPerFile).map { start in
            Array(index.cards[start..<min(count, start + Self.cardsPerFile)])
        }
        let chunkBytes = Parallel.map(chunks) { cards -> [UInt8] in
            var json = JSONBytes(capacity: cards.count * 512)
            json.list(cards) { $1.write(into: &$0, full: false) }
            return json.bytes
        }
        var versionInput: [UInt8] = []
        for bytes in chunkBytes { versionInput.append(contentsOf: XXH64.hex(bytes).utf8) }
        let version = String(XXH64.hex(versionInput).prefix(12))
        for (number, bytes) in chunkBytes.enumerated() {
            files.append(Self.file("cards-\(number).\(version)", bytes))
        }

        var root = JSONBytes(capacity: 4096 + shardList.count * 40)
        root.raw("window.SIGNPOST_SEARCH = {\"cards\":{\"size\":")
        root.integer(Self.cardsPerFile)
        root.raw(",\"version\":")
        root.string(version)
        root.raw("},\"count\":")
        root.integer(count)
        root.raw(",\"facets\":{\"area\":")
        root.list(areaFacets) { $0.strings([$1.0, $1.1]) }
        root.raw(",\"type\":")
        root.list(typeFacets) { $0.strings([$1.0, $1.1]) }
        root.raw("},\"fields\":")
        root.strings(SearchIndex.fields.map(\.name))
        root.raw(",\"lengths\":")
        root.list(totals) { $0.integer($1) }
        root.raw(",\"shards\":")
        root.list(shardList) { $0.strings([$1.first, $1.name]) }
        root.raw(",\"synonyms\":")
        root.list(index.synonyms) { $0.strings($1) }
        root.raw(",\"types\":")
        root.list(BreakType.allCases) { $0.strings([$1.rawValue, $1.label]) }
        root.raw(",\"typos\":")
        root.list(typoList) { $0.strings([$1.letter, $1.name]) }
        root.raw(",\"version\":2,\"weights\":")
        root.list(SearchIndex.fields) { $0.integer($1.weight) }
        root.raw("};\n")
        files.insert(("search-index.js", root.bytes), at: 0)
        self.files = files
    }

    /// `terms-3.0123456789ab`: the kind and number, then the first 12 hex digits of the content's XXH64.
    static func name(_ stem: String, _ payload: [UInt8]) -> String { "\(stem).\(XXH64.hex(payload).prefix(12))" }

    /// `SignpostSearch.receive("name", payload);`: the script calls back the page that loaded it, with its name, so
    /// the page knows which of the files it asked for has come.
    static func file(_ name: String, _ payload: [UInt8]) -> (path: String, bytes: [UInt8]) {
        var script = JSONBytes(capacity: payload.count + 64)
        script.raw("SignpostSearch.receive(")
        script.string(name)
        script.raw(",")
        script.append(payload)
        script.raw(");\n")
        return ("\(folder)/\(name).js", script.bytes)
    }
}

/// Every term's postings, built service by service, already as the JSON the shards hold:
/// `[services, [gap, code, gap, code, …]]`, where `services` is how many services have the term (BM25's document
/// frequency), `gap` is the service's number less the previous posting's (0 for another field of the same service)
/// and `code` is the field's length in words × 8 + the field's number.
struct TermPostings {
    private var numbers: [String: Int] = [:]
    private var postings: [(services: Int, last: Int, bytes: [UInt8])] = []

    mutating func add(_ term: String, service: Int, field: Int, length: Int) {
        let number: Int
        if let known = numbers[term] {
            number = known
        } else {
            number = postings.count
            numbers[term] = number
            postings.append((0, -1, []))
        }
        let last = postings[number].last
        if last != service { postings[number].services += 1 }
        if !postings[number].bytes.isEmpty { postings[number].bytes.append(UInt8(ascii: ",")) }
        Self.digits(service - max(last, 0), into: &postings[number].bytes)
        postings[number].bytes.append(UInt8(ascii: ","))
        Self.digits(length * 8 + field, into: &postings[number].bytes)
        postings[number].last = service
    }

    /// The terms in JavaScript's order for strings: by UTF-16 code units.
    func sortedTerms() -> [String] {
        numbers.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
    }

    /// `[services,[…]]` for a term.
    func entry(_ term: String) -> [UInt8] {
        let posting = postings[numbers[term]!]
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        Self.digits(posting.services, into: &bytes)
        bytes.append(contentsOf: Array(",[".utf8))
        bytes.append(contentsOf: posting.bytes)
        bytes.append(contentsOf: Array("]]".utf8))
        return bytes
    }

    private static func digits(_ value: Int, into bytes: inout [UInt8]) {
        if value < 10 { bytes.append(UInt8(ascii: "0") + UInt8(value)); return }
        bytes.append(contentsOf: String(value).utf8)
    }
}
