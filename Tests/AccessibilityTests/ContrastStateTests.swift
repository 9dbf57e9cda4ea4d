import Testing
@testable import Accessibility
import Core

@Suite struct ContrastStateTests {
    private let base = "body { color: #0b0c0c; background: #fff } "

    @Test func linksAreCheckedInEachState() {
        let css = base + "a { color: #1d70b8 } a:visited { color: #aaa } a:hover { color: #bbb } a:focus { color: #0b0c0c; background: #fd0 } a:active { color: #ccc }"
        let body = "<a href='/report'>Report a crime</a>"
        #expect(ContrastFixture.colours(css: css, body: body, text: "Report a crime") == "#1d70b8 on #ffffff")
        #expect(ContrastFixture.colours(css: css, body: body, text: "Report a crime", state: .visited) == "#aaaaaa on #ffffff")
        #expect(ContrastFixture.colours(css: css, body: body, text: "Report a crime", state: .hover) == "#bbbbbb on #ffffff")
        #expect(ContrastFixture.colours(css: css, body: body, text: "Report a crime", state: .focus) == "#0b0c0c on #ffdd00")
        let diagnostics = ContrastFixture.diagnostics(css: css, body: body).filter { $0.rule?.id == "colour-contrast" }
        #expect(diagnostics.count == 3)
        #expect(diagnostics.map(\.message).contains { $0.hasPrefix("Link text 'Report a crime' is #aaaaaa on #ffffff when visited:") })
        #expect(diagnostics.map(\.message).contains { $0.hasPrefix("Link text 'Report a crime' is #bbbbbb on #ffffff on hover:") })
        // Pressing a link also focuses it (not focus-visible): `a:focus` gives the background.
        #expect(diagnostics.map(\.message).contains { $0.hasPrefix("Link text 'Report a crime' is #cccccc on #ffdd00 while pressed:") })
    }

    @Test func browserDefaultLinkColoursPass() {
        let body = "<p>See <a href='/x'>the plan</a>.</p>"
        #expect(ContrastFixture.colours(css: "", body: body, text: "the plan") == "#0000ee on #ffffff")
        #expect(ContrastFixture.colours(css: "", body: body, text: "the plan", state: .visited) == "#551a8b on #ffffff")
        #expect(ContrastFixture.diagnostics(css: "", body: body).isEmpty)
    }

    @Test func statesReachDescendantsAndAncestors() {
        let css = base + ".card:hover .title { color: #ccc } li:focus-within { background: #0b0c0c } li:focus-within a { color: #fff }"
        let card = "<a class=card href='/x'><span class=title>Card title</span></a>"
        #expect(ContrastFixture.colours(css: css, body: card, text: "Card title", state: .hover) == "#cccccc on #ffffff")
        let list = "<ul><li><a href='/y'>Item</a></li></ul>"
        #expect(ContrastFixture.colours(css: css, body: list, text: "Item", state: .focus) == "#ffffff on #0b0c0c")
        #expect(ContrastFixture.colours(css: css, body: list, text: "Item") == "#0000ee on #ffffff")
    }

    @Test func unusedStatesAreNotRepeated() {
        let report = ContrastFixture.report(css: base + "a { color: #1d70b8 }", body: "<a href='/x'>Home</a>")
        #expect(Set(report.trace?.map(\.state) ?? []) == [.normal, .visited])
    }

    @Test func focusIndicators() {
        let body = "<a href='/x'>Home</a>"
        func nonText(_ css: String) -> [Diagnostic] {
            ContrastFixture.diagnostics(css: base + css, body: body).filter { $0.rule?.id != "colour-contrast" }
        }
        // The browser's own ring is fine.
        #expect(nonText("").isEmpty)
        #expect(nonText("a:focus-visible { outline: 3px solid #0b0c0c; outline-offset: 2px }").isEmpty)
        let yellow = nonText("a:focus { outline: 3px solid #ffdd00 }")
        #expect(yellow.count == 1)
        #expect(yellow.first?.severity == .error && yellow.first?.rule?.id == "colour-contrast-non-text")
        #expect(yellow.first?.message == "The focus outline of link 'Home' is #ffdd00 against #ffffff: contrast 1.34:1, needs 3:1")
        #expect(yellow.first?.hint?.contains("`a:focus` (site.css:1)") == true)
        // GOV.UK's pattern: yellow background with a black bar beneath.
        #expect(nonText("a:focus { outline: 3px solid transparent; color: #0b0c0c; background-color: #fd0; box-shadow: 0 -2px #fd0, 0 4px #0b0c0c; text-decoration: none }").isEmpty)
        let removed = nonText("a:focus { outline: none }")
        #expect(removed.count == 1)
        #expect(removed.first?.severity == .warning && removed.first?.rule?.id == "contrast-needs-review")
        #expect(removed.first?.message.contains("nothing visible changes") == true)
        // A box-shadow ring replaces the outline.
        #expect(nonText("a:focus { outline: none; box-shadow: 0 0 0 3px #1d70b8 }").isEmpty)
    }

