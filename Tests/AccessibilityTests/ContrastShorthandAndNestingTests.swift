import TestSupport
import Testing
@testable import Accessibility
import Core

@Suite struct ContrastShorthandAndNestingTests {
    private func colours(_ css: String, _ body: String, _ text: String, state: InteractionState = .normal) -> String {
        ContrastFixture.colours(css: css, body: body, text: text, state: state)
    }

    @Test func backgroundShorthandFindsItsColour() {
        #expect(colours("p { background: center / cover no-repeat #036; color: #fff }", "<p>bg</p>", "bg") == "#ffffff on #003366")
        #expect(colours("p { background: none; color: #333 }", "<p>none</p>", "none") == "#333333 on #ffffff")
        #expect(colours("p { background: rgb(0 0 0 / 0.5) padding-box; color: #fff }", "<p>half</p>", "half") == "#ffffff on #808080")
        #expect(colours("p { background: url(a.png), #036; color: #fff }", "<p>layers</p>", "layers").hasPrefix("review: it sits on a background image"))
        #expect(colours("p { background-color: #036; background: transparent; color: #333 }", "<p>reset</p>", "reset") == "#333333 on #ffffff")
        #expect(colours("p { background: #036; background-image: none; color: #fff }", "<p>image none</p>", "image none") == "#ffffff on #003366")
    }

    @Test func borderAndOutlineShorthands() {
        let expanded = Shorthands.expand("border", CSSTokenizer.tokenize("2px solid #0b0c0c"))!
        #expect(expanded.count == 12)
        #expect(expanded.first { $0.0 == .borderBottomColor }?.1.cssText == "#0b0c0c")
        #expect(Shorthands.expand("border-color", CSSTokenizer.tokenize("red blue"))!.map { $0.1.cssText } == ["red", "blue", "red", "blue"])
        #expect(Shorthands.expand("outline", CSSTokenizer.tokenize("3px dashed"))!.first { $0.0 == .outlineColor }?.1.cssText == "currentcolor")
        #expect(Shorthands.expand("border", CSSTokenizer.tokenize("2px solid red blue")) == nil)
        #expect(Shorthands.expand("font", CSSTokenizer.tokenize("italic bold 12px/30px Georgia, serif"))!.map { $0.1.cssText } == ["12px", "bold"])
        #expect(Shorthands.expand("text-decoration", CSSTokenizer.tokenize("underline dotted red"))!.first?.1.cssText == "underline")
    }

    @Test func nestedRulesApply() {
        let css = "body { background: #fff } .card { color: #333; & a { color: #ccc; text-decoration: none } .meta { color: #999 } }"
        let body = "<div class=card><p>Body <a href='/x'>link</a></p><p class=meta>Meta</p></div><p class=meta>Outside</p>"
        #expect(colours(css, body, "link") == "#cccccc on #ffffff")
        #expect(colours(css, body, "Meta") == "#999999 on #ffffff")
        #expect(colours(css, body, "Outside") == "#000000 on #ffffff")
        #expect(colours(".a { &:hover { color: #ccc } }", "<a class=a href='/'>hovered</a>", "hovered", state: .hover) == "#cccccc on #ffffff")
    }

    @Test func supportsAndContainerRulesMayApply() {
        let diagnostics = ContrastFixture.diagnostics(css: "@supports (display: grid) { p { color: #aaa } } @container (min-width: 30em) { h2 { color: #bbb } }",
                                                      body: "<p>Grid</p><h2>Box</h2>")
        #expect(diagnostics.count == 2)
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(diagnostics.contains { $0.message.contains("when @supports (display: grid) applies") })
    }

    @Test func inputButtonsAreText() {
        let diagnostics = ContrastFixture.diagnostics(css: "input[type=submit] { color: #aaa; background: #fff; border: 2px solid #0b0c0c }",
                                                      body: "<form><input type=submit value='Send report'></form>")
        #expect(diagnostics.map(\.message) == ["Text 'Send report' is #aaaaaa on #ffffff: contrast 2.32:1, needs 4.5:1 (APCA Lc 45.8)"])
    }

    @Test func browserVisitedColourOnADarkBackground() {
        // Only :link is styled, so a visited link falls back to the browser's purple.
        let css = ".banner { background: #0b0c0c; color: #fff } .banner a:link { color: #fff }"
        let diagnostics = ContrastFixture.diagnostics(css: css, body: "<div class=banner><a href='/'>Home</a></div>")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("Link text 'Home' is #551a8b on #0b0c0c when visited:") == true)
    }

    @Test func importsAreNotedInTheReport() {
        let report = ContrastFixture.report(css: "@import url(print.css) print; p { color: #333 }", body: "<p>x</p>")
        #expect(report.notes == ["site.css: @import url(print.css) print is not followed by the contrast check; pass that stylesheet too"])
    }

    @Test func pairsCarryAPCA() {
        let report = ContrastFixture.report(css: "p { color: #888 }", body: "<p>advice</p>")
        #expect(report.pairs.count == 1)
        #expect(abs(report.pairs[0].apca - 63.056469930209424) < 1e-9)
        #expect(report.pairs[0].required == 4.5 && !report.pairs[0].passes)
        #expect(report.pairs[0].location == SourceLocation(file: "page.html", line: 1, column: 44))
    }

    @Test func garbageInStyleAttributesNeverCrashes() {
        var generator = SplitMix64(seed: 99)
        let pieces = ["color", ":", ";", "var(--a", ")", "#fff", "rgb(", "background", "url(", "!important", "{", "}", "inherit", " ", "--a", "calc(1px +"]
        for _ in 0..<100 {
            let style = (0..<Int(generator.next() % 30)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let page = HTMLElement(tag: "html", children: [.element(HTMLElement(tag: "body", children: [
                .element(HTMLElement(tag: "p", attributes: [HTMLAttribute(name: "style", value: style)], children: [.text("x", line: 1, column: 1)])),
            ]))])
            _ = ContrastChecker(stylesheets: [Stylesheet]()).check(page: page, file: "g.html")
        }
    }
}
