import Accessibility
@testable import Content
import Core
import Foundation
import Markdown
import Testing
@testable import Site

/// Builds every example in docs/authoring.md, and checks the guide's tables against the code,
/// so the guide cannot go stale.
///
/// An example is a fenced block with the info string `markdown example` (it must build with no
/// error and no warning, and become a page), or `markdown example error WHAT` (it must produce
/// WHAT: a rule id, or the exact message of a finding that has no rule; and nothing else that
/// would stop a strict build). Each is saved as `content/report/example.md` in a small site in
/// memory that also holds the pages and files the examples link to (`GuideSite`).
@Suite struct AuthoringGuideTests {
    /// One example, with the guide line its fence opens on.
    struct Example: Sendable, CustomTestStringConvertible {
        var line: Int
        /// Nil for an example that must build cleanly.
        var expected: String?
        var text: String

        var testDescription: String { "docs/authoring.md line \(line)" + (expected.map { " (shows \($0))" } ?? "") }
    }

    static let guidePath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/authoring.md").path

    static let guide = (try? String(contentsOfFile: guidePath, encoding: .utf8)) ?? ""
    static let allExamples = examples(in: guide)
    /// The guide with its lines joined, for finding phrases a line break may split.
    static let flatGuide = guide.replacingOccurrences(of: "\n", with: " ")

    /// The examples, found by cmark as a reader's Markdown viewer finds them, so an example
    /// holding a fenced callout must have an outer fence of four backticks to be whole.
    static func examples(in guide: String) -> [Example] {
        var found: [Example] = []
        func walk(_ node: Node) {
            if case .codeBlock(let info, let literal) = node.kind {
                let words = info.split(separator: " ")
                if words.count >= 2, words[0] == "markdown", words[1] == "example" {
                    let expected = words.count >= 4 && words[2] == "error" ? words.dropFirst(3).joined(separator: " ") : nil
                    found.append(Example(line: node.range?.startLine ?? 0, expected: expected, text: literal))
                }
            }
            node.children.forEach(walk)
        }
        walk(MarkdownParser().parse(guide))
        return found
    }

    // MARK: - The examples

    @Test(arguments: allExamples) func exampleBuildsAsDocumented(_ example: Example) async {
        let (report, files) = await GuideSite.build(example.text)
        let counted = report.diagnostics.filter { $0.severity >= .warning }
        guard let expected = example.expected else {
            #expect(counted.isEmpty, "\(counted.map(\.description).joined(separator: "\n\n"))")
            let page = files["report/example/index.html"]
            #expect(page != nil, "the example did not become the page /report/example/")
            #expect(page?.contains("{{") != true, "a placeholder was left in the page")
            return
        }
        func matches(_ diagnostic: Diagnostic) -> Bool {
            diagnostic.rule?.id == expected || (diagnostic.rule == nil && diagnostic.message == expected)
        }
        let all = report.diagnostics + report.silenced.map(\.diagnostic)
        #expect(all.contains(where: matches), "expected \(expected), got:\n\(all.map(\.description).joined(separator: "\n\n"))")
        let others = counted.filter { !matches($0) }
        #expect(others.isEmpty, "the example shows more than \(expected):\n\(others.map(\.description).joined(separator: "\n\n"))")
    }

    @Test func theGuideHasExamplesOfEveryKindAndComponent() {
        #expect(!Self.guide.isEmpty, "cannot read \(Self.guidePath)")
        let clean = Self.allExamples.filter { $0.expected == nil }
        #expect(clean.count >= 20, "found only \(clean.count) examples that build cleanly")
        #expect(Self.allExamples.count - clean.count >= 10, "too few examples of mistakes")
        for kind in PageKind.allCases where kind != .page {
            #expect(clean.contains { $0.text.contains("\nkind: \(kind.rawValue)\n") }, "no example of kind \(kind.rawValue)")
        }
        for callout in Node.CalloutKind.allCases {
            #expect(clean.contains { $0.text.contains("\n```\(callout.rawValue)") }, "no example of the \(callout.rawValue) component")
        }
    }

    @Test func examplesAreFoundAsAMarkdownViewerSeesThem() {
        let guide = """
            Intro.

            ````markdown example
            ---
            title: A
            ---
            ```inset
            Text.
            ```
            ````

            ```markdown example error there is no page content/report/b.md
            X
            ```

            ```yaml
            not: an example
            ```
            """
        let found = Self.examples(in: guide)
        #expect(found.count == 2)
        #expect(found.first?.text == "---\ntitle: A\n---\n```inset\nText.\n```\n")
        #expect(found.first?.line == 3)
        #expect(found.first?.expected == nil)
        #expect(found.last?.expected == "there is no page content/report/b.md")
    }

