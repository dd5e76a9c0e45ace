import Foundation
import Testing
import SiteModel
import ServiceDirectory

/// `signpost import openreferral`: a council's feed, in the HSDS 3.0 UK profile or the older ORUK v1 shape, becomes
/// service files that build; re-importing updates what the import wrote and keeps what staff wrote.
@Suite struct OpenReferralImportTests {
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/SignpostTests/Fixtures/OpenReferral")

    func read(_ names: [String]) throws -> OpenReferralFeedReader {
        var reader = OpenReferralFeedReader()
        for name in names { reader.read(try Data(contentsOf: Self.fixtures.appendingPathComponent(name)), file: name) }
        return reader
    }

    func plan(_ services: [ImportedService], existing: [String: String] = [:], state: OpenReferralImport.State = .init(),
              overwrite: Bool = false, areas: [String] = []) -> (OpenReferralImport.Plan, OpenReferralImport.State) {
        OpenReferralImport(mapping: .defaultMapping, areas: areas, overwrite: overwrite).plan(services, existing: existing, state: state)
    }

    @Test func theProfilesOwnExampleBecomesAServiceFile() throws {
        let reader = try read(["v3-service-full.json"])
        #expect(reader.problems.isEmpty)
        let (result, _) = plan(reader.result, areas: ["Leicester"])
        let text = try #require(result.files["services/community-counselling.md"])
        #expect(text.contains("openreferral_id: \"ac148810-d857-441c-9679-408f346de14b\""))
        #expect(text.contains("ages: { min: 12, max: 100 }"))
        #expect(text.contains("costs: [{ option: \"Under 18s and Over 60s\", amount: 35, description: \"per 1 hour session\" }]"))
        #expect(text.contains("hours: [{ days: [th, fr], opens: \"10:00\", closes: \"18:00\" }]"))
        #expect(text.contains("checked: 2005-01-01"))
        #expect(text.contains("areas: [\"Leicester\"]"))
        #expect(text.contains("location: { name: \"MyCity Civic Center\""))
        // Its one term, "name", is not in the table: it is listed, and the build will say the file needs a kind.
        #expect(result.unknownTerms.map(\.term) == ["name"])
        #expect(result.warnings.contains { $0.message.contains("break_types") })
    }

    @Test func anOlderV1FeedIsReadToo() throws {
        let reader = try read(["v1-services-page.json"])
        #expect(reader.problems.isEmpty)
        let (result, _) = plan(reader.result)
        let text = try #require(result.files["services/lakeside-overnight-breaks.md"])
        #expect(text.contains("summary: \"Overnight short breaks for adults with a learning disability.\""))
        #expect(text.hasSuffix("---\nWe have six bedrooms and a garden.\n"))
        #expect(text.contains("break_types: [building-based]"))
        #expect(text.contains("ages: { min: 18, max: 64 }"))
        #expect(text.contains("eligibility: \"Adults who live in Rutland.\""))
        #expect(text.contains("costs: [{ option: \"Per night\", amount: 40.71, description: \"Less with a direct payment.\" }]"))
        #expect(text.contains("languages: [en, ur]"))
        #expect(text.contains("accessibility: [step-free-access]"))
        #expect(text.contains("contact: { phone: \"01572 496 000\", email: \"lakeside@example.org\", website: \"https://example.org/lakeside\" }"))
        #expect(text.contains("hours: [{ days: [mo, tu], opens: \"09:00\", closes: \"17:00\" }, { days: [sa], opens: \"10:00\", closes: \"13:00\" }]"))
        #expect(text.contains("checked: 2026-09-01"))
        #expect(text.contains("areas: [\"Rutland\"]"))
        #expect(result.files["services/friday-club.md"]?.contains("break_types: [community]") == true)
        // Never silently dropped: the term the table does not know is listed with how many services use it.
        #expect(result.unknownTerms.map(\.term) == ["Carers' support"])
        #expect(result.warnings.isEmpty, "\(result.warnings)")
    }

