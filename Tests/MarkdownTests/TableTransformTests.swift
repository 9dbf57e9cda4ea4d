import Core
import Testing
@testable import Markdown

/// Herald's own table cases: captions, positions, the failure paths, and tables in containers.
@Suite struct TableTransformTests {
    func transform(_ text: String, firstLine: Int = 1) -> (Node, [Diagnostic]) {
        let source = MarkdownSource(text, file: "t.md", firstLine: firstLine)
        var document = MarkdownParser().parse(source).node
        let diagnostics = TableTransform().apply(to: &document, source: source)
        return (document, diagnostics)
    }

    func range(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> SourceRange {
        SourceRange(startLine: a, startColumn: b, endLine: c, endColumn: d)
    }

    @Test func cellsHaveLineAndColumnAndParseInlineMarkdown() {
        let text = "| Crime | Reported é |\n| :--- | ---: |\n| Theft of a *bike* | [12](figures.md#bikes) |\n"
        let (document, diagnostics) = transform(text, firstLine: 5)
        #expect(diagnostics.isEmpty)
        let table = document.children[0]
        #expect(table.kind == .table(alignments: [.left, .right], caption: []))
        #expect(table.range == range(5, 1, 7, 46))
        let head = table.children[0]
        #expect(head.kind == .tableHead)
        #expect(head.children.map(\.kind) == [.tableCell(header: true, alignment: .left), .tableCell(header: true, alignment: .right)])
        #expect(head.children.map(\.range) == [range(5, 3, 5, 7), range(5, 11, 5, 20)])
        let row = table.children[1]
        #expect(row.range == range(7, 1, 7, 46))
        #expect(row.children[0].range == range(7, 3, 7, 19))
        #expect(row.children[0].children[1].kind == .emphasis)
        #expect(row.children[0].children[1].range == range(7, 14, 7, 19))
        let link = row.children[1].children[0]
        #expect(link.kind == .link(destination: "figures.md#bikes", title: ""))
        #expect(link.range == range(7, 23, 7, 44))
    }

    @Test func escapedPipesAndCodeSpans() {
        let (document, diagnostics) = transform("| a | b |\n| - | - |\n| x \\| y | `p\\|q` |\n")
        #expect(diagnostics.isEmpty)
        let cells = document.children[0].children[1].children
        #expect(cells[0].children == [Node(.text("x | y"), range: range(3, 3, 3, 8))])
        #expect(cells[1].children == [Node(.code("p|q"), range: range(3, 13, 3, 16))])
    }

    @Test func anUnescapedPipeInACodeSpanSplitsTheCellWithAWarning() {
        let (document, diagnostics) = transform("| a | b |\n| - | - |\n| `x | y` | z |\n")
        #expect(document.children[0].children[1].children.map(\.plainText) == ["`x", "y`"])
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first?.location == SourceLocation(file: "t.md", line: 3, column: 6))
        #expect(diagnostics.first?.hint == "Write it as `\\|` to keep it in the cell.")
        #expect(diagnostics.first?.sourceLine == "| `x | y` | z |")
    }

    @Test func captionLineDirectlyAboveTheTable() {
        let (document, diagnostics) = transform("Intro text\nTable: Crimes *reported* in 2023\n| a |\n| - |\n| 1 |\n")
        #expect(diagnostics.isEmpty)
        #expect(document.children.count == 2)
        #expect(document.children[0].plainText == "Intro text")
        #expect(document.children[0].range == range(1, 1, 1, 10))
        guard case .table(_, let caption) = document.children[1].kind else {
            Issue.record("not a table")
            return
        }
        #expect(Node(.paragraph, children: caption).plainText == "Crimes reported in 2023")
        #expect(caption[0].range == range(2, 8, 2, 14))
        #expect(caption[1].range == range(2, 15, 2, 24))
        #expect(document.children[1].range == range(2, 1, 5, 5))
    }

    @Test func captionParagraphJustBeforeTheTable() {
        let (document, diagnostics) = transform("Table: Opening hours\n\n| Day | Hours |\n| --- | --- |\n| Monday | 9 to 5 |\n")
        #expect(diagnostics.isEmpty)
        #expect(document.children.count == 1)
        guard case .table(_, let caption) = document.children[0].kind else {
            Issue.record("not a table")
            return
        }
        #expect(caption == [Node(.text("Opening hours"), range: range(1, 8, 1, 20))])
        #expect(document.children[0].range == range(1, 1, 5, 19))
    }

