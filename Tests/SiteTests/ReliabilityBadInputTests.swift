import Core
import Foundation
import Testing
@testable import Site

/// Bad input through the whole pipeline, in memory: each is an error at its file and line and
/// nothing is written, or it is accepted and built safely. What the unit tests of Content and
/// Markdown already prove about one stage is not repeated here; these prove the build as a whole.
// Serialized: each test builds whole sites, and running them all at once would crowd out the
// timing-sensitive tests beside them (the preview's live reload) on a two-core machine.
@Suite(.serialized) struct ReliabilityBadInputTests {
    static func errors(_ report: BuildReport) -> [Diagnostic] { report.diagnostics.filter { $0.severity == .error } }

    @Test func aByteOrderMarkAndWindowsLineEndingsBuildWithTrueLineNumbers() async throws {
        let fs = TestSite.files([:])
        let good = Data([0xEF, 0xBB, 0xBF]) + Data("---\r\ntitle: Windows page\r\ndescription: Saved by Notepad\r\n---\r\nFirst line.\r\n\r\nSecond paragraph.\r\n".utf8)
        try fs.write(good, to: "content/windows.md")
        let (report, files) = await TestSite.render(fs)
        #expect(Self.errors(report).isEmpty, "\(report.diagnostics)")
        let page = try #require(files["windows/index.html"])
        #expect(page.contains("<h1>Windows page</h1>"))
        #expect(page.contains("<p>First line.</p>\n<p>Second paragraph.</p>"))
        #expect(!page.contains("\r") && !page.contains("\u{FEFF}"))

        // A mistake on such a page is reported on the line an editor shows.
        let bad = Data([0xEF, 0xBB, 0xBF]) + Data("---\r\ntitle: Windows page\r\n---\r\nIntro.\r\n\r\nSee [the guide](missing.md).\r\n".utf8)
        try fs.write(bad, to: "content/windows.md")
        let (badReport, badFiles) = await TestSite.render(fs)
        let error = try #require(Self.errors(badReport).first)
        #expect(error.location == SourceLocation(file: "content/windows.md", line: 6, column: 5))
        #expect(error.sourceLine == "See [the guide](missing.md).")
        #expect(badFiles.isEmpty)
    }

    @Test func invalidUTF8StopsTheBuildNamingTheByteOffset() async throws {
        let fs = TestSite.files(["ok.md": "---\ntitle: OK\n---\nFine.\n"])
        try fs.write(Data("---\ntitle: Latin-1\n---\nCaf".utf8) + Data([0xE9]) + Data(" au lait\n".utf8), to: "content/latin1.md")
        let (report, files) = await TestSite.render(fs)
        let errors = Self.errors(report)
        #expect(errors.count == 1)
        #expect(errors.first?.message == "the file is not valid UTF-8: bad byte 0xE9 at byte offset 26")
        #expect(errors.first?.location == SourceLocation(file: "content/latin1.md", line: 4, column: 4))
        #expect(errors.first?.sourceLine == "Caf\u{FFFD} au lait")
        #expect(files.isEmpty)
    }

    @Test func aNULByteOrControlCharactersAreTextNotACrash() async throws {
        let fs = TestSite.files([:])
        try fs.write(Data("---\ntitle: Odd bytes\n---\nA\u{0}B\u{1}C\u{7F}D \u{FFFE} E.\n".utf8), to: "content/odd.md")
        let (report, files) = await TestSite.render(fs)
        #expect(Self.errors(report).isEmpty, "\(report.diagnostics)")
        let page = try #require(files["odd/index.html"])
        #expect(!page.contains("\u{0}"))
    }

    /// Each problem is one error in the report: the summary line's count matches what is printed.
    @Test(arguments: [
        ("deep nesting", String(repeating: ">", count: 100_000) + " deep\n", "this Markdown is nested more than 256 levels deep"),
        ("oversized page", String(repeating: "Words and more words.\n", count: 4 * 1024 * 1024 / 22 + 10), "Herald reads pages of up to 4 MB"),
        ("script link", "[Report a crime](javascript:alert(1))\n", "javascript: address"),
        ("disguised script link", "[Report a crime](java&#x09;script&colon;alert(1))\n", "javascript: address"),
        ("data image", "![A chart of crime figures](data:image/png;base64,AAAA)\n", "data: address"),
        ("callout mistake", "```details\nNo title.\n```\n", "details"),
    ])
    func eachProblemIsCountedOnce(_ name: String, _ body: String, _ message: String) async {
        let fs = TestSite.files(["bad.md": "---\ntitle: Bad\n---\n" + body])
        let (report, files) = await TestSite.render(fs)
        let errors = Self.errors(report)
        #expect(errors.contains { $0.message.contains(message) }, "\(name): \(errors.map(\.message))")
        #expect(errors.count == 1, "\(name): \(errors.count) errors counted for one mistake: \(errors.map(\.message))")
        #expect(files.isEmpty)
    }

