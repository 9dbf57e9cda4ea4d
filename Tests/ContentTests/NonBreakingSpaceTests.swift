import Core
import Testing
@testable import Content

/// A non-breaking space after `title:` (pasted from Word) was reported on the next line with the
/// hint "must be in quotes", which does not fix it.
@Suite struct NonBreakingSpaceTests {
    func parse(_ text: String) -> (PageMetadata?, [Diagnostic]) { parseFrontMatter(text) }

    @Test func aNonBreakingSpaceAfterAColonIsNamedWhereItIs() {
        let (meta, diagnostics) = parse("---\ntitle:\u{A0}Report hate crime\nkind: news\ndate: 2023-03-15\nsummary: S.\n---\n")
        #expect(meta == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "this line holds a non-breaking space (U+00A0), which YAML does not read as a space")
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 2, column: 7))
        #expect(diagnostics.first?.hint == "Delete it and type an ordinary space; text copied from Word or a web page brings them in.")
    }

    @Test func aNonBreakingSpaceFurtherDown() {
        let (_, diagnostics) = parse("---\ntitle: A\ndescription:\u{A0}How to report\nweight: 2\n---\n")
        #expect(diagnostics.map(\.message) == ["this line holds a non-breaking space (U+00A0), which YAML does not read as a space"])
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 3, column: 13))
    }

    /// With nothing after it, YAML reads the line as text and no YAML error is raised.
    @Test func aLoneLineWithANonBreakingSpace() {
        let (_, diagnostics) = parse("---\ntitle:\u{A0}Report hate crime\n---\n")
        #expect(diagnostics.map(\.message) == ["this line holds a non-breaking space (U+00A0), which YAML does not read as a space"])
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 2, column: 7))
    }

    @Test func aNonBreakingSpaceInsideAValueIsText() {
        let (meta, diagnostics) = parse("---\ntitle: A 10\u{A0}km walk\n---\n")
        #expect(diagnostics.isEmpty)
        #expect(meta?.title == "A 10\u{A0}km walk")
    }

    @Test func anotherYAMLErrorBesideANonBreakingSpaceInAValueIsReportedAsBefore() {
        let (_, diagnostics) = parse("---\ntitle: 10\u{A0}km\ndescription: a: b\n---\n")
        #expect(diagnostics.map(\.message) == ["YAML mapping values are not allowed in this context"])
        #expect(diagnostics.first?.location?.line == 3)
    }
}
