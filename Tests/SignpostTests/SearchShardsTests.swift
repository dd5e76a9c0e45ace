import Foundation
import Testing
import ServiceDirectory
import SiteModel

/// The search index in shards (issue #12): what the listing page loads must hold every service's words exactly once,
/// in the shard the root points a browser to, and a changed service must never leave an old file under a new root.
@Suite("The search index is split into shards loaded on demand")
struct SearchShardsTests {
    /// Services whose names share no word but "service", so many services make many distinct terms.
    func services(_ count: Int, summary: (Int) -> String = { _ in "Breaks for everyone." }) -> [ServiceEntry] {
        (0..<count).map { n in
            ServiceEntry(path: "services/s\(n).md",
                         service: Service(id: "s\(n)", name: "Service \(n) word\(n * 7919 % 10007)x", summary: summary(n),
                                          breakTypes: n % 2 == 0 ? [.community] : [.holiday, .emergency],
                                          areas: [n % 3 == 0 ? "Rutland" : "Leicester"]),
                         description: .init("About *service* \(n): a long description of what happens on the day."))
        }
    }

    /// The files by path, and the data each file hands back to the page, parsed.
    func parsed(_ shards: SearchShards) throws -> (root: [String: Any], data: [String: Any]) {
        var root: [String: Any] = [:], data: [String: Any] = [:]
        for (path, bytes) in shards.files {
            let text = String(decoding: bytes, as: UTF8.self)
            if path == "search-index.js" {
                #expect(text.hasPrefix("window.SIGNPOST_SEARCH = {") && text.hasSuffix("};\n"))
                let json = text.dropFirst("window.SIGNPOST_SEARCH = ".count).dropLast(2)
                root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
                continue
            }
            let name = String(path.dropFirst("search/".count).dropLast(".js".count))
            let prefix = "SignpostSearch.receive(\"\(name)\","
            #expect(text.hasPrefix(prefix) && text.hasSuffix(");\n"), "\(path) calls the page back with its own name")
            let json = text.dropFirst(prefix.count).dropLast(3)
            data[name] = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        }
        return (root, data)
    }

    @Test func aSmallSiteHasOneShardAndEveryFileTheRootNames() throws {
        let shards = SearchShards(index: SearchIndex(entries: services(31)))
        let (root, data) = try parsed(shards)
        let shardList = try #require(root["shards"] as? [[String]])
        #expect(shardList.count == 1, "31 services' words fit in one shard")
        #expect(root["count"] as? Int == 31)
        #expect(root["version"] as? Int == 2)
        var named = shardList.map { $0[1] } + (root["typos"] as! [[String]]).map { $0[1] }
        let facets = try #require(root["facets"] as? [String: [[String]]])
        named += facets.values.flatMap { $0.map { $0[1] } }
        for name in named { #expect(data[name] != nil, "the root names \(name), which was not written") }
        #expect(facets["area"]?.map { $0[0] } == ["Leicester", "Rutland"])
        let cards = try #require(root["cards"] as? [String: Any])
        let version = try #require(cards["version"] as? String)
        #expect((0..<4).allSatisfy { data["cards-\($0).\(version)"] != nil }, "31 services' cards in files of 10")
    }

    @Test func everyWordIsInTheOneShardTheRootPointsTo() throws {
        let entries = services(2000)
        let index = SearchIndex(entries: entries)
        let (root, data) = try parsed(SearchShards(index: index))
        let shardList = try #require(root["shards"] as? [[String]])
        #expect(shardList.count > 3, "2,000 services with their own words make several shards")
        let firsts = shardList.map(\.[0])
        let utf16Order: (String, String) -> Bool = { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        #expect(firsts == firsts.sorted(by: utf16Order), "shards are in JavaScript's order of strings")
        // Each term where a browser looks for it: the last shard whose first term is not after it.
        var termsSeen = Set<String>()
        for (position, shard) in shardList.enumerated() {
            let terms = try #require(data[shard[1]] as? [String: [Any]])
            for term in terms.keys {
                #expect(termsSeen.insert(term).inserted, "\(term) is in one shard only")
                let home = firsts.lastIndex { !utf16Order(term, $0) }
                #expect(home == position, "\(term) is in shard \(position), but a browser looks in \(home ?? -1)")
            }
        }
        // Postings say which service and field hold each word, and the field's length, for BM25.
        for (number, card) in entries.enumerated() where number % 37 == 0 {
            let words = SearchIndex.words(card.service.name)
            for word in words {
                let shard = shardList[firsts.lastIndex { !utf16Order(word, $0) }!][1]
                let posting = try #require((data[shard] as? [String: [Any]])?[word])
                let codes = try #require(posting[1] as? [Int])
                var service = 0, found = false
                for pair in stride(from: 0, to: codes.count, by: 2) {
                    service += codes[pair]
                    if service == number && codes[pair + 1] == words.count * 8 + 0 { found = true }
                }
                #expect(found, "\(word) is in the name of service \(number), of \(words.count) words")
            }
        }
        let stem = SearchIndex.words("service")[0]
        let service = try #require((data[shardList[firsts.lastIndex { !utf16Order(stem, $0) }!][1]] as? [String: [Any]])?[stem])
        #expect(service[0] as? Int == 2000, "every service has the word: its document frequency")
    }

    @Test func aChangedServiceGivesNewFileNamesAndAnOldNameNeverHasNewContent() throws {
        let before = SearchShards(index: SearchIndex(entries: services(600)))
        let after = SearchShards(index: SearchIndex(entries: services(600) { $0 == 5 ? "Zebra rides." : "Breaks for everyone." }))
        let beforeFiles = Dictionary(uniqueKeysWithValues: before.files.map { ($0.path, $0.bytes) })
        let beforePaths = Set(before.files.map(\.path)), afterPaths = Set(after.files.map(\.path))
        #expect(!afterPaths.subtracting(beforePaths).filter { $0.hasPrefix("search/terms-") }.isEmpty,
                "the shards with the changed words get new names")
        for (path, bytes) in after.files where path != "search-index.js" {
            if let old = beforeFiles[path] { #expect(old == bytes, "\(path) kept its name, so it must keep its content") }
        }
        #expect(afterPaths.filter { $0.hasPrefix("search/cards-") }.isDisjoint(with: beforePaths),
                "every card file gets the new version, so an old card never shows under a new root")
        #expect(before.files.first?.path == "search-index.js" && after.files.first?.path == "search-index.js")
        let again = SearchShards(index: SearchIndex(entries: services(600)))
        #expect(again.files.map(\.path) == before.files.map(\.path) && again.files.map(\.bytes) == before.files.map(\.bytes),
                "the same services give the same files, byte for byte")
    }
}
