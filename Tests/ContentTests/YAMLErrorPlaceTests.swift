import Core
import Testing
@testable import Content

/// YAML mistakes are reported where the author must make the change, not where Yams noticed them.
@Suite struct YAMLErrorPlaceTests {
    func parse(_ text: String) -> (PageMetadata?, [Diagnostic]) { parseFrontMatter(text) }

    /// Yams noticed the missing quote at the end of the front matter, and it was reported at the `---`.
    @Test func anUnclosedQuoteIsReportedWhereItOpens() {
        let (meta, diagnostics) = parse("---\ntitle: \"Report hate crime\nkind: news\ndate: 2023-03-15\nsummary: S.\n---\nBody\n")
        #expect(meta == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "the quote \" that opens here is not closed")
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 2, column: 8))
        #expect(diagnostics.first?.hint == "End the value with another \" on the same line. For example: `title: \"Report hate crime\"`.")
    }

    @Test func anUnclosedSingleQuoteFurtherDown() {
        let (_, diagnostics) = parse("---\ntitle: A\ndescription: 'How to report   \n---\n")
        #expect(diagnostics.map(\.message) == ["the quote ' that opens here is not closed"])
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 3, column: 14))
        #expect(diagnostics.first?.hint == "End the value with another ' on the same line. For example: `description: 'How to report'`.")
    }

    @Test func aClosedQuoteSpanningLinesIsRead() {
        let (meta, diagnostics) = parse("---\ntitle: \"Report\n  hate crime\"\n---\n")
        #expect(diagnostics.isEmpty)
        #expect(meta?.title == "Report hate crime")
    }

    /// Yams names the first `updated:`; it was reported at the first line of the front matter.
    @Test func aRepeatedKeyIsReportedAtTheRepeat() {
        let (meta, diagnostics) = parse("""
        ---
        title: A
        kind: guide
        description: D
        date: 2023-03-15
        updated: 2023-03-16
        updated: 2023-03-17
        ---
        Body
        """)
        #expect(meta == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "'updated' is set twice, first on line 6")
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 7, column: 1))
        #expect(diagnostics.first?.hint == "Keep one of the two lines.")
    }

    @Test func aKeyWrittenThreeTimesIsReportedAtTheSecond() {
        let (_, diagnostics) = parse("---\ntitle: A\ntitle: B\ndescription: D\ntitle: C\n---\n")
        #expect(diagnostics.map(\.message) == ["'title' is set twice, first on line 2"])
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 3, column: 1))
    }

    @Test func aRepeatedKeyInsideAFieldIsReportedThere() {
        let (_, diagnostics) = parse("---\ntitle: A\nlint_ignore:\n  link-text: one reason\n  img-alt-filename: r\n  link-text: another\n---\n")
        #expect(diagnostics.map(\.message) == ["'link-text' is set twice, first on line 4"])
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 6, column: 3))
    }

    @Test func aRepeatedKeyOnOneLineIsReportedAtItsColumn() {
        let (_, diagnostics) = parse("---\ntitle: A\nlint_ignore: {link-text: r, link-text: s}\n---\n")
        #expect(diagnostics.map(\.message) == ["'link-text' is set twice, first on line 3"])
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 3, column: 29))
    }

    @Test func otherRepeatedKeysAreNamedInTheHint() {
        let (_, diagnostics) = parse("---\ntitle: A\nweight: 1\ntitle: B\nweight: 2\n---\n")
        #expect(diagnostics.map(\.message) == ["'title' is set twice, first on line 2"])
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 4, column: 1))
        #expect(diagnostics.first?.hint == "Keep one of the two lines. These are set twice too: weight.")
    }

    @Test func frontMatterPastedTwiceIsReportedAtTheSecondCopy() {
        let (_, diagnostics) = parse("---\ntitle: A\nkind: news\ndate: 2023-03-15\ntitle: A\nkind: news\ndate: 2023-03-15\n---\n")
        #expect(diagnostics.map(\.message) == ["'date' is set twice, first on line 4"])
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 7, column: 1))
        #expect(diagnostics.first?.hint == "Keep one of the two lines. These are set twice too: kind, title.")
    }

    @Test func repeatedKeysOnOneLineAreReportedAtTheirColumns() {
        let (_, diagnostics) = parse("---\ntitle: A\nlint_ignore: {b: r, a: s, b: t, a: u}\n---\n")
        #expect(diagnostics.map(\.message) == ["'a' is set twice, first on line 3"])
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 3, column: 33))
    }

    @Test func aRepeatedKeyInHeraldYmlIsReportedAtTheRepeat() {
        do {
            _ = try YAMLReader.parse("title: Site\nbase_url: /\ntitle: Other\n", file: "herald.yml")
            Issue.record("a repeated key must not load")
        } catch {
            #expect(error.message == "'title' is set twice, first on line 1")
            #expect(error.location == SourceLocation(file: "herald.yml", line: 3, column: 1))
        }
    }

    @Test func findsThePlaceOfAMarkCountingUnicodeScalars() {
        let text = "é: 1\nab: ü\n"
        #expect(RepeatedKey.index(of: (2, 5), in: text).map { text[$0...] } == "ü\n")
        #expect(RepeatedKey.index(of: (3, 1), in: text) == text.endIndex)
        #expect(RepeatedKey.index(of: (9, 1), in: text) == nil)
    }
}
