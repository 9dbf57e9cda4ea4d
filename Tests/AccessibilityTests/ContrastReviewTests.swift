import TestSupport
import Testing
@testable import Accessibility
import Core

/// Where colours cannot be decided statically the check says so: never a silent pass, never
/// a false error.
@Suite struct ContrastReviewTests {
    private let base = "body { color: #0b0c0c; background: #fff } "

    private func only(_ css: String, _ body: String) -> [Diagnostic] {
        ContrastFixture.diagnostics(css: base + css, body: body)
    }

    @Test(arguments: [
        (".hero { background: url(hero.jpg) #000; color: #fff }", "a background image"),
        (".hero { background-image: linear-gradient(#000, #333); color: #fff }", "a gradient"),
        (".hero { background: var(--missing); color: #fff }", "var(--missing) is not defined"),
        (".hero { color: color-mix(in srgb, #fff 50%, #000) }", "color-mix()"),
        (".hero { position: absolute; color: #fff }", "is positioned"),
        ("main { filter: invert(1) } .hero { color: #333 }", "a CSS filter"),
        (".hero { color: transparent; background: linear-gradient(red, blue); background-clip: text }", "background-clip: text"),
    ])
    func undecidableColoursNeedReview(css: String, reason: String) {
        let diagnostics = only(css, "<main><div class=hero><h2>Welcome</h2></div></main>")
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.rule == ContrastRules.needsReview })
        #expect(diagnostics.first?.message.contains(reason) == true, "\(diagnostics)")
        #expect(diagnostics.first?.message.hasPrefix("Contrast of text 'Welcome' cannot be checked:") == true)
    }

    @Test func aPositionedBoxWithItsOwnBackgroundIsDecided() {
        #expect(only(".menu { position: absolute; background: #0b0c0c; color: #fff }", "<div class=menu>Menu</div>").isEmpty)
        let failing = only(".menu { position: fixed; background: #0b0c0c; color: #333 }", "<div class=menu>Menu</div>")
        #expect(failing.count == 1 && failing.first?.severity == .error)
    }

    @Test func aSolidLayerAboveAnImageDecides() {
        let css = ".hero { background: url(x.jpg) } .panel { background: #fff; color: #333 }"
        #expect(only(css, "<div class=hero><div class=panel>Readable</div></div>").isEmpty)
        let translucent = ".hero { background: url(x.jpg) } .panel { background: rgba(255,255,255,.8); color: #333 }"
        #expect(only(translucent, "<div class=hero><div class=panel>Veiled</div></div>").first?.severity == .warning)
    }

    @Test func widthDependentRulesAreReviewedNotFailed() {
        let css = "@media (max-width: 40em) { p { color: #aaa } } @media print { p { color: #eee } }"
        let diagnostics = only(css, "<p>Narrow screens</p>")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .warning && diagnostics.first?.rule?.id == "contrast-needs-review")
        #expect(diagnostics.first?.message.hasPrefix("Text 'Narrow screens' may be #aaaaaa on #ffffff when @media (max-width: 40em) applies: contrast 2.32:1, needs 4.5:1") == true,
                "\(diagnostics)")
        // A responsive rule that passes says nothing.
        #expect(only("@media (min-width: 40em) { p { color: #333 } }", "<p>Wide</p>").isEmpty)
        // Content only shown at some widths is still checked, for review.
        let nav = "nav { display: none } @media (min-width: 40em) { nav { display: block; color: #bbb } }"
        #expect(only(nav, "<nav>Wide nav</nav>").first?.severity == .warning)
    }

    @Test func ambiguousLargeTextIsReviewed() {
        let diagnostics = only("h2 { color: #888; font-size: clamp(1rem, 4vw, 2rem); font-weight: 400 }", "<h2>Fluid</h2>")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.message.contains("passes as large text (3:1) but not as normal text") == true)
    }

    @Test func textShadowSoftensAFailure() {
        let diagnostics = only(".over { color: #fff; background: #ccc; text-shadow: 0 0 4px #000 }", "<p class=over>Shadowed</p>")
        #expect(diagnostics.count == 1 && diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.message.contains("text shadow") == true)
    }

    @Test func aFailureNamesTheColoursTheRuleAndAFix() {
        let diagnostics = ContrastFixture.diagnostics(
            css: "body { background: #fff }\n.footer {\n  color: #767676;\n}\n.footer small { color: #888 }",
            body: "<footer class=footer>\n<small>Report a crime</small></footer>")
        #expect(diagnostics.count == 1)
        let diagnostic = diagnostics[0]
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.rule == RuleReference(id: "colour-contrast", criteria: ["1.4.3"], axeRule: "color-contrast"))
        #expect(diagnostic.message == "Text 'Report a crime' is #888888 on #ffffff: contrast 3.54:1, needs 4.5:1 (APCA Lc 63.1)")
        #expect(diagnostic.location == SourceLocation(file: "page.html", line: 2, column: 8))
        #expect(diagnostic.hint == "Darken the text to #767676 or darker, or lighten the background. The text colour comes from `.footer small` (site.css:5); the background from `body` (site.css:1).")
    }
}

@Suite struct ContrastEngineTests {
    @Test func repeatedPathsAreComputedOnce() {
        let checker = ContrastChecker(stylesheets: [(path: "s.css", text: "p { color: #333 } .lead { font-size: 1.5rem }")])
        let paragraphs = (0..<300).map { "<p class='\($0 % 2 == 0 ? "lead" : "x\($0)")'>Paragraph \($0)</p>" }.joined()
        let page = ContrastFixture.page("<main>\(paragraphs)</main>")
        let first = checker.report(page: page, file: "a.html")
        #expect(first.textElementsChecked == 300)
        #expect(first.pairsChecked == 300)
        let (computed, reused) = checker.memoStatistics
        // Two distinct paths (with and without .lead); unreferenced classes share one.
        #expect(computed == 2)
        #expect(reused == 298)
        _ = checker.report(page: page, file: "b.html")
        #expect(checker.memoStatistics.computed == 2)
        #expect(first.pairs.count == 2)
        #expect(first.pairs.map(\.occurrences).reduce(0, +) == 300)
    }

