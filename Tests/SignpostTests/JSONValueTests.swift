import Foundation
import Testing
import SiteModel

@Suite("JSON exports")
struct JSONValueTests {
    @Test func keysKeepTheirOrderAndTextIsEscaped() throws {
        let value: JSONValue = ["b": 1, "a": ["x", .number(40.71), .bool(true), .null], "c": "quote \" </script> & new\nline"]
        let text = value.serialized()
        #expect(text == #"{"b":1,"a":["x",40.71,true,null],"c":"quote \" \u003c/script\u003e \u0026 new\nline"}"#)
        // And it is real JSON.
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["c"] as? String == "quote \" </script> & new\nline")
    }

    @Test func optionalValuesAreLeftOutWhenAbsent() {
        let value = JSONValue.object([("id", "a")]).adding("email", .text(nil)).adding("age", .int(18))
        #expect(value.serialized() == #"{"id":"a","age":18}"#)
    }

    @Test func prettyPrinting() {
        let value: JSONValue = ["a": [1, 2]]
        #expect(value.serialized(indent: 2) == "{\n  \"a\": [\n    1,\n    2\n  ]\n}")
    }
}
