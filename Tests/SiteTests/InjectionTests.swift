import Accessibility
import Core
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Site

/// Script planted in every field a user controls, built with the site's real theme: it must
/// arrive as text in every output (HTML, attributes, JSON, CSV, Atom, sitemap), never as markup.
// Serialized: each test builds whole sites, and running them all at once would crowd out the
// timing-sensitive tests beside them (the preview's live reload) on a two-core machine.
@Suite(.serialized) struct InjectionTests {
    static let p = Payload.self

    /// Field marker → the value planted there (what a reader must see, as text).
    static let fields: [String: String] = {
        var fields: [String: String] = [:]
        for marker in ["F-site-title", "F-org-name", "F-org-phone", "F-org-address", "F-nav-title", "F-footer-title",
                       "F-phase-tag", "F-phase-message", "F-home-title", "F-home-description", "F-section-title",
                       "F-section-description", "F-guide-title", "F-guide-description", "F-news-title",
                       "F-news-description", "F-decision-meeting", "F-decision-summary", "F-toolkit-title",
                       "F-resource-title", "F-strategy-title", "F-strategy-period", "F-strategy-theme",
                       "F-paper-title", "F-filename-page-title"] {
            fields[marker] = Payload.value(marker)
        }
        // CSV columns, each starting with a character a spreadsheet would run.
        fields["F-decision-title"] = Payload.value("F-decision-title", formulaFirst: true)
        fields["F-decision-maker"] = "+" + Payload.value("F-decision-maker")
        fields["F-decision-category"] = "-" + Payload.value("F-decision-category")
        fields["F-decision-money"] = "@" + Payload.value("F-decision-money")
        fields["F-news-summary"] = Payload.value("F-news-summary", formulaFirst: true)
        return fields
    }()

    static func v(_ marker: String) -> String { Payload.yaml(fields[marker]!) }
    static func md(_ marker: String) -> String { Payload.markdownText(fields[marker]!) }

    static var config: String {
        """
        title: \(v("F-site-title"))
        base_url: https://example.gov.uk
        language: en-GB
        organisation:
          name: \(v("F-org-name"))
          email: "office@example.gov.uk"
          phone: \(v("F-org-phone"))
          address: \(v("F-org-address"))
        navigation:
          - { title: \(v("F-nav-title")), url: /report/ }
        footer:
          - { title: \(v("F-footer-title")), url: /accessibility/ }
        phase:
          tag: \(v("F-phase-tag"))
          message: \(v("F-phase-message"))
        search: true

        """
    }

    /// Markdown whose text, links, images, table and callouts all carry the payload as text.
    static let body = """
    ## Heading \(Payload.markdownText(Payload.script)) M-heading

    Link text: [M-link \(Payload.markdownText(Payload.value("")))](_index.md "M-link-title \(Payload.markdownText(Payload.attributeBreakout).replacingOccurrences(of: "\"", with: "\\\""))").

    An image: ![M-alt \(Payload.markdownText(Payload.value("")))](picture.png)

    Code: `M-code \(Payload.script)` and <script>alert('raw')</script> M-raw.

    Table: M-caption \(Payload.markdownText(Payload.attributeBreakout))

    | M-head \(Payload.markdownText(Payload.script)) | Value |
    | --- | --- |
    | M-cell \(Payload.markdownText(Payload.attributeBreakout)) | \(Payload.markdownText(Payload.formula)) |

    ```details M-callout \(Payload.markdownText(Payload.attributeBreakout))
    Inside M-details \(Payload.markdownText(Payload.script)).
    ```

    ```warning
    M-warning \(Payload.markdownText(Payload.script))
    ```

    ```
    M-fence \(Payload.script) \(Payload.cdataEnd)
    ```

    """

