// Colour-contrast benchmark: a generated site (a realistic theme plus utility classes, template
// chrome on every page, varied content) checked page by page, as `herald build` does.
// Run: swift run -c release ContrastBench [pages]   (see README.md)
import Accessibility
import Foundation

let pageCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 2_000

func theme() -> String {
    var css = """
    :root { --text: #0b0c0c; --muted: #505a5f; --link: #1d70b8; --link-hover: #003078; --visited: #4c2c92; --focus: #ffdd00; --bg: #ffffff; --panel: #f3f2f1; color-scheme: light dark }
    @media (prefers-color-scheme: dark) { :root { --text: #f3f2f1; --muted: #b1b4b6; --link: #85b4e6; --link-hover: #c2dcf5; --visited: #c7b6e6; --bg: #0b0c0c; --panel: #1d1f20 } }
    *, *::before, *::after { box-sizing: border-box }
    html { font-size: 100%; background: var(--bg) }
    body { margin: 0; color: var(--text); font: 400 1.1875rem/1.5 system-ui, sans-serif }
    h1 { font-size: 2.5rem; font-weight: 700 } h2 { font-size: 1.75rem } h3 { font-size: 1.25rem }
    a { color: var(--link); text-decoration: underline; text-underline-offset: .15em }
    a:visited { color: var(--visited) }
    a:hover { color: var(--link-hover); text-decoration-thickness: 3px }
    a:focus-visible { outline: 3px solid transparent; color: #0b0c0c; background: var(--focus); box-shadow: 0 -2px var(--focus), 0 4px #0b0c0c; text-decoration: none }
    .skip-link { position: absolute; left: -9999px } .skip-link:focus { position: static; left: auto }
    .header { background: #0b0c0c; color: #fff } .header a { color: #fff } .header a:visited { color: #fff }
    .nav__list { list-style: none; display: flex } .nav__item > a { text-decoration: none; font-weight: 700 }
    .nav__item--current > a { border-bottom: 4px solid #1d70b8 }
    .breadcrumbs { font-size: 1rem; color: var(--muted) }
    .lead { font-size: 1.5rem; color: var(--muted) }
    .meta { color: var(--muted); font-size: .875rem }
    .panel { background: var(--panel); padding: 1rem } .panel--alert { background: #d4351c; color: #fff }
    .panel--alert a { color: #fff }
    .tag { display: inline-block; background: #1d70b8; color: #fff; font-size: .875rem; font-weight: 700 }
    .button { background: #00703c; color: #fff; border: 2px solid transparent; box-shadow: 0 2px 0 #002d18 }
    .button:hover { background: #005a30 } .button:focus { outline: 3px solid transparent; background: var(--focus); color: #0b0c0c }
    .input { border: 2px solid #0b0c0c; background: #fff; color: #0b0c0c } .input:focus { outline: 3px solid var(--focus); box-shadow: inset 0 0 0 2px }
    .label { font-weight: 700 } .hint { color: var(--muted) }
    .table th { font-weight: 700; text-align: left } .table tr:nth-child(even) { background: var(--panel) }
    .footer { background: var(--panel); color: var(--text); font-size: 1rem } .footer a { color: var(--text) }
    .header a:focus-visible, .footer a:focus-visible, .panel--alert a:focus-visible { color: #0b0c0c }
    .card { border: 1px solid #b1b4b6 } .card:hover .card__title { color: var(--link-hover) }
    .hero { background: #1d70b8 url(hero.jpg) center/cover; color: #fff }
    @media (min-width: 40.0625em) { body { font-size: 1.1875rem } .nav__list { gap: 1rem } .lead { font-size: 1.6rem } }
    @media (max-width: 40em) { .nav__item { display: block } .meta { color: var(--muted) } }
    @media print { a::after { content: " (" attr(href) ")" } body { color: #000 } }

    """
    // Utility classes, as frameworks ship them: hundreds of rules no page uses.
    let colours = ["#0b0c0c", "#505a5f", "#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#f47738", "#b1b4b6"]
    for (index, colour) in colours.enumerated() {
        for step in 0..<12 {
            css += ".u-c-\(index)-\(step) { color: \(colour) } .u-bg-\(index)-\(step) { background-color: \(colour) }\n"
            css += ".u-mt-\(index)-\(step) { margin-top: \(step * 4)px } .u-p-\(index)-\(step) { padding: \(step)px }\n"
        }
    }
    return css
}

