import Core
import Foundation
import Testing
@testable import Preview

@Suite("Build errors in the browser")
struct ErrorPageTests {
    let site: TemporarySite
    init() throws {
        site = try TemporarySite()
        try site.write("Good text", to: "news.md")
    }

    @Test func aBadEditShowsEveryFindingAndTheFixBringsThePageBack() async throws {
        defer { site.remove() }
        try await TestServer.with(builder: FakeBuilder(contentFolder: site.content), watching: [site.content]) { server in
            let (stream, _) = try await openEventStream(port: server.port)
            try site.write("Line one\nBROKEN <script>alert(1)</script>", to: "news.md")
            try site.write("BROKEN too", to: "other.md")
            _ = try await stream.read(until: "event: reload")
            #expect(try await eventually { try await RawHTTP.get("/news/", port: server.port).status == 500 })

            let page = try await RawHTTP.get("/news/", port: server.port)
            #expect(page.header("Content-Type") == "text/html; charset=utf-8")
            #expect(page.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
            let html = page.text
            #expect(html.contains("<html lang=\"en\">"))
            #expect(html.contains("<title>Build failed: Herald preview</title>"))
            #expect(html.contains("<main>"))
            #expect(html.contains("<h1>The site could not be built</h1>"))
            #expect(html.contains("2 problems stop the build."))
            #expect(html.contains("\(site.content)/news.md, line 2, column 1"))
            #expect(html.contains("\(site.content)/other.md, line 1, column 1"))
            #expect(html.contains("unknown shortcode in BROKEN &lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(html.contains("How to fix it: remove the word BROKEN &lt;here&gt; &amp; save"))
            #expect(!html.contains("<script>alert"))
            #expect(html.contains(PreviewAssets.scriptTag))

            // Every page shows the error, even ones the last good build had.
            #expect(try await RawHTTP.get("/report/", port: server.port).status == 500)
            // Assets of the last good build are still served.
            let css = try await RawHTTP.get("/style.css", port: server.port)
            #expect(css.status == 200)
            #expect(css.text == "body { color: #111; }\n")
            #expect(try await RawHTTP.get(PreviewAssets.stylePath, port: server.port).status == 200)

            try site.write("Fixed text", to: "news.md")
            try site.write("Fine now", to: "other.md")
            _ = try await stream.read(until: "event: reload")
            let fixed = try await RawHTTP.get("/news/", port: server.port)
            #expect(fixed.status == 200)
            #expect(fixed.text.contains("Fixed text"))
        }
    }

    @Test func whenTheFirstBuildFailsPagesShowTheErrorAndAssetsAre404() async throws {
        try site.write("BROKEN from the start", to: "news.md")
        defer { site.remove() }
        try await TestServer.with(builder: FakeBuilder(contentFolder: site.content)) { server in
            let page = try await RawHTTP.get("/news/", port: server.port)
            #expect(page.status == 500)
            #expect(page.text.contains("1 problem stops the build."))
            #expect(try await RawHTTP.get("/style.css", port: server.port).status == 404)
        }
    }

    @Test func theErrorPageEscapesEveryField() {
        let nasty = "<img src=x onerror=alert(1)>\"'&"
        let diagnostic = Diagnostic(
            .error, nasty, at: SourceLocation(file: "content/<b>.md", line: 3, column: 7),
            hint: nasty, sourceLine: nasty, rule: RuleReference(id: "<rule>", criteria: ["1.1.1"]))
        let html = ErrorPage.render([diagnostic])
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<rule>"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;"))
        #expect(html.contains("content/&lt;b&gt;.md, line 3, column 7"))
    }
}
