import Core
import Testing
@testable import Markdown

@Suite struct PlaceholderCheckTests {
    func warnings(_ text: String) -> [Diagnostic] {
        MarkdownPipeline().run(text, firstLine: 4, file: "content/a.md").diagnostics.filter { $0.severity == .warning }
    }

    @Test func theScaffoldsPlaceholdersAreWarningsAtTheirLines() {
        let found = warnings("\n## TODO: first heading\n\nTODO: write the page here. See docs/authoring.md.\n")
        #expect(found.map(\.message) == Array(repeating: "a `TODO` placeholder is still here", count: 2))
        #expect(found.map(\.location) == [SourceLocation(file: "content/a.md", line: 5, column: 4),
                                          SourceLocation(file: "content/a.md", line: 7, column: 1)])
        #expect(found.first?.sourceLine == "## TODO: first heading")
    }

    @Test func placeholdersInListsAndTablesAreFound() {
        #expect(warnings("- TODO add the phone number\n").count == 1)
        #expect(warnings("| A | B |\n| --- | --- |\n| TODO | x |\n").count == 1)
    }

    @Test(arguments: ["TODOS are not a word we use.", "The list of things to do is short.", "We will do it: TODO is not first here.", "`TODO: in code`"])
    func otherTextIsLeftAlone(_ text: String) {
        #expect(warnings(text + "\n").isEmpty, "\(text)")
    }
}