/// CPU seconds used by this process: wall-clock time is unreliable on a shared machine.
func cpuSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func page(_ number: Int) -> String {
    let navigation = (0..<8).map { "<li class=\"nav__item\(number % 8 == $0 ? " nav__item--current" : "")\"><a href=\"/section-\($0)/\">Section \($0)</a></li>" }.joined()
    var content = "<h1>Page \(number): How to report a crime</h1><p class=\"lead\">What to do if you need the police.</p>"
    for paragraph in 0..<(20 + number % 40) {
        switch paragraph % 7 {
        case 0: content += "<h2>Part \(paragraph)</h2>"
        case 1: content += "<p>Call <strong>999</strong> in an emergency, or <a href=\"/101/\">101</a> otherwise. Read <a href=\"/p\(paragraph)/\">our guidance</a> first.</p>"
        case 2: content += "<ul><li>First point</li><li>Second <em>point</em></li><li><a href=\"/more/\(paragraph)\">A linked point</a></li></ul>"
        case 3: content += "<div class=\"panel\"><p>Something to note, with <a href=\"/n/\">a link</a>.</p></div>"
        case 4: content += "<p class=\"meta\">Published 1 April 2024 <span class=\"tag\">News</span></p>"
        case 5 where number % 10 == 0:
            content += "<form><label class=\"label\" for=\"f\(paragraph)\">Your name</label><p class=\"hint\">As on your passport</p><input class=\"input\" id=\"f\(paragraph)\"><button class=\"button\">Continue</button></form>"
        case 6 where number % 5 == 0:
            content += "<table class=\"table\"><tr><th>Year</th><th>Spend</th></tr><tr><td>2023</td><td>£1m</td></tr><tr><td>2024</td><td>£2m</td></tr></table>"
        default: content += "<p>Plain text paragraph number \(paragraph) about policing in Cambridgeshire and Peterborough.</p>"
        }
    }
    let footer = (0..<15).map { "<li><a href=\"/footer-\($0)/\">Footer link \($0)</a></li>" }.joined()
    return """
    <!DOCTYPE html><html lang="en-GB"><head><title>Page \(number)</title><link rel="stylesheet" href="/site.css"></head>
    <body><a class="skip-link" href="#main">Skip to main content</a>
    <header class="header"><a href="/" class="header__logo">Police and Crime Commissioner</a><nav><ul class="nav__list">\(navigation)</ul></nav></header>
    <div class="breadcrumbs"><a href="/">Home</a> › <a href="/section/">Section</a></div>
    <main id="main">\(content)</main>
    <footer class="footer"><ul>\(footer)</ul><p>© Office of the Police and Crime Commissioner</p></footer>
    </body></html>
    """
}

let css = theme()
print("Theme: \(css.utf8.count / 1024) KB of CSS; \(pageCount) pages")
var clock = ContinuousClock()
let indexStart = clock.now
let checker = ContrastChecker(stylesheets: [(path: "site.css", text: css)])
print("Parse and index stylesheet: \(clock.now - indexStart)")

let htmlStart = clock.now
let documents = (0..<pageCount).map { HTMLParser.parse(page($0)).root }
let parseTime = clock.now - htmlStart
print("Parse HTML (for scale, not part of the check): \(parseTime)")

var site = ContrastReport()
let firstStart = clock.now
site.merge(checker.report(page: documents[0], file: "page-0.html"))
let firstTime = clock.now - firstStart
let restStart = clock.now
let restCPU = cpuSeconds()
for (number, document) in documents.enumerated().dropFirst() {
    site.merge(checker.report(page: document, file: "page-\(number).html"))
}
let restTime = clock.now - restStart
let restCPUTime = cpuSeconds() - restCPU
let stats = checker.memoStatistics
print("First page (cold caches): \(firstTime)")
print("Other \(pageCount - 1) pages: \(restTime) wall, \(String(format: "%.3f", restCPUTime)) s CPU (\(String(format: "%.3f", restCPUTime * 1000 / Double(max(1, pageCount - 1)))) ms CPU a page)")
print("Text elements: \(site.textElementsChecked); pairs checked: \(site.pairsChecked); distinct pairs: \(site.pairs.count)")
print("Text verdicts computed: \(stats.computed); served from memory: \(stats.reused)")
print("Diagnostics: \(site.failures) errors, \(site.needsReview) warnings; worst ratio \(site.worstRatio.map { String(format: "%.2f", $0) } ?? "-")")
// The distinct findings, with the quoted text left out, most frequent first.
var patterns: [String: (count: Int, example: String)] = [:]
for diagnostic in site.diagnostics {
    let pattern = diagnostic.message.replacingOccurrences(of: #"'[^']*'"#, with: "'…'", options: .regularExpression)
    patterns[pattern, default: (0, diagnostic.description)].count += 1
}
for (pattern, entry) in patterns.sorted(by: { $0.value.count > $1.value.count }).prefix(12) {
    print("  \(entry.count)× \(pattern)")
}
