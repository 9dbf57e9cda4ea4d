import Core
import Foundation
@testable import Accessibility

/// The CSS colour resolver: a stylesheet (the input, or its part before a NUL byte) is parsed,
/// cascaded and resolved against a small page (built in, or the part after the NUL), in light
/// and dark schemes and every link and button state. Invariants: no crash, and every finding
/// points at the page or the stylesheet.
let contrastPage = """
<!DOCTYPE html><html lang="en-GB"><head><title>Fuzz</title><style>.inline { color: #767676 }</style></head>
<body class="page"><a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header"><a href="/" class="site-header__name">Office</a>
<nav class="main-nav"><ul><li class="main-nav__item main-nav__item--current"><a class="main-nav__link" aria-current="page" href="/a/">A</a></li></ul></nav></header>
<main id="main" class="main"><h1 class="heading-xl">Title</h1><p class="lead">Lead <a href="/b/">link</a> text.</p>
<div class="warning-text"><strong>Call 999</strong></div><p class="inline">Grey text</p>
<button class="button" type="button">Go</button><input class="input" type="search" aria-label="Search">
<table><caption>Figures</caption><tr><th scope="col">A</th></tr><tr><td>1</td></tr></table>
<details><summary>More</summary><p>Hidden</p></details></main>
<footer class="site-footer"><p>© Office</p></footer></body></html>
"""

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContrast(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = FuzzInput(data, count).text
    let parts = text.split(separator: "\0", maxSplits: 1, omittingEmptySubsequences: false)
    let css = String(parts[0])
    let html = parts.count > 1 ? String(parts[1]) : contrastPage
    let stylesheet = Stylesheet(path: "site.css", text: css)
    let checker = ContrastChecker(stylesheets: [stylesheet])
    let document = HTMLParser.parse(html)
    for diagnostic in checker.check(page: document.root, file: "page.html") {
        guard let location = diagnostic.location else { continue }
        if !["page.html", "site.css"].contains(location.file) || location.line < 1 { fuzzFailure("finding at \(location)") }
    }
    return 0
}
