import TestSupport
import Core
import Foundation
import Testing
@testable import Site

/// herald.yml's navigation and footer are on every page: a site path there must be a page or
/// a file the build makes, or every page carries a broken link.
@Suite struct MenuLinkTests {
    /// TestSite's config with these menus: the first navigation entry is on line 7.
    static func config(navigation: [String], footer: [String] = ["/"]) -> String {
        TestConfig.text(navigation: navigation.enumerated().map { ("Link \($0.offset + 1)", $0.element) },
                        footer: footer.enumerated().map { ("Footer \($0.offset + 1)", $0.element) })
    }

    static let report = "---\ntitle: Report a crime\n---\nWays to report.\n"

    static func errors(_ report: BuildReport) -> [Diagnostic] { report.diagnostics.filter { $0.severity == .error } }

    /// It used to pass `--strict` and appear on every page.
    @Test func aMenuLinkToAPageThatIsNotThereIsAnErrorAtItsLine() async {
        let config = Self.config(navigation: ["/report/", "/events/"])
        let (report, files) = await TestSite.render(TestSite.files(["report/_index.md": Self.report], config: config),
                                                    options: TestSite.options { $0.strict = true })
        let errors = Self.errors(report)
        #expect(errors.count == 1, "\(report.diagnostics)")
        #expect(errors.first?.message == "'/events/' in the navigation goes to no page on this site: every page would carry a broken link")
        #expect(errors.first?.location == SourceLocation(file: "herald.yml", line: 8, column: 27))
        #expect(errors.first?.sourceLine == "  - { title: Link 2, url: /events/ }")
        #expect(errors.first?.hint == "Add the page (content/events.md), or point the link at a page the site has, or remove it.")
        // A broken link, as in a page: the content fails (exit status 1), not the configuration.
        #expect(!report.isConfigurationFailure)
        #expect(files.isEmpty)
    }

    @Test func aMisspeltMenuLinkGetsASuggestion() async {
        let config = Self.config(navigation: ["/a-to-z/"], footer: ["/reprot/"])
        let (report, _) = await TestSite.render(TestSite.files(["report/_index.md": Self.report], config: config))
        let error = Self.errors(report).first
        #expect(error?.message == "'/reprot/' in the footer goes to no page on this site: every page would carry a broken link")
        #expect(error?.location == SourceLocation(file: "herald.yml", line: 9, column: 29))
        #expect(error?.hint == "Did you mean /report/? If not, add the page (content/reprot.md), or remove the link.")
    }

    /// Pages, the list pages and files Herald makes itself, redirects, documents and web
    /// addresses are all fine, with or without the trailing `/`, a `#fragment` or a `?query`.
    @Test func menuLinksToWhatTheBuildMakesPass() async {
        let config = Self.config(navigation: [
            "/", "/report", "/report/#ways", "/a-to-z/?letter=a", "/news/", "/decisions/", "/decisions/2023/",
            "/old-report/", "/report/leaflet.pdf", "/index.html", "/report/index.html", "/sitemap.xml", "/news/feed.xml", "/decisions.csv", "/404.html",
        ], footer: ["https://www.police.uk/", "\"mailto:office@example.gov.uk\"", "\"tel:101\""])
        let (report, files) = await TestSite.render(TestSite.files([
            "report/_index.md": "---\ntitle: Report a crime\naliases: [/old-report/]\n---\nWays to report.\n",
            "report/leaflet.pdf": "%PDF-1.4",
            "news/story.md": "---\ntitle: A story\nkind: news\ndate: 2023-03-01\nsummary: Something happened.\n---\nIt did.\n",
            "decisions/2023-001-a.md": DecisionsLogTests.decision("2023-001", "2023-03-01", title: "A decision"),
        ], config: config))
        #expect(Self.errors(report).isEmpty, "\(report.diagnostics)")
        #expect(files["index.html"] != nil)
    }

    /// The search page exists only when search is on.
    @Test func theSearchPageIsAPageOnlyWithSearchOn() async {
        let config = Self.config(navigation: ["/search/"])
        let (off, _) = await TestSite.render(TestSite.files([:], config: config))
        #expect(Self.errors(off).first?.message == "'/search/' in the navigation goes to no page on this site: every page would carry a broken link")
        let (on, _) = await TestSite.render(TestSite.files([:], config: config + "\nsearch: true\n"))
        #expect(Self.errors(on).isEmpty, "\(on.diagnostics)")
    }

    @Test func aMenuLinkToADraftSaysItIsADraft() async {
        let config = Self.config(navigation: ["/contact/"])
        let contact = ["contact.md": "---\ntitle: Contact us\ndraft: true\n---\nCall us.\n"]
        let (report, _) = await TestSite.render(TestSite.files(contact, config: config))
        let error = Self.errors(report).first
        #expect(Self.errors(report).count == 1)
        #expect(error?.message == "'/contact/' in the navigation goes to content/contact.md, which is a draft and will not be published")
        #expect(error?.location == SourceLocation(file: "herald.yml", line: 7, column: 27))
        #expect(error?.hint == "Publish the page (remove `draft: true` from its front matter), or remove the link from herald.yml.")

        let (preview, _) = await TestSite.render(TestSite.files(contact, config: config), options: TestSite.options { $0.includeDrafts = true })
        #expect(Self.errors(preview).isEmpty, "\(preview.diagnostics)")
    }

    /// The page's own error is the one to fix; the menu link is not a second one.
    @Test func aMenuLinkToAPageThatFailedToLoadAddsNoError() async {
        let config = Self.config(navigation: ["/contact/"])
        let (report, _) = await TestSite.render(TestSite.files(["contact.md": "---\ntitle: Contact us: phone, email\n---\nCall us.\n"],
                                                               config: config))
        #expect(Self.errors(report).map(\.location?.file) == ["content/contact.md"], "\(report.diagnostics)")
    }
}
