import Testing
@testable import SiteBuilder

@Suite("Addresses between pages are relative, so the site works under any path and from disk")
struct AddressTests {
    @Test(arguments: [
        ("", "", "./"), ("", "leder", "leder/"), ("leder", "", "../"), ("leder", "leder", "./"),
        ("short-breaks", "easy-read/leder", "../easy-read/leder/"), ("services", "services/type/holiday", "type/holiday/"),
        ("services/type/holiday", "services", "../../"), ("services/type/holiday", "services/sitters", "../../sitters/"),
    ])
    func pageAddress(from: String, to: String, expected: String) {
        #expect(SiteURLs(fromSlug: from).page(to) == expected)
    }

    @Test func fileAddresses() {
        #expect(SiteURLs(fromSlug: "easy-read/leder").file("pictures/house.svg") == "../../pictures/house.svg")
        #expect(SiteURLs(fromSlug: "").file("pictures/my house.svg") == "pictures/my%20house.svg")
        #expect(SiteURLs(fromSlug: "services").file("services/search-index.js") == "search-index.js")
    }

    @Test func theNotFoundPageUsesTheBasePath() {
        let urls = SiteURLs(absoluteBase: "/breaks")
        #expect(urls.page("") == "/breaks/")
        #expect(urls.page("leder") == "/breaks/leder/")
        #expect(urls.file("assets/site.css") == "/breaks/assets/site.css")
    }
}
