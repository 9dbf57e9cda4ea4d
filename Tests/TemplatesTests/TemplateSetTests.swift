import Core
import Testing
@testable import Templates

@Suite struct TemplateSetTests {
    let layout = "<html lang=\"{{site.language}}\"><title>{{page.title}}</title><main>{{{body}}}</main></html>"

    @Test func rendersThePageInsideTheLayoutWithEscaping() throws {
        let set = try TemplateSet.compile(["layout": layout, "page": "<h1>{{page.title}}</h1>{{{page.content}}}"])
        let html = set.renderPage("guide", context: [
            "site": ["language": "en-GB"],
            "page": ["title": "<script>alert(1)</script>", "content": "<p>ok</p>"],
        ])
        #expect(html == "<html lang=\"en-GB\"><title>&lt;script&gt;alert(1)&lt;/script&gt;</title><main><h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1><p>ok</p></main></html>")
    }

    @Test func syntaxErrorNamesTheTemplateLine() {
        do {
            _ = try TemplateSet.compile(["layout": layout, "page": "<h1>\n{{#page}}\n{{title}}\n"])
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics[0].location?.file == "templates/page.mustache")
            #expect(error.diagnostics[0].message.contains("never closed"))
        }
    }

    /// The error points at the section left open, not at the end of the file where the parser noticed.
    @Test func anUnclosedSectionIsReportedAtItsOpeningTag() {
        do {
            _ = try TemplateSet.compile(["layout": layout, "page": "<h1>{{page.title}}</h1>\n{{#page.toc}}\n  <ul>{{^page.pages}}x{{/page.pages}}\n  {{#page.pages}}\n<p>{{title}}</p>\n{{/page.pages}}\n"])
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics[0].message == "template error: {{#page.toc}} is never closed")
            #expect(error.diagnostics[0].location == SourceLocation(file: "templates/page.mustache", line: 2, column: 1))
            #expect(error.diagnostics[0].hint == "Close it with {{/page.toc}} where the section ends.")
        }
    }

    @Test func missingPartialIsAnErrorAtItsLine() {
        do {
            _ = try TemplateSet.compile(["layout": layout, "page": "<h1>x</h1>\n  {{> partials/nope}}\n"])
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.location) == [SourceLocation(file: "templates/page.mustache", line: 2, column: 3)])
        }
    }

    @Test func missingRequiredTemplateIsNamed() {
        do {
            _ = try TemplateSet.compile(["page": "x"])
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["the template templates/layout.mustache is missing"])
        }
    }

    @Test func loadsFromAFileSystemWithPartials() throws {
        let fs = InMemoryFileSystem(files: [
            "t/layout.mustache": layout,
            "t/page.mustache": "{{> partials/head}}",
            "t/partials/head.mustache": "<h1>{{page.title}}</h1>",
        ])
        let set = try TemplateSet.load(from: fs, directory: "t")
        #expect(set.renderPage("page", context: ["page": ["title": "A & B"]]).contains("<h1>A &amp; B</h1>"))
    }

    @Test func noTemplatesFolderIsAnError() {
        #expect(throws: DiagnosticList.self) { try TemplateSet.load(from: InMemoryFileSystem(), directory: "templates") }
    }
}

@Suite struct SiteViewTests {
    @Test func navigationMarksTheCurrentSection() {
        #expect(SiteView.isCurrent("/report/", for: "/report/hate-crime/"))
        #expect(!SiteView.isCurrent("/", for: "/report/"))
        #expect(SiteView.isCurrent("/", for: "/"))
        #expect(!SiteView.isCurrent("/news/", for: "/report/"))
    }
}