    @Test func badInputIsReportedWithItsFileAndJSONPath() {
        var reader = OpenReferralFeedReader()
        reader.read(Data("{ not json".utf8), file: "broken.json")
        reader.read(Data("[1, 2]".utf8), file: "numbers.json")
        reader.read(Data(#"{"contents": [{"id": "a", "name": "A"}, {"name": "No id"}, {"id": "c", "name": "  "}]}"#.utf8), file: "page.json")
        reader.read(Data(#"{"hello": "world"}"#.utf8), file: "other.json")
        let problems = reader.problems.map(\.description)
        #expect(problems.contains { $0.hasPrefix("broken.json: $: This is not JSON") })
        #expect(problems.contains("numbers.json: $[0]: A service should be an object with `id` and `name`."))
        #expect(problems.contains("page.json: $.contents[1].id: This service has no `id`."))
        #expect(problems.contains("page.json: $.contents[2].name: This service has no name."))
        #expect(problems.contains { $0.hasPrefix("other.json: $: This is not an Open Referral service") })
    }

    @Test func reimportingUpdatesImportedFilesKeepsHandEditsAndLeavesHandWrittenFiles() throws {
        var service = ImportedService(id: "fd3a1a56-0e1b-4a5d-9c35-3f64c1a7b201", name: "Lakeside")
        service.description = "Overnight breaks.\n\nSix bedrooms."
        service.terms = [["Respite"]]
        service.email = "old@example.org"
        let handWritten = "---\nid: lakeside\nname: Lakeside\nsummary: Written by staff.\nbreak_types: [holiday]\n---\n"
        let (first, state) = plan([service], existing: ["services/lakeside.md": handWritten])
        // The hand-written file keeps its name; the import takes another.
        #expect(first.added == ["services/lakeside-2.md"])
        #expect(first.files["services/lakeside.md"] == nil)
        var folder = ["services/lakeside.md": handWritten, "services/lakeside-2.md": first.files["services/lakeside-2.md"]!]

        // Staff change the summary and add a picture; the feed changes the email.
        folder["services/lakeside-2.md"] = folder["services/lakeside-2.md"]!
            .replacingOccurrences(of: "summary: \"Overnight breaks.\"", with: "summary: \"Stay the night at Lakeside.\"")
            .replacingOccurrences(of: "---\nSix", with: "picture: ../pictures/bed.svg\n---\nSix")
        service.email = "new@example.org"
        let (second, secondState) = plan([service], existing: folder, state: state)
        let updated = try #require(second.files["services/lakeside-2.md"])
        #expect(updated.contains("summary: \"Stay the night at Lakeside.\""))
        #expect(updated.contains("new@example.org"))
        #expect(updated.contains("picture: ../pictures/bed.svg"))
        #expect(second.keptEdits == ["services/lakeside-2.md: summary"])
        #expect(second.changed.map(\.file) == ["services/lakeside-2.md"])
        #expect(second.files["services/lakeside.md"] == nil)

        // Again with nothing new: nothing changes.
        folder["services/lakeside-2.md"] = updated
        let (third, _) = plan([service], existing: folder, state: secondState)
        #expect(third.files.isEmpty && third.unchanged == ["services/lakeside-2.md"])
        // --overwrite puts the feed's summary back.
        let (fourth, _) = plan([service], existing: folder, state: secondState, overwrite: true)
        #expect(fourth.files["services/lakeside-2.md"]?.contains("summary: \"Overnight breaks.\"") == true)
        // A service gone from the feed: its file is left, and said so.
        let (fifth, _) = plan([], existing: folder, state: secondState)
        #expect(fifth.notInFeed == ["services/lakeside-2.md"] && fifth.files.isEmpty)
    }

    func read(_ json: String, file: String = "feed.json") -> OpenReferralFeedReader {
        var reader = OpenReferralFeedReader()
        reader.read(Data(json.utf8), file: file)
        return reader
    }

    static let uuid = "fd3a1a56-0e1b-4a5d-9c35-3f64c1a7b20"

    @Test(arguments: ["1e300", "\"inf\"", "\"nan\"", "9.3e16", "12345678901234567890123", "\"-inf\""])
    func aCostTooLargeToCountIsAProblemAtItsPathNotACrash(amount: String) {
        let reader = read(#"{"contents": [{"id": "\#(Self.uuid)1", "name": "Lakeside", "cost_options": [{"option": "Night", "amount": \#(amount)}]}]}"#)
        #expect(reader.problems.map(\.path) == ["$.contents[0].cost_options[0].amount"], "\(reader.problems)")
        #expect(reader.result.first?.costRows.isEmpty == true)
    }

    @Test func twoServicesWithOneIDAreBothNamedWithTheirPaths() {
        let reader = read(#"{"contents": [{"id": "\#(Self.uuid)1", "name": "Maple Lodge"}, {"id": "\#(Self.uuid)1", "name": "Oak House"}]}"#)
        let problem = reader.problems.first
        #expect(reader.problems.count == 1)
        #expect(problem?.path == "$.contents[1].id")
        #expect(problem?.message.contains("“Oak House”") == true && problem?.message.contains("“Maple Lodge” (feed.json: $.contents[0])") == true)
        // One service in a list and as a full document, or one page saved twice, is one service.
        var again = OpenReferralFeedReader()
        let page = Data(#"{"contents": [{"id": "\#(Self.uuid)1", "name": "Maple Lodge"}]}"#.utf8)
        again.read(page, file: "page-1.json")
        again.read(page, file: "page-1-again.json")
        again.read(Data(#"{"id": "\#(Self.uuid)1", "name": "Maple Lodge", "description": "Full."}"#.utf8), file: "full.json")
        #expect(again.problems.isEmpty && again.result.count == 1)
    }

    @Test func aFeedIDThatIsNotAUUIDIsRecordedAsOneMadeFromIt() throws {
        var service = ImportedService(id: "42", name: "Lakeside")
        service.terms = [["Respite"]]
        let (first, state) = plan([service])
        let text = try #require(first.files["services/lakeside.md"])
        let made = ServiceFileWriter.fileID(for: "42")
        #expect(NameUUID.isUUID(made) && text.contains("openreferral_id: \"\(made)\""))
        #expect(first.madeIDs.map(\.feed) == ["42"] && first.refused.isEmpty && first.warnings.isEmpty, "\(first.refused)")
        // The next import finds the same file.
        let (second, _) = plan([service], existing: first.files, state: state)
        #expect(second.unchanged == ["services/lakeside.md"] && second.added.isEmpty)
    }

    @Test func valuesTheBuildRefusesAreRefusedAtTheirJSONPath() {
        let reader = read(#"""
        {"contents": [
          {"id": "\#(Self.uuid)1", "name": "Upside Down", "minimum_age": 65, "maximum_age": 18},
          {"id": "\#(Self.uuid)2", "name": "Bad Email", "email": "nobody"},
          {"id": "\#(Self.uuid)3", "name": "Bad Phone", "contacts": [{"phones": [{"number": "call us"}]}]},
          {"id": "\#(Self.uuid)4", "name": "Late Hours", "schedules": [{"byday": "MO", "opens_at": "24:30", "closes_at": "24:45"}]}
        ]}
        """#)
        #expect(reader.problems.isEmpty)
        let (result, _) = plan(reader.result)
        let paths = Set(result.refused.map(\.path))
        #expect(paths == ["$.contents[0].minimum_age", "$.contents[1].email", "$.contents[2].contacts[0].phones[0].number",
                          "$.contents[3].schedules"], "\(result.refused)")
        #expect(result.refused.allSatisfy { $0.file == "feed.json" })
    }

    @Test func withNoRecordOfTheLastImportAFieldThatDiffersIsKeptWithAWarning() throws {
        var service = ImportedService(id: Self.uuid + "1", name: "Lakeside")
        service.terms = [["Respite"]]
        let (first, _) = plan([service])
        let edited = try #require(first.files["services/lakeside.md"]).replacingOccurrences(of: "name: \"Lakeside\"", with: "name: \"Lakeside House\"")
        for status in [OpenReferralImport.StateStatus.missing, .damaged("it is not JSON")] {
            let (second, _) = OpenReferralImport(mapping: .defaultMapping)
                .plan([service], existing: ["services/lakeside.md": edited], state: .init(), stateStatus: status)
            #expect(second.files["services/lakeside.md"] == nil && second.unchanged == ["services/lakeside.md"])
            let warning = try #require(second.unsure.first)
            #expect(second.unsure.count == 1 && warning.file == "services/lakeside.md" && warning.line == 4)
            #expect(warning.message.contains("`name`") && warning.suggestion?.contains("--overwrite") == true)
        }
        // --overwrite takes the feed's value.
        let (overwritten, _) = plan([service], existing: ["services/lakeside.md": edited], overwrite: true)
        #expect(overwritten.files["services/lakeside.md"]?.contains("name: \"Lakeside\"") == true)
    }

    @Test func theWrittenFilesAreValidServiceFiles() throws {
        let reader = try read(["v1-services-page.json"])
        let (result, _) = plan(reader.result)
        let loaded = ServiceLoader(today: CalendarDate(year: 2026, month: 11, day: 23)!)
            .load(result.files.keys.sorted(), from: MemoryContentSource(result.files))
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.entries.map(\.service.name) == ["Friday Club", "Lakeside Overnight Breaks"])
        #expect(loaded.entries[1].service.costs.first?.amount == 40.71)
    }
}
