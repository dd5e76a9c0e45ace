import Foundation
import Testing
@testable import ServiceDirectory
import SiteBuilder
import SiteModel

/// A service file with the given front matter lines.
func serviceFile(_ lines: String, _ body: String = "About the service.") -> String { "---\n\(lines)\n---\n\(body)\n" }

let goodService = """
id: sitters
name: Sunny Sitters
summary: A sitter comes to your home.
break_types: [home-based]
areas: [Leicester]
"""

@Suite("Service files are checked, with the place of every problem")
struct ServiceValidationTests {
    let today = CalendarDate(year: 2026, month: 11, day: 23)!

    func problems(_ files: [String: String]) -> [Diagnostic] {
        let source = MemoryContentSource(files)
        return ServiceLoader(today: today).load(files.keys.sorted(), from: source).diagnostics
    }

    @Test func aGoodServiceHasNoProblems() {
        #expect(problems(["services/a.md": serviceFile(goodService)]).isEmpty)
    }

    @Test func missingRequiredFields() {
        let found = problems(["services/a.md": serviceFile("id: a\nbreak_types: [community]")])
        #expect(found.map(\.message).contains { $0.contains("`name` is missing") })
    }

    @Test func unknownBreakTypeSuggestsTheRightOne() {
        let found = problems(["services/a.md": serviceFile(goodService.replacingOccurrences(of: "[home-based]", with: "[home-basde]"))])
        #expect(found.count == 1)
        #expect(found.first?.line == 5)
        #expect(found.first?.message.contains("Did you mean `home-based`?") == true)
    }

    @Test func unknownDaySuggestsTheRightOne() {
        let found = problems(["services/a.md": serviceFile(goodService + "\nhours: [{ days: [mo, tue], opens: \"09:00\", closes: \"17:00\" }]")])
        #expect(found.first?.message.contains("Did you mean `tu`?") == true)
        #expect(found.first?.line == 7)
    }

    @Test func duplicateIds() {
        let found = problems(["services/a.md": serviceFile(goodService), "services/b.md": serviceFile(goodService)])
        #expect(found.count == 1)
        #expect(found.first?.file == "services/b.md")
        #expect(found.first?.line == 2)
        #expect(found.first?.message.contains("also used by `services/a.md`") == true)
    }

    @Test func valuesThatCannotBeRight() throws {
        let lines = goodService + """

        ages: { min: 65, max: 18 }
        costs:
          - { option: Per night, amount: -5 }
        hours: [{ days: [mo], opens: "9am", closes: "17:00" }]
        organization: { name: Org, website: "ftp://example.org" }
        contact: { phone: "0116 496 0ABC", email: info.example.org }
        """
        let found = problems(["services/a.md": serviceFile(lines)])
        let messages = found.map(\.message)
        #expect(messages.contains { $0.contains("youngest age (65) is above the oldest (18)") })
        #expect(messages.contains { $0.contains("can't be below zero") })
        #expect(messages.contains { $0.contains("`9am` is not a time") })
        #expect(messages.contains { $0.contains("`ftp://example.org` is not a web address") })
        #expect(messages.contains { $0.contains("is not a phone number") })
        #expect(messages.contains { $0.contains("is not an email address") })
        #expect(found.count == 6)
        // Each is placed at its own value.
        let cost = try #require(found.first { $0.message.contains("below zero") })
        #expect(cost.line == 9)
        #expect(cost.column == 26)
        let time = found.first { $0.message.contains("not a time") }
        #expect(time?.line == 10)
    }

    @Test func oldDetailsAreAWarning() {
        let found = problems(["services/a.md": serviceFile(goodService + "\nchecked: 2025-10-01")])
        #expect(found.count == 1)
        #expect(found.first?.level == .warning)
        #expect(found.first?.message.contains("Details may be out of date") == true)
        #expect(problems(["services/a.md": serviceFile(goodService + "\nchecked: 2026-01-01")]).isEmpty)
    }

    @Test func longSummaries() {
        let long = String(repeating: "word ", count: 26)
        let found = problems(["services/a.md": serviceFile(goodService.replacingOccurrences(of: "A sitter comes to your home.", with: long))])
        #expect(found.first?.message.contains("26 words") == true)
    }
}

@Suite("The search index and exports")
struct SearchIndexTests {
    func entries(_ files: [String: String]) -> [ServiceEntry] {
        ServiceLoader(today: CalendarDate(year: 2026, month: 11, day: 23)!).load(files.keys.sorted(), from: MemoryContentSource(files)).entries
    }

