import Core
import Testing
@testable import Markdown

@Suite struct LinkRewriterTests {
    let text = "Read [the plan](plan.md#aims \"Plan\"), [the report](report.pdf) and ![a map](map.png).\n\nTable: See [caption link](c.md)\n| [cell](cell.md) |\n| - |\n"

    func document() -> Node { MarkdownPipeline().run(text, firstLine: 4, file: "page.md").document }

    @Test func everyLinkAndImageIsAskedAbout() {
        var asked: [String] = []
        _ = LinkRewriter.rewrite(document(), file: "page.md") { (link: LinkRewriter.Link) in
            asked.append("\(link.isImage ? "image" : "link") \(link.destination) \(link.text) \(link.range!.startLine):\(link.range!.startColumn)")
            return .keep
        }
        #expect(asked.sorted() == [
            "image map.png a map 4:68",
            "link c.md caption link 6:12",
            "link cell.md cell 7:3",
            "link plan.md#aims the plan 4:6",
            "link report.pdf the report 4:39",
        ])
    }

    @Test func replacingWithAnAnnotation() {
        let (rewritten, diagnostics) = LinkRewriter.rewrite(document(), file: "page.md") { destination, isImage in
            switch destination {
            case "plan.md#aims": .replace("/plan/#aims")
            case "report.pdf": .replace("/report.pdf", annotation: "PDF, 245 KB")
            case "map.png": .replace("/map.png", annotation: "ignored for images")
            default: .keep
            }
        }
        #expect(diagnostics.isEmpty)
        let paragraph = rewritten.children[0]
        #expect(paragraph.children[1].kind == .link(destination: "/plan/#aims", title: "Plan"))
        #expect(paragraph.children[3].kind == .link(destination: "/report.pdf", title: ""))
        #expect(paragraph.children[3].children.last?.kind == .linkAnnotation("PDF, 245 KB"))
        #expect(paragraph.children[3].plainText == "the report (PDF, 245 KB)")
        #expect(paragraph.children[5].kind == .image(source: "/map.png", title: "", decorative: false))
        #expect(paragraph.children[5].children.count == 1)
        let html = HTMLRenderer().render(rewritten)
        #expect(html.contains("<a href=\"/report.pdf\">the report <span class=\"document-meta\">(PDF, 245 KB)</span></a>"))
    }

    @Test func rewritingTwiceKeepsOneAnnotation() {
        let once = LinkRewriter.rewrite(document(), file: "page.md") { _, _ in .replace("/x.pdf", annotation: "PDF, 1 KB") }.0
        let twice = LinkRewriter.rewrite(once, file: "page.md") { (link: LinkRewriter.Link) in
            #expect(!link.text.contains("PDF"))
            return .replace("/x.pdf", annotation: "PDF, 2 KB")
        }.0
        var annotations: [String] = []
        twice.walk { if case .linkAnnotation(let text) = $0.kind { annotations.append(text) } }
        #expect(annotations == ["PDF, 2 KB", "PDF, 2 KB", "PDF, 2 KB", "PDF, 2 KB"])
    }

    @Test func rejectionsAreErrorsAtTheLink() {
        let (rewritten, diagnostics) = LinkRewriter.rewrite(document(), file: "page.md") { destination, _ in
            destination == "cell.md" ? .reject(message: "there is no page content/cell.md", hint: "Check the name.") : .keep
        }
        #expect(rewritten == document())
        #expect(diagnostics == [.error("there is no page content/cell.md",
                                       at: SourceLocation(file: "page.md", line: 7, column: 3), hint: "Check the name.")])
    }
}
