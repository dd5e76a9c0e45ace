import Foundation
import Testing
import ServiceDirectory
import SiteModel

/// The directory writes its JSON by hand, for speed. These check that what people's browsers and Open Referral
/// readers get is unchanged: the same text as before, valid, and safe inside a `<script>` element.
@Suite("The directory's JSON is written fast and unchanged")
struct DirectoryJSONTests {
    /// Text with everything that needs care: quotes, backslashes, every control character, HTML's `<`, `>` and `&`,
    /// accents, an emoji and the line and paragraph separators that end a line in older JavaScript.
    static let awkward: String = {
        var text = "Sam's \"Café\" \\ <script>&amp; </script> 💙 \u{2028}\u{2029}/\u{7f}"
        for value in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        return text
    }()

    @Test func exportsAreTheSameTextAsBefore() {
        let value: JSONValue = [
            "name": .string(Self.awkward), "amount": .number(40.71), "whole": .number(40), "count": .integer(-3),
            "open": .bool(true), "none": .null, "empty": .array([]), "nothing": .object([]),
            "list": .array([.string("a"), ["inner": .array([.integer(1), .number(1e20)])]]),
        ]
        for indent in [0, 2] {
            #expect(String(decoding: value.bytes(indent: indent), as: UTF8.self) == value.serialized(indent: indent))
        }
    }

    @Test func jsonLDCannotCloseItsScriptElement() {
        let entry = ServiceEntry(path: "services/a.md", service: Service(id: "a", name: "</script><script>alert(1)",
                                                                         summary: Self.awkward),
                                 description: .init(""))
        let text = StructuredData.jsonLD(for: entry, pageURL: "https://x.example.org/services/a/")
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("\u{2028}"))
        let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["name"] as? String == "</script><script>alert(1)")
        #expect(object?["description"] as? String == Self.awkward)
    }

    @Test func searchIndexStringsAreTheSameAsJSONEncoders() throws {
        struct Wrapper: Encodable { let text: String }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        let expected = String(decoding: try encoder.encode(Wrapper(text: Self.awkward)), as: UTF8.self)
        var json = JSONBytes()
        json.raw("{\"text\":")
        json.string(Self.awkward)
        json.raw("}")
        #expect(String(decoding: json.bytes, as: UTF8.self) == expected)
    }

    @Test func searchIndexKeepsEveryServicesCardAndPicture() throws {
        let services = (1...3).map { n in
            ServiceEntry(path: "services/s\(n).md",
                         service: Service(id: "s\(n)", name: "Service \(n) \"quoted\"", summary: "Breaks.", breakTypes: [.community],
                                          areas: ["Leicester"], costs: [Cost(option: "Per night", amount: 40.71)]),
                         description: .init("About *service* \(n)."))
        }
        let index = SearchIndex(entries: services) { $0.id == "s2" ? "../pictures/house.svg" : nil }
        let script = index.script()
        let json = String(script.dropFirst("window.SIGNPOST_SEARCH = ".count).dropLast(2))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let cards = try #require(object["services"] as? [[String: Any]])
        #expect(cards.map { $0["name"] as? String } == ["Service 1 \"quoted\"", "Service 2 \"quoted\"", "Service 3 \"quoted\""])
        #expect(cards.map { $0["picture"] as? String } == [nil, "../pictures/house.svg", nil])
        #expect(cards[0]["cost"] as? String == "Per night: £40.71")
        #expect((cards[0]["words"] as? [[String]])?[5] == ["about", "servic", "1"], "stems, as the browser stems a query")
        #expect(object["version"] as? Int == 1)
        #expect((object["types"] as? [[String]])?.first == ["building-based", "Stay in a short break home"])
    }

    @Test func openReferralIdsAreUUIDs() throws {
        let service = ServiceEntry(path: "services/a.md", service: Service(id: "a", name: "A", summary: "B."),
                                   description: .init(""))
        let files = OpenReferral(entries: [service], siteURL: "https://x.example.org").files()
        let record = try #require(try JSONSerialization.jsonObject(with: files["openreferral/services/a.json"]!) as? [String: Any])
        let id = try #require(record["id"] as? String)
        #expect(UUID(uuidString: id) != nil)
        #expect(id.count == 36 && id.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        #expect(Array(id)[14] == "5" && "89ab".contains(Array(id)[19]))
        // Python: uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, "https://signpost.invalid/openreferral"), "service:a")
        #expect(id == NameUUID.v5("service:a"))
    }
}
