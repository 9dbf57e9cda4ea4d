import Core
import Foundation
import Testing
@testable import Markdown

/// The tree cmark's output becomes, and the limits that keep parsing bounded.
@Suite struct ParserTests {
    @Test func commonMarkBlocksAndInlines() {
        let text = """
        ## A *heading*

        > quote

        3. three
        4. four

        - loose

        - list

        ```swift extra
        let x = 1
        ```

        <div>raw</div>

        ***

        Text `code` **bold** <b>x</b>\\
        end [link](url "Title") ![alt](src.png "T")
        """
        let document = MarkdownParser().parse(text)
        #expect(dump(document).components(separatedBy: "\n").map { $0.components(separatedBy: " ").filter { !$0.contains(":") }.joined(separator: " ") } == [
            "document",
            "  heading 2",
            "    text \"A \"",
            "    emphasis",
            "      text \"heading\"",
            "  blockQuote",
            "    paragraph",
            "      text \"quote\"",
            "  list",
            "    item",
            "      paragraph",
            "        text \"three\"",
            "    item",
            "      paragraph",
            "        text \"four\"",
            "  list",
            "    item",
            "      paragraph",
            "        text \"loose\"",
            "    item",
            "      paragraph",
            "        text \"list\"",
            "  codeBlock",
            "  htmlBlock",
            "  thematicBreak",
            "  paragraph",
            "    text \"Text \"",
            "    code \"code\"",
            "    text \" \"",
            "    strong",
            "      text \"bold\"",
            "    text \" \"",
            "    htmlInline",
            "    text \"x\"",
            "    htmlInline",
            "    lineBreak",
            "    text \"end \"",
            "    link url",
            "      text \"link\"",
            "    text \" \"",
            "    image src.png",
            "      text \"alt\"",
        ])
        #expect(document.children[2].kind == .list(ordered: true, start: 3, tight: true))
        #expect(document.children[3].kind == .list(ordered: false, start: 0, tight: false))
        #expect(document.children[4].kind == .codeBlock(info: "swift extra", literal: "let x = 1\n"))
        #expect(document.children[5].kind == .htmlBlock("<div>raw</div>\n"))
        let last = document.children[7].children
        #expect(last[last.count - 3].kind == .link(destination: "url", title: "Title"))
        #expect(last[last.count - 1].kind == .image(source: "src.png", title: "T", decorative: false))
    }

    @Test func entitiesAndEscapesAreDecodedIntoOneTextNode() {
        let paragraph = MarkdownParser().parse("Fish &amp; chips \\*not emphasis\\* &copy;").children[0]
        #expect(paragraph.children == [Node(.text("Fish & chips *not emphasis* ©"), range: SourceRange(startLine: 1, startColumn: 1, endLine: 1, endColumn: 40))])
    }

    @Test func decorativeImageSyntax() {
        let images = ["![\"\"](divider.png)", "![“”](divider.png)", "![](nothing.png)", "![\"quoted\"](q.png)"].map {
            MarkdownParser().parse($0).children[0].children[0]
        }
        #expect(images[0].kind == .image(source: "divider.png", title: "", decorative: true))
        #expect(images[0].children.isEmpty)
        #expect(images[1].kind == .image(source: "divider.png", title: "", decorative: true))
        // An empty alt is a mistake for the linter to report, not a decorative image.
        #expect(images[2].kind == .image(source: "nothing.png", title: "", decorative: false))
        #expect(images[3].kind == .image(source: "q.png", title: "", decorative: false))
        #expect(images[3].plainText == "\"quoted\"")
    }

    @Test func emptyInput() {
        #expect(MarkdownParser().parse("").kind == .document)
        #expect(MarkdownParser().parse("").children.isEmpty)
        #expect(MarkdownParser().parse("\n\n").children.isEmpty)
    }

    // MARK: - Limits

    /// The deepest path from `node`, counted without recursion.
    func depth(_ node: Node) -> Int {
        var deepest = 0
        var stack: [(Node, Int)] = [(node, 0)]
        while let (current, level) = stack.popLast() {
            deepest = max(deepest, level)
            for child in current.children { stack.append((child, level + 1)) }
        }
        return deepest
    }

    static func deeplyNested(_ name: String) -> String {
        switch name {
        case "quotes": String(repeating: ">", count: 100_000) + " deep text\n"
        case "lists": String(repeating: "- ", count: 100_000) + "deep text\n"
        case "ordered lists": String(repeating: "1. ", count: 100_000) + "deep text\n"
        case "emphasis": String(repeating: "*", count: 50_000) + "deep text" + String(repeating: "*", count: 50_000)
        default: String(repeating: "![", count: 50_000) + "deep text" + String(repeating: "](u)", count: 50_000)
        }
    }

    @Test(arguments: ["quotes", "lists", "ordered lists", "emphasis", "images"])
    func hundredThousandNestedLevelsAreFlattenedWithAnError(_ name: String) {
        let text = Self.deeplyNested(name)
        let (document, diagnostics) = MarkdownParser().parse(text, firstLine: 4, file: "deep.md")
        #expect(depth(document) <= MarkdownParser.defaultMaximumNestingDepth, "\(name)")
        #expect(document.plainText.contains("deep text"), "\(name): the text survives")
        #expect(diagnostics.count == 1, "\(name)")
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.message == "this Markdown is nested more than 256 levels deep")
        #expect(diagnostics.first?.location?.file == "deep.md")
        #expect(diagnostics.first?.location?.line == 4)
        #expect(diagnostics.first?.hint != nil)
    }

    @Test func nestingUpToTheLimitIsKept() {
        let parser = MarkdownParser(maximumNestingDepth: 12)
        let (shallow, fine) = parser.parse(String(repeating: ">", count: 10) + " x\n", file: "a.md")
        #expect(fine.isEmpty)
        #expect(depth(shallow) == 12)  // document, 10 quotes, paragraph, text
        let (deep, problems) = parser.parse(String(repeating: ">", count: 11) + " x\n", file: "a.md")
        #expect(problems.count == 1)
        #expect(depth(deep) <= 12)
        #expect(deep.plainText == "x")
    }

    /// Every recursive walk over a tree at the nesting limit fits a small thread stack.
    @Test func theDeepestTreeIsSafeForRecursiveWalksOnASmallStack() async {
        let text = String(repeating: "> - ", count: 50_000) + "*deep* [link](javascript:x)\n"
        let ok: Bool = await withCheckedContinuation { continuation in
            let thread = Thread {
                let result = MarkdownPipeline().run(text, file: "deep.md")
                var count = 0
                result.document.walk { _ in count += 1 }
                let copy = result.document.rewritten { [$0] }
                let html = HTMLRenderer(sourcePositions: true).render(result.document)
                let same = copy == [result.document] && result.document.hashValue == copy[0].hashValue
                continuation.resume(returning: count > 200 && same && html.contains("deep") && !html.contains("javascript"))
            }
            // A quarter of the 8 MB Swift's threads get on Linux; a debug build needs about
            // 5 KB of stack per level, a release build under 1 KB.
            thread.stackSize = 2 * 1024 * 1024
            thread.start()
        }
        #expect(ok)
    }

    @Test func a100MegabyteFileIsRefusedBeforeItIsParsed() {
        let line = "A line of text with a [link](other.md) and *emphasis* in it.\n"
        let text = String(repeating: line, count: 100 * 1024 * 1024 / line.utf8.count + 1)
        #expect(text.utf8.count > 100 * 1024 * 1024)
        let (document, diagnostics) = MarkdownParser().parse(text, firstLine: 3, file: "huge.md")
        #expect(document == Node(.document))
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].severity == .error)
        #expect(diagnostics[0].message == "this page's text is 100 MB long; Herald reads pages of up to 4 MB")
        #expect(diagnostics[0].location == SourceLocation(file: "huge.md", line: 3, column: 1))
        let piped = MarkdownPipeline().run(text, firstLine: 3, file: "huge.md")
        #expect(piped.diagnostics == diagnostics)
        #expect(piped.document.children.isEmpty)
    }

    @Test func theSizeLimitIsInclusive() {
        let parser = MarkdownParser(maximumInputBytes: 10)
        #expect(parser.parse("0123456789", file: "a.md").diagnostics.isEmpty)
        #expect(parser.parse("01234567890", file: "a.md").diagnostics.count == 1)
    }
}
