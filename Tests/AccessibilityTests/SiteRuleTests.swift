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
}