    @Test func wordsAreLowercasedWithoutAccentsStemmedAndKeptOnce() {
        // "Carers’" is "carers", stemmed to "carer", as the browser stems "carers" or "carer" typed in the box.
        #expect(SearchIndex.words("Café, café and CAFE — Carers’ group") == ["cafe", "and", "carer", "group"])
    }

    @Test func theIndexHasEachFieldsWordsAndTheSynonyms() throws {
        let index = SearchIndex(entries: entries(["services/a.md": serviceFile(goodService, "We also do **evening** sits.")]),
                                extraSynonyms: [["sitting", "babysitting"], ["carer", "caregiver"]])
        let script = index.script()
        #expect(script.hasPrefix("window.SIGNPOST_SEARCH = {"))
        let json = String(script.dropFirst("window.SIGNPOST_SEARCH = ".count).dropLast(2))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["fields"] as? [String] == ["name", "types", "summary", "areas", "organization", "description", "eligibility", "details"])
        #expect(object["weights"] as? [Int] == [10, 8, 4, 4, 3, 2, 2, 2])
        let services = try #require(object["services"] as? [[String: Any]])
        let words = try #require(services.first?["words"] as? [[String]])
        #expect(words[0] == ["sunni", "sitter"], "the stems of Sunny Sitters")
        #expect(words[1].contains("home"))
        #expect(words[5] == ["about", "the", "service"] || words[5].contains("evening"))
        #expect(services.first?["href"] as? String == "../services/sitters/")
        let synonyms = try #require(object["synonyms"] as? [[String]])
        // A site's group joins the default group it shares a word with.
        #expect(synonyms.contains { $0.contains("sitting") && $0.contains("babysitting") && $0.contains("home based") })
        #expect(synonyms.contains { $0 == ["carer", "caregiver"] })
    }

    @Test func openReferralExportUsesTheStandardsNames() throws {
        let lines = goodService + """

        ages: { min: 18 }
        costs: [{ option: Per night, amount: 40.71, currency: GBP }]
        hours: [{ days: [mo, tu], opens: "09:00", closes: "17:00" }]
        contact: { phone: "0116 496 0123", email: info@example.org }
        checked: 2026-10-01
        """
        let files = OpenReferral(entries: entries(["services/a.md": serviceFile(lines)]), siteURL: "https://x.example.org").files()
        let list = try #require(try JSONSerialization.jsonObject(with: files["openreferral/services.json"]!) as? [String: Any])
        #expect(list["total_items"] as? Int == 1)
        #expect(list["page_number"] as? Int == 1)
        #expect(list["first_page"] as? Bool == true)
        let one = try #require(try JSONSerialization.jsonObject(with: files["openreferral/services/sitters.json"]!) as? [String: Any])
        #expect(one["name"] as? String == "Sunny Sitters")
        #expect(one["status"] as? String == "active")
        #expect(one["url"] as? String == "https://x.example.org/services/sitters/")
        #expect(one["minimum_age"] as? Int == 18)
        #expect(one["assured_date"] as? String == "2026-10-01")
        let cost = try #require((one["cost_options"] as? [[String: Any]])?.first)
        #expect(cost["amount"] as? Double == 40.71)
        #expect(cost["currency"] as? String == "GBP")
        let schedule = try #require((one["schedules"] as? [[String: Any]])?.first)
        #expect(schedule["byday"] as? String == "MO,TU")
        #expect(schedule["opens_at"] as? String == "09:00:00")
        #expect((one["service_areas"] as? [[String: Any]])?.first?["name"] as? String == "Leicester")
        let id = try #require(one["id"] as? String)
        #expect(UUID(uuidString: id) != nil)
    }

    @Test func jsonLDCannotCloseItsScriptElement() {
        let entry = entries(["services/a.md": serviceFile(goodService.replacingOccurrences(of: "Sunny Sitters", with: "\"</script><script>alert(1)</script>\""))])[0]
        let json = StructuredData.jsonLD(for: entry, pageURL: "https://x.example.org/services/sitters/")
        #expect(!json.contains("</script"))
        #expect(json.contains("GovernmentService"))
    }

    @Test func plainWordsForFacts() {
        #expect(Facts.money(40.71) == "£40.71")
        #expect(Facts.money(40) == "£40")
        #expect(Facts.time("09:00") == "9am")
        #expect(Facts.time("17:30") == "5:30pm")
        #expect(Facts.hours(Hours(days: [.mo, .tu, .we, .th, .fr], opens: "09:00", closes: "17:00")) == "Monday to Friday, 9am to 5pm")
        #expect(Facts.ages(Ages(min: 18, max: nil)) == "18 and over")
    }
}