    @Test func imagesThatEscapeTheSiteAreErrors() async throws {
        let fs = TestSite.files(["report/a.md": "---\ntitle: A\n---\n![Up](../../secret.png)\n\n![Root](/etc/logo.png)\n\n![Linked](leak.png)\n"])
        try fs.write("not a png", to: "secret.png")
        fs.symlink("content/report/leak.png", to: "secret.png")
        let (report, files) = await TestSite.render(fs)
        let messages = Self.errors(report).map(\.message)
        #expect(messages.contains("'../../secret.png' points outside the site's content folder"))
        #expect(messages.contains("'/etc/logo.png' is an absolute path"))
        #expect(messages.contains("content/report/leak.png is a symbolic link that leads outside content/"))
        #expect(files.isEmpty)
    }

    @Test func aMissingTemplateIsNamed() async {
        var templates = TestSite.templates
        templates["templates/page.mustache"] = nil
        var all = templates
        all["herald.yml"] = TestSite.config
        all["content/_index.md"] = TestSite.home
        let (report, files) = await TestSite.render(InMemoryFileSystem(files: all))
        #expect(report.diagnostics.contains { $0.severity == .error && $0.message == "the template templates/page.mustache is missing" })
        #expect(files.isEmpty)
    }

    @Test func aTemplateUsingAMissingPartialIsAnErrorAtItsLine() async throws {
        let fs = TestSite.files([:])
        try fs.write("<h1>{{page.title}}</h1>\n{{> partials/nowhere}}\n{{{page.content}}}\n", to: "templates/page.mustache")
        let (report, files) = await TestSite.render(fs)
        let error = try #require(Self.errors(report).first)
        #expect(error.message.contains("partial 'partials/nowhere'"))
        #expect(error.location?.file == "templates/page.mustache")
        #expect(files.isEmpty)
    }

    @Test func namesWithSpacesAndOtherAlphabetsBuildWithSafeURLs() async throws {
        let fs = TestSite.files([
            "Über uns/_index.md": "---\ntitle: About us\n---\nAbout.\n",
            "Über uns/Café & Bar (2024).md": "---\ntitle: The café\n---\nCoffee.\n",
            "новости.md": "---\ntitle: News in Russian\nlang: ru\n---\nНовости.\n",
            "links.md": "---\ntitle: Links\n---\n[The café](<Über uns/Café & Bar (2024).md>), [again](%C3%9Cber%20uns/Caf%C3%A9%20%26%20Bar%20(2024).md) and [news](новости.md).\n\n![The map](<Maps/Site Map é.png>)\n",
        ])
        try fs.write("png", to: "content/Maps/Site Map é.png")
        let (report, files) = await TestSite.render(fs)
        #expect(Self.errors(report).isEmpty, "\(report.diagnostics)")
        #expect(files["uber-uns/cafe-bar-2024/index.html"] != nil)
        #expect(files["новости/index.html"] != nil)
        #expect(files["maps/site-map-e.png"] == "png")
        let links = try #require(files["links/index.html"])
        #expect(links.contains("href=\"/uber-uns/cafe-bar-2024/\">The café</a>"))
        #expect(links.contains("href=\"/uber-uns/cafe-bar-2024/\">again</a>"))
        #expect(links.contains("href=\"/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/\">news</a>"))
        #expect(links.contains("src=\"/maps/site-map-e.png\""))
        // Every address Herald writes is plain ASCII with nothing a shell or browser reads specially.
        let sitemap = try #require(files["sitemap.xml"])
        let locations = sitemap.components(separatedBy: "<loc>").dropFirst().map { $0.components(separatedBy: "</loc>")[0] }
        #expect(locations.count == 6)
        for location in locations {
            #expect(location.unicodeScalars.allSatisfy { $0.isASCII && $0 != " " && $0 != "\"" }, "\(location)")
        }
        for path in files.keys where path != "новости/index.html" {
            #expect(path.unicodeScalars.allSatisfy { $0.isASCII && $0 != " " && $0 != "&" && $0 != "(" }, "\(path)")
        }
    }

