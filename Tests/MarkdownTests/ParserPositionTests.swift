import Core
import Testing
@testable import Markdown

/// Where links, images and text say they are: line AND column in the file, after every fault
/// of cmark 0.30.2's inline positions is repaired (see `InlinePositions`).
@Suite struct ParserPositionTests {
    /// The ranges of every link and image in document order, as "line:col-line:col".
    func linkRanges(_ text: String, firstLine: Int = 1) -> [String] {
        var found: [String] = []
        MarkdownParser().parse(text, firstLine: firstLine).walk { node in
            switch node.kind {
            case .link, .image:
                if let r = node.range { found.append("\(r.startLine):\(r.startColumn)-\(r.endLine):\(r.endColumn)") }
                else { found.append("none") }
            default: break
            }
        }
        return found
    }

    @Test func linkAndImageOnOneLine() {
        // Columns:        1234567890123456789012345678901234567890
        #expect(linkRanges("Read [the plan](plan.md) and ![a map](map.png).\n") == ["1:6-1:24", "1:30-1:46"])
    }

    @Test func linesCountFromTheFirstLineOfTheBody() {
        #expect(linkRanges("Text [a](b)\n", firstLine: 7) == ["7:6-7:11"])
    }

    @Test func continuationLinesWithLeadingSpaces() {
        // cmark counts the second line's columns as if it started at column 1.
        #expect(linkRanges("First line\n    then [a](b) here\n") == ["2:10-2:15"])
    }

    @Test func indentedParagraph() {
        #expect(linkRanges("   Indented [a](b)\n     more [c](d)\n") == ["1:13-1:18", "2:11-2:16"])
    }

    @Test func blockQuoteLinesAndLazyContinuation() {
        let text = ">   quote [e](f)\n>    cont [g](h)\nlazy [i](j)\n"
        #expect(linkRanges(text) == ["1:11-1:16", "2:11-2:16", "3:6-3:11"])
    }

    @Test func listItemContinuation() {
        #expect(linkRanges("- item [a](x)\n  cont [b](y)\n\n  para [c](z)\n") == ["1:8-1:13", "2:8-2:13", "4:8-4:13"])
    }

    @Test func nonASCIITextBeforeALinkCountsCharactersNotBytes() {
        // "é" and "🙂" are one column each (one Unicode scalar), though 2 and 4 bytes in UTF-8.
        #expect(linkRanges("é 🙂 [a](b)\n") == ["1:5-1:10"])
        #expect(linkRanges("> Crime é [l3](u3)\n") == ["1:11-1:18"])
    }

    @Test func backslashHardBreaksMoveToTheNextLine() {
        // cmark does not count a backslash line break as a new line.
        #expect(linkRanges("foo\\\nbar [l](m)\\\nbaz [l2](m2)  \nqux [l3](m3)\n") == ["2:5-2:10", "3:5-3:12", "4:5-4:12"])
    }

    @Test func linkTextOverTwoLinesStartsAtItsBracket() {
        #expect(linkRanges("Some [multi\nline](q) after\n") == ["1:6-2:8"])
        #expect(linkRanges("An ![image with\nlong alt](i.png)\n") == ["1:4-2:16"])
    }

    @Test func linkDestinationAndTitleOverTwoLines() {
        #expect(linkRanges("[a](/url\n\"title\") next [b](c)\n") == ["1:1-2:8", "2:15-2:20"])
    }

    @Test func multiLineCodeSpanAndHTMLBeforeALink() {
        let text = "a `code\nspan` b [x](y) <span\nclass=\"z\">q</span> [x2](y2)\n"
        #expect(linkRanges(text) == ["2:9-2:14", "3:20-3:27"])
    }

    @Test func paragraphAfterLinkReferenceDefinitions() {
        // cmark drops the definitions but keeps counting from the paragraph's first line.
        let text = "  [r]: /u\n  para [l4](m4)\n  two [l5](m5)\n"
        #expect(linkRanges(text) == ["2:8-2:15", "3:7-3:14"])
        let quoted = "> [r2]: /u2\n>   [r3]:\n> /u3\n> text [l6](m6)\\\n>    t2 [l7](m7)\n"
        #expect(linkRanges(quoted) == ["4:8-4:15", "5:9-5:16"])
        let paragraph = MarkdownParser().parse(quoted).children[0].children[0]
        #expect(paragraph.range == SourceRange(startLine: 4, startColumn: 3, endLine: 5, endColumn: 16))
    }

    @Test func aLinkAtParagraphStartIsNotMistakenForADefinition() {
        #expect(linkRanges("[a](b) then\nmore [c](d)\n") == ["1:1-1:6", "2:6-2:11"])
    }

    @Test func headingsAndSetextHeadings() {
        #expect(linkRanges("## Head [k](l) ##\n\nSetext [m](n)\n  line2 [o](p)\n---\n") == ["1:9-1:14", "3:8-3:13", "4:9-4:14"])
    }

    @Test func windowsLineEndings() {
        #expect(linkRanges("First\r\n  second [a](b)\r\n\r\n> [c](d)\r\n") == ["2:10-2:15", "4:3-4:8"])
    }

    @Test func tabsCountAsOneColumn() {
        #expect(linkRanges("-\tTab [v](w)\n") == ["1:7-1:12"])
    }

    @Test func blocksAndTextHavePositions() {
        let document = MarkdownParser().parse("# Title\n\n- one\n- two\n\n```\ncode\n```\n", firstLine: 3)
        #expect(document.children.map(\.range) == [
            SourceRange(startLine: 3, startColumn: 1, endLine: 3, endColumn: 7),
            SourceRange(startLine: 5, startColumn: 1, endLine: 6, endColumn: 5),
            SourceRange(startLine: 8, startColumn: 1, endLine: 10, endColumn: 3),
        ])
        #expect(document.children[0].children[0].range == SourceRange(startLine: 3, startColumn: 3, endLine: 3, endColumn: 7))
    }

    @Test func aBlockEndingAtABlankLineEndsOnItsLastLine() {
        // cmark says "line 3, column 0" for a list followed by a blank line.
        let list = MarkdownParser().parse("- a\n- bb\n\nNext\n").children[0]
        #expect(list.range == SourceRange(startLine: 1, startColumn: 1, endLine: 2, endColumn: 4))
    }

    @Test func lineBreaksHaveNoPosition() {
        let paragraph = MarkdownParser().parse("a\nb\\\nc\n").children[0]
        #expect(paragraph.children.map(\.kind) == [.text("a"), .softBreak, .text("b"), .lineBreak, .text("c")])
        #expect(paragraph.children[1].range == nil && paragraph.children[3].range == nil)
    }
}
