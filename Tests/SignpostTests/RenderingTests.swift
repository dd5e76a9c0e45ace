import Testing
import SiteModel

@Suite("Rendering pages")
struct RenderingTests {
    @Test func rawHTMLAndScriptLinksNeverReachThePage() throws {
        let body = """
        <script>alert("hi")</script>

        A [bad link](javascript:alert(1)) and <img src=x onerror=alert(1)> inline.

        [Another](JAVASCRIPT:alert(2))
        """
        let result = try buildInMemory(["pages/a.md": pageFile("title: A\nsummary: A.", body)])
        #expect(result.errors.isEmpty)
        let html = try #require(result.html("a/index.html"))
        // The only scripts are the theme's own, loaded from files.
        #expect(html.components(separatedBy: "<script").count == html.components(separatedBy: "<script src=").count)
        #expect(!html.contains("alert("))
        #expect(!html.lowercased().contains("javascript:"))
        #expect(!html.contains("onerror"))
        // The writer is told, at the place.
        let warnings = result.diagnostics.filter { $0.level == .warning }
        #expect(warnings.contains { $0.line == 7 && $0.column == 3 && $0.message.contains("runs code") })
        #expect(warnings.contains { $0.line == 5 && $0.message.contains("HTML in Markdown is not published") })
    }

    @Test func templateValuesAreEscaped() throws {
        let result = try buildInMemory(["pages/a.md": pageFile("title: \"<b>Bold</b> & co\"\nsummary: A.")])
        let html = try #require(result.html("a/index.html"))
        #expect(html.contains("<h1>&lt;b&gt;Bold&lt;/b&gt; &amp; co</h1>"))
    }

    @Test func pagesPrintOnThePaperTheSiteNamesWithTheirTitleOnEverySheet() throws {
        let a4 = try buildInMemory(["pages/a.md": pageFile("title: \"Say \\\"hi\\\" </style> & go\"\nsummary: A.")])
        let html = try #require(a4.html("a/index.html"))
        #expect(html.contains("@page { size: A4;"))
        // The title is a CSS string that can end neither itself nor the style sheet.
        #expect(html.contains(#"@top-center { content: "Say \22 hi\22  \3C /style\3E  \26  go – "#), "\(html)")
        #expect(html.components(separatedBy: "</style>").count == 2)
        let letter = try buildInMemory(["site.yml": "title: Test site\nprint_page_size: letter\n",
                                        "pages/a.md": pageFile("title: A\nsummary: A.")])
        #expect(try #require(letter.html("a/index.html")).contains("@page { size: letter;"))
    }

    @Test func phoneNumbersInTheWordsAreLinksThatCall() throws {
        let body = """
        Phone 0116 496 0000 or 0116&nbsp;496 0123 today. Out of hours, phone 111 or 999. Ring +44 20 7946 0000.

        A [link to 0116 496 0999](https://example.org) stays one link. We helped 999 families in 2025 and 111 carers.
        Call 116 123 at any time. Not a number: 01164960000123, or 0116 496.

        - Text 07700 900123.
        """
        let result = try buildInMemory(["pages/a.md": pageFile("title: A\nsummary: A.", body)])
        let html = try #require(result.html("a/index.html"))
        for (href, words) in [("tel:+441164960000", "0116 496 0000"), ("tel:+441164960123", "0116\u{00A0}496 0123"),
                              ("tel:111", "111"), ("tel:999", "999"), ("tel:+442079460000", "+44 20 7946 0000"),
                              ("tel:116123", "116 123"), ("tel:+447700900123", "07700 900123")] {
            #expect(html.contains("<a href=\"\(href)\">\(words)</a>"), "\(href)")
        }
        #expect(html.contains(#"<a href="https://example.org">link to 0116 496 0999</a>"#))
        #expect(html.contains("helped 999 families") && html.contains("and 111 carers"))
        #expect(!html.contains("tel:+4401164960000123") && !html.contains("tel:+44116496\""))
    }

