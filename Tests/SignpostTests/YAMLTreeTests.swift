import Foundation
import Testing
import Markdown
import ServiceDirectory
@testable import SiteModel

/// Front matter is read in one libyaml pass into our own tree (`YAMLTreeReader`) instead of into Yams's. Whatever a
/// person writes, they must get the same value, the same messages at the same lines and columns, and the same key
/// positions as when Yams built the tree.
@Suite("YAML read in one pass gives what Yams gave")
struct YAMLTreeTests {
    /// Good and broken YAML of every kind the one pass reads itself or leaves to Yams.
    static let documents: [String] = [
        "title: A\nsummary: B\n",
        "title: A\nsummary: B\norder: 3\nformat: easy-read\neasy_read_of: pages/a.md\nupdated: 2026-03-12\nstatus: draft\n",
        "title: A\nsummary: B\nservices:\n  area: Rutland\n  emergency: yes\n  overnight: No\n  break_type: sitting\n",
        "",
        "# only a comment\n",
        "---\n",
        "just text\n",
        "- title: A\n- summary: B\n",
        "title: A\n\tsummary: B\n",
        "title: A\n  summary: B\nformat: standard\n",
        "title: A\nsummary: B\ntitel: C\nfoo: 1\n",
        "title: A\nsummary: B\nservices:\n  areaa: x\n  overnight: maybe\n",
        "title: [a, b]\nsummary: {a: 1}\norder: x\nformat: easy\nstatus: gone\nupdated: 2026-13-45\n",
        "title: A\nsummary: B\norder: 1.5\nslug: [x]\npicture: {a: b}\nservices: [a]\n",
        "title: A\nsummary: B\ntitle: C\n",
        "title: A\nsummary: B\nservices:\n  area: x\n  area: y\n",
        "title: &t A\nsummary: *t\n",
        "title: A\nsummary: B\nservices: &s {area: x}\nslug: *s\n",
        "x: &l [1]\ntitle: *l\nsummary: B\n",
        "title: &a A\nsummary: &a B\nslug: *a\n",
        "title: A\nsummary: *nope\n",
        "title: A\nsummary: B\nservices: &s {area: *s}\n",
        "&k title: A\nsummary: B\n*k : C\n",
        "title: A\nsummary: B\n? [a, b]\n: c\n? [c]\n: d\n",
        "title: A\nsummary: B\n{a: 1}: c\n",
        "title: A\nsummary: B\n<<: {area: x}\n",
        "title: A\nsummary: B\n---\ntitle: C\n",
        "title: A\nsummary: B\n---\ntitle: [\n",
        "title: A\nsummary: B\n...\n",
        "%YAML 1.1\n---\ntitle: A\nsummary: B\n",
        "title: \"A\nsummary: B\n",
        "title: Breaks: a guide\nsummary: B\n",
        "title: A\nsummary: [B\n",
        "\u{FEFF}title: A\nsummary: B\n",
        "title: A\r\nsummary: B\r\norder: x\r\n",
        "title: \"\\uFEFFA\"\nsummary: \"A\\0B\"\n",
        "title: ééé\nsummary: B\norder: é\n",
        "title: !custom A\nsummary: !!str B\norder: !!int 3\n",
        "title: |\n  A title\n  on lines\nsummary: >-\n  folded\n  text\n",
        "title: A\nsummary: B\n" + String(repeating: "k", count: 10_050) + ": v\n" + String(repeating: "k", count: 10_050) + ": w\n",
        "title: A\nsummary: B\nservices: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n",
        "title: A\u{07}\nsummary: B\n",
        "title: A\0\nsummary: B\n",
        // Service front matter.
        "id: a\nname: A\nsummary: B\ncosts:\n  - { option: x, amount: 12, currency: GBP }\n  - { option: y, amount: x }\n"
            + "hours:\n  - { days: [mo, xx], opens: \"25:00\", closes: \"10:00\" }\nlanguages: [en, [gu]]\nages: { min: 6, max: 3 }\n",
        // Site settings and glossaries.
        "title: T\nchecks:\n  easy-read:\n    sentence-length: { warning: 12, error: -1 }\n    long-words: sometimes\n",
        "title: T\nwords: [a, b]\nsynonyms: [[a, b], c]\nnavigation:\n  - page: a.md\n  - label: B\n",
        "words:\n  - word: respite\n    meaning: A short break.\n  - word: x\n  - meaning: y\n    forms: x\n",
    ]

