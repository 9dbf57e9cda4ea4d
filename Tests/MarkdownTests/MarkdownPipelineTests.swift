import Core
import Testing
@testable import Markdown

@Suite struct MarkdownPipelineTests {
    let page = """
    Intro with [a bad link](javascript:alert(1)).

    ## Report a crime

    ```steps
    ## Check you are safe
    | Number | Use |
    | --- | --- |
    | [999](tel:999) | Emergencies |

    ## Report it
    ```

    ```details
    Missing title.
    ```

    <span>raw</span>
    """

    @Test func runsEveryTransformAndSortsTheDiagnostics() {
        let result = MarkdownPipeline(reservedIDs: ["main-content"]).run(page, firstLine: 6, file: "content/report.md")
        #expect(result.diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.severity.rawValue)" } == [
            "6:12 error", "19:1 error", "23:1 warning", "23:10 warning",
        ])
        #expect(result.diagnostics.allSatisfy { $0.location?.file == "content/report.md" && $0.sourceLine != nil })
        #expect(result.headings.map(\.id) == ["report-a-crime", "check-you-are-safe", "report-it"])
        #expect(result.headings.map(\.callout) == [nil, .steps, .steps])
        var kinds: [String] = []
        result.document.walk { node in
            switch node.kind {
            case .callout(let kind, _): kinds.append(kind.rawValue)
            case .table: kinds.append("table")
            default: break
            }
        }
        #expect(kinds == ["steps", "table", "details"])
    }

    /// The Site module's calls, as written there, compile and behave.
    @Test func theSiteModulesCalls() {
        enum Outcome { case keep, replace(url: String, annotation: String?), reject(message: String, hint: String) }
        let markdown = MarkdownPipeline(allowedRawHTML: Set<String>())
        let result = markdown.run("[a](other.md#x) [b](gone.md)\n\n## One\n", firstLine: 3, file: "page.md")
        let document: Node? = result.document
        let toc = result.headings.filter { $0.level == 2 }.map { ($0.id, $0.text) }
        #expect(toc.map(\.0) == ["one"])
        let (linked, linkDiagnostics) = LinkRewriter.rewrite(document!, file: "page.md") { destination, isImage in
            let outcome: Outcome = destination == "other.md#x" ? .replace(url: "/other/#x", annotation: nil)
                : destination == "gone.md" ? .reject(message: "there is no page content/gone.md", hint: "Check it.") : .keep
            switch outcome {
            case .keep: return .keep
            case .replace(let url, let annotation): return .replace(url, annotation: annotation)
            case .reject(let message, let hint): return .reject(message: message, hint: hint)
            }
        }
        #expect(linkDiagnostics.map { $0.location! } == [SourceLocation(file: "page.md", line: 3, column: 17)])
        let html = HTMLRenderer(sourcePositions: true, allowedRawHTML: Set<String>()).render(linked)
        #expect(HTMLRenderer.removingSourcePositions(html) == "<p><a href=\"/other/#x\">a</a> <a href=\"gone.md\">b</a></p>\n<h2 id=\"one\">One</h2>\n")
    }

    @Test func anEmptyPage() {
        let result = MarkdownPipeline().run("", firstLine: 4, file: "empty.md")
        #expect(result.document.children.isEmpty)
        #expect(result.diagnostics.isEmpty)
        #expect(result.headings.isEmpty)
        #expect(HTMLRenderer().render(result.document) == "")
    }
}

@Suite struct MarkdownSourceTests {
    @Test func linesAndColumns() {
        let source = MarkdownSource("ab\r\néé x\rlast", file: "s.md", firstLine: 10)
        #expect(source.lineCount == 3)
        #expect(source.fileLineText(11) == "éé x")
        #expect(source.fileLineText(13) == nil)
        #expect(source.filePosition(line: 2, byteColumn: 6) == (11, 4))
        #expect(source.textPosition(fileLine: 11, column: 4) == (2, 6))
        #expect(source.textPosition(fileLine: 11, column: 2) == (2, 3))
    }

    @Test func longNonASCIILinesConvertAtAnyOffset() {
        let line = String(repeating: "aé🙂", count: 1000)
        let source = MarkdownSource(line)
        // Each repetition is 1 + 2 + 4 bytes and 3 scalars.
        #expect(source.filePosition(line: 1, byteColumn: 700 * 7 + 1) == (1, 2101))
        #expect(source.filePosition(line: 1, byteColumn: 700 * 7 + 2) == (1, 2102))
        #expect(source.filePosition(line: 1, byteColumn: 700 * 7 + 4) == (1, 2103))
        #expect(source.textPosition(fileLine: 1, column: 2103) == (1, 700 * 7 + 4))
    }

    @Test func aCalloutBodyKnowsItsColumns() {
        let source = MarkdownSource("> ```inset\n> Body é\n>   more\n> ```\n", file: "s.md")
        let body = source.subsource("Body é\n  more\n", startingAt: 2, fallbackOffset: 2)
        #expect(body.firstLine == 2)
        #expect(body.filePosition(line: 1, byteColumn: 1) == (2, 3))
        #expect(body.filePosition(line: 2, byteColumn: 3) == (3, 5))
        #expect(body.fileLineText(3) == ">   more")
    }
}
