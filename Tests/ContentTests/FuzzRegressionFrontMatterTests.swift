import Core
import Foundation
import Testing
@testable import Content

/// Inputs the front-matter fuzz target (Fuzz/Targets/FrontMatter.swift) once crashed on; each
/// input is also kept in Fuzz/regressions/FrontMatter/ and replayed by scripts/fuzz.
@Suite struct FuzzRegressionFrontMatterTests {
    /// `---` and nothing else: the splitter indexed past the end of the text and crashed the build.
    @Test(arguments: ["---", "---\n", "---\n---", "---\n..."])
    func frontMatterThatOpensAndEndsAtOnce(_ text: String) throws {
        if text.hasSuffix("---\n---") || text.hasSuffix("...") {
            let front = try FrontMatter.split(text, file: "a.md")
            #expect(front.yaml == "")
            return
        }
        #expect(throws: Diagnostic.self) { try FrontMatter.split(text, file: "a.md") }
        do {
            _ = try FrontMatter.split(text, file: "a.md")
        } catch {
            #expect(error.message == "the front matter is not closed")
            #expect(error.location == SourceLocation(file: "a.md", line: 1))
        }
    }

    @Test func aPageOfThreeHyphensIsAnErrorNotACrash() {
        let fs = InMemoryFileSystem(files: ["content/dash.md": "---"])
        let found = ContentDiscovery.scan(fs, contentPath: "content").markdown
        #expect(found.count == 1)
        let (page, diagnostics) = PageLoader.load(found[0], from: fs)
        #expect(page == nil)
        #expect(diagnostics.map(\.message) == ["the front matter is not closed"])
    }
}