    /// Decodes `yaml` as `type` both ways and expects the same diagnostics, key positions and value.
    func expectSame<T: Decodable>(_ type: T.Type, _ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let onePass = YAMLReader.decode(type, from: yaml, file: "a.md", lineOffset: 1, alwaysYams: false)
        let yams = YAMLReader.decode(type, from: yaml, file: "a.md", lineOffset: 1, alwaysYams: true)
        #expect(onePass.diagnostics == yams.diagnostics, "\(yaml.prefix(80).debugDescription)", sourceLocation: sourceLocation)
        #expect(onePass.keyPositions == yams.keyPositions, "\(yaml.prefix(80).debugDescription)", sourceLocation: sourceLocation)
        #expect(String(describing: onePass.value) == String(describing: yams.value), sourceLocation: sourceLocation)
    }

    @Test(arguments: documents)
    func pagesSitesGlossariesAndServicesReadTheSame(_ yaml: String) {
        expectSame(PageFrontMatter.self, yaml)
        expectSame(SiteConfig.self, yaml)
        expectSame(Glossary.self, yaml)
        expectSame(Service.self, yaml)
    }

    /// Each scalar keeps its text; the decoder's own rules say what it may be. These are the rules people rely on.
    @Test(arguments: [
        // (value of `order:`, the order read, or the message)
        ("3", "3"), ("+7", "7"), ("-5", "-5"), ("1_000", "1000"), ("010", "10"), ("\"12\"", "12"),
        ("0x1F", "`order` should be a whole number, not `0x1F`."),
        ("1e3", "`order` should be a whole number, not `1e3`."),
        ("1.5", "`order` should be a whole number, not `1.5`."),
        ("99999999999999999999", "`order` is `99999999999999999999`, which is too large a number."),
        ("~", "nil"), ("null", "nil"), ("Null", "nil"), ("NULL", "nil"), ("", "nil"),
        ("\"null\"", "`order` should be a whole number, not `null`."),
        ("''", "`order` should be a whole number, not ``."),
        ("2026-01-02T10:00:00Z", "`order` should be a whole number, not `2026-01-02T10:00:00Z`."),
    ])
    func numbersAndNulls(_ written: String, _ expected: String) {
        let decoded = YAMLReader.decode(PageFrontMatter.self, from: "title: A\nsummary: B\norder: \(written)\n", file: "a.md")
        let found = decoded.value.map { $0.order.map(String.init) ?? "nil" } ?? decoded.diagnostics.first?.message
        #expect(found == expected)
        expectSame(PageFrontMatter.self, "title: A\nsummary: B\norder: \(written)\n")
    }

    @Test(arguments: [
        ("true", "true"), ("True", "true"), ("YES", "true"), ("yes", "true"), ("\"true\"", "true"),
        ("false", "false"), ("No", "false"), ("'no'", "false"),
        ("on", "`services.emergency` should be `true` or `false`, not `on`."),
        ("y", "`services.emergency` should be `true` or `false`, not `y`."),
        ("1", "`services.emergency` should be `true` or `false`, not `1`."),
        ("~", "nil"),
    ])
    func trueAndFalse(_ written: String, _ expected: String) {
        let yaml = "title: A\nsummary: B\nservices:\n  emergency: \(written)\n"
        let decoded = YAMLReader.decode(PageFrontMatter.self, from: yaml, file: "a.md")
        let found = decoded.value.map { $0.services?.emergency.map { "\($0)" } ?? "nil" } ?? decoded.diagnostics.first?.message
        #expect(found == expected)
        expectSame(PageFrontMatter.self, yaml)
    }

    @Test func aliasesReadAsWhatTheyName() {
        let decoded = YAMLReader.decode(PageFrontMatter.self, from: "title: &t Short breaks\nsummary: *t\n", file: "a.md")
        #expect(decoded.value?.summary == "Short breaks")
        // An alias stands at its anchor's place, as it did when Yams built the tree.
        #expect(decoded.keyPositions["summary"] == SourcePosition(line: 2, column: 1))
    }

    @Test func aKeyGivenTwiceInALongMappingIsFound() {
        let keys = (0..<40).map { "word\($0): x" }.joined(separator: "\n")
        let decoded = YAMLReader.decode(Glossary.self, from: keys + "\nword7: y\n", file: "glossary.yml")
        #expect(decoded.diagnostics.map(\.message) == ["`word7` is given twice here. Keep one of them."])
        #expect(decoded.diagnostics.first?.line == 41)
    }

    /// A title of nothing but spaces, tabs or line breaks of any kind is empty, exactly as Foundation's trimming said.
    @Test func titlesOfOnlySpacesAreEmpty() {
        for value in 0...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let foundation = CharacterSet.whitespacesAndNewlines.contains(scalar)
            if NonEmptyText.isSpaceOrNewline(scalar) != foundation {
                Issue.record("U+\(String(value, radix: 16, uppercase: true)): Foundation says \(foundation)")
            }
        }
        let decoded = YAMLReader.decode(PageFrontMatter.self, from: "title: \"\u{A0}\u{3000}\\t\"\nsummary: B\n", file: "a.md")
        #expect(decoded.diagnostics.map(\.message) == ["`title` is empty. Write some words here."])
    }
}
