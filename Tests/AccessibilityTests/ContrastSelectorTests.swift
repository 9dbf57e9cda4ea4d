import Testing
@testable import Accessibility

/// Each selector kind, seen through the colour it gives a piece of text.
@Suite struct ContrastSelectorTests {
    private let base = "body { color: #000; background: #fff } "

    private func colour(_ css: String, _ body: String, _ text: String) -> String {
        let result = ContrastFixture.colours(css: base + css, body: body, text: text)
        return String(result.prefix(7))
    }

    @Test func typeClassIdAndUniversal() {
        #expect(colour("em { color: #c00 }", "<p>plain <em>stressed</em></p>", "stressed") == "#cc0000")
        #expect(colour("em { color: #c00 }", "<p>plain <em>stressed</em></p>", "plain") == "#000000")
        #expect(colour(".note { color: #c00 }", "<p class='a note b'>yes</p><p class='notes'>no</p>", "yes") == "#cc0000")
        #expect(colour(".note { color: #c00 }", "<p class='a note b'>yes</p><p class='notes'>no</p>", "no") == "#000000")
        #expect(colour("#intro { color: #c00 }", "<p id='intro'>yes</p><p id='intro2'>no</p>", "yes") == "#cc0000")
        #expect(colour("#intro { color: #c00 }", "<p id='intro'>yes</p><p id='intro2'>no</p>", "no") == "#000000")
        #expect(colour("* { color: #c00 }", "<p>all</p>", "all") == "#cc0000")
        #expect(colour("P { color: #c00 }", "<p>case</p>", "case") == "#cc0000")
    }

    @Test(arguments: [
        ("[data-x]", "<p data-x>yes</p><p>no</p>"),
        ("[data-x=a]", "<p data-x=a>yes</p><p data-x=ab>no</p>"),
        ("[data-x~=b]", "<p data-x='a b c'>yes</p><p data-x='abc'>no</p>"),
        ("[data-x^=ab]", "<p data-x=abc>yes</p><p data-x=cab>no</p>"),
        ("[data-x$=yz]", "<p data-x=xyz>yes</p><p data-x=yzx>no</p>"),
        ("[data-x*=mid]", "<p data-x=amidb>yes</p><p data-x=mi-d>no</p>"),
        ("[lang|=en]", "<p lang=en-GB>yes</p><p lang=eng>no</p>"),
        ("[data-x=\"A\" i]", "<p data-x=a>yes</p><p data-x=b>no</p>"),
        ("[class~=note]", "<p class='x note'>yes</p><p class=notes>no</p>"),
        ("a[href^='http']", "<a href='https://x'>yes</a><a href='/local'>no</a>"),
    ])
    func attributeSelectors(selector: String, body: String) {
        let css = "\(selector) { color: #c00 } a { color: #000 } \(selector) { color: #c00 }"
        #expect(colour(css, body, "yes") == "#cc0000", "\(selector)")
        #expect(colour(css, body, "no") == "#000000", "\(selector)")
    }

    @Test func combinators() {
        let body = "<nav><ul><li><a href='#'>deep</a></li></ul></nav><a href='#'>outside</a><ul><li>child<ol><li>grandchild</li></ol></li></ul>"
        let css = "a { color: #000 } nav a { color: #c00 } ul > li { color: #00c } li li { color: #000 }"
        #expect(colour(css, body, "deep") == "#cc0000")
        #expect(colour(css, body, "outside") == "#000000")
        #expect(colour(css, body, "child") == "#0000cc")
        // `ol > li` is not `ul > li`, and `li li` resets it.
        #expect(colour(css, body, "grandchild") == "#000000")
        #expect(colour("p.note#n { color: #c00 }", "<p class=note id=n>both</p><p class=note>one</p>", "both") == "#cc0000")
        #expect(colour("p.note#n { color: #c00 }", "<p class=note id=n>both</p><p class=note>one</p>", "one") == "#000000")
    }

    @Test func structuralAndLogicalPseudoClasses() {
        #expect(colour(":root { color: #c00 } body { color: inherit }", "<p>rooted</p>", "rooted") == "#cc0000")
        #expect(colour("p:not(.x) { color: #c00 }", "<p>plain</p><p class=x>excluded</p>", "plain") == "#cc0000")
        #expect(colour("p:not(.x) { color: #c00 }", "<p>plain</p><p class=x>excluded</p>", "excluded") == "#000000")
        let list = "<ul><li>first</li><li>middle</li><li>last</li></ul>"
        #expect(colour("li:first-child { color: #c00 }", list, "first") == "#cc0000")
        #expect(colour("li:first-child { color: #c00 }", list, "middle") == "#000000")
        #expect(colour("li:last-child { color: #c00 }", list, "last") == "#cc0000")
        #expect(colour("li:last-child { color: #c00 }", list, "first") == "#000000")
        #expect(colour(":is(h2, h3) { color: #c00 }", "<h3>is</h3><h4>not</h4>", "is") == "#cc0000")
        #expect(colour(":is(h2, h3) { color: #c00 }", "<h3>is</h3><h4>not</h4>", "not") == "#000000")
        #expect(colour("button:disabled { color: #c00 } input:enabled { }", "<p>x</p>", "x") == "#000000")
    }

