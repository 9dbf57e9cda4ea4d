import TestSupport
import Testing
@testable import Accessibility

@Suite struct ContrastCSSParserTests {
    private func kinds(_ css: String) -> [CSSToken.Kind] { CSSTokenizer.tokenize(css).map(\.kind) }

    @Test func tokenizerBasics() {
        #expect(kinds("a{color:red}") == [.ident, .openCurly, .ident, .colon, .ident, .closeCurly])
        let tokens = CSSTokenizer.tokenize("12px 50% -.5 #fff #1a url(x.png) rgb( \"s\\\"q\" @media <!-- -->")
            .filter { $0.kind != .whitespace }
        #expect(tokens.map(\.kind) == [.dimension, .percentage, .number, .hash, .hash, .url, .function, .string, .atKeyword, .cdo, .cdc])
        #expect(tokens[0].number == 12 && tokens[0].text == "px")
        #expect(tokens[2].number == -0.5)
        #expect(tokens[3].isIdentifierHash && !tokens[4].isIdentifierHash)
        #expect(tokens[5].text == "x.png")
        #expect(tokens[7].text == "s\"q")
        #expect(kinds("/* comment */a/* unterminated") == [.ident])
        #expect(CSSTokenizer.tokenize("\\31 0").first?.text == "10")
        #expect(CSSTokenizer.tokenize("a\nb\r\nc").last?.line == 3)
    }

    @Test func rulesSelectorsAndImportance() {
        let sheet = Stylesheet(path: "s.css", text: """
        /* header */
        h1, .title > a { color: red !important; background : #fff ! important; }
        p { color: blue; color: ; margin: 0 }
        """)
        #expect(sheet.rules.count == 2)
        #expect(sheet.rules[0].selectors.count == 2)
        #expect(sheet.rules[0].selectorText == "h1, .title > a")
        #expect(sheet.rules[0].declarations.map(\.important) == [true, true])
        #expect(sheet.rules[0].declarations[1].name == "background")
        #expect(sheet.rules[0].line == 2)
        #expect(sheet.rules[1].declarations.map(\.name) == ["color", "margin"])
    }

    @Test func mediaBlocksCarryTheirConditions() {
        let sheet = Stylesheet(text: """
        @media (prefers-color-scheme: dark) { body { color: white } }
        @media print { body { color: black } }
        @supports (display: grid) { @media (min-width: 40em) { .a { color: red } } }
        """)
        #expect(sheet.rules.count == 3)
        #expect(sheet.rules[0].conditions.map { $0.evaluate(.dark) } == [.yes])
        #expect(sheet.rules[0].conditions.map { $0.evaluate(.light) } == [.no])
        #expect(sheet.rules[1].conditions.map { $0.evaluate(.light) } == [.no])
        #expect(sheet.rules[2].conditions.count == 2)
        #expect(sheet.rules[2].conditions.map(\.text) == ["@supports (display: grid)", "@media (min-width: 40em)"])
    }

    @Test func atRulesThatDoNotStyleTextAreSkipped() {
        let sheet = Stylesheet(path: "s.css", text: """
        @charset "utf-8";
        @import url(other.css);
        @font-face { font-family: X; src: url(x.woff2) }
        @keyframes pulse { from { color: red } to { color: blue } }
        @unknown-thing foo { a { color: red } }
        @page { margin: 1cm }
        p { color: green }
        """)
        #expect(sheet.rules.count == 1)
        #expect(sheet.rules[0].selectorText == "p")
        #expect(sheet.notes.count == 1)
        #expect(sheet.notes[0].contains("@import"))
    }

    @Test func layersAndRegisteredProperties() {
        let sheet = Stylesheet(text: """
        @layer reset, base;
        @layer base { p { color: red } }
        @layer reset.inner { p { color: blue } }
        @property --brand { syntax: '<color>'; inherits: false; initial-value: #123456 }
        """)
        #expect(sheet.layerNames == ["reset", "base", "reset.inner"])
        #expect(sheet.rules.map(\.layer) == ["base", "reset.inner"])
        #expect(sheet.registeredProperties["--brand"]?.inherits == false)
        #expect(sheet.registeredProperties["--brand"]?.initialValue?.cssText == "#123456")
        let ranks = RuleIndex.rankLayers(sheet.layerNames)
        #expect(ranks["reset.inner"]! < ranks["reset"]! && ranks["reset"]! < ranks["base"]!)
    }

    @Test func nestedRules() {
        let sheet = Stylesheet(text: """
        .card { color: red; &:hover { color: blue } .title { color: green } > p { color: grey }
          @media (min-width: 40em) { color: black } a:focus { color: navy } }
        """)
        #expect(sheet.rules.count == 6)
        #expect(sheet.rules[0].declarations.map(\.name) == ["color"])
        #expect(sheet.rules[1].selectors[0].compounds.count == 1)
        #expect(sheet.rules[2].selectors[0].combinators == [.descendant])
        #expect(sheet.rules[3].selectors[0].combinators == [.child])
        #expect(sheet.rules[4].conditions.count == 1 && sheet.rules[4].selectorText == ".card")
        // `a:focus {` looks like a declaration at first; it is a nested rule.
        #expect(sheet.rules[5].selectorText == "a:focus")
    }

