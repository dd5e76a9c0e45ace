import Foundation
import Testing
@testable import SiteBuilder

/// `count` generated services, all home-based breaks in Leicester, named so that their order by name is their number.
private func generatedServices(_ count: Int) -> [String: String] {
    var files: [String: String] = [:]
    for i in 1...count {
        let number = String(format: "%04d", i)
        files["services/s\(number).md"] = serviceFile("""
        id: s\(number)
        name: Service \(number)
        summary: A sitter comes to your home.
        break_types: [home-based]
        areas: [Leicester]
        """)
    }
    return files
}

private func cardCount(_ html: String) -> Int { html.components(separatedBy: #"<li class="service-card">"#).count - 1 }

@Suite("The services listing at national scale")
struct ListingPageTests {
    @Test func aDirectoryOverTheLimitListsTheFirstCardsAndSendsPeopleToTheBrowsePages() throws {
        let count = ListingPage.fullListingLimit + 1
        let result = try buildInMemory(generatedServices(count))
        #expect(result.errors.isEmpty, "\(result.errors.map(\.formatted))")
        let listing = try #require(result.html("services/index.html"))
        #expect(cardCount(listing) == ListingPage.firstCards)
        // The first cards by name, as the empty search shows them.
        #expect(listing.contains(#"<a href="../services/s0001/">Service 0001</a>"#))
        #expect(listing.contains(#"<a href="../services/s0050/">Service 0050</a>"#))
        #expect(!listing.contains("Service 0051"))
        #expect(listing.contains("This list shows the first 50 of \(count) services."))
        #expect(listing.contains(##"<a href="#browse-heading">browse by kind of break or by area</a>"##))
        #expect(listing.contains(#"<a href="type/home-based/">"#))
        #expect(listing.contains(#"<a href="area/leicester/">Leicester</a> (\#(count))"#))
        // Every service is still on the browse pages, without JavaScript.
        for browse in ["services/type/home-based/index.html", "services/area/leicester/index.html"] {
            let page = try #require(result.html(browse))
            #expect(cardCount(page) == count, "\(browse)")
        }
    }

    @Test func aDirectoryAtTheLimitListsEveryCard() throws {
        let result = try buildInMemory(generatedServices(ListingPage.fullListingLimit))
        let listing = try #require(result.html("services/index.html"))
        #expect(cardCount(listing) == ListingPage.fullListingLimit)
        #expect(!listing.contains("data-partial-note"))
    }

    @Test func largeNumbersAreWrittenWithCommas() {
        #expect(ListingPage.grouped(7) == "7")
        #expect(ListingPage.grouped(999) == "999")
        #expect(ListingPage.grouped(1000) == "1,000")
        #expect(ListingPage.grouped(100_000) == "100,000")
        #expect(ListingPage.grouped(1_234_567) == "1,234,567")
    }
}
