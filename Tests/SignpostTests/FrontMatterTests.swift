import Testing
import SiteModel

@Suite("Front matter errors point at the exact line and column")
struct FrontMatterTests {
    func problems(_ text: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        _ = ContentLoader().loadPage("pages/a.md", from: MemoryContentSource(["pages/a.md": text]), diagnostics: &diagnostics)
        return diagnostics
    }

    @Test func unknownKeySuggestsTheRightOne() {
        let found = problems(pageFile("title: Breaks\nsumary: About breaks."))
        let unknown = found.first { $0.message.contains("Unknown key `sumary`") }
        #expect(unknown?.line == 3)
        #expect(unknown?.column == 1)
        #expect(unknown?.message.contains("Did you mean `summary`?") == true)
    }

    @Test func wrongTypeNamesTheKeyAndLine() {
        let found = problems(pageFile("title: Breaks\nsummary: About breaks.\norder: first"))
        #expect(found.count == 1)
        #expect(found.first?.line == 4)
        #expect(found.first?.column == 8)
        #expect(found.first?.message == "`order` should be a whole number, not `first`.")
    }

    @Test func listWhereTextIsExpected() {
        let found = problems(pageFile("title: [a, b]\nsummary: About breaks."))
        #expect(found.first?.line == 2)
        #expect(found.first?.column == 8)
        #expect(found.first?.message.contains("should be text, but it is a list") == true)
    }

    @Test func missingTitle() {
        let found = problems(pageFile("summary: About breaks."))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("`title` is missing") == true)
        #expect(found.first?.line == 2)
    }

    @Test func everyMissingRequiredFieldIsReported() {
        let found = problems(pageFile("order: 2"))
        #expect(found.map(\.message).sorted() == ["`summary` is missing. It must be given.", "`title` is missing. It must be given."])
    }

    @Test func badDate() {
        let found = problems(pageFile("title: A\nsummary: B.\nupdated: 2026-02-30"))
        #expect(found.first?.line == 4)
        #expect(found.first?.column == 10)
        #expect(found.first?.message.contains("should be a real date written like 2026-03-12") == true)
    }

    @Test func badChoiceListsTheChoices() {
        let found = problems(pageFile("title: A\nsummary: B.\nformat: easy read"))
        #expect(found.first?.message.contains("Use one of: standard, easy-read") == true)
        #expect(found.first?.message.contains("Did you mean `easy-read`?") == true)
    }

    @Test func everyProblemInAFileIsReportedTogether() {
        let found = problems(pageFile("titel: A\nsummary: B.\norder: x\nupdated: soon\nstatus: gone"))
        // The unknown key, the bad order, the bad date, the bad status and the missing title.
        #expect(found.count == 5)
        #expect(Set(found.map(\.line)) == [2, 4, 5, 6])
    }

    @Test func yamlSyntaxErrorHasItsPlace() {
        let found = problems(pageFile("title: Breaks: a guide\nsummary: B."))
        #expect(found.count == 1)
        #expect(found.first?.line == 2)
        #expect(found.first?.message.contains("must be put in quotes") == true)
    }

    @Test func fileWithoutFrontMatter() {
        let found = problems("# Just a heading\n")
        #expect(found.first?.message.contains("has no front matter") == true)
    }

    @Test func siteConfigUnknownKey() throws {
        let loaded = try ContentLoader().load(from: MemoryContentSource(["site.yml": "title: A\nlanguge: cy\n"]))
        #expect(loaded.site == nil)
        #expect(loaded.diagnostics.first?.file == "site.yml")
        #expect(loaded.diagnostics.first?.line == 2)
        #expect(loaded.diagnostics.first?.message.contains("Did you mean `language`?") == true)
    }

    @Test func duplicateSlugIsAnErrorAtTheSlugLine() throws {
        let result = try buildInMemory([
            "pages/a.md": pageFile("title: A\nsummary: A.\nslug: breaks"),
            "pages/b.md": pageFile("title: B\nsummary: B.\nslug: breaks"),
        ])
        let duplicate = result.errors.first { $0.message.contains("is also the address of") }
        #expect(duplicate != nil)
        #expect(duplicate?.line == 4)
        #expect(duplicate?.column == 1)
        #expect(result.files.isEmpty)
    }
}
