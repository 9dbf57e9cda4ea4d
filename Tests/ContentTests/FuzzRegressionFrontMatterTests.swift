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

    /// A carriage return followed by a combining mark (U+05BC) was left in the text: YAML counted
    /// it as a line break and reported line 3 of a one-line herald.yml.
    @Test func aCarriageReturnBeforeACombiningMarkIsALineBreak() throws {
        let bytes: [UInt8] = Array("- [ [ kinda".utf8) + [0x0D, 0xD6, 0xBC, 0x20, 0x20]
        let text = try SourceDecoder.decode(Data(bytes), file: "herald.yml")
        #expect(!text.utf8.contains(0x0D))
        #expect(text == "- [ [ kinda\n\u{05BC}  ")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        do {
            _ = try SiteConfigLoader.load(text, file: "herald.yml")
            Issue.record("an unclosed list must not load")
        } catch {
            for diagnostic in error.diagnostics {
                #expect(diagnostic.location.map { $0.line >= 1 && $0.line <= lines + 1 } ?? true, "\(diagnostic)")
            }
        }
    }

    @Test(arguments: [("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("a\r\r\nb", "a\n\nb"), ("a\n\rb", "a\n\nb"), ("\r", "\n"), ("é\r\u{301}", "é\n\u{301}")])
    func lineEndingsBecomeLineFeeds(_ input: String, _ expected: String) {
        #expect(SourceDecoder.normalisingLineEndings(input) == expected)
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
