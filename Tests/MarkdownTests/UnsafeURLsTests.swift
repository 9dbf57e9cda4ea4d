import Core
import Testing
@testable import Markdown

@Suite struct UnsafeURLsTests {
    @Test(arguments: [
        ("javascript:alert(1)", "javascript"),
        ("JavaScript:alert(1)", "javascript"),
        ("JAVASCRIPT:alert(1)", "javascript"),
        ("  javascript:alert(1)", "javascript"),
        ("\u{1}\u{8}javascript:alert(1)", "javascript"),
        ("java\tscript:alert(1)", "javascript"),
        ("java\nscript:alert(1)", "javascript"),
        ("java\u{200B}script:alert(1)", "javascript"),
        ("\u{FEFF}javascript:alert(1)", "javascript"),
        ("javascript\u{0}:alert(1)", "javascript"),
        ("&#106;avascript:alert(1)", "javascript"),
        ("&#x6A;avascript:alert(1)", "javascript"),
        ("&#x6a&#x61vascript:alert(1)", "javascript"),
        ("javascript&colon;alert(1)", "javascript"),
        ("java&Tab;script:alert(1)", "javascript"),
        ("&amp;#106;avascript:alert(1)", "javascript"),
        ("%6Aavascript:alert(1)", "javascript"),
        ("jav%61script%3Aalert(1)", "javascript"),
        ("%256Aavascript:alert(1)", "javascript"),
        ("ｊａｖａｓｃｒｉｐｔ:alert(1)", "javascript"),
        ("vbscript:msgbox(1)", "vbscript"),
        ("VBScript:msgbox(1)", "vbscript"),
        ("data:text/html;base64,PHNjcmlwdD4=", "data"),
        ("DATA:image/png;base64,iVBORw0KGgo=", "data"),
        (" d a t a :text/html,x", "data"),
    ])
    func refused(_ url: String, _ scheme: String) {
        #expect(UnsafeURLs.refusedScheme(url) == scheme)
        #expect(UnsafeURLs.isUnsafe(url))
    }

    @Test(arguments: [
        "https://example.com/javascript:x", "/data/report.pdf", "report.pdf", "mailto:help@example.com", "tel:101",
        "my-data:thing", "javascript.md", "page.md#data:1", "?q=javascript:x", "../data:x/file.md", "", "#main-content",
        "https://example.com/%6Aavascript:x",
    ])
    func allowed(_ url: String) {
        #expect(UnsafeURLs.refusedScheme(url) == nil)
    }

    func check(_ text: String) -> [Diagnostic] {
        MarkdownPipeline().run(text, firstLine: 2, file: "u.md").diagnostics.filter { $0.severity == .error }
    }

    @Test func everyDisguiseInMarkdownIsAnErrorAtTheLink() {
        let text = """
        [a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](&#106;avascript:x) [d](java&#9;script:x)
        [e](javascript&colon;x) [f](%6Aavascript:x) [g](<vbscript:x>) <javascript:alert(1)>
        ![h](data:image/png;base64,AAAA) [i][ref] [ok](https://example.com)

        [ref]: javascript:alert(1)
        """
        let diagnostics = check(text)
        #expect(diagnostics.map { "\($0.location!.line):\($0.location!.column)" } == [
            "2:1", "2:26", "2:44", "2:67", "3:1", "3:25", "3:45", "3:63", "4:1", "4:34",
        ])
        #expect(diagnostics[0].message == "this link uses a javascript: address, which could run code in a visitor's browser")
        #expect(diagnostics[8].message == "this image uses a data: address, which could run code in a visitor's browser")
        #expect(diagnostics[0].sourceLine == "[a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](&#106;avascript:x) [d](java&#9;script:x)")
        #expect(diagnostics.allSatisfy { $0.hint != nil })
    }

    @Test func linksInTablesCaptionsAndCalloutsAreChecked() {
        let text = "Table: [cap](javascript:x)\n| [cell](javascript:x) |\n| - |\n\n```inset\n[body](javascript:x)\n```\n"
        #expect(check(text).map { "\($0.location!.line):\($0.location!.column)" } == ["2:8", "3:3", "7:1"])
    }

    @Test func theRendererDropsRefusedURLsWhateverTheTreeSays() {
        let document = Node(.document, children: [Node(.paragraph, children: [
            Node(.link(destination: "javascript:alert(1)", title: ""), children: [Node(.text("a"))]),
            Node(.image(source: "data:text/html,x", title: "", decorative: false), children: [Node(.text("b"))]),
            Node(.link(destination: "https://example.com", title: ""), children: [Node(.text("c"))]),
        ])])
        #expect(HTMLRenderer().render(document) == "<p><a>a</a><img alt=\"b\"><a href=\"https://example.com\">c</a></p>\n")
    }
}