    /// What passed on one page is not checked again on the next; what failed is reported on
    /// every page, with that page's link text, and a passing link beside it stays quiet.
    @Test func nonTextFindingsAreRepeatedOnEveryPageAndPassesAreRemembered() {
        let css = base + "a:focus { outline: 3px solid #ffdd00 } .main a:focus { outline: 3px solid #0b0c0c }"
        let checker = ContrastChecker(stylesheets: [(path: "site.css", text: css)])
        for (index, text) in ["Home", "Contact", "Home"].enumerated() {
            let page = ContrastFixture.page("<p class='main'><a href='/ok'>Fine</a></p><p><a href='/x'>\(text)</a></p>")
            let found = checker.check(page: page, file: "page-\(index).html").filter { $0.rule?.id == "colour-contrast-non-text" }
            #expect(found.map(\.message) == ["The focus outline of link '\(text)' is #ffdd00 against #ffffff: contrast 1.34:1, needs 3:1"],
                    "page \(index)")
            #expect(found.first?.location?.file == "page-\(index).html")
        }
    }

    @Test func controlBoundaries() {
        func nonText(_ css: String, _ body: String = "<label>Name <input name=name></label>") -> [Diagnostic] {
            ContrastFixture.diagnostics(css: base + css, body: body).filter { $0.rule?.id != "colour-contrast" }
        }
        #expect(nonText("").isEmpty)
        let pale = nonText("input { border: 1px solid #ddd }")
        #expect(pale.count == 1)
        #expect(pale.first?.severity == .error && pale.first?.rule?.id == "colour-contrast-non-text")
        #expect(pale.first?.message.hasPrefix("The border of text field 'name' is #dddddd against #ffffff: contrast 1.35:1, needs 3:1") == true)
        #expect(nonText("input { border: 2px solid #767676 }").isEmpty)
        #expect(nonText("input { border: 0; border-bottom: 2px solid #0b0c0c }").isEmpty)
        #expect(nonText("input { border: 1px solid #ddd; background: #0b0c0c; color: #fff }").isEmpty)
        let borderless = nonText("input { border: none; background: #f3f2f1 }")
        #expect(borderless.count == 1 && borderless.first?.severity == .warning)
        // A button's text marks it out: a faint border is for review, not an error.
        let button = nonText("button { border: 1px solid #eee; background: #fff }", "<button>Send</button>")
        #expect(button.allSatisfy { $0.severity == .warning })
        #expect(nonText("button { border: 0; background: #00703c; color: #fff }", "<button>Send</button>").isEmpty)
        // Disabled controls are exempt.
        #expect(ContrastFixture.diagnostics(css: base + "button { color: #ccc; border: 1px solid #eee }", body: "<button disabled>Off</button>").isEmpty)
    }

    @Test func linksToldApartByColourAlone() {
        let prose = "<p>Read our <a href='/privacy'>privacy policy</a> before you write.</p>"
        func linkRule(_ css: String, _ body: String = prose) -> [Diagnostic] {
            ContrastFixture.diagnostics(css: base + css, body: body).filter { $0.rule?.id == "link-colour-only" }
        }
        let purple = linkRule("a { color: #4c2c92; text-decoration: none }")
        #expect(purple.count == 1)
        #expect(purple.first?.message == "Link 'privacy policy' is told apart from the text around it by colour alone: #4c2c92 against #0b0c0c, contrast 1.94:1 (needs 3:1, or an underline)")
        #expect(purple.first?.location == SourceLocation(file: "page.html", line: 1, column: 53))
        #expect(linkRule("a { color: #4c2c92 }").isEmpty)
        #expect(linkRule("a { color: #4c2c92; text-decoration: none; font-weight: bold }").isEmpty)
        #expect(linkRule("a { color: #4c2c92; text-decoration: none; border-bottom: 1px solid }").isEmpty)
        #expect(linkRule("a { color: #1d70b8; text-decoration: none } p { color: #000 }").isEmpty)
        // A link on its own (navigation) is not in running text.
        #expect(linkRule("a { color: #4c2c92; text-decoration: none }", "<nav><ul><li><a href='/'>Home</a></li></ul></nav>").isEmpty)
    }

    @Test func skipLinksAreCheckedWhenFocused() {
        let css = base + ".skip { position: absolute; left: -9999px } .skip:focus { left: 0; background: #fd0; color: #aaa }"
        let report = ContrastFixture.report(css: css, body: "<a class=skip href='#main'>Skip to main content</a><main id=main>Main</main>")
        #expect(ContrastFixture.colours(css: css, body: "<a class=skip href='#main'>Skip to main content</a>", text: "Skip to main content") == "hidden")
        let failures = report.diagnostics.filter { $0.rule?.id == "colour-contrast" }
        #expect(failures.count == 1)
        #expect(failures.first?.message.hasPrefix("Link text 'Skip to main content' is #aaaaaa on #ffdd00 on keyboard focus:") == true)
    }
}