    @Test func twinsLinkBothWays() throws {
        let result = try buildInMemory([
            "pages/breaks.md": pageFile("title: Breaks\nsummary: About breaks."),
            "easy-read/breaks.md": pageFile("title: Breaks\nsummary: Easy.\nformat: easy-read\neasy_read_of: pages/breaks.md"),
        ])
        #expect(result.errors.isEmpty)
        let standard = try #require(result.html("breaks/index.html"))
        let easy = try #require(result.html("easy-read/breaks/index.html"))
        #expect(standard.contains(#"<a href="../easy-read/breaks/">Easy read version"#))
        #expect(easy.contains(#"<a href="../../breaks/">Standard version"#))
        #expect(easy.contains(#"<body class="easy-read">"#))
    }

    @Test func twinPointingAtAMissingPage() throws {
        let result = try buildInMemory([
            "pages/breaks.md": pageFile("title: Breaks\nsummary: About breaks."),
            "easy-read/breaks.md": pageFile("title: Breaks\nsummary: Easy.\nformat: easy-read\neasy_read_of: pages/brakes.md"),
        ])
        let error = try #require(result.errors.first)
        #expect(error.file == "easy-read/breaks.md")
        #expect(error.line == 5)
        #expect(error.message.contains("`pages/brakes.md`, which does not exist. Did you mean `pages/breaks.md`?"))
    }

    @Test func aParagraphStartingWithAPictureBecomesAPictureRow() throws {
        let body = """
        ![A house](../pictures/house.svg) We help at home.

        - ![A bed](/pictures/bed.svg) You can stay the night.

        A paragraph with ![a picture](../pictures/house.svg) inside is not a row.
        """
        let result = try buildInMemory([
            "pictures/house.svg": "<svg/>", "pictures/bed.svg": "<svg/>",
            "easy-read/a.md": pageFile("title: A\nsummary: A.\nformat: easy-read", body),
        ])
        #expect(result.errors.isEmpty)
        let html = try #require(result.html("easy-read/a/index.html"))
        #expect(html.contains("""
        <div class="picture-row">
        <div class="picture-row__picture">
        <img src="../../pictures/house.svg" alt="A house" />
        </div>
        <div class="picture-row__words">
        <p>We help at home.</p>
        """))
        #expect(html.contains(#"<li><div class="picture-row">"#) || html.contains("<li>\n<div class=\"picture-row\">"))
        #expect(html.contains(#"<img src="../../pictures/bed.svg" alt="A bed" />"#))
        #expect(html.components(separatedBy: "class=\"picture-row\"").count == 3)
    }

    @Test func linksToMarkdownFilesBecomeAddresses() throws {
        let result = try buildInMemory([
            "pages/a.md": pageFile("title: A\nsummary: A.", "See [B](b.md#costs), [home](../index.md) and [C](/pages/c.md)."),
            "pages/b.md": pageFile("title: B\nsummary: B."),
            "pages/c.md": pageFile("title: C\nsummary: C.\nslug: see/c"),
        ])
        #expect(result.errors.isEmpty)
        let html = try #require(result.html("a/index.html"))
        #expect(html.contains(#"<a href="../b/#costs">B</a>"#))
        #expect(html.contains(#"<a href="../">home</a>"#))
        #expect(html.contains(#"<a href="../see/c/">C</a>"#))
    }

    @Test func aLinkToAMissingPageIsAnError() throws {
        let result = try buildInMemory([
            "pages/a.md": pageFile("title: A\nsummary: A.", "First line.\n\nSee [the costs](costs.md) page."),
            "pages/cost.md": pageFile("title: Costs\nsummary: C."),
        ])
        let error = try #require(result.errors.first)
        #expect(error.file == "pages/a.md")
        #expect(error.line == 7)
        #expect(error.column == 5)
        #expect(error.message.contains("`costs.md` goes nowhere"))
        #expect(error.message.contains("Did you mean `pages/cost.md`?"))
        #expect(result.files.isEmpty)
    }

    @Test func everyErrorInEveryFileIsCollected() throws {
        let result = try buildInMemory([
            "pages/a.md": pageFile("title: A\nsummary: A.", "[x](nowhere.md)"),
            "pages/b.md": pageFile("title: B\nsumary: B."),
            "pages/c.md": pageFile("title: C\nsummary: C.\npicture: missing.svg"),
        ])
        #expect(Set(result.errors.map(\.file)) == ["pages/a.md", "pages/b.md", "pages/c.md"])
        #expect(result.files.isEmpty)
    }
}
