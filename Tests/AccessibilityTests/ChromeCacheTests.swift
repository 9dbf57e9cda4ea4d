import Core
import Testing
@testable import Accessibility

/// Template chrome that repeats byte for byte is checked once and its findings replayed, with the
/// same result as checking every page in full.
@Suite struct ChromeCacheTests {
    static let footer = """
        <footer class="footer">
          <h4 class="footer__heading">Support links</h4>
          <ul class="footer__list">
            <li><a href="/accessibility/">Accessibility statement</a></li>
            <li><a href="/privacy/">Privacy notice</a></li>
            <li><a href="/cookies/">Cookies</a></li>
            <li><a href="/contact/">Contact the office</a></li>
          </ul>
          <img class="footer__logo" src="/assets/logo.png">
          <p id="footer-note">Content is available under the Open Government Licence v3.0.</p>
        </footer>
        """

    static func page(title: String, paragraphs: Int) -> String {
        let content = (0..<paragraphs).map { "<p data-sourcepos=\"\($0 + 3):1-\($0 + 3):9\">Line \($0).</p>" }
            .joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><title>\(title)</title></head>
            <body>
            <a href="#main-content">Skip to main content</a>
            <main id="main-content">
            <h1>\(title)</h1>
            \(content)
            <p id="footer-note">A clash with the footer's id.</p>
            </main>
            \(footer)
            </body>
            </html>
            """
    }

    @Test func replayedChromeGivesTheSameFindingsAtTheRightLines() {
        let cache = ChromeCache()
        let linter = Linter()
        let pages = [Self.page(title: "One", paragraphs: 1), Self.page(title: "Two", paragraphs: 7), Self.page(title: "Three", paragraphs: 3)]
        for (index, html) in pages.enumerated() {
            let cached = linter.lintPage(html: html, file: "p\(index).html", cache: cache).findings
            let fresh = linter.lintPage(html: html, file: "p\(index).html").findings
            #expect(cached == fresh)
            #expect(cached.map(\.ruleID).sorted() == ["heading-order", "id-unique", "img-alt-missing"])
        }
        let statistics = cache.statistics
        #expect(statistics.hits == 2)
        #expect(statistics.misses >= 1)
    }

    @Test func chromeWithMarkdownInsideIsNeverCached() {
        let cache = ChromeCache()
        let html = Self.page(title: "One", paragraphs: 2).replacingAll("<footer class=\"footer\">", "<footer class=\"footer\" data-sourcepos=\"1:1-1:1\">")
        _ = Linter().lintPage(html: html, file: "a.html", cache: cache)
        _ = Linter().lintPage(html: html, file: "b.html", cache: cache)
        #expect(cache.statistics.hits == 0)
    }

    @Test func theSameBytesInADifferentPlaceAreADifferentBlock() {
        // A list item's parent matters to list-item-parent, so it is part of the key.
        let items = String(repeating: "<li><a href=\"/a/\">A link with enough text to make the block large</a></li>\n", count: 4)
        let inList = "<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head><body><a href=\"#m\">Skip</a><main id=\"m\"><h1>T</h1><ul>\(items)</ul></main></body></html>"
        let inDiv = inList.replacingAll("<ul>", "<div>").replacingAll("</ul>", "</div>")
        let cache = ChromeCache()
        let first = Linter().lintPage(html: inList, file: "a.html", cache: cache).findings
        let second = Linter().lintPage(html: inDiv, file: "b.html", cache: cache).findings
        #expect(first.map(\.ruleID) == [])
        #expect(second.map(\.ruleID) == Array(repeating: "list-item-parent", count: 4))
    }

    /// Blocks are found by a digest of their bytes, and then the bytes are compared: a block
    /// whose digest matches another's but whose bytes differ is a miss, never the other's findings.
    @Test func aDigestAloneNeverMatchesABlock() {
        let cache = ChromeCache()
        let stored = Array(repeating: UInt8(ascii: "a"), count: 300)[...]
        let other = Array(repeating: UInt8(ascii: "b"), count: 300)[...]
        let key = ChromeCache.Key(context: "body|html|-", bytes: stored)
        cache.store(ChromeCache.Entry(record: PageRecord(), start: (1, 1)), for: key, bytes: stored)
        #expect(cache.lookup(key, bytes: stored) != nil)
        #expect(cache.lookup(key, bytes: other) == nil, "same key, other bytes")
        #expect(cache.lookup(ChromeCache.Key(context: "main|body|-", bytes: stored), bytes: stored) == nil, "other place")
        #expect(cache.statistics.hits == 1 && cache.statistics.misses == 2)
    }
}
