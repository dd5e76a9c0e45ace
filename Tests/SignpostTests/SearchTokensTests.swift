import Foundation
import Testing
import ServiceDirectory

/// The index is built with the same tokeniser the browser searches with: the table in
/// Fixtures/search-tokens.json is checked here and in Tests/Browser/test_directory.py. Accented letters lose their
/// accents, and Urdu, Punjabi in Gurmukhi and Gujarati words stay whole, vowel signs and all.
@Suite struct SearchTokensTests {
    struct Row: Decodable {
        let text: String
        let tokens: [String]
    }

    @Test func theSharedTableOfStrings() throws {
        let url = repositoryRoot.appendingPathComponent("Tests/SignpostTests/Fixtures/search-tokens.json")
        let rows = try JSONDecoder().decode([Row].self, from: Data(contentsOf: url))
        #expect(rows.count >= 20)
        #expect(rows.contains { $0.text.unicodeScalars.contains { (0x0A00...0x0A7F).contains($0.value) } }, "Gurmukhi")
        #expect(rows.contains { $0.text.unicodeScalars.contains { (0x0A80...0x0AFF).contains($0.value) } }, "Gujarati")
        #expect(rows.contains { $0.text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } }, "Urdu")
        for row in rows { #expect(SearchTokens.tokens(row.text) == row.tokens, "\(row.text)") }
    }

    @Test func theIndexHoldsStemsSoFormsOfAWordFindEachOther() throws {
        let service = serviceFile(goodService, "Our nurses are trained in nursing care. Sitting for an evening.")
        let context = try buildInMemory(["site.yml": minimalConfig, "services/a.md": service])
        // The index's terms are in its shards (`SearchShards`); one shard for one service.
        let shards = context.files.keys.filter { $0.hasPrefix("services/search/terms-") }
        #expect(shards.count == 1)
        let script = try #require(shards.first.flatMap(context.html))
        // "nurses" and "nursing" are both held as "nurs", once; "Sitters" as "sitter", "evening" stays whole.
        #expect(script.contains("\"nurs\"") && !script.contains("\"nurses\"") && !script.contains("\"nursing\""))
        #expect(script.components(separatedBy: "\"nurs\"").count == 2, "each stem once in the index")
        #expect(script.contains("\"sunni\"") && script.contains("\"sitter\""), "the name's words")
        #expect(script.contains("\"sit\"") && script.contains("\"evening\""))
        #expect(SearchIndex.words("Nurses, nursing and a nurse") == ["nurs", "and", "a"])
    }

    @Test func aSitesSearchSynonymsAreSeparateFromTheCheckers() throws {
        let service = serviceFile(goodService)
        let context = try buildInMemory([
            "site.yml": minimalConfig + "\nsynonyms:\n  - [helper, assistant]\nsearch_synonyms:\n  - [kids, bairns]\n",
            "services/a.md": service,
        ])
        let script = try #require(context.html("services/search-index.js"))
        #expect(script.contains("\"bairns\""), "search_synonyms are searched")
        #expect(!script.contains("\"assistant\""), "the checker's synonyms are not search's")
    }
}
