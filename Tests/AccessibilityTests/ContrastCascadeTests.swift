import Testing
@testable import Accessibility

@Suite struct ContrastCascadeTests {
    private func colours(_ css: String, _ body: String, _ text: String, scheme: ColourScheme = .light) -> String {
        ContrastFixture.colours(css: css, body: body, text: text, scheme: scheme)
    }

    @Test func colourInheritsAndBackgroundsShowThrough() {
        let css = "body { color: #333; background: #eee } .box { background: #036 ; color: #fff }"
        #expect(colours(css, "<div><p>Hello <span><em>deep</em></span></p></div>", "deep") == "#333333 on #eeeeee")
        #expect(colours(css, "<div class=box><p><span>inside</span></p></div>", "inside") == "#ffffff on #003366")
        #expect(colours("", "<p>defaults</p>", "defaults") == "#000000 on #ffffff")
        #expect(colours("p { color: red; color: inherit } body { color: #444 }", "<p>inherit</p>", "inherit") == "#444444 on #ffffff")
        #expect(colours("body { color: #444 } p { color: initial }", "<p>initial</p>", "initial") == "#000000 on #ffffff")
        #expect(colours("body { background: #444 } p { background: inherit; color: #fff }", "<p>bg</p>", "bg") == "#ffffff on #444444")
    }

