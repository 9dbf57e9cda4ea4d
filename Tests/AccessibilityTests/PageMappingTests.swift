import Core
import Testing
@testable import Accessibility

/// Page findings point at the Markdown line (via data-sourcepos), else the template line, else
/// the HTML line; with `contentLinted` the page rules leave Markdown elements to the content rules.
@Suite struct PageMappingTests {
    static let layout = """
        <!DOCTYPE html>
        <html lang="{{site.language}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{page.title}} | {{site.title}}</title>
        </head>
        <body>
        <a href="#main-content" class="skip-link">Skip to main content</a>
        <header class="header">
          <a href="/" class="header__home">{{site.organisation.name}}</a>
        </header>
        <main id="main-content" class="main">
        {{{body}}}
        </main>
        <footer class="footer">
          <h4 class="footer__heading">Support links</h4>
          <img class="footer__logo" src="/assets/logo.png">
        </footer>
        </body>
        </html>
        """
    static let pageTemplate = """
        <h1 class="page-title">{{page.title}}</h1>
        {{{page.content}}}
        """
    static let templates = ["templates/layout.mustache": layout, "templates/page.mustache": pageTemplate]

    /// What the Markdown renderer would give for content/report.md with this content starting at line 5.
    static let content = """
        <h2 id="ways" data-sourcepos="5:1-5:7">Ways</h2>
        <p data-sourcepos="7:1-7:20">Call 101 or <img src="a.png" alt="a.png"> <a href="/x/">click here</a>.</p>
        <h4 id="deep" data-sourcepos="9:1-9:8">Deep</h4>
        <h2 id="end" data-sourcepos="11:1-11:6">End</h2>
        <div class="mystery"><img src="b.png"></div>
        """

    static func page(content: String = content, title: String = "Report") -> String {
        layout.replacingAll("{{site.language}}", "en-GB").replacingAll("{{page.title}}", title)
            .replacingAll("{{site.title}}", "PCC").replacingAll("{{site.organisation.name}}", "The Office")
            .replacingAll("{{{body}}}", pageTemplate.replacingAll("{{page.title}}", title).replacingAll("{{{page.content}}}", content))
    }

    func lint(contentLinted: Bool) -> [Finding] {
        Linter().lintPage(html: Self.page(), file: "public/report/index.html", contentFile: "content/report.md",
                          templates: TemplateLocator(templates: Self.templates), contentLinted: contentLinted).findings
    }

    func places(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.ruleID)@\($0.location!)" }
    }

    @Test func everyFindingPointsWhereItCanBeFixed() {
        #expect(places(lint(contentLinted: false)) == [
            "img-alt-filename@content/report.md:7:1",
            "link-text-vague@content/report.md:7:1",
            "heading-order@content/report.md:9:1",
            "img-alt-missing@public/report/index.html:19:22",
            "heading-order@templates/layout.mustache:17:3",
            "img-alt-missing@templates/layout.mustache:18:3",
        ])
    }

    @Test func afterTheContentRulesThePageRulesCheckOnlyWhatTheTemplatesAdded() {
        #expect(places(lint(contentLinted: true)) == [
            "img-alt-missing@public/report/index.html:19:22",
            "heading-order@templates/layout.mustache:17:3",
            "img-alt-missing@templates/layout.mustache:18:3",
        ])
    }

    @Test func skipsAcrossTheTemplateAndContentBoundary() {
        let locator = TemplateLocator(templates: Self.templates)
        // Content h3 straight under the template's h1: the content rules judged exactly this.
        let underTitle = Self.page(content: "<h3 id=\"a\" data-sourcepos=\"5:1-5:6\">A</h3>")
        let linted = Linter().lintPage(html: underTitle, file: "p.html", contentFile: "c.md", templates: locator, contentLinted: true)
        #expect(places(linted.findings.filter { $0.ruleID == "heading-order" }) == [])
        let unlinted = Linter().lintPage(html: underTitle, file: "p.html", contentFile: "c.md", templates: locator)
        #expect(places(unlinted.findings.filter { $0.ruleID == "heading-order" }) == ["heading-order@c.md:5:1"])
        // A template that adds its own h2 before the content: content h4 skips from it, which the
        // content rules could not know, so the page rules report it.
        let withContents = Self.page(content: "<h2 class=\"toc\">Contents</h2>\n<h4 id=\"a\" data-sourcepos=\"5:1-5:6\">A</h4>")
        let found = Linter().lintPage(html: withContents, file: "p.html", contentFile: "c.md", templates: locator, contentLinted: true)
        #expect(places(found.findings.filter { $0.ruleID == "heading-order" }) == ["heading-order@c.md:5:1"])
    }

    @Test func titleIsReturnedForTheSitePass() {
        let result = Linter().lintPage(html: Self.page(title: "Report  a\ncrime"), file: "p.html", templates: Self.templates)
        #expect(result.title == "Report a crime | PCC")
        #expect(result.titleLocation == SourceLocation(file: "templates/layout.mustache", line: 6, column: 1))
    }

    @Test func deepPagesAreRefusedWithAFinding() {
        let deep = String(repeating: "<div>", count: 2_000) + String(repeating: "</div>", count: 2_000)
        let result = Linter().lintPage(html: Self.page(content: deep), file: "p.html")
        #expect(result.findings.map(\.ruleID) == ["html-nesting-depth"])
        #expect(result.findings[0].location?.line == 15)
    }
}