    @Test func pseudoElementsDoNotColourTheElementsText() {
        #expect(colour("p::before { color: #c00 } p:after { color: #c00 } p::first-line { color: #c00 }", "<p>text</p>", "text") == "#000000")
    }

    @Test func specificityThenSourceOrder() {
        let body = "<p id=i class=c>text</p>"
        #expect(colour("#i { color: #c00 } .c { color: #00c } p { color: #0c0 }", body, "text") == "#cc0000")
        #expect(colour("p { color: #0c0 } .c { color: #00c }", body, "text") == "#0000cc")
        #expect(colour(".c { color: #00c } p.c { color: #0c0 }", body, "text") == "#00cc00")
        #expect(colour(".c { color: #00c } .c { color: #0c0 }", body, "text") == "#00cc00")
        #expect(colour("p { color: #0c0 !important } #i { color: #c00 }", body, "text") == "#00cc00")
        #expect(colour(":where(#i) { color: #c00 } p { color: #0c0 }", body, "text") == "#00cc00")
        #expect(colour(":is(#i, p) { color: #c00 } p.c { color: #0c0 }", body, "text") == "#cc0000")
        #expect(colour("#i { color: #c00 }", "<p id=i style='color: #00c'>text</p>", "text") == "#0000cc")
        #expect(colour("#i { color: #c00 !important }", "<p id=i style='color: #00c'>text</p>", "text") == "#cc0000")
        #expect(colour("#i { color: #c00 !important }", "<p id=i style='color: #00c !important'>text</p>", "text") == "#0000cc")
    }

    @Test func cascadeLayers() {
        let body = "<p id=i>text</p>"
        #expect(colour("@layer base { #i { color: #c00 } } p { color: #0c0 }", body, "text") == "#00cc00")
        #expect(colour("@layer a, b; @layer b { p { color: #0c0 } } @layer a { #i { color: #c00 } }", body, "text") == "#00cc00")
        #expect(colour("@layer base { p { color: #c00 !important } } #i { color: #0c0 !important }", body, "text") == "#cc0000")
    }

    @Test func siblingAndNthSelectorsOnlyMayApply() {
        // They are not decided from the path, so they are not applied as fact…
        let css = "h2 + p { color: #bbb } li:nth-child(2) { color: #bbb }"
        let body = "<h2>Heading</h2><p>after</p><ul><li>one</li><li>two</li></ul>"
        #expect(colour(css, body, "after") == "#000000")
        #expect(colour(css, body, "two") == "#000000")
        // …but a failure they could cause is reported for review, never as an error.
        let diagnostics = ContrastFixture.diagnostics(css: base + css, body: body)
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.rule?.id == "contrast-needs-review" })
        #expect(diagnostics.contains { $0.message.contains("'after' may be #bbbbbb on #ffffff") })
    }

    @Test func matcherIsThreeValued() {
        var table = PathTable()
        let html = table.intern(PathKey(parent: -1, signature: table.intern(ElementSignature(
            tag: "html", id: nil, classes: [], attributes: [], isFirstChild: true, isLastChild: true, style: nil)), state: []))
        let p = table.intern(PathKey(parent: html, signature: table.intern(ElementSignature(
            tag: "p", id: nil, classes: ["x"], attributes: [], isFirstChild: false, isLastChild: true, style: nil)), state: [.hover]))
        let matcher = SelectorMatcher(table: table)
        func match(_ selector: String) -> Tri {
            matcher.matches(SelectorParser.parseList(CSSTokenizer.tokenize(selector))![0], p)
        }
        #expect(match("p") == .yes)
        #expect(match("html > p.x") == .yes)
        #expect(match("div p") == .no)
        #expect(match("p:hover") == .yes)
        #expect(match("p:focus") == .no)
        #expect(match("h2 + p") == .maybe)
        #expect(match("html > h2 + p") == .maybe)
        #expect(match("body h2 + p") == .no)
        #expect(match(":root + p") == .no)
        #expect(match("p:nth-child(2)") == .maybe)
        #expect(match("p:not(:nth-child(2))") == .maybe)
        #expect(match("p:not(.x)") == .no)
        #expect(match("p:first-child") == .no)
        #expect(match(":root") == .no)
    }
}