    @Test func namesThatSlugTheSameAreBothNamed() async {
        let fs = TestSite.files([
            "Café.md": "---\ntitle: One\n---\nA.\n",
            "cafe.md": "---\ntitle: Two\n---\nB.\n",
        ])
        let (report, files) = await TestSite.render(fs)
        #expect(report.diagnostics.contains {
            $0.message == "content/cafe.md and content/Café.md both claim the URL /cafe/"
                || $0.message == "content/Café.md and content/cafe.md both claim the URL /cafe/"
        }, "\(report.diagnostics.map(\.message))")
        #expect(files.isEmpty)
    }

    /// A slug that takes another page's URL is the line to change, whichever page comes first.
    @Test func aClashASlugMadeIsShownAtTheSlug() async throws {
        // Before and after the page whose file name makes the URL.
        for slugged in ["news/a-day.md", "news/zz.md"] {
            let fs = TestSite.files([
                "news/_index.md": "---\ntitle: News\n---\nAll news.\n",
                slugged: "---\ntitle: Slugged\ndate: 2024-01-02\nslug:  open-day\n---\nA.\n",
                "news/open-day.md": "---\ntitle: Plain\ndate: 2024-01-03\n---\nB.\n",
            ])
            let (report, files) = await TestSite.render(fs)
            let error = try #require(Self.errors(report).first, "\(report.diagnostics.map(\.message))")
            #expect(Self.errors(report).count == 1)
            #expect(error.message == "content/\(slugged) and content/news/open-day.md both claim the URL /news/open-day/")
            #expect(error.location == SourceLocation(file: "content/\(slugged)", line: 4, column: 8))
            #expect(error.sourceLine == "slug:  open-day")
            #expect(error.hint == "Change this `slug`, or rename content/news/open-day.md.")
            #expect(files.isEmpty)
        }
    }

    /// A page Herald makes cannot be renamed: the hint asks only for another slug.
    @Test func aSlugOntoAPageHeraldMakesAsksForAnotherSlug() async throws {
        let fs = TestSite.files(["guide.md": "---\ntitle: Guide\nslug: a-to-z\n---\nA.\n"])
        let (report, _) = await TestSite.render(fs)
        let error = try #require(Self.errors(report).first, "\(report.diagnostics.map(\.message))")
        #expect(error.message == "content/guide.md and the A to Z page Herald makes both claim the URL /a-to-z/")
        #expect(error.location == SourceLocation(file: "content/guide.md", line: 3, column: 7))
        #expect(error.hint == "Change this `slug`: the A to Z page Herald makes is at that URL.")
        #expect(error.sourceLine == "slug: a-to-z")
    }

    @Test func anAliasOntoAnotherPageIsBothNamed() async {
        let fs = TestSite.files([
            "a.md": "---\ntitle: A\naliases: [/b/]\n---\nA.\n",
            "b.md": "---\ntitle: B\n---\nB.\n",
        ])
        let (report, files) = await TestSite.render(fs)
        #expect(Self.errors(report).map(\.message) == ["an alias in content/a.md and content/b.md both claim the URL /b/"])
        #expect(files.isEmpty)
    }

    /// An alias or a document may not take the place of a file Herald writes itself: it is
    /// named at its line, not found at write time.
    @Test(arguments: ["/sitemap.xml", "/robots.txt", "/decisions.json", "/decisions.csv", "/news/feed.xml", "/decisions/feed.xml", "/.herald-manifest.json"])
    func anAliasOntoAFileHeraldWritesIsAnError(_ alias: String) async {
        let fs = TestSite.files(["a.md": "---\ntitle: A\naliases: [\"\(alias)\"]\n---\nA.\n"])
        let (report, files) = await TestSite.render(fs)
        let errors = Self.errors(report)
        #expect(errors.map(\.message) == ["an alias in content/a.md and the file \(alias.dropFirst()) Herald makes both claim the URL \(alias)"])
        #expect(errors.first?.location == SourceLocation(file: "content/a.md", line: 3, column: 11))
        #expect(files.isEmpty)
    }

    @Test func aDocumentNamedLikeTheDecisionsDataIsAnError() async throws {
        let fs = TestSite.files([:])
        try fs.write("number,title\r\n", to: "content/decisions.csv")
        let (report, files) = await TestSite.render(fs)
        #expect(Self.errors(report).map(\.message) == ["content/decisions.csv and the file decisions.csv Herald makes both claim the URL /decisions.csv"])
        #expect(files.isEmpty)
    }
}
