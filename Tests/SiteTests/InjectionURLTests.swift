import Core
import Foundation
import Testing
@testable import Site

/// Addresses that would run script (`javascript:`, `vbscript:`, `data:`), wherever a user can
/// write one, and raw HTML: each is refused with an error at its line, and nothing is written.
// Serialized: each test builds whole sites, and running them all at once would crowd out the
// timing-sensitive tests beside them (the preview's live reload) on a two-core machine.
@Suite(.serialized) struct InjectionURLTests {
    static func errors(_ report: BuildReport) -> [Diagnostic] { report.diagnostics.filter { $0.severity == .error } }

    @Test(arguments: [
        ("[Report a crime](javascript:alert(1))", "javascript"),
        ("[Report a crime](JaVaScRiPt:alert(1))", "javascript"),
        ("[Report a crime](<java script:alert(1)>)", "javascript"),
        ("[Report a crime](java&#x09;script&colon;alert(1))", "javascript"),
        ("[Report a crime](&#106;avascript:alert(1))", "javascript"),
        ("[Report a crime](%6A%61vascript:alert(1))", "javascript"),
        ("[Report a crime](ｊａｖａｓｃｒｉｐｔ:alert(1))", "javascript"),
        ("[Report a crime](vbscript:msgbox(1))", "vbscript"),
        ("[Report a crime](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "data"),
        ("<javascript:alert(1)>", "javascript"),
        ("[Report a crime][how]\n\n[how]: javascript:alert(1)", "javascript"),
        ("![A chart of crime figures](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", "data"),
        ("![A chart of crime figures](javascript:alert(1))", "javascript"),
        ("| Area | Link |\n| --- | --- |\n| North | [Report a crime](javascript:alert(1)) |", "javascript"),
        ("```details How to report\n[Report a crime](vbscript:x)\n```", "vbscript"),
    ])
    func aScriptAddressInMarkdownStopsTheBuild(_ markdown: String, _ scheme: String) async {
        let fs = TestSite.files(["a.md": "---\ntitle: A\n---\nIntro.\n\n" + markdown + "\n"])
        let (report, files) = await TestSite.render(fs)
        let errors = Self.errors(report)
        #expect(errors.count == 1, "\(markdown): \(errors.map(\.message))")
        #expect(errors.first?.message.contains("uses a \(scheme): address") == true, "\(markdown): \(errors.map(\.message))")
        #expect(errors.first?.location?.file == "content/a.md")
        #expect((errors.first?.location?.line ?? 0) >= 6, "\(markdown)")
        #expect(files.isEmpty)
    }

    @Test(arguments: ["background_papers", "resources"])
    func aScriptAddressForADocumentStopsTheBuild(_ field: String) async {
        let front = field == "resources"
            ? "kind: toolkit\nresources:\n  - { title: The leaflet, url: \"javascript:alert(1)\" }"
            : "kind: decision\nnumber: 2024-001\ndate: 2024-01-10\ndecision_maker: The Commissioner\nmeeting: Board\nstatus: approved\ncategory: Grants\nsummary: A grant.\nfinancial_implications: None.\nconfidential: false\nbackground_papers:\n  - { title: The report, url: \"javascript:alert(1)\" }"
        let path = field == "resources" ? "toolkit/_index.md" : "decisions/2024-001.md"
        let fs = TestSite.files([path: "---\ntitle: A\n\(front)\n---\nText.\n"])
        let (report, files) = await TestSite.render(fs)
        let errors = Self.errors(report)
        #expect(errors.map(\.message).contains("'javascript:alert(1)' is not a web address"), "\(errors.map(\.message))")
        #expect(files.isEmpty)
    }

    @Test(arguments: [
        ("navigation", "javascript:alert(1)"),
        ("navigation", " javascript:alert(1)"),
        ("navigation", "java\tscript:alert(1)"),
        ("footer", "JAVASCRIPT:alert(1)"),
        ("footer", "data:text/html,<script>alert(1)</script>"),
        ("navigation", "vbscript:msgbox(1)"),
    ])
    func aScriptAddressInTheMenusIsAConfigurationError(_ menu: String, _ url: String) async {
        let config = TestSite.config.replacingOccurrences(
            of: menu == "navigation" ? "url: /a-to-z/ }" : "url: / }", with: "url: \(Payload.yaml(url)) }")
        let (report, files) = await TestSite.render(TestSite.files([:], config: config))
        #expect(report.isConfigurationFailure)
        let error = Self.errors(report).first
        #expect(error?.message == "'\(url)' is not a path on this site or a web address", "\(report.diagnostics.map(\.message))")
        #expect(error?.location?.file == "herald.yml")
        #expect(error?.location?.line == (menu == "navigation" ? 7 : 9))
        #expect(files.isEmpty)
    }

    @Test func menusTakeSitePathsAndWebAddresses() async {
        let config = TestSite.config.replacingOccurrences(of: "url: /a-to-z/ }", with: "url: https://www.police.uk/ }")
            .replacingOccurrences(of: "url: / }", with: "url: \"mailto:office@example.gov.uk\" }")
        let (report, files) = await TestSite.render(TestSite.files([:], config: config))
        #expect(Self.errors(report).isEmpty, "\(report.diagnostics)")
        #expect(files["index.html"]?.contains("href=\"mailto:office@example.gov.uk\"") == true)
    }

    @Test(arguments: ["javascript:alert(1)", "data:text/html,x", "/local/page/"])
    func theExitButtonOnlyLeavesForAWebAddress(_ url: String) async {
        let config = TestSite.config + "\nexit_this_page_url: \(Payload.yaml(url))\n"
        let (report, files) = await TestSite.render(TestSite.files([:], config: config))
        #expect(report.isConfigurationFailure)
        #expect(Self.errors(report).first?.message == "exit_this_page_url must be an https:// address")
        #expect(Self.errors(report).first?.location?.line == 10)
        #expect(files.isEmpty)
    }

    /// Raw HTML listed in the config still never runs script: every attempt is an error, left
    /// out with a warning, or (when CommonMark does not read it as HTML) escaped text.
    @Test(arguments: [
        "<img src=x onerror=alert(1)>",
        "<img/src=x/onerror=alert(1)>",
        "<IMG SRC=x OnErRoR=alert(1)>",
        "<a href=\"javascript:alert(1)\">Report</a>",
        "<a href=\"jav&#x0A;ascript:alert(1)\">Report</a>",
        "<a href=\" &#14;  javascript:alert(1)\">Report</a>",
        "<abbr title=\"x\"onmouseover=alert(1)>GP</abbr>",
        "<abbr title='a' title2=\"b\" style=\"background:url(javascript:alert(1))\">GP</abbr>",
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=alert(1)>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<span><script>alert(1)</script></span>",
        "<span><iframe src=\"https://evil.example\"></iframe></span>",
        "<span><style>body{display:none}</style></span>",
        "<span><base href=\"https://evil.example/\"></span>",
        "<span><meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\"></span>",
        "<span><form action=\"https://evil.example\"><button>Go</button></form></span>",
        "<span><object data=\"x.swf\"></object></span>",
        "<span><!-- --><img src=x onerror=alert(1)></span>",
        "<span><template><img src=x onerror=alert(1)></template></span>",
        "<span><noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript></span>",
    ])
    func listedRawHTMLNeverRunsScript(_ html: String) async throws {
        let config = TestSite.config + "\nraw_html: [abbr, a, img, span, svg, p, button]\n"
        let fs = TestSite.files(["a.md": "---\ntitle: A\n---\nIntro.\n\n\(html)\n\nAnd inline \(html) too.\n"], config: config)
        let (report, files) = await TestSite.render(fs)
        if let page = files["a/index.html"] {
            #expect(ScriptScan.problems(in: page, page: "a/index.html").isEmpty, "\(html)")
            // What CommonMark does not take for HTML (`<img/src=…>`) is text, escaped.
            #expect(!page.contains(html), "\(html) is in the page as it was written")
        } else {
            #expect(!Self.errors(report).isEmpty, "\(html): nothing written but no error")
        }
    }

    /// SVG animation sets another attribute (`href`) from its own `to`/`values`, so a site that
    /// lists `svg`, `a`, `set` and `animate` must still never get a `javascript:` link from them.
    @Test(arguments: [
        "<svg><a><set attributeName=\"href\" to=\"javascript:alert(1)\"/><text x=\"0\" y=\"20\">Report</text></a></svg>",
        "<svg><a><animate attributeName=\"href\" values=\"javascript:alert(1)\"/><text x=\"0\" y=\"20\">Report</text></a></svg>",
    ])
    func listedSVGAnimationNeverSetsAScriptLink(_ html: String) async throws {
        let config = TestSite.config + "\nraw_html: [a, svg, set, animate, text]\n"
        let fs = TestSite.files(["a.md": "---\ntitle: A\n---\nIntro.\n\n\(html)\n"], config: config)
        let (report, files) = await TestSite.render(fs)
        if let page = files["a/index.html"] {
            #expect(ScriptScan.problems(in: page, page: "a/index.html").isEmpty, "\(html)")
            #expect(!page.contains("javascript:"), "\(html)")
        } else {
            #expect(!Self.errors(report).isEmpty)
        }
    }

    @Test func listedRawHTMLIsKeptAndTheRestIsOff() async throws {
        let config = TestSite.config + "\nraw_html: [abbr]\n"
        let fs = TestSite.files(["a.md": "---\ntitle: A\n---\nSee your <abbr title=\"General practitioner\">GP</abbr> or <b>doctor</b>.\n"], config: config)
        let (report, files) = await TestSite.render(fs)
        #expect(Self.errors(report).isEmpty, "\(report.diagnostics)")
        let page = try #require(files["a/index.html"])
        #expect(page.contains("<abbr title=\"General practitioner\">GP</abbr>"))
        #expect(!page.contains("<b>"))
        #expect(report.diagnostics.contains { $0.severity == .warning && $0.message == "raw HTML is left out of the page: <b> is not allowed" })
    }
}
