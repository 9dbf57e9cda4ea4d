import Core
import Testing
@testable import Markdown

@Suite struct FenceCheckTests {
    func warnings(_ text: String) -> [Diagnostic] {
        MarkdownPipeline().run(text, firstLine: 3, file: "content/a.md").diagnostics.filter { $0.severity == .warning }
    }

    @Test func aMisspeltComponentIsAWarningWithTheName() throws {
        let found = warnings("Intro.\n\n```warnning\nCall 999 in an emergency.\n```\n")
        let warning = try #require(found.first)
        #expect(found.count == 1)
        #expect(warning.message == "```warnning makes a block of code, not a component")
        #expect(warning.hint?.hasPrefix("Did you mean ```warning? The components are warning, inset, details") == true)
        #expect(warning.location == SourceLocation(file: "content/a.md", line: 5, column: 1))
    }

    @Test(arguments: ["swift", "json", "yaml", "bash", "html", "text", "", "warning", "WARNING"])
    func languagesAndComponentsAreLeftAlone(_ info: String) {
        #expect(warnings("```\(info)\nx\n```\n").isEmpty, "\(info)")
    }

    @Test func anUnclosedComponentIsAWarningAtItsFence() throws {
        let found = warnings("```inset\nSome text.\n\n## Next steps\n\nMore text.\n")
        #expect(found.map(\.message) == ["this ```inset is never closed, so everything after it on the page is inside it"])
        #expect(found.first?.location?.line == 3)
        #expect(found.first?.hint == "Add a line ``` where the block should end.")
    }

    @Test func anUnclosedCodeBlockWithALongerFenceIsNamedAsWritten() {
        let found = warnings("Text.\n\n~~~~\ncode\n")
        #expect(found.map(\.hint) == ["Add a line ~~~~ where the block should end."])
    }

    @Test func closedBlocksAndBlocksEndedByTheirQuoteAreFine() {
        #expect(warnings("```inset\nText.\n```\n\nAfter.\n").isEmpty)
        #expect(warnings("````\n```\nnested\n```\n````\n").isEmpty)
        #expect(warnings("> ```\n> code\n\nAfter the quote.\n").isEmpty)
        #expect(warnings("```\n```\n").isEmpty)
        #expect(warnings("    indented code\n").isEmpty)
    }
}