    static var content: [String: String] {
        [
            "_index.md": "---\ntitle: \(v("F-home-title"))\ndescription: \(v("F-home-description"))\n---\nWelcome.\n",
            "report/_index.md": "---\ntitle: \(v("F-section-title"))\ndescription: \(v("F-section-description"))\n---\nWays to report.\n",
            "report/guide.md": """
            ---
            title: \(v("F-guide-title"))
            description: \(v("F-guide-description"))
            kind: guide
            updated: 2024-03-01
            exit_this_page: true
            related: [../accessibility.md]
            ---
            \(body)
            """,
            "report/picture.png": "png",
            "news/story.md": """
            ---
            title: \(v("F-news-title"))
            description: \(v("F-news-description"))
            kind: news
            date: 2024-02-01
            summary: \(v("F-news-summary"))
            ---
            A story.
            """,
            "decisions/2024-001.md": """
            ---
            title: \(v("F-decision-title"))
            kind: decision
            number: 2024-001
            date: 2024-01-10
            decision_maker: \(v("F-decision-maker"))
            meeting: \(v("F-decision-meeting"))
            status: approved
            category: \(v("F-decision-category"))
            summary: \(v("F-decision-summary"))
            financial_implications: \(v("F-decision-money"))
            confidential: false
            background_papers:
              - { title: \(v("F-paper-title")), url: "https://example.org/paper.pdf" }
            ---
            The decision.
            """,
            "toolkit/_index.md": """
            ---
            title: \(v("F-toolkit-title"))
            kind: toolkit
            resources:
              - { title: \(v("F-resource-title")), file: leaflet.pdf }
            ---
            The toolkit.
            """,
            "toolkit/leaflet.pdf": "%PDF-1.4",
            "strategy.md": """
            ---
            title: \(v("F-strategy-title"))
            kind: strategy
            period: \(v("F-strategy-period"))
            themes: [\(v("F-strategy-theme"))]
            ---
            The plan.
            """,
            "\"><img src=x onerror=alert(1)>.md": "---\ntitle: \(v("F-filename-page-title"))\n---\nA page whose file name is an attack.\n",
            "accessibility.md": "---\ntitle: Accessibility statement\n---\n## Compliance status\n\n{{accessibility.compliance}}\n\n## Problems\n\n{{accessibility.issues}}\n\n## Testing\n\n{{accessibility.last_tested}}\n",
        ]
    }

    /// The planted site, built once for all the tests here.
    static let built = Task { () async throws -> (BuildReport, [String: Data]) in
        await render(try RealTheme.fileSystem(config: config, content: content))
    }

    static func build() async throws -> (BuildReport, [String: Data]) { try await built.value }

    static func render(_ fs: InMemoryFileSystem) async -> (BuildReport, [String: Data]) {
        let output = MemoryOutput()
        let report = await SiteBuilder(fileSystem: fs, options: TestSite.options()).render(into: output)
        return (report, output.files)
    }

    /// The checks are not vacuous: a theme that printed one field raw would be caught.
    @Test func aThemeThatPrintsAFieldRawIsCaught() async throws {
        var content = Self.content
        // alt="" keeps the accessibility linter quiet, so only the scan can catch it.
        content["report/guide.md"] = content["report/guide.md"]!.replacingOccurrences(
            of: "title: \(Self.v("F-guide-title"))", with: "title: \(Payload.yaml("Report a crime <img alt=\"\" src=x onerror=alert(1)><script>alert(1)</script>"))")
        let fs = try RealTheme.fileSystem(config: Self.config, content: content)
        let guide = try fs.readText("templates/guide.mustache")
        try fs.write(guide.replacingOccurrences(of: "{{page.title}}", with: "{{{page.title}}}"), to: "templates/guide.mustache")
        let (report, files) = await Self.render(fs)
        let page = String(decoding: try #require(files["report/guide/index.html"], "\(report.diagnostics.filter { $0.severity == .error })"), as: UTF8.self)
        let problems = ScriptScan.problems(in: page, page: "report/guide/index.html")
        #expect(problems.contains { $0.contains("<script src=\"\">") })
        #expect(problems.contains { $0.contains("<img onerror=") })
    }

