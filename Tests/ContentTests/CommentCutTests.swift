import Core
import Testing
@testable import Content

/// `title: Decision #14 approved` was published as "Decision": YAML reads ` #14 approved` as a comment.
@Suite struct CommentCutTests {
    func parse(_ text: String) -> (PageMetadata?, [Diagnostic]) { parseFrontMatter(text) }

    @Test func aValueCutByACommentIsAnErrorAtTheHash() {
        let (meta, diagnostics) = parse("---\ntitle: Decision #14 approved\n---\nBody\n")
        #expect(meta == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.message == "`#` after a space starts a comment, so 'title' is only \"Decision\"")
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 2, column: 17))
        #expect(diagnostics.first?.hint == "Put the value in quotes: `title: \"Decision #14 approved\"`.")
    }

    @Test func theSourceLineIsShownWithTheMessage() {
        let fs = InMemoryFileSystem(files: ["content/a.md": "---\nkind: page\ntitle: Decision #14 approved\n---\nBody\n"])
        let found = ContentDiscovery.scan(fs, contentPath: "content").markdown
        let (page, diagnostics) = PageLoader.load(found[0], from: fs)
        #expect(page == nil)
        #expect(diagnostics.first?.sourceLine == "title: Decision #14 approved")
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 3, column: 17))
    }

    @Test func aValueCutToNothingIsNamed() {
        let (_, diagnostics) = parse("---\ntitle: A\ndescription: #14 approved\n---\n")
        #expect(diagnostics.map(\.message) == ["`#` after a space starts a comment, so 'description' is empty"])
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 3, column: 14))
        #expect(diagnostics.first?.hint == "Put the value in quotes: `description: \"#14 approved\"`.")
    }

    @Test func aCommentAfterAValueOverSeveralLines() {
        let (_, diagnostics) = parse("---\ntitle: A\ndescription: Decision about\n  the fund #14\n---\n")
        #expect(diagnostics.map(\.message) == ["`#` after a space starts a comment, so 'description' is only \"Decision about the fund\""])
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 4, column: 12))
        #expect(diagnostics.first?.hint == "Put the value in quotes: `description: \"Decision about the fund #14\"`.")
    }

    @Test func aTabBeforeTheHashCutsToo() {
        let (meta, diagnostics) = parse("---\ntitle: Decision\t#14\n---\n")
        #expect(meta == nil)
        #expect(diagnostics.map(\.message) == ["`#` after a space starts a comment, so 'title' is only \"Decision\""])
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 2, column: 17))
    }

    @Test func quotesInTheValueAreEscapedInTheHint() {
        let (_, diagnostics) = parse("---\ntitle: The \"Safer\" fund #2\n---\n")
        #expect(diagnostics.first?.hint == "Put the value in quotes: `title: \"The \\\"Safer\\\" fund #2\"`.")
    }

    @Test func quotedValuesKeepTheirHash() {
        let (meta, diagnostics) = parse("---\ntitle: \"Decision #14 approved\"\ndescription: 'Item #3'\n---\n")
        #expect(diagnostics.isEmpty)
        #expect(meta?.title == "Decision #14 approved")
        #expect(meta?.description == "Item #3")
    }

    @Test func wholeLineCommentsAreFine() {
        let (meta, diagnostics) = parse("---\n# written by the comms team\ntitle: Decision 14\n  # about the fund\n# last line\n---\n")
        #expect(diagnostics.isEmpty)
        #expect(meta?.title == "Decision 14")
    }

    @Test(arguments: ["|", ">", "|-", ">+"])
    func blockScalarsKeepTheirHash(_ indicator: String) {
        let (meta, diagnostics) = parse("---\ntitle: A\ndescription: \(indicator)\n  Item #14 of the plan\n---\n")
        #expect(diagnostics.isEmpty)
        #expect(meta?.description?.hasPrefix("Item #14 of the plan") == true)
    }

    @Test(arguments: ["draft: true # until launch", "weight: 3 # third in the list", "date: 2024-03-15 # the board met then",
                      "lang: cy # Welsh version", "aliases: /old/ # the 2019 address", "slug: safer-streets # short"])
    func aCommentAfterAFieldNotWrittenInWordsIsOnlyAComment(_ line: String) {
        let (meta, diagnostics) = parse("---\ntitle: A\n\(line)\n---\nBody\n")
        #expect(meta != nil)
        #expect(!diagnostics.contains { $0.message.contains("starts a comment") }, "\(diagnostics)")
    }

    @Test func aHashWithoutASpaceBeforeItIsText() {
        let (meta, diagnostics) = parse("---\ntitle: Decision#14 and C#\n---\n")
        #expect(diagnostics.isEmpty)
        #expect(meta?.title == "Decision#14 and C#")
    }

    /// Only the page's own fields: a comment inside a list or a set of keys cuts no top-level value.
    @Test func commentsInsideListsAreLeftAlone() {
        let (_, diagnostics) = parse("---\ntitle: A\naliases:\n  - /old/ # the 2019 address\n---\n")
        #expect(diagnostics.isEmpty)
    }
}