    @Test func invalidSelectorsDropTheirRule() {
        let sheet = Stylesheet(text: "p, p:no-such-class { color: red } a:-moz-focusring { color: blue } p:nth-child(2) { color: green } # { x: y }")
        #expect(sheet.rules.count == 2)
        #expect(sheet.rules.map(\.selectorText) == ["a:-moz-focusring", "p:nth-child(2)"])
    }

    @Test func unterminatedBlocksCloseAtTheEnd() {
        let sheet = Stylesheet(text: "p { color: red; a { color: blue")
        #expect(sheet.rules.count == 2)
        #expect(sheet.rules[1].declarations.first?.value.cssText == "blue")
        #expect(Stylesheet(text: "p { color: rgb(1, 2, 3").rules.first?.declarations.first?.value.cssText == "rgb(1, 2, 3")
        #expect(Stylesheet(text: "} } p { color: red }").rules.count <= 1)
        #expect(Stylesheet(text: "p { color: \"unterminated\n; background: red }").rules.first?.declarations.map(\.name) == ["background"])
    }

    @Test func deepNestingDoesNotRecurseWithoutLimit() {
        let braces = String(repeating: "a { ", count: 5_000) + "color: red"
        #expect(Stylesheet(text: braces).rules.count <= CSSParser.maximumDepth)
        let media = String(repeating: "@media screen { ", count: 3_000) + "p { color: red }"
        _ = Stylesheet(text: media)
        let parens = "p { color: " + String(repeating: "(", count: 10_000) + " }"
        _ = Stylesheet(text: parens)
        let nots = String(repeating: ":not(", count: 1_000) + "p" + String(repeating: ")", count: 1_000) + " { color: red }"
        #expect(Stylesheet(text: nots).rules.isEmpty)
        let mq = "@media " + String(repeating: "(", count: 5_000) + "{ p { color: red } }"
        _ = Stylesheet(text: mq)
    }

    @Test func garbageNeverCrashes() {
        var generator = SplitMix64(seed: 20_241_123)
        let alphabet = Array("abc-_#.:;,{}()[]@!*>+~=\"'\\/ \n0123456789%pxem&|^$") + ["url(", "var(", "@media ", "rgb(", "/*", "*/", "!important", "--x", "\u{0}", "é"]
            .flatMap { Array($0) }
        for _ in 0..<300 {
            let length = Int(generator.next() % 600)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let sheet = Stylesheet(text: text)
            for rule in sheet.rules { #expect(!rule.selectors.isEmpty) }
        }
    }
}

@Suite struct ContrastMediaQueryTests {
    private func evaluate(_ text: String, _ scheme: ColourScheme = .light) -> Tri {
        MediaQueryList(CSSTokenizer.tokenize(text)).evaluate(scheme)
    }

    @Test func mediaTypesAndPreferences() {
        #expect(evaluate("screen") == .yes)
        #expect(evaluate("all") == .yes)
        #expect(evaluate("print") == .no)
        #expect(evaluate("not print") == .yes)
        #expect(evaluate("only screen") == .yes)
        #expect(evaluate("screen and (prefers-color-scheme: dark)", .light) == .no)
        #expect(evaluate("screen and (prefers-color-scheme: dark)", .dark) == .yes)
        #expect(evaluate("not (prefers-color-scheme: dark)", .dark) == .no)
        #expect(evaluate("(prefers-color-scheme: light)", .light) == .yes)
        #expect(evaluate("(prefers-reduced-motion: reduce)") == .no)
        #expect(evaluate("(prefers-reduced-motion: no-preference)") == .yes)
        #expect(evaluate("(forced-colors: active)") == .no)
        #expect(evaluate("(prefers-contrast: more)") == .no)
    }

    @Test func deviceFeaturesMayApply() {
        #expect(evaluate("(min-width: 40em)") == .maybe)
        #expect(evaluate("only screen and (max-width: 600px)") == .maybe)
        #expect(evaluate("(width >= 600px)") == .maybe)
        #expect(evaluate("(400px <= width <= 700px)") == .maybe)
        #expect(evaluate("print, (max-width: 600px)") == .maybe)
        #expect(evaluate("print and (max-width: 600px)") == .no)
        #expect(evaluate("(hover: hover)") == .maybe)
        #expect(evaluate("(prefers-color-scheme: dark) or (min-width: 1px)", .dark) == .yes)
        #expect(evaluate("(prefers-color-scheme: dark) and (min-width: 1px)", .light) == .no)
    }

    @Test func malformedQueriesMatchNothing() {
        #expect(evaluate("screen and") == .no)
        #expect(evaluate("(") == .no)
        #expect(evaluate("(unknown-feature: 1)") == .no)
        #expect(evaluate("screen and (a) or (b)") == .no)
        #expect(evaluate("") == .yes)
    }
}

