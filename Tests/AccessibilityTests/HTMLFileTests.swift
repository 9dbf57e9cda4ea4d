import Core
import Testing
@testable import Accessibility

/// `herald check --html`: any HTML file, its local stylesheets read beside it.
@Suite struct HTMLFileTests {
    static let page = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <title>Legacy page</title>
        <link rel="stylesheet" href="/assets/site.css">
        <link rel="stylesheet" href="print.css?v=2" media="print">
        <link rel="stylesheet" href="https://cdn.example.org/x.css">
        <link rel="icon" href="favicon.ico">
        </head>
        <body>
        <a href="#main">Skip to content</a>
        <main id="main"><h1>Legacy page</h1><img src="a.png"></main>
        </body>
        </html>
        """

    @Test func linkedLocalStylesheetsAreFoundAndMissingOnesReported() throws {
        let files = InMemoryFileSystem(files: ["site/old/page.html": Self.page, "site/assets/site.css": "body { color: #000 }"])
        let findings = try Linter().lintHTMLFile("site/old/page.html", root: "site", fileSystem: files)
        #expect(findings.map { "\($0.ruleID)@\($0.location!)" } == [
            "@site/old/page.html:6:1",
            "img-alt-missing@site/old/page.html:12:37",
        ])
        #expect(findings[0].severity == .warning)
        #expect(findings[0].message.contains("site/old/print.css"))
        #expect(findings[1].diagnostic.sourceLine == "<main id=\"main\"><h1>Legacy page</h1><img src=\"a.png\"></main>")
    }

    @Test func stylesheetsNamedOnTheCommandLineMustExist() throws {
        let files = InMemoryFileSystem(files: ["p.html": Self.page, "site/assets/site.css": "", "print.css": ""])
        let findings = try Linter().lintHTMLFile("p.html", stylesheets: ["extra.css"], root: "site", fileSystem: files)
        #expect(findings.filter { $0.ruleID.isEmpty }.map(\.message) == [
            "The stylesheet extra.css could not be read, so colours are checked without it.",
        ])
        #expect(StylesheetLinks.local(in: HTMLParser.parse(Self.page), htmlPath: "site/old/page.html", root: "site").map(\.0)
            == ["site/assets/site.css", "site/old/print.css"])
    }

    @Test func aMissingFileIsAnError() {
        #expect(throws: FileSystemError.self) {
            try Linter().lintHTMLFile("nowhere.html", fileSystem: InMemoryFileSystem())
        }
    }

    /// A page check (colour contrast, in the build) reports at HTML lines; the linter moves each
    /// finding to the Markdown or template line that wrote the element.
    struct MarksParagraphs: PageCheck {
        func check(page: HTMLElement, file: String) -> [Diagnostic] {
            var result: [Diagnostic] = []
            var stack = [page]
            while let element = stack.popLast() {
                if element.tag == "p" {
                    result.append(Diagnostic(.error, "low contrast", at: SourceLocation(file: file, line: element.line, column: element.column),
                                             rule: RuleReference(id: "contrast-text", criteria: ["1.4.3"])))
                }
                stack += element.childElements
            }
            return result
        }
    }

    @Test func pageCheckFindingsAreMovedToTheirSource() {
        let html = """
            <!DOCTYPE html><html lang="en"><head><title>T</title></head><body><a href="#m">Skip</a>
            <main id="m"><h1>T</h1>
            <p data-sourcepos="4:1-4:9">From Markdown</p>
            <p class="note">From the template</p>
            <div><p>From nowhere</p></div>
            </main></body></html>
            """
        let linter = Linter(configuration: LintConfiguration(), registry: .standard, pageChecks: [MarksParagraphs()])
        let templates = TemplateLocator(templates: ["page.mustache": "<h1>{{title}}</h1>\n{{{content}}}\n<p class=\"note\">From the template</p>"])
        let result = linter.lintPage(html: html, file: "p.html", contentFile: "c.md", templates: templates, contentLinted: true)
        #expect(result.findings.map { "\($0.ruleID)@\($0.location!)" } == [
            "contrast-text@c.md:4:1", "contrast-text@p.html:5:6", "contrast-text@page.mustache:3:1",
        ])
    }
}