    @Test func thePlantedSiteBuilds() async throws {
        let (report, files) = try await Self.build()
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n\n"))")
        #expect(files.count > 20)
        // Raw HTML is off: the <script> written in the Markdown is left out, with a warning.
        #expect(report.diagnostics.contains { $0.severity == .warning && $0.message.contains("raw HTML is left out of the page: <script>") })
    }

    @Test func noPageCanRunPlantedScript() async throws {
        let (_, files) = try await Self.build()
        let pages = files.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count >= 12)
        var problems: [String] = []
        for (path, data) in pages.sorted(by: { $0.key < $1.key }) {
            let html = String(decoding: data, as: UTF8.self)
            problems += ScriptScan.problems(in: html, page: path)
            for raw in ["<script>alert", "<img src=x", "<script>alert('raw')"] where html.range(of: raw, options: .caseInsensitive) != nil {
                problems.append("\(path): \(raw) is in the page unescaped")
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func everyPlantedFieldArrivesAsText() async throws {
        let (_, files) = try await Self.build()
        let text = files.filter { $0.key.hasSuffix(".html") }.values
            .map { ScriptScan.decodedText(of: String(decoding: $0, as: UTF8.self)) }.joined(separator: "\n")
        // Each field's whole value reaches some page intact, as text a reader sees.
        for (marker, value) in Self.fields.sorted(by: { $0.key < $1.key }) {
            #expect(text.contains(value), "\(marker) is not on any page as text")
        }
        for marker in ["M-heading", "M-link", "M-link-title", "M-alt", "M-code", "M-caption", "M-head", "M-cell", "M-callout", "M-details", "M-warning", "M-fence"] {
            #expect(text.contains(marker), "\(marker) is not on the guide page")
        }
        #expect(text.contains("M-alt \(Payload.value("").replacingOccurrences(of: "\u{2028}\u{2029}", with: "  "))"))
        #expect(text.contains("M-cell \(Payload.attributeBreakout)"))
        #expect(text.contains("M-fence \(Payload.script) \(Payload.cdataEnd)"))
    }

    @Test func everyPageCarriesAPolicyThatForbidsInlineScript() async throws {
        let (_, files) = try await Self.build()
        for (path, data) in files where path.hasSuffix(".html") {
            let policy = ScriptScan.contentSecurityPolicy(in: String(decoding: data, as: UTF8.self))
            #expect(policy != nil, "\(path) has no Content-Security-Policy")
            guard let policy else { continue }
            let directives = Dictionary(policy.split(separator: ";").map { part -> (String, [String]) in
                let words = part.split(separator: " ").map(String.init)
                return (words.first ?? "", Array(words.dropFirst()))
            }, uniquingKeysWith: { a, _ in a })
            let scripts = directives["script-src"] ?? directives["default-src"] ?? []
            #expect(!scripts.isEmpty, "\(path): no script-src")
            for forbidden in ["'unsafe-inline'", "'unsafe-eval'", "data:", "*", "'unsafe-hashes'", "https:", "http:"] {
                #expect(!scripts.contains(forbidden), "\(path): script-src allows \(forbidden)")
            }
            #expect(directives["object-src"] == ["'none'"], "\(path)")
            #expect(directives["base-uri"] != nil, "\(path)")
        }
    }

    @Test func decisionsJSONParsesAndHoldsTheFieldsExactly() async throws {
        let (_, files) = try await Self.build()
        let data = try #require(files["decisions.json"])
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("<"), "JSON embedded in a page must not close a script element")
        #expect(!text.contains("\u{2028}") && !text.contains("\u{2029}"), "raw line separators break JavaScript string literals")
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rows = try #require(object["decisions"] as? [[String: Any]])
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["title"] as? String == Self.fields["F-decision-title"])
        #expect(row["decision_maker"] as? String == Self.fields["F-decision-maker"])
        #expect(row["meeting"] as? String == Self.fields["F-decision-meeting"])
        #expect(row["category"] as? String == Self.fields["F-decision-category"])
        #expect(row["summary"] as? String == Self.fields["F-decision-summary"])
        #expect(row["financial_implications"] as? String == Self.fields["F-decision-money"])
        #expect(row["confidential"] as? Bool == false)
        #expect(row["url"] as? String == "https://example.gov.uk/decisions/2024-001/")
        #expect(row.count == DecisionsData.columns.count)
    }

    @Test func decisionsCSVParsesWithFormulasDefused() async throws {
        let (_, files) = try await Self.build()
        let text = String(decoding: try #require(files["decisions.csv"]), as: UTF8.self)
        let records = try CSVReader.records(text)
        #expect(records.count == 2)
        #expect(records.first == DecisionsData.columns)
        let row = Dictionary(uniqueKeysWithValues: zip(records[0], records[1]))
        #expect(records[1].count == DecisionsData.columns.count)
        // A spreadsheet runs a cell that starts =, +, - or @: each is prefixed with ' and is text.
        #expect(row["title"] == "'" + Self.fields["F-decision-title"]!)
        #expect(row["decision_maker"] == "'" + Self.fields["F-decision-maker"]!)
        #expect(row["category"] == "'" + Self.fields["F-decision-category"]!)
        #expect(row["financial_implications"] == "'" + Self.fields["F-decision-money"]!)
        #expect(row["meeting"] == Self.fields["F-decision-meeting"])
        #expect(row["summary"] == Self.fields["F-decision-summary"])
        for (column, value) in row {
            #expect(!"=+-@\t\r".contains(value.first ?? "x"), "\(column) starts with a formula character")
        }
    }

    @Test func feedsAndSitemapAreWellFormedXMLHoldingTheText() async throws {
        let (_, files) = try await Self.build()
        for path in ["news/feed.xml", "decisions/feed.xml", "sitemap.xml"] {
            let data = try #require(files[path], "\(path)")
            let document = try XMLDocument(data: data, options: [])
            #expect(document.rootElement() != nil, "\(path)")
        }
        let news = try XMLDocument(data: try #require(files["news/feed.xml"]), options: [])
        let titles = try news.nodes(forXPath: "//*[local-name()='entry']/*[local-name()='title']").compactMap(\.stringValue)
        #expect(titles == [Self.fields["F-news-title"]!])
        let summaries = try news.nodes(forXPath: "//*[local-name()='entry']/*[local-name()='summary']").compactMap(\.stringValue)
        #expect(summaries == [Self.fields["F-news-summary"]!])
        let author = try news.nodes(forXPath: "/*[local-name()='feed']/*[local-name()='author']/*[local-name()='name']").compactMap(\.stringValue)
        #expect(author == [Self.fields["F-org-name"]!])
        let decisions = try XMLDocument(data: try #require(files["decisions/feed.xml"]), options: [])
        let decisionTitles = try decisions.nodes(forXPath: "//*[local-name()='entry']/*[local-name()='title']").compactMap(\.stringValue)
        #expect(decisionTitles == ["2024-001: " + Self.fields["F-decision-title"]!])
        let sitemap = try XMLDocument(data: try #require(files["sitemap.xml"]), options: [])
        let locations = try sitemap.nodes(forXPath: "//*[local-name()='loc']").compactMap(\.stringValue)
        #expect(!locations.isEmpty)
        for location in locations {
            #expect(URL(string: location)?.host == "example.gov.uk", "\(location)")
            #expect(!location.contains("<") && !location.contains("\"") && !location.contains(" "), "\(location)")
        }
    }
}

/// Characters XML 1.0 does not allow (controls, U+FFFE, U+FFFF) in a title or summary must not
/// make a feed that readers refuse to parse.
@Suite struct FeedCharacterTests {
    @Test(arguments: ["\u{1}", "\u{1B}[31m", "\u{FFFE}", "\u{FFFF}", "\u{0B}\u{0C}"])
    func aFeedStaysWellFormed(_ odd: String) async throws {
        let news = "---\ntitle: \(Payload.yaml("News \(odd) title"))\nkind: news\ndate: 2024-02-01\nsummary: \(Payload.yaml("Summary \(odd) text"))\n---\nA story.\n"
        let (report, files) = await TestSite.render(TestSite.files(["news/_index.md": "---\ntitle: News\n---\nNews.\n", "news/story.md": news]))
        if report.errorCount > 0 {
            // Refusing the value at its line is also safe (YAML refuses U+FFFE and U+FFFF).
            #expect(report.diagnostics.contains { $0.location?.file == "content/news/story.md" && $0.location?.line == 2 }, "\(report.diagnostics)")
            #expect(files.isEmpty)
            return
        }
        let feed = try #require(files["news/feed.xml"])
        let document = try XMLDocument(data: Data(feed.utf8), options: [])
        let titles = try document.nodes(forXPath: "//*[local-name()='entry']/*[local-name()='title']").compactMap(\.stringValue)
        #expect(titles.count == 1)
        #expect(titles.first?.hasPrefix("News ") == true)
    }
}
