import Testing
@testable import Markdown

@Suite struct HeadingIDsTests {
    @Test(arguments: [
        ("How to report", "how-to-report"),
        ("  How   to   report  ", "how-to-report"),
        ("Don't wait: call 999!", "dont-wait-call-999"),
        ("The commissioner’s plan", "the-commissioners-plan"),
        ("Café, crèche & naïve résumé", "cafe-creche-naive-resume"),
        ("Straße, Øresund, Łódź, Æsir", "strasse-oresund-lodz-aesir"),
        ("Ŵyneb Cymraeg: ŷ ŵ", "wyneb-cymraeg-y-w"),
        ("Привет мир", "привет-мир"),
        ("Report 2022/23 (draft)", "report-2022-23-draft"),
        ("***", "section"),
        ("🙂", "section"),
        ("", "section"),
        ("A_B-C", "a-b-c"),
    ])
    func slugs(_ text: String, _ id: String) {
        #expect(HeadingIDs.slug(text) == id)
    }

    @Test func theASCIIPathGivesWhatTheUnicodePathGives() {
        // Every printable ASCII character alone, between letters and doubled, plus headings
        // shaped like the site's.
        let printable = (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) } + ["\t", "\n"]
        var texts = printable.flatMap { [$0, "a\($0)b", "\($0)\($0)", "Q\($0)9 \($0)"] }
        texts += ["How to report a crime", "Don't wait", "2023-014: Budget", "  --A--  ", "'", "''x''", "UPPER lower 123", ""]
        for text in texts {
            #expect(HeadingIDs.asciiSlug(text) == HeadingIDs.unicodeSlug(text), "\(text.debugDescription)")
        }
        #expect(HeadingIDs.slug("Café") == HeadingIDs.unicodeSlug("Café"), "non-ASCII text takes the Unicode path")
    }

    func headings(_ text: String, reserved: Set<String> = []) -> (Node, [HeadingIDs.Heading]) {
        var document = MarkdownParser().parse(text)
        let headings = HeadingIDs(reserved: reserved).apply(to: &document)
        return (document, headings)
    }

    @Test func duplicatesAreNumberedFromTwo() {
        let (document, list) = headings("## Contact\n\n## Contact\n\n### Contact\n\n## Contact-2\n")
        #expect(list.map(\.id) == ["contact", "contact-2", "contact-3", "contact-2-2"])
        #expect(document.children.map(\.kind) == [
            .heading(level: 2, id: "contact"), .heading(level: 2, id: "contact-2"),
            .heading(level: 3, id: "contact-3"), .heading(level: 2, id: "contact-2-2"),
        ])
    }

    @Test func reservedIDsAreAvoided() {
        let (_, list) = headings("## Main content\n", reserved: ["main-content"])
        #expect(list.map(\.id) == ["main-content-2"])
    }

    @Test func theListHasLevelTextAndPosition() {
        let (_, list) = headings("Intro\n\n## How *to* report\n\n### Online `form`\n", )
        #expect(list == [
            HeadingIDs.Heading(level: 2, id: "how-to-report", text: "How to report",
                               range: .init(startLine: 3, startColumn: 1, endLine: 3, endColumn: 18)),
            HeadingIDs.Heading(level: 3, id: "online-form", text: "Online form",
                               range: .init(startLine: 5, startColumn: 1, endLine: 5, endColumn: 17)),
        ])
    }

    @Test func headingsInCalloutsShareTheSequenceAndSayWhere() {
        let text = "## Steps\n\n```steps\n## Steps\n```\n\n```details More\n### Steps\n```\n"
        let source = MarkdownSource(text)
        var document = MarkdownParser().parse(source).node
        _ = CalloutTransform().apply(to: &document, source: source)
        let list = HeadingIDs().apply(to: &document)
        #expect(list.map(\.id) == ["steps", "steps-2", "steps-3"])
        #expect(list.map(\.callout) == [nil, .steps, .details])
    }

    @Test func anExistingIDIsKept() {
        var document = Node(.document, children: [
            Node(.heading(level: 2, id: "custom"), children: [Node(.text("Anything"))]),
            Node(.heading(level: 2, id: ""), children: [Node(.text("Custom"))]),
        ])
        let list = HeadingIDs().apply(to: &document)
        #expect(list.map(\.id) == ["custom", "custom-2"])
    }

    /// Headings stand in the document, quotes, list items and callouts, at any depth; the walk
    /// does not look inside paragraphs or tables, which hold none.
    @Test func headingsNestedInQuotesAndListsGetIDs() {
        let text = "> ## Quoted\n>\n> - ### In a list in a quote\n\n1. item\n\n   ## In an item\n\n| a |\n| - |\n| ## not one |\n\nText ## not one\n"
        let (_, list) = headings(text)
        #expect(list.map(\.id) == ["quoted", "in-a-list-in-a-quote", "in-an-item"])
        #expect(list.map(\.level) == [2, 3, 2])
    }

    @Test func idsAreStable() {
        let text = "## One\n\n## Two\n\n## One\n"
        #expect(headings(text).1 == headings(text).1)
    }
}
