import Core
import Testing
@testable import Accessibility

@Suite struct SiteRuleTests {
    @Test func duplicateTitlesAreReportedOnEveryPageThatHasThem() throws {
        let linter = Linter()
        var pages = try ["a", "b"].map { name in
            linter.lintPage(html: try Fixtures.text("fail/duplicate-title-\(name).html"), file: "public/\(name)/index.html")
        }
        pages.append(linter.lintPage(html: try Fixtures.text("pass/minimal-page.html").replacingAll("Report a crime", "Contact us"), file: "public/c/index.html"))
        #expect(pages.allSatisfy { $0.findings.isEmpty })
        let findings = linter.lintSite(pages)
        #expect(findings.map(\.ruleID) == ["page-title-unique", "page-title-unique"])
        #expect(findings.map { $0.location! } == [
            SourceLocation(file: "public/a/index.html", line: 6, column: 1),
            SourceLocation(file: "public/b/index.html", line: 6, column: 1),
        ])
        #expect(findings[0].message == "The title \"Report a crime\" is also the title of public/b/index.html.")
        #expect(findings[0].severity == .warning)
    }

    @Test func titlesCompareWithoutCaseAndTheSiteCanPlaceTheFinding() {
        var pages = [
            PageLintResult(file: "x.html", findings: [], title: "News", titleLocation: nil),
            PageLintResult(file: "y.html", findings: [], title: "news", titleLocation: nil),
            PageLintResult(file: "z.html", findings: [], title: "News, page 2", titleLocation: nil),
            PageLintResult(file: "w.html", findings: [], title: nil, titleLocation: nil),
        ]
        pages[0].titleLocation = SourceLocation(file: "content/news/_index.md", line: 2, column: 1)
        let findings = Linter().lintSite(pages)
        #expect(findings.map { $0.location!.file } == ["content/news/_index.md", "y.html"])
    }

    /// Five pages of one title among pages of others, and a second pair: every page of a
    /// repeated title is reported once, naming the others (at most three, then a count).
    @Test func everyPageOfARepeatedTitleIsReportedOnce() {
        let titles = ["Home", "Help", "Help", "Contact", "help", "About", "HELP", "Contact", "Help"]
        let pages = titles.enumerated().map { index, title in
            PageLintResult(file: "p\(index).html", findings: [], title: title, titleLocation: nil)
        }
        let findings = Linter().lintSite(pages)
        #expect(findings.map { $0.location!.file }.sorted() == ["p1.html", "p2.html", "p3.html", "p4.html", "p6.html", "p7.html", "p8.html"])
        let first = findings.first { $0.location!.file == "p1.html" }
        #expect(first?.message == "The title \"Help\" is also the title of p2.html, p4.html, p6.html and 1 more.")
        let contact = findings.first { $0.location!.file == "p7.html" }
        #expect(contact?.message == "The title \"Contact\" is also the title of p3.html.")
    }
}
