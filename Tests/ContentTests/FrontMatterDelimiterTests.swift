import Core
import Testing
@testable import Content

/// The `---` lines around front matter: spaces or tabs an editor leaves after them are invisible,
/// so they must not change what the file means.
@Suite struct FrontMatterDelimiterTests {
    @Test(arguments: ["--- ", "---\t", "---  \t ", "---\r"])
    func aClosingLineWithTrailingBlanksCloses(_ closing: String) throws {
        let front = try FrontMatter.split("---\ntitle: A\n\(closing)\n# Body\n", file: "a.md")
        #expect(front.yaml == "title: A\n")
        #expect(front.body == "# Body\n")
        #expect(front.bodyFirstLine == 4)
    }

    @Test(arguments: ["--- ", "---\t", "---  \t ", "---\r"])
    func anOpeningLineWithTrailingBlanksOpens(_ opening: String) throws {
        let front = try FrontMatter.split("\(opening)\ntitle: A\n---\n# Body\n", file: "a.md")
        #expect(front.yaml == "title: A\n")
        #expect(front.yamlFirstLine == 2)
        #expect(front.body == "# Body\n")
        let (meta, diagnostics) = FrontMatterParser.parse(front, file: "a.md")
        #expect(diagnostics.isEmpty)
        #expect(meta?.title == "A")
    }

    @Test func trailingBlanksOnBothLinesLoadAPage() {
        let fs = InMemoryFileSystem(files: ["content/a.md": "--- \ntitle: A\n---\t\nBody.\n"])
        let found = ContentDiscovery.scan(fs, contentPath: "content").markdown
        let (page, diagnostics) = PageLoader.load(found[0], from: fs)
        #expect(diagnostics.isEmpty)
        #expect(page?.metadata.title == "A")
    }

    /// Only blanks may follow: `--- x` is text, so the front matter is still open.
    @Test func aLineStartingWithThreeHyphensIsNotTheEnd() {
        do {
            _ = try FrontMatter.split("---\ntitle: A\n--- x\nBody\n", file: "a.md")
            Issue.record("front matter closed by `--- x`")
        } catch {
            #expect(error.message == "the front matter is not closed")
            #expect(error.location == SourceLocation(file: "a.md", line: 1, column: 1))
        }
    }

    @Test func aFileOpeningWithThreeHyphensAndTextHasNoFrontMatter() throws {
        let front = try FrontMatter.split("---x\ntitle: A\n---\n", file: "a.md")
        #expect(front.yaml == nil)
        let (_, diagnostics) = FrontMatterParser.parse(front, file: "a.md")
        #expect(diagnostics.map(\.message) == ["the page has no front matter"])
        #expect(diagnostics.first?.location == SourceLocation(file: "a.md", line: 1, column: 1))
    }

    @Test func threeHyphensAndABlankAloneAreNotClosed() {
        #expect(throws: Diagnostic.self) { try FrontMatter.split("--- ", file: "a.md") }
        #expect(throws: Diagnostic.self) { try FrontMatter.split("--- \n", file: "a.md") }
    }
}