@Suite("The directory in a build")
struct DirectoryBuildTests {
    @Test func theBuildWritesEveryDirectoryPage() throws {
        var context = BuildContext(options: BuildOptions(content: URL(fileURLWithPath: "/memory/Content"), theme: defaultTheme,
                                                         output: URL(fileURLWithPath: "/memory/Output"), dryRun: true),
                                   source: MemoryContentSource([
                                       "site.yml": minimalConfig,
                                       "index.md": pageFile("title: Home\nsummary: Home."),
                                       "pages/emergencies.md": pageFile("title: Emergencies\nsummary: E.\nservices: { emergency: true }"),
                                       "services/a.md": serviceFile(goodService),
                                       "services/b.md": serviceFile("id: crisis\nname: Crisis Beds\nsummary: Beds at short notice.\nbreak_types: [emergency]\nemergency: true\nareas: [Rutland, Leicester City]"),
                                   ]))
        context.today = CalendarDate(year: 2026, month: 11, day: 23)!
        let result = try BuildPipeline.standard().run(context)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.formatted))")
        for path in ["services/index.html", "services/sitters/index.html", "services/crisis/index.html",
                     "services/type/home-based/index.html", "services/type/emergency/index.html",
                     "services/area/leicester-city/index.html", "services/search-index.js", "openreferral/services.json",
                     "openreferral/services/crisis.json"] {
            #expect(result.files[path] != nil, "\(path)")
        }
        let listing = try #require(result.html("services/index.html"))
        #expect(listing.contains(#"<input class="search__input" type="search" id="service-search" name="q""#))
        #expect(listing.contains(#"<label class="search__label" for="service-search">"#))
        #expect(listing.contains("data-results"))
        // An area's checkbox has an id with no spaces, and keeps the area's name as its value for ?area= addresses.
        #expect(listing.contains(#"id="area-leicester-city" name="area" value="Leicester City"><label for="area-leicester-city">"#))
        #expect(!listing.contains(#"id="area-Leicester City""#))
        #expect(listing.contains(#"<a href="type/emergency/">Emergency breaks</a> (1)"#))
        #expect(listing.contains(#"<a href="../services/sitters/">Sunny Sitters</a>"#))
        let page = try #require(result.html("emergencies/index.html"))
        #expect(page.contains(#"<a href="../services/crisis/">Crisis Beds</a>"#))
        #expect(!page.contains("Sunny Sitters"))
        let service = try #require(result.html("services/crisis/index.html"))
        #expect(service.contains(#"<script type="application/ld+json">"#))
    }

    @Test func serviceDescriptionsHaveTheirLinksCheckedAndRewrittenLikePages() throws {
        let body = "Read [what it costs](../pages/costs.md) and [how to ask](../pages/nowhere.md).\n\n<b>bold</b>"
        let broken = try buildInMemory(["pages/costs.md": pageFile("title: Costs\nsummary: C."),
                                        "services/a.md": serviceFile(goodService, body)])
        let messages = broken.diagnostics.filter { $0.file == "services/a.md" }.map { "\($0.line) \($0.level) \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("8 error The link `../pages/nowhere.md` goes nowhere") }, "\(messages) \(broken.diagnostics.map(\.formatted))")
        #expect(messages.contains { $0.hasPrefix("10 warning HTML in Markdown is not published") }, "\(messages)")
        let good = try buildInMemory(["pages/costs.md": pageFile("title: Costs\nsummary: C."),
                                      "services/a.md": serviceFile(goodService, "Read [what it costs](../pages/costs.md).")])
        #expect(good.errors.isEmpty, "\(good.errors.map(\.formatted))")
        let page = try #require(good.html("services/sitters/index.html"))
        #expect(page.contains(#"<a href="../../costs/">what it costs</a>"#))
        #expect(!page.contains("costs.md"))
    }

    @Test func aPageCanLinkToTheServiceListing() throws {
        let files = ["index.md": pageFile("title: Home\nsummary: Home.", "[Find a service](/services/)"),
                     "services/a.md": serviceFile(goodService)]
        let result = try buildInMemory(files)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.formatted))")
        #expect(result.html("index.html")?.contains(#"<a href="services/">Find a service</a>"#) == true)
        // Without any services there is no listing, and the link goes nowhere.
        let without = try buildInMemory(["index.md": files["index.md"]!])
        #expect(without.errors.first?.message.contains("goes nowhere") == true)
    }

    /// Two services whose facts read the same but are written differently (`ô` as one character, or as `o` and an
    /// accent) each show their own words as written: key facts made once for many pages are told apart by their bytes.
    @Test func factsThatLookTheSameAreWrittenAsEachServiceWroteThem() throws {
        let composed = "Carers in Ynys M\u{F4}n.", decomposed = "Carers in Ynys Mo\u{302}n."
        func service(_ id: String, _ eligibility: String) -> String {
            serviceFile("id: \(id)\nname: \(id.capitalized)\nsummary: S.\nbreak_types: [home-based]\nareas: [Leicester]\n"
                        + "eligibility: \"\(eligibility)\"")
        }
        let result = try buildInMemory(["services/a.md": service("a", composed), "services/b.md": service("b", decomposed)])
        #expect(result.errors.isEmpty)
        let first = try #require(result.html("services/a/index.html")), second = try #require(result.html("services/b/index.html"))
        #expect(Data(first.utf8).range(of: Data(composed.utf8)) != nil)
        #expect(Data(second.utf8).range(of: Data(decomposed.utf8)) != nil)
        #expect(Data(second.utf8).range(of: Data(composed.utf8)) == nil)
    }

    @Test func aBadServiceStopsTheBuild() throws {
        let result = try buildInMemory(["services/a.md": serviceFile("id: a\nname: A\nsummary: S.\nbreak_types: [sharedlives]")])
        #expect(result.errors.first?.file == "services/a.md")
        #expect(result.errors.first?.message.contains("Did you mean `shared-lives`?") == true)
        #expect(result.files.isEmpty)
    }
}

