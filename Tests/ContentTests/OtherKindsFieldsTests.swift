import Core
import Testing
@testable import Content

/// A field of another kind of page is named with every kind it belongs to, and is left alone
/// when the page's own kind is mistyped.
@Suite struct OtherKindsFieldsTests {
    func parse(_ text: String) -> (PageMetadata?, [Diagnostic]) { parseFrontMatter(text) }

    /// A news page with `kind: nwes` was told "Did you mean 'news'?" and also to set `kind: decision`.
    @Test func aMistypedKindGetsOnlyTheKindSuggestion() {
        let (meta, diagnostics) = parse("---\ntitle: A\nkind: nwes\ndate: 2023-03-15\nsummary: Short.\n---\n")
        #expect(meta == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "'nwes' is not a page kind")
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 3, column: 7))
        #expect(diagnostics.first?.hint == "Did you mean 'news'? Kinds: page, guide, toolkit, strategy, decision, news.")
    }

    @Test func aMistypedKindStillWarnsOfFieldsNoKindHas() {
        let (_, diagnostics) = parse("---\ntitle: A\nkind: nwes\nsumary: Short.\n---\n")
        #expect(diagnostics.map(\.message) == ["'nwes' is not a page kind", "unknown field 'sumary' in front matter"])
        #expect(diagnostics.last?.hint == "Did you mean 'summary'?")
    }

    @Test func aFieldOfSeveralKindsNamesThemAll() {
        let (meta, diagnostics) = parse("---\ntitle: A\nkind: guide\nupdated: 2023-03-15\nsummary: Short.\n---\n")
        #expect(meta != nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.message == "field 'summary' belongs to `kind: decision` and `kind: news` pages, not `kind: guide`")
        #expect(diagnostics.first?.hint == "Remove it, or set `kind: decision` or `kind: news`.")
        #expect(diagnostics.first?.location == SourceLocation(file: "content/a.md", line: 5, column: 1))
    }

    @Test func aFieldOfOneKindNamesIt() {
        let (_, diagnostics) = parse("---\ntitle: A\nthemes: [Safety]\n---\n")
        #expect(diagnostics.map(\.message) == ["field 'themes' belongs to `kind: strategy` pages, not `kind: page`"])
        #expect(diagnostics.first?.hint == "Remove it, or set `kind: strategy`.")
    }

    @Test func aFieldOfItsOwnKindIsRead() {
        let (meta, diagnostics) = parse("---\ntitle: A\nkind: news\ndate: 2023-03-15\nsummary: Short.\n---\n")
        #expect(diagnostics.isEmpty)
        #expect(meta?.summary == "Short.")
    }
}