    /// A build asks only for findings: the same findings and counts as the full report, with
    /// no colour pairs kept.
    @Test func findingsAloneAreTheFullReportsFindings() {
        let css = "p { color: #999 } h1 { color: #333 } a { color: #777 } .quiet { color: #bbb }"
        let body = "<h1>Title</h1><p>Body <a href='/x'>link</a></p><p class='quiet'>Faint</p><p>Body again</p>"
        let full = ContrastChecker(stylesheets: [(path: "s.css", text: css)]).report(page: ContrastFixture.page(body), file: "a.html")
        let checker = ContrastChecker(stylesheets: [(path: "s.css", text: css)])
        let findings = checker.report(page: ContrastFixture.page(body), file: "a.html", detail: .findings)
        #expect(!full.diagnostics.isEmpty)
        #expect(findings.diagnostics == full.diagnostics)
        #expect(checker.check(page: ContrastFixture.page(body), file: "a.html") == full.diagnostics)
        #expect(findings.failures == full.failures && findings.needsReview == full.needsReview)
        #expect(findings.textElementsChecked == full.textElementsChecked && findings.pairsChecked == full.pairsChecked)
        #expect(findings.pairs.isEmpty && full.pairs.count >= 3)
    }

    @Test func reportsMergeForTheSite() {
        let checker = ContrastChecker(stylesheets: [(path: "s.css", text: "p { color: #999 } h1 { color: #333 }")])
        var site = ContrastReport()
        for name in ["a", "b", "c"] {
            site.merge(checker.report(page: ContrastFixture.page("<h1>Title</h1><p>Body \(name)</p>"), file: "\(name).html"))
        }
        #expect(site.textElementsChecked == 6)
        #expect(site.failures == 3)
        #expect(site.pairs.count == 2)
        #expect(site.worst?.foreground == "#999999")
        #expect(site.worstRatio.map { abs($0 - 2.849) < 0.001 } == true)
        #expect(site.pairs.first { $0.foreground == "#999999" }?.occurrences == 3)
    }

    @Test func pageStyleElementsApply() {
        let checker = ContrastChecker(stylesheets: [(path: "s.css", text: "p { color: #333 }")])
        let page = ContrastFixture.page("<p>Styled</p>", head: "<style>p { color: #ccc }</style><style media=print>p { color: #000 }</style>")
        let diagnostics = checker.check(page: page, file: "local.html")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("#cccccc") == true)
        #expect(diagnostics.first?.hint?.contains("local.html") == true)
        // Other pages keep the shared engine.
        #expect(checker.check(page: ContrastFixture.page("<p>Plain</p>"), file: "plain.html").isEmpty)
    }

    @Test func deepHandBuiltTreesDoNotExhaustTheStack() {
        var element = HTMLElement(tag: "span", children: [.text("Deep", line: 1, column: 1)])
        for _ in 0..<3_000 { element = HTMLElement(tag: "div", children: [.element(element)]) }
        let root = HTMLElement(tag: "html", children: [.element(HTMLElement(tag: "body", children: [.element(element)]))])
        let checker = ContrastChecker(stylesheets: [(path: "s.css", text: "div div div span { color: #999 } div { color: #111 }")])
        let diagnostics = checker.check(page: root, file: "deep.html")
        #expect(diagnostics.count == 1)
    }

    @Test func concurrentPagesGiveTheSameAnswers() async {
        let checker = ContrastChecker(stylesheets: [(path: "s.css", text: "p { color: #999 } a:hover { color: #ccc }")])
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<16 {
                group.addTask {
                    checker.check(page: ContrastFixture.page("<p>Page \(index) <a href='/'>home</a></p>"), file: "\(index).html").count
                }
            }
            var counts: [Int] = []
            for await count in group { counts.append(count) }
            return counts
        }
        #expect(counts.count == 16)
        #expect(Set(counts).count == 1)
    }

    @Test func garbageStylesheetsNeverCrashTheChecker() {
        var generator = SplitMix64(seed: 7)
        let pieces = ["p", "a", ".x", "#y", "{", "}", ":", ";", "color", "background", "var(--a)", "--a", "rgb(", ")", "#fff",
                      "!important", "@media", "(", "min-width", "40em", " ", ",", ">", "+", "&", "inherit", "url(x)", "0", "1px", "solid",
                      "opacity", ".5", "font", "bold", "24px", "light-dark(", "calc(", "*", "/", "\"", "@layer", "@property"]
        let page = ContrastFixture.page("<div class=x id=y><p>Text <a href='/'>link</a></p><input><button>B</button></div>")
        for _ in 0..<150 {
            let css = (0..<Int(generator.next() % 80)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let checker = ContrastChecker(stylesheets: [(path: "fuzz.css", text: css)])
            let diagnostics = checker.check(page: page, file: "fuzz.html")
            for diagnostic in diagnostics { #expect(diagnostic.rule != nil) }
        }
    }

    @Test func exponentialVariablesAreCut() {
        var css = ":root { --v0: #000;"
        for level in 1...40 { css += " --v\(level): var(--v\(level - 1)) var(--v\(level - 1));" }
        css += " } p { color: var(--v40) }"
        let diagnostics = ContrastChecker(stylesheets: [(path: "s.css", text: css)]).check(page: ContrastFixture.page("<p>Boom</p>"), file: "x.html")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .warning)
    }
}
