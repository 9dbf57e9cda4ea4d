import Core
import Testing
@testable import Markdown

/// Fenced components: each shape, its mistakes, and positions inside bodies.
@Suite struct CalloutTransformTests {
    func transform(_ text: String, firstLine: Int = 1) -> (Node, [Diagnostic]) {
        let source = MarkdownSource(text, file: "c.md", firstLine: firstLine)
        var document = MarkdownParser().parse(source).node
        let diagnostics = CalloutTransform().apply(to: &document, source: source)
        return (document, diagnostics)
    }

    func range(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> SourceRange {
        SourceRange(startLine: a, startColumn: b, endLine: c, endColumn: d)
    }

    func location(_ line: Int, _ column: Int) -> Core.SourceLocation { SourceLocation(file: "c.md", line: line, column: column) }

    // MARK: - Recognising

    @Test func onlyComponentNamesMakeCallouts() {
        let (document, diagnostics) = transform("```swift\nlet x = 1\n```\n\n```warningx\nNo\n```\n\n```Warning\nCall 999.\n```\n\n    ```warning\n")
        #expect(diagnostics.isEmpty)
        #expect(document.children.map(\.kind) == [
            .codeBlock(info: "swift", literal: "let x = 1\n"),
            .codeBlock(info: "warningx", literal: "No\n"),
            .callout(.warning, title: ""),
            .codeBlock(info: "", literal: "```warning\n"),
        ])
    }

    @Test func textAfterANameOtherThanDetailsIsAnError() {
        let (document, diagnostics) = transform("```warning Call 999\nIn danger? Call 999.\n```\n")
        #expect(document.children[0].kind == .callout(.warning, title: ""))
        #expect(diagnostics.map(\.message) == ["text after `warning` on the fence line is not shown"])
        #expect(diagnostics[0].location == location(1, 1))
    }

    @Test func anEmptyBodyIsAnError() {
        let (_, diagnostics) = transform("Text\n\n```inset\n```\n", firstLine: 10)
        #expect(diagnostics.map(\.message) == ["this inset block is empty"])
        #expect(diagnostics[0].location == location(12, 1))
        #expect(diagnostics[0].sourceLine == "```inset")
    }

    // MARK: - Positions inside bodies

    @Test func bodyPositionsInsideAQuote() {
        let (document, diagnostics) = transform("Intro\n\n> ```warning\n> Call **999** [now](tel:999)\n> ```\n", firstLine: 3)
        #expect(diagnostics.isEmpty)
        let callout = document.children[1].children[0]
        #expect(callout.kind == .callout(.warning, title: ""))
        #expect(callout.range == range(5, 3, 7, 5))
        let paragraph = callout.children[0]
        #expect(paragraph.range == range(6, 3, 6, 29))
        #expect(paragraph.children.map(\.range) == [range(6, 3, 6, 7), range(6, 8, 6, 14), range(6, 15, 6, 15), range(6, 16, 6, 29)])
    }

    @Test func bodyPositionsUnderAListItemAndAnIndentedFence() {
        let (document, _) = transform("- Step\n\n  ```inset\n  Read ![the map](map.png)\n\n  - [a](b)\n  ```\n")
        let callout = document.children[0].children[0].children[1]
        #expect(callout.kind == .callout(.inset, title: ""))
        let image = callout.children[0].children[1]
        #expect(image.kind == .image(source: "map.png", title: "", decorative: false))
        #expect(image.range == range(4, 8, 4, 26))
        let link = callout.children[1].children[0].children[0].children[0]
        #expect(link.range == range(6, 5, 6, 10))
    }

    @Test func nestedCalloutsKeepFilePositions() {
        let text = "````details Before you call\n## Heading\n\n```warning\nCall [999](tel:999).\n```\n````\n"
        let (document, diagnostics) = transform(text)
        #expect(diagnostics.isEmpty)
        let outer = document.children[0]
        #expect(outer.kind == .callout(.details, title: "Before you call"))
        #expect(outer.children[0].range == range(2, 1, 2, 10))
        let inner = outer.children[1]
        #expect(inner.kind == .callout(.warning, title: ""))
        #expect(inner.range == range(4, 1, 6, 3))
        #expect(inner.children[0].children[1].range == range(5, 6, 5, 19))
    }

    @Test func tablesInsideCalloutsAreTables() {
        let (document, _) = transform("```inset\n| a | b |\n| - | - |\n| [c](d) | e |\n```\n")
        let table = document.children[0].children[0]
        #expect(table.kind == .table(alignments: [.none, .none], caption: []))
        #expect(table.children[1].children[0].children[0].range == range(4, 3, 4, 8))
    }

    @Test func bodiesUseThePagesReferenceDefinitions() {
        let (document, _) = transform("```inset\nSee [the form][form] and [missing][].\n```\n\n[form]: https://example.com/form \"Form\"\n")
        let paragraph = document.children[0].children[0]
        #expect(paragraph.children[1].kind == .link(destination: "https://example.com/form", title: "Form"))
        #expect(paragraph.plainText == "See the form and [missing][].")
    }

    @Test func aBodyLeftOpenDoesNotSwallowTheBorrowedDefinitions() {
        // The body ends inside an unclosed fence; the borrowed definitions must not show in it.
        let (document, _) = transform("````inset\n[a][r]\n\n```\ncode\n````\n\n[r]: /u\n")
        let body = document.children[0].children
        #expect(body.count == 2)
        #expect(body[1].kind == .codeBlock(info: "", literal: "code\n"))
    }

    // MARK: - warning, inset, details

    @Test func aWarningIsOneParagraph() {
        let (document, diagnostics) = transform("```warning\nFirst.\n\nSecond.\n```\n")
        #expect(diagnostics.map(\.message) == ["a warning is one short paragraph"])
        #expect(diagnostics[0].location == location(4, 1))
        // Nothing is lost: the block is kept as an inset.
        #expect(document.children[0].kind == .callout(.inset, title: ""))
        #expect(document.children[0].children.count == 2)
    }

    @Test func detailsNeedsATitle() {
        let (document, diagnostics) = transform("```details\nMore.\n```\n")
        #expect(document.children[0].kind == .callout(.details, title: ""))
        #expect(diagnostics.map(\.message) == ["a details block needs a summary line after `details`"])
        #expect(diagnostics[0].hint?.contains("```details What happens after you report") == true)
    }

    @Test func detailsTitleIsTheRestOfTheInfoString() {
        let (document, _) = transform("```details   What happens   next  \nWe call you.\n```\n")
        #expect(document.children[0].kind == .callout(.details, title: "What happens   next"))
    }

    // MARK: - contact

    @Test func contactLinesBecomeRows() {
        let text = "```contact\nPhone: 101\nTextphone: 18001 101\nOnline: [report online](https://example.com)\nAddress: Police HQ\nHinchingbrooke Park\n```\n"
        let (document, diagnostics) = transform(text)
        #expect(diagnostics.isEmpty)
        let rows = document.children[0].children
        #expect(rows.map { $0.children[0].plainText } == ["Phone", "Textphone", "Online", "Address"])
        #expect(rows.map { $0.children[1].plainText } == ["101", "18001 101", "report online", "Police HQ Hinchingbrooke Park"])
        #expect(rows[0].children[0].range == range(2, 1, 2, 5))
        #expect(rows[0].children[1].range == range(2, 8, 2, 10))
        #expect(rows[3].children[1].children.map(\.kind) == [.text("Police HQ"), .lineBreak, .text("Hinchingbrooke Park")])
        #expect(rows[2].children[1].children[0].range == range(4, 9, 4, 44))
    }

    @Test func contactLineWithoutALabel() {
        let (document, diagnostics) = transform("Text\n\n```contact\n101 or 999\nPhone: 101\n```\n")
        #expect(diagnostics.map(\.message) == ["start each line of a contact block with a label, such as `Phone:`"])
        #expect(diagnostics[0].location == location(4, 1))
        #expect(diagnostics[0].sourceLine == "101 or 999")
        #expect(document.children[1].kind == .callout(.inset, title: ""))
    }

    @Test func contactLabelWithoutAValue() {
        let (_, diagnostics) = transform("```contact\nPhone: 101\nEmail:\n```\n")
        #expect(diagnostics.map(\.message) == ["`Email:` has no value"])
        #expect(diagnostics[0].location == location(3, 1))
    }

    @Test func contactWithAList() {
        let (_, diagnostics) = transform("```contact\nPhone: 101\n\n- Online\n```\n")
        #expect(diagnostics.map(\.message) == ["a contact block holds lines like `Phone: 101`"])
        #expect(diagnostics[0].location == location(4, 1))
    }

    // MARK: - summary

    @Test func summaryItemsBecomeRows() {
        let (document, diagnostics) = transform("```summary\n- **Status**: Approved\n- **Cost:** £3,000\n- **Papers**:\n\n  A longer value.\n```\n")
        #expect(diagnostics.isEmpty)
        let rows = document.children[0].children
        #expect(rows.map { $0.children[0].plainText } == ["Status", "Cost", "Papers"])
        #expect(rows[0].children[1].plainText == "Approved")
        #expect(rows[0].children[1].range == range(2, 15, 2, 22))
        #expect(rows[1].children[1].plainText == "£3,000")
        #expect(rows[2].children.count == 2)
        #expect(rows[2].children[1].plainText == "A longer value.")
    }

    @Test func summaryMistakes() {
        let (_, notBold) = transform("```summary\n- Status: Approved\n```\n")
        #expect(notBold.map(\.message) == ["start each item of a summary with a bold key, such as `- **Status**: Approved`"])
        #expect(notBold[0].location == location(2, 1))
        let (_, noColon) = transform("```summary\n- **Status** Approved\n```\n")
        #expect(noColon.map(\.message) == ["put a colon after the key: `**Status**: value`"])
        #expect(noColon[0].location == location(2, 3))
        let (_, noValue) = transform("```summary\n- **Status**:\n```\n")
        #expect(noValue.map(\.message) == ["`Status` has no value"])
        let (_, notAList) = transform("```summary\nStatus: Approved\n```\n")
        #expect(notAList.map(\.message) == ["a summary block is one list of `**Key**: value` items"])
    }

    // MARK: - steps

    @Test func eachHeadingStartsAStep() {
        let (document, diagnostics) = transform("```steps\n## Check you are safe\nCall 999.\n### If you cannot talk\nPress 55.\n## Report it\nOnline.\n```\n")
        #expect(diagnostics.isEmpty)
        let steps = document.children[0].children
        #expect(steps.count == 2)
        #expect(steps[0].children.map(\.kind) == [.heading(level: 2, id: ""), .paragraph, .heading(level: 3, id: ""), .paragraph])
        #expect(steps[1].children[0].plainText == "Report it")
        #expect(steps[1].range == range(6, 1, 7, 7))
    }

    @Test func stepsMistakes() {
        let (_, noHeading) = transform("```steps\nFirst do this.\n## Then\n```\n")
        #expect(noHeading.map(\.message) == ["start a steps block with the first step's heading, such as `## Check you are safe`"])
        #expect(noHeading[0].location == location(2, 1))
        let (_, levelOne) = transform("```steps\n# One\n```\n")
        #expect(levelOne.map(\.message) == ["a step heading cannot be a level 1 heading"])
        let (_, bigger) = transform("```steps\n### One\n## Two\n```\n")
        #expect(bigger.map(\.message) == ["this heading is bigger than the step headings above it"])
        #expect(bigger[0].location == location(3, 1))
    }

    // MARK: - documents

    @Test func documentsWithAndWithoutDates() {
        let (document, diagnostics) = transform("```documents\n- [Annual report](annual.pdf) — 12 March 2023\n- [Plan](plan.pdf)\n- [Minutes](m.pdf) - 29 February 2024\n```\n")
        #expect(diagnostics.isEmpty)
        let items = document.children[0].children
        #expect(items.map { $0.children.count } == [2, 1, 2])
        #expect(items[0].children[1].children[0] == Node(.text("12 March 2023"), range: range(2, 33, 2, 45)))
        #expect(items[2].children[1].plainText == "29 February 2024")
    }

    @Test func documentsMistakes() {
        let (_, badDate) = transform("```documents\n- [Plan](plan.pdf) — 2023-03-12\n```\n")
        #expect(badDate.map(\.message) == ["write the date as `12 March 2023`"])
        #expect(badDate[0].location == location(2, 19))
        let (_, noSuchDay) = transform("```documents\n- [Plan](plan.pdf) — 30 February 2023\n```\n")
        #expect(noSuchDay.map(\.message) == ["write the date as `12 March 2023`"])
        let (_, textFirst) = transform("```documents\n- Read [Plan](plan.pdf)\n```\n")
        #expect(textFirst.map(\.message) == ["each item of a documents block is one link to a document"])
        let (_, extra) = transform("```documents\n- [Plan](plan.pdf) and *more*\n```\n")
        #expect(extra.map(\.message) == ["only a date may follow the link in a documents block"])
        let (_, notAList) = transform("```documents\n[Plan](plan.pdf)\n```\n")
        #expect(notAList.map(\.message) == ["a documents block is one list of links to documents"])
    }

    @Test func displayDates() {
        #expect(CalloutShaper.isDisplayDate("1 January 2024"))
        #expect(CalloutShaper.isDisplayDate("29 February 2024"))
        #expect(!CalloutShaper.isDisplayDate("29 February 2023"))
        #expect(!CalloutShaper.isDisplayDate("31 April 2023"))
        #expect(!CalloutShaper.isDisplayDate("12 march 2023"))
        #expect(!CalloutShaper.isDisplayDate("March 12 2023"))
        #expect(!CalloutShaper.isDisplayDate("12 March 23"))
    }
}