    @Test func customPropertiesAndFallbacks() {
        let root = ":root { --fg: #333; --bg: #fafafa } "
        #expect(colours(root + "p { color: var(--fg); background: var(--bg) }", "<p>vars</p>", "vars") == "#333333 on #fafafa")
        #expect(colours(root + "p { color: var(--nope, #444) }", "<p>fallback</p>", "fallback") == "#444444 on #ffffff")
        #expect(colours(root + "p { color: var(--a, var(--b, #555)) }", "<p>nested</p>", "nested") == "#555555 on #ffffff")
        #expect(colours(root + ".dark { --fg: #fff; --bg: #111 } p { color: var(--fg); background: var(--bg) }",
                        "<div class=dark><p>scoped</p></div>", "scoped") == "#ffffff on #111111")
        #expect(colours(root + "p { --ink: var(--fg); color: var(--ink) }", "<p>chained</p>", "chained") == "#333333 on #ffffff")
        #expect(colours(root + "p { background: var(--bg) linear-gradient(red, red) }", "<p>shorthand</p>", "shorthand")
            .hasPrefix("review: it sits on a gradient"))
        #expect(colours(root + "div { border: 1px solid var(--fg); background: var(--fg); color: #fff }", "<div>short</div>", "short")
            == "#ffffff on #333333")
    }

    @Test func unresolvedVariablesNeedReview() {
        let undefined = colours("p { color: var(--missing) }", "<p>missing</p>", "missing")
        #expect(undefined == "review: var(--missing) is not defined")
        let cycle = colours(":root { --a: var(--b); --b: var(--a) } p { color: var(--a) }", "<p>cycle</p>", "cycle")
        #expect(cycle.hasPrefix("review:") && cycle.contains("cycle"))
        let selfReference = colours(":root { --a: var(--a, red) } p { color: var(--a) }", "<p>self</p>", "self")
        #expect(selfReference.hasPrefix("review:") && selfReference.contains("cycle"))
        // A fallback rescues a reference to a cycle, as in browsers.
        #expect(colours(":root { --a: var(--b); --b: var(--a) } p { color: var(--a, #222) }", "<p>rescued</p>", "rescued") == "#222222 on #ffffff")
        let diagnostics = ContrastFixture.diagnostics(css: "p { color: var(--missing) }", body: "<p>missing</p>")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].severity == .warning && diagnostics[0].rule?.id == "contrast-needs-review")
        #expect(diagnostics[0].message == "Contrast of text 'missing' cannot be checked: var(--missing) is not defined")
    }

    @Test func registeredPropertiesNeedNotInherit() {
        let css = "@property --ink { syntax: '<color>'; inherits: false; initial-value: #123456 } div { --ink: #fff } p { color: var(--ink) }"
        #expect(colours(css, "<div><p>registered</p></div>", "registered") == "#123456 on #ffffff")
    }

    @Test func alphaBlendsOntoWhatIsBehind() {
        #expect(colours("p { color: rgba(0,0,0,.5) }", "<p>half</p>", "half") == "#808080 on #ffffff")
        #expect(colours("div { background: rgb(0 0 0 / 50%) } p { color: #fff }", "<div><p>veil</p></div>", "veil") == "#ffffff on #808080")
        #expect(colours("body { background: #000 } div { background: rgba(255,255,255,.5) } p { color: #000 }",
                        "<div><p>layers</p></div>", "layers") == "#000000 on #808080")
        #expect(colours("html { background: #000 } body { background: rgba(255,0,0,.5) } p { color: #fff }", "<p>html</p>", "html")
            == "#ffffff on #800000")
        #expect(colours("body { background: rgba(0,0,0,.5) } p { color: #fff }", "<p>canvas</p>", "canvas") == "#ffffff on #808080")
        #expect(colours("p { color: #123456; background: currentColor }", "<p>current</p>", "current") == "#123456 on #123456")
    }

    @Test func opacityFadesTheWholeSubtree() {
        #expect(colours("p { opacity: .5; color: #000 }", "<p>faded</p>", "faded") == "#808080 on #ffffff")
        #expect(colours("div { opacity: 50%; background: #000; color: #fff }", "<div><p>group</p></div>", "group") == "#ffffff on #808080")
        #expect(colours("div { opacity: 0 }", "<div><p>gone</p></div>", "gone") == "hidden")
    }

    @Test func fontSizesDecideLargeText() {
        // #888 on white is 3.54:1: enough for large text only.
        func verdict(_ css: String, _ body: String = "<p>sized</p>", _ text: String = "sized") -> TextVerdict.Kind? {
            ContrastFixture.verdict(css: "p, h1 { color: #888 } " + css, body: body, text: text)?.kind
        }
        #expect(verdict("") == .fail)
        #expect(verdict("", "<h1>big</h1>", "big") == .pass)
        #expect(verdict("p { font-size: 24px }") == .pass)
        #expect(verdict("p { font-size: 23px }") == .fail)
        #expect(verdict("p { font-size: 19px; font-weight: bold }") == .pass)
        #expect(verdict("p { font-size: 19px; font-weight: 600 }") == .fail)
        #expect(verdict("p { font-size: 18px; font-weight: 700 }") == .fail)
        #expect(verdict("p { font: bold 1.2rem/1.5 Georgia, serif }") == .pass)
        #expect(verdict("html { font-size: 62.5% } p { font-size: 2.4rem }") == .pass)
        #expect(verdict("html { font-size: 62.5% } p { font-size: 2.3rem }") == .fail)
        #expect(verdict("p { font-size: x-large }") == .pass)
        #expect(verdict("div { font-size: 20px } p { font-size: 1.2em }", "<div><p>sized</p></div>") == .pass)
        #expect(verdict("div { font-size: 20px } p { font-size: 110% }", "<div><p>sized</p></div>") == .fail)
        #expect(verdict("p { font-size: calc(1rem + 8px) }") == .pass)
        #expect(verdict("p { font-size: 19px; font-weight: bolder }") == .pass)
        #expect(verdict("p { font-size: 14pt; font-weight: 700 }") == .pass)
        // A fluid size that may or may not be large: neither pass nor error.
        #expect(verdict("p { font-size: clamp(1rem, 3vw, 2rem) }") == .review)
        #expect(verdict("p { font-size: clamp(1.5rem, 3vw, 2rem) }") == .pass)
        #expect(verdict("p { font-size: clamp(1rem, 3vw, 1.1rem) }") == .fail)
    }

    @Test func darkSchemeFromMediaQueries() {
        let css = "body { color: #222; background: #fff } @media (prefers-color-scheme: dark) { body { color: #444; background: #000 } }"
        #expect(colours(css, "<p>scheme</p>", "scheme") == "#222222 on #ffffff")
        #expect(colours(css, "<p>scheme</p>", "scheme", scheme: .dark) == "#444444 on #000000")
        let diagnostics = ContrastFixture.diagnostics(css: css, body: "<p>scheme</p>")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("Text 'scheme' is #444444 on #000000 in dark mode: contrast 2.15:1") == true, "\(diagnostics)")
    }

    @Test func noDarkCheckWithoutADarkScheme() {
        let report = ContrastFixture.report(css: "body { color: #222 }", body: "<p>light only</p>")
        #expect(report.trace?.allSatisfy { $0.scheme == .light } == true)
    }

    @Test func theCanvasInDarkMode() {
        // Without `color-scheme`, browsers keep a white canvas even in dark mode.
        let css = "@media (prefers-color-scheme: dark) { body { color: #eee } }"
        #expect(colours(css, "<p>canvas</p>", "canvas", scheme: .dark) == "#eeeeee on #ffffff")
        // With it, the canvas and default text turn dark.
        let scheme = ":root { color-scheme: light dark } @media (prefers-color-scheme: dark) { p { font-weight: bold } }"
        #expect(colours(scheme, "<p>dark canvas</p>", "dark canvas", scheme: .dark) == "#ffffff on #121212")
        #expect(colours(scheme, "<p>dark canvas</p>", "dark canvas", scheme: .light) == "#000000 on #ffffff")
        // The page's own root background wins over both.
        let own = "@media (prefers-color-scheme: dark) { html { background: #202020 } body { color: #ddd } }"
        #expect(colours(own, "<p>own</p>", "own", scheme: .dark) == "#dddddd on #202020")
    }

    @Test func lightDarkFollowsTheUsedScheme() {
        let css = ":root { color-scheme: light dark } body { color: light-dark(#333, #ddd); background: light-dark(#fff, #111) }"
        #expect(colours(css, "<p>ld</p>", "ld", scheme: .light) == "#333333 on #ffffff")
        #expect(colours(css, "<p>ld</p>", "ld", scheme: .dark) == "#dddddd on #111111")
    }

    @Test func hiddenContentIsNotChecked() {
        let css = "p { color: #eee } .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0) }"
        let body = "<p hidden>attr</p><div style='display:none'><p>none</p></div><p style='visibility:hidden'>invisible</p>"
            + "<span class=sr-only>screen reader</span><details><summary>Open</summary><p>closed</p></details><script>var x</script>"
        let report = ContrastFixture.report(css: css, body: body)
        #expect(report.diagnostics.map(\.message).filter { $0.contains("'") }.allSatisfy { !$0.contains("attr") && !$0.contains("none")
            && !$0.contains("invisible") && !$0.contains("screen reader") && !$0.contains("closed") })
        #expect(report.pairsChecked == 1)
    }
}
