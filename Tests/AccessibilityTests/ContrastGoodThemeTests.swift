import Testing
@testable import Accessibility

/// A well-made theme must pass cleanly: every false alarm here would be one on the real site.
@Suite struct ContrastGoodThemeTests {
    static let theme = """
    :root { --text: #0b0c0c; --muted: #505a5f; --link: #1d70b8; --link-hover: #003078; --visited: #4c2c92; --focus: #ffdd00;
            --bg: #fff; --panel: #f3f2f1; color-scheme: light dark }
    @media (prefers-color-scheme: dark) {
      :root { --text: #f3f2f1; --muted: #b1b4b6; --link: #85b4e6; --link-hover: #c2dcf5; --visited: #c7b6e6; --bg: #0b0c0c; --panel: #1d1f20 }
    }
    html { background: var(--bg) }
    body { margin: 0; color: var(--text); font: 400 1.1875rem/1.5 system-ui, sans-serif }
    h1 { font-size: 2.5rem } h2 { font-size: 1.75rem }
    a { color: var(--link); text-decoration: underline }
    a:visited { color: var(--visited) }
    a:hover { color: var(--link-hover); text-decoration-thickness: 3px }
    a:focus-visible { outline: 3px solid transparent; color: #0b0c0c; background: var(--focus); box-shadow: 0 -2px var(--focus), 0 4px #0b0c0c; text-decoration: none }
    .skip-link { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%) }
    .skip-link:focus { position: static; width: auto; height: auto; clip: auto; clip-path: none }
    .header { background: #0b0c0c; color: #fff; border-bottom: 10px solid #1d70b8 }
    .header a, .header a:visited { color: #fff }
    .header a:focus-visible { color: #0b0c0c }
    .nav a { font-weight: 700; text-decoration: none }
    .lead { font-size: 1.5rem; color: var(--muted) }
    .panel { background: var(--panel); padding: 1rem }
    .button, .button:link, .button:visited { background: #00703c; color: #fff; border: 2px solid transparent; box-shadow: 0 2px 0 #002d18; text-decoration: none }
    .button:hover { background: #005a30; color: #fff }
    .button:focus-visible { background: var(--focus); color: #0b0c0c; box-shadow: 0 2px 0 #0b0c0c }
    .input { border: 2px solid currentColor; background: var(--bg); color: var(--text) }
    .input:focus { outline: 3px solid var(--focus); outline-offset: 0; box-shadow: inset 0 0 0 2px }
    .table td, .table th { border-bottom: 1px solid #b1b4b6 }
    .footer { background: var(--panel); font-size: 1rem }
    .footer a { color: var(--text) }
    .footer a:focus-visible { color: #0b0c0c }
    .visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; overflow: hidden !important;
                       clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important; white-space: nowrap !important }
    @media (min-width: 40.0625em) { .lead { font-size: 1.75rem } .nav ul { display: flex } }
    @media print { body { color: #000 } a::after { content: " (" attr(href) ")" } }
    """

    static let page = """
    <!DOCTYPE html>
    <html lang="en-GB">
    <head><title>Report a crime</title><meta name="viewport" content="width=device-width"></head>
    <body>
    <a class="skip-link" href="#main">Skip to main content</a>
    <header class="header"><a href="/">Police and Crime Commissioner</a>
      <nav class="nav" aria-label="Menu"><ul><li><a href="/about/">About</a></li><li><a href="/news/">News</a></li></ul></nav>
    </header>
    <main id="main" tabindex="-1">
      <h1>Report a crime</h1>
      <p class="lead">How to tell the police what happened.</p>
      <p>Call <strong>999</strong> in an emergency. Otherwise call <a href="tel:101">101</a> or
         <a href="https://www.cambs.police.uk/">report it online</a><span class="visually-hidden"> (opens in new tab)</span>.</p>
      <div class="panel"><p>If you cannot speak, press 55 when prompted. <a href="/silent/">How silent calls work</a></p></div>
      <table class="table"><caption>Contact numbers</caption><tr><th>Service</th><th>Number</th></tr><tr><td>Textphone</td><td>18000</td></tr></table>
      <form action="/feedback"><label for="name">Your name</label><input class="input" id="name" name="name">
        <button class="button">Send feedback</button></form>
      <p><a class="button" href="/start/">Start now</a></p>
      <details><summary>More help</summary><p>Hidden until opened.</p></details>
    </main>
    <footer class="footer"><ul><li><a href="/accessibility/">Accessibility statement</a></li></ul><p>© Office of the Police and Crime Commissioner</p></footer>
    </body>
    </html>
    """

    @Test func aWellMadeThemeHasNoFindings() {
        let checker = ContrastChecker(stylesheets: [(path: "site.css", text: Self.theme)])
        let report = checker.report(page: HTMLParser.parse(Self.page).root, file: "report-a-crime.html")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(report.textElementsChecked >= 20)
        // Light and dark, and the links' states, were all looked at.
        #expect(report.pairs.contains { $0.scheme == .dark })
        #expect(Set(report.pairs.map(\.state)).isSuperset(of: [.normal, .visited, .hover, .focus]))
        #expect((report.worstRatio ?? 0) >= 4.5)
    }

    @Test func breakingOneColourIsCaughtWithItsPlace() {
        // The lead paragraph is 24px, large text: 3.17:1 would pass, 2.52:1 does not.
        for (muted, findings) in [("#8a9499", 0), ("#a3a3a3", 1)] {
            let broken = Self.theme.replacingOccurrences(of: "--muted: #505a5f", with: "--muted: \(muted)")
            let checker = ContrastChecker(stylesheets: [(path: "site.css", text: broken)])
            let diagnostics = checker.check(page: HTMLParser.parse(Self.page).root, file: "report-a-crime.html")
            #expect(diagnostics.count == findings, "\(diagnostics)")
            guard findings == 1 else { continue }
            #expect(diagnostics.first?.message.hasPrefix(
                "Text 'How to tell the police what happened.' is #a3a3a3 on #ffffff: contrast 2.52:1, needs 3:1 for large text (APCA Lc") == true)
            #expect(diagnostics.first?.location?.line == 11)
            #expect(diagnostics.first?.hint?.contains("`.lead` (site.css:19) via var(--muted)") == true, "\(diagnostics)")
        }
    }
}
