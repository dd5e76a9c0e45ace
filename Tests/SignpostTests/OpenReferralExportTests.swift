import Foundation
import Testing
import SiteModel
import ServiceDirectory

/// The Open Referral feed's lists are pages of a fixed size that a reader can walk from the first to the last, and a
/// service imported from a council's feed keeps the id that feed gave it. (Tests/Browser/test_openreferral.py
/// validates every file against the official schemas.)
@Suite struct OpenReferralExportTests {
    func services(_ count: Int) -> [ServiceEntry] {
        (0..<count).map { ServiceEntry(path: "services/s\($0).md", service: Service(id: "s\($0)", name: "S\($0)", summary: "B."), description: .init("")) }
    }

    func json(_ data: Data?) throws -> [String: Any] {
        let bytes = try #require(data)
        return try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
    }

    @Test func listsArePagesOfAHundred() throws {
        for (count, pages) in [(0, 0), (1, 1), (100, 1), (101, 2), (250, 3)] {
            let files = OpenReferral(entries: services(count), siteURL: "https://x.example.org").files()
            for page in 1...max(1, pages) {
                let list = try json(files[OpenReferral.pageName("services", page)])
                #expect(list["total_items"] as? Int == count)
                #expect(list["total_pages"] as? Int == pages, "\(count) services")
                #expect(list["first_page"] as? Bool == (page == 1))
                #expect(list["last_page"] as? Bool == (page == max(1, pages)))
                #expect(list["empty"] as? Bool == (count == 0))
                #expect(list["size"] as? Int == min(100, count - (page - 1) * 100))
            }
            #expect(files[OpenReferral.pageName("services", max(1, pages) + 1)] == nil)
        }
    }

    @Test func theRootAndTheTaxonomiesAreWritten() throws {
        let files = OpenReferral(entries: services(1), siteURL: "https://x.example.org").files()
        #expect(try json(files["openreferral/index.json"])["version"] as? String == "3.0")
        let terms = try #require(try json(files["openreferral/taxonomy_terms.json"])["contents"] as? [[String: Any]])
        #expect(terms.compactMap { $0["term"] as? String }.contains("shared-lives"))
        #expect(terms.allSatisfy { ($0["description"] as? String)?.isEmpty == false })
        #expect(try json(files["openreferral/taxonomies.json"])["total_items"] as? Int == 2)
    }

    @Test func anOpenReferralIDMustBeAUUID() {
        let file = serviceFile(goodService + "\nopenreferral_id: 1234")
        let loaded = ServiceLoader(today: CalendarDate(year: 2026, month: 11, day: 23)!).load(["services/a.md"], from: MemoryContentSource(["services/a.md": file]))
        #expect(loaded.diagnostics.contains { $0.message.contains("`openreferral_id`") && $0.line == 7 })
    }
}