    @Test func aMistakeInAnExampleIsCaught() async {
        let (report, files) = await GuideSite.build("---\ntitle: Skips\n---\n## One\n\n#### Three\n")
        #expect(report.diagnostics.contains { $0.rule?.id == "heading-order" })
        #expect(files.isEmpty)
    }

    // MARK: - The guide's claims

    @Test func fieldsTableListsEveryCommonField() {
        let documented = Self.firstColumn(under: "### Fields every page can have")
        #expect(documented == FrontMatterParser.commonFields)
    }

    @Test func kindsTableGivesEachKindsRequiredFields() {
        let rows = Self.tableRows(under: "## Kinds of page")
        #expect(rows.count == PageKind.allCases.count)
        for kind in PageKind.allCases {
            let row = rows.first { Self.codeSpans($0.first ?? "").first == kind.rawValue }
            #expect(row.map { Self.codeSpans($0.last ?? "") } == kind.requiredFields, "\(kind.rawValue)")
        }
    }

    @Test func newTableGivesEachKindsFolder() {
        let rows = Self.tableRows(under: "### Start a page with `herald new`")
        #expect(rows.count == PageKind.allCases.count)
        for kind in PageKind.allCases {
            let row = rows.first { Self.codeSpans($0.first ?? "").first == kind.rawValue }
            let folder = PageScaffold.folder(for: kind)
            #expect(row.flatMap { Self.codeSpans($0.last ?? "").first } == (folder.isEmpty ? "content/" : "content/\(folder)/"))
        }
        let scaffold = PageScaffold.make(kind: .guide, title: "Report fraud", today: Day(year: 2026, month: 11, day: 23))
        #expect(Self.guide.contains("`content/\(scaffold.path)`"))
    }

    @Test func fileTableGivesTheRealWebAddresses() {
        for row in Self.tableRows(under: "### Where files go") {
            let spans = row.map { Self.codeSpans($0) }
            guard let file = spans.first?.first, let url = spans.last?.first, file.hasPrefix("content/") else { continue }
            #expect(PageLoader.url(for: String(file.dropFirst("content/".count)), slug: nil) == url)
        }
        #expect(PageLoader.url(for: "Hate Crime.md", slug: nil) == "/hate-crime/")
        #expect(PageLoader.url(for: "report/x.md", slug: "hate-crime") == "/report/hate-crime/")
    }

    @Test func headingIDsAreAsDescribed() {
        for (text, id) in [("How to report", "how-to-report"), ("Don't wait", "dont-wait")] {
            #expect(HeadingIDs.slug(text) == id)
            #expect(Self.flatGuide.contains("`## \(text)` gets `\(id)`"))
        }
        var document = MarkdownParser().parse("## Contact\n\n## Contact\n")
        #expect(HeadingIDs().apply(to: &document).map(\.id) == ["contact", "contact-2"])
    }

    @Test func documentAndImageTypesAreTheOnesHeraldPublishes() {
        let documents = ["pdf": "PDF", "docx": "`.docx`", "odt": "`.odt`", "ods": "`.ods`", "xlsx": "`.xlsx`", "csv": "CSV"]
        #expect(Set(DocumentType.extensions.keys) == Set(documents.keys))
        for (type, written) in documents {
            #expect(Self.flatGuide.contains(written), "\(type)")
        }
        #expect(DocumentType.imageExtensions == ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif"])
        #expect(Self.flatGuide.contains("PNG, JPEG, GIF, SVG, WebP and AVIF"))
    }

    @Test func aDocumentLinkShowsItsTypeAndSize() async {
        let (_, files) = await GuideSite.build("---\ntitle: Reports\n---\nRead the [Annual report 2022](annual-report-2022.pdf).\n")
        #expect(files["report/example/index.html"]?.contains("Annual report 2022 <span class=\"document-meta\">(PDF, 245 KB)</span>") == true)
        #expect(Self.flatGuide.contains("\"Annual report 2022 (PDF, 245 KB)\""))
    }