    @Test func anEmptyCaptionIsAnError() {
        let (document, diagnostics) = transform("Table:\n| a |\n| - |\n")
        #expect(document.children[0].kind == .table(alignments: [.none], caption: []))
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].severity == .error)
        #expect(diagnostics[0].message == "this table caption is empty")
        #expect(diagnostics[0].location == SourceLocation(file: "t.md", line: 1, column: 1))
    }

    @Test func aCaptionWithoutATableIsAWarning() {
        // The delimiter row has one cell too few: not a table, so the caption is stranded.
        let (document, diagnostics) = transform("Table: Results\n\n| a | b |\n| --- |\n| 1 | 2 |\n")
        #expect(document.children.map(\.kind) == [.paragraph, .paragraph])
        #expect(diagnostics.map(\.message) == ["this looks like a table caption, but no table follows it",
                                               "this looks like a table, but it is not one: the page would show its lines as typed"])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(diagnostics.map(\.location?.line) == [1, 3])
    }

    @Test func aCaptionLineOnATableThatDidNotParseIsAWarningAtItsFirstRow() {
        // Written as the guide says, with the delimiter row a cell short: one paragraph.
        let (document, diagnostics) = transform("Intro.\n\nTable: Results\n| a | b |\n| --- |\n| 1 | 2 |\n")
        #expect(document.children.map(\.kind) == [.paragraph, .paragraph])
        #expect(diagnostics.map(\.message) == ["this looks like a table, but it is not one: the page would show its lines as typed"])
        #expect(diagnostics.first?.location == SourceLocation(file: "t.md", line: 4, column: 1))
    }

    @Test func rowsWithNoDelimiterRowInAQuoteAreAWarning() {
        let (_, diagnostics) = transform("> | a | b |\n> | 1 | 2 |\n")
        #expect(diagnostics.map(\.location) == [SourceLocation(file: "t.md", line: 1, column: 3)])
    }

    @Test func oneLineStartingWithAPipeIsProse() {
        #expect(transform("| is the pipe character.\nIt separates cells.\n").1.isEmpty)
        #expect(transform("| a | b |\n| - | - |\n| 1 | 2 |\n").1.isEmpty)
    }

    @Test func rowsArePaddedAndCut() {
        let (document, _) = transform("| a | b |\n| - | - |\n| 1 |\n| 1 | 2 | 3 |\n")
        let rows = document.children[0].children.dropFirst()
        #expect(rows.map { $0.children.count } == [2, 2])
        #expect(rows.first?.children[1].range == nil)
        #expect(rows.last?.children.map(\.plainText) == ["1", "2"])
    }

    @Test func aLineWithNoCellsEndsTheTable() {
        let (document, _) = transform("| a |\n| - |\n| 1 |\n|\nafter\n")
        #expect(document.children.map(\.kind) == [.table(alignments: [.none], caption: []), .paragraph])
        #expect(document.children[1].plainText == "|\nafter".replacingOccurrences(of: "\n", with: " "))
        #expect(document.children[1].range == range(4, 1, 5, 5))
    }

    @Test func tablesInQuotesAndListsKeepTheirPositions() {
        let (document, _) = transform("> | q | r |\n> | - | - |\n>   | [s](t) | 2 |\n\n- | a |\n  | - |\n  | [b](c) |\n")
        let quoted = document.children[0].children[0]
        #expect(quoted.range == range(1, 3, 3, 18))
        #expect(quoted.children[1].children[0].children[0].range == range(3, 7, 3, 12))
        let listed = document.children[1].children[0].children[0]
        #expect(listed.kind == .table(alignments: [.none], caption: []))
        #expect(listed.children[1].children[0].children[0].range == range(7, 5, 7, 10))
    }

    @Test func aDashLineAfterATableIsAThematicBreak() {
        // cmark reads the table and the `---` as a setext heading; GFM ends the table there.
        let (document, _) = transform("| a |\n| - |\n| 1 |\n---\n")
        #expect(document.children.map(\.kind) == [.table(alignments: [.none], caption: []), .thematicBreak])
        #expect(document.children[1].range == range(4, 1, 4, 3))
    }

    @Test func aSetextHeadingWithoutATableStaysAHeading() {
        let (document, _) = transform("a | b\n---\n")
        #expect(document.children.map(\.kind) == [.heading(level: 2, id: "")])
    }

    @Test func aParagraphThenATableThenAHeadingUnderline() {
        let (document, _) = transform("Intro\n| a |\n| - |\n| 1 |\n===\n")
        // `===` is one more row, as in GFM.
        #expect(document.children[1].children.count == 3)
        #expect(document.children[1].children[2].plainText == "===")
    }

    @Test func referenceLinksInCellsUseThePageDefinitions() {
        let (document, _) = transform("| [Report][r] |\n| - |\n| [r][] |\n\n[r]: https://example.com/report\n")
        var destinations: [String] = []
        document.walk { node in
            if case .link(let destination, _) = node.kind { destinations.append(destination) }
        }
        #expect(destinations == ["https://example.com/report", "https://example.com/report"])
    }

    @Test func cellsNeverBecomeBlocks() {
        let (document, _) = transform("| a |\n| - |\n| # not a heading |\n| [x]: /not-a-definition |\n| > not a quote |\n")
        let texts = document.children[0].children.dropFirst().map(\.plainText)
        #expect(texts == ["# not a heading", "[x]: /not-a-definition", "> not a quote"])
    }

    @Test func notATable() {
        for text in ["| a | b |\n", "| a | b |\n| a | b |\n", "a\n-\n", "| - |\n", "a | b\n:-x | --\n"] {
            let (document, diagnostics) = transform(text)
            var tables = 0
            document.walk { if case .table = $0.kind { tables += 1 } }
            #expect(tables == 0, "\(text)")
            // Rows of pipes with no delimiter row were meant as a table: the author hears so.
            #expect(diagnostics.count == (text == "| a | b |\n| a | b |\n" ? 1 : 0), "\(text)")
        }
    }

    @Test func codeBlocksAreLeftAlone() {
        let (document, _) = transform("```\n| a |\n| - |\n```\n\n    | a |\n    | - |\n")
        #expect(document.children.map(\.kind) == [.codeBlock(info: "", literal: "| a |\n| - |\n"), .codeBlock(info: "", literal: "| a |\n| - |\n")])
    }
}