@Suite struct RawHTMLTests {
    @Test func rawHTMLIsOffByDefaultWithAWarning() {
        let result = MarkdownPipeline().run("<div class=\"x\">Block</div>\n\nText <b>bold</b> <!-- note -->\n", file: "r.md")
        #expect(result.diagnostics.map(\.message) == [
            "raw HTML is left out of the page: <div> is not allowed",
            "raw HTML is left out of the page: <b> is not allowed",
            "raw HTML is left out of the page: <b> is not allowed",
        ])
        #expect(result.diagnostics.map(\.severity) == [.warning, .warning, .warning])
        #expect(result.diagnostics.map { $0.location!.line } == [1, 3, 3])
        #expect(HTMLRenderer().render(result.document) == "<p>Text bold </p>\n")
    }

    @Test func listedElementsAreKept() {
        let text = "<abbr title=\"General practitioner\">GP</abbr> and <abbr><span>x</span></abbr>\n"
        let result = MarkdownPipeline(allowedRawHTML: ["abbr"]).run(text, file: "r.md")
        #expect(result.diagnostics.map(\.message) == [
            "raw HTML is left out of the page: <span> is not allowed",
            "raw HTML is left out of the page: <span> is not allowed",
        ])
        #expect(HTMLRenderer(allowedRawHTML: ["abbr"]).render(result.document)
            == "<p><abbr title=\"General practitioner\">GP</abbr> and <abbr>x</abbr></p>\n")
    }

    @Test(arguments: [
        ("<a href=\"javascript:alert(1)\">x</a>", "the href attribute uses a javascript: address"),
        ("<a href='&#106;avascript:x'>x</a>", "the href attribute uses a javascript: address"),
        ("<a HREF=data:text/html,x>x</a>", "the href attribute uses a data: address"),
        ("<a onclick=\"alert(1)\">x</a>", "the onclick attribute runs script"),
        ("<img src=x ONERROR=alert(1)>", "the onerror attribute runs script"),
    ])
    func scriptIsAnErrorEvenForListedElements(_ html: String, _ reason: String) {
        let result = MarkdownPipeline(allowedRawHTML: ["a", "img"]).run(html + "\n", file: "r.md")
        #expect(result.diagnostics.map(\.message).contains("this HTML could run script in a visitor's browser: \(reason)"))
        #expect(result.diagnostics.contains { $0.severity == .error })
        let html = HTMLRenderer(allowedRawHTML: ["a", "img"]).render(result.document)
        #expect(!html.lowercased().contains("javascript") && !html.lowercased().contains("onclick") && !html.contains("data:"))
    }

    @Test func someElementsAreNeverAllowed() {
        let policy = RawHTMLPolicy(allowedElements: ["script", "style", "iframe", "b"])
        #expect(policy.allowedElements == ["b"])
        #expect(policy.judge("<script>alert(1)</script>") == .omitted("<script>"))
        #expect(policy.judge("<b style=\"color:red\">x</b>") == .omitted("the style attribute (the site's security policy blocks inline styles)"))
        #expect(policy.judge("<!-- only a note -->") == .comment)
        #expect(policy.judge("<b>x</b>") == .allowed)
        #expect(policy.judge("<?php echo 1 ?>") == .omitted("a declaration or processing instruction"))
    }
}