/// The checks of a service's web addresses and phone number, and the slug of an area, answer text that is all ASCII
/// from its bytes and other text character by character: both must give the answers staff would expect.
@Suite struct ServiceValueCheckTests {
    @Test func webAddressesAreCheckedTheSameWhateverTheirLetters() {
        let cases: [(String, Bool)] = [
            ("https://breaks.example.org", true), ("HTTPS://Breaks.Example.ORG/path?x=1#y", true),
            ("http://example.org", true), ("https://user@example.org:8080/", true), ("https://:80@example.org", true),
            ("ftp://example.org", false), ("https://example", false), ("https://.example.org", false),
            ("https://example.org.", false), ("https://exa mple.org", false), ("https://example.org/<script>", false),
            ("https://ex_ample.org", false), ("https://example.org/\u{7}", false), ("https://", false), ("", false),
            ("https:/example.org", false), ("javascript:alert(1)", false),
            // Not ASCII: letters of any alphabet are letters, and the same refusals hold.
            ("https://exämple.org", true), ("https://例え.jp", true), ("https://exämple.org/\"", false),
            ("https://exämple", false), ("https://ex ämple.org", false),
        ]
        for (text, expected) in cases {
            #expect(WebAddress.isValid(text) == expected, "\(text)")
        }
    }

    @Test func phoneNumbersAreCheckedTheSameWhateverTheirLetters() {
        let cases: [(String, Bool)] = [
            ("0116 496 0000", true), ("+44 116 496 0000", true), ("(0116) 496-0000", true), ("999", true),
            ("12", false), ("0116 496 0ABC", false), ("44 + 116", false), ("0116\t496", false), ("", false),
            // Digits of other scripts count as digits, as they always have.
            ("٠١١٦ ٤٩٦", true), ("0116 496 0000 ☎", false),
        ]
        for (text, expected) in cases {
            #expect(ServiceLoader.isPhone(text) == expected, "\(text)")
        }
    }

    @Test func areaSlugsAreTheSameWhateverTheirLetters() {
        let cases: [(String, String)] = [
            ("Leicester", "leicester"), ("Leicester City", "leicester-city"), ("  Melton -- Mowbray!  ", "melton-mowbray"),
            ("LE1 & LE2", "le1-le2"), ("---", ""), ("", ""), ("Ashby-de-la-Zouch", "ashby-de-la-zouch"),
            ("Ynys Môn", "ynys-môn"), ("ÉCOLE Street", "école-street"),
        ]
        for (name, expected) in cases {
            #expect(Directory.slug(forArea: name) == expected, "\(name)")
        }
    }
}