    @Test func everyRuleAuthorsCanMeetIsExplained() {
        let named = Self.inlineCode(inSection: "What Herald's messages mean").filter { span in
            span.contains("-") && span.first?.isLetter == true && span.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }
        }
        #expect(named.count >= 20)
        for id in named {
            #expect(RuleRegistry.standard.rule(id) != nil, "the guide names `\(id)`, which is not a rule")
        }
        for rule in RuleRegistry.standard.rules where rule.scopes.contains(.content) {
            #expect(named.contains(rule.id), "the guide does not explain `\(rule.id)`, which Markdown can break")
        }
    }

    @Test func ruleTablesGiveTheRealSeverities() {
        guard let start = Self.guide.range(of: "\n## What Herald's messages mean\n") else {
            Issue.record("no section on messages")
            return
        }
        var checked = 0
        for line in Self.guide[start.upperBound...].split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map(String.init)
            guard let id = Self.codeSpans(cells[0]).first, let rule = RuleRegistry.standard.rule(id) else { continue }
            let written: Severity = cells[0].contains("(warning)") ? .warning : rule.severity == .advice ? .advice : .error
            #expect(written == rule.severity, "`\(id)` is written as \(written) but is \(rule.severity)")
            checked += 1
        }
        #expect(checked >= 20)
    }

    @Test func accessibilityPlaceholdersAreTheOnesHeraldFills() {
        for placeholder in AccessibilitySummary.placeholders {
            #expect(Self.guide.contains("`\(placeholder)`"), "\(placeholder)")
        }
    }

    // MARK: - Reading the guide's tables

    /// The cells of the rows of the first table after `heading` (header row and `---` row left out).
    static func tableRows(under heading: String) -> [[String]] {
        guard let start = guide.range(of: "\n" + heading + "\n") else { return [] }
        var rows: [[String]] = []
        var inTable = false
        for line in guide[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("|") {
                inTable = true
                rows.append(line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) })
            } else if inTable {
                break
            } else if line.hasPrefix("#") {
                return []
            }
        }
        return rows.count > 2 ? Array(rows.dropFirst(2)) : []
    }

    static func firstColumn(under heading: String) -> [String] {
        tableRows(under: heading).compactMap { codeSpans($0.first ?? "").first }
    }

    /// The code spans of the guide's level 2 section `title`, as cmark reads them.
    static func inlineCode(inSection title: String) -> Set<String> {
        var found: Set<String> = []
        var inside = false
        for block in MarkdownParser().parse(guide).children {
            if case .heading(2, _) = block.kind { inside = block.plainText == title }
            guard inside else { continue }
            func walk(_ node: Node) {
                if case .code(let text) = node.kind { found.insert(text) }
                node.children.forEach(walk)
            }
            walk(block)
        }
        return found
    }

    /// The text of each `code span` in a table cell (single backticks only).
    static func codeSpans(_ text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}

/// The site each example is built in: TestSite's config and templates, and the pages and files
/// the guide's examples refer to, beside the example in `content/report/`. Their titles differ
/// from every example's, so no example meets `page-title-unique` by accident.
enum GuideSite {
    static let pages: [String: String] = [
        "report/_index.md": "---\ntitle: How to report a crime\n---\nChoose how to report.\n",
        "report/hate-crime.md": "---\ntitle: Hate crime\nkind: guide\nupdated: 2026-11-01\n---\n## Online\n\nUse the form.\n\n## By phone\n\nCall 101.\n",
        "report/emergency-999.md": "---\ntitle: Emergencies\n---\nCall 999.\n",
        "report/anonymously.md": "---\ntitle: Crimestoppers\n---\nCall Crimestoppers.\n",
    ]

    /// File → size in bytes; the sizes the guide shows (245 KB, 18 KB).
    static let files: [String: Int] = [
        "report/annual-report-2022.pdf": 250_880,
        "report/panel-report-march-2023.pdf": 1_258_291,
        "report/suggested-posts.csv": 18_432,
        "report/commissioner-at-district-day.jpg": 2_000,
        "report/crimestoppers-logo.png": 1_000,
        "report/divider.png": 200,
    ]

    static func build(_ example: String) async -> (BuildReport, [String: String]) {
        var pages = GuideSite.pages
        pages["report/example.md"] = example
        let fs = TestSite.files(pages)
        for (path, size) in files {
            try? fs.write(Data(repeating: 0x20, count: size), to: "content/" + path)
        }
        return await TestSite.render(fs)
    }
}
