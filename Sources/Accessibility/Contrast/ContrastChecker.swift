import Core
import Synchronization

/// Checks the colour contrast of rendered pages against the site's real CSS (WCAG 2.2 1.4.3,
/// 1.4.11 and 1.4.1), in light and, when the CSS has one, dark colour scheme, and for links
/// and buttons also when visited, hovered, focused and pressed.
///
/// Build one checker per site and call `check` for every page: stylesheets are indexed once,
/// and styles and verdicts are memoised by element path, so the chrome repeated on every page
/// and the paragraphs repeated within pages are worked out once. Safe to share between tasks:
/// each check borrows an engine (its memo is not thread-safe) and gives it back, so tasks on
/// different cores check pages at the same time, each with its own engine.
public final class ContrastChecker: Sendable {
    private let engines: Mutex<EngineCache>
    private let stylesheets: [Stylesheet]

    private struct EngineCache {
        /// Idle engines, keyed by the text of the page's own `<style>` elements ("" for none).
        var idle: [String: [ContrastEngine]] = [:]
        /// Every engine kept, for the statistics, and the counts of those let go.
        var all: [ContrastEngine] = []
        var retired: (computed: Int, reused: Int) = (0, 0)
        /// Keys of page styles, oldest first, to bound how many are kept.
        var order: [String] = []
    }

    /// Pages with their own `<style>` blocks each get an engine; this many are kept.
    private static let pageStyleEngines = 32

    public init(stylesheets: [Stylesheet]) {
        self.stylesheets = stylesheets
        let first = ContrastEngine(index: RuleIndex(userAgent: UserAgentStylesheet.sheet, author: stylesheets))
        engines = Mutex(EngineCache(idle: ["": [first]], all: [first], order: [""]))
    }

    /// Parses each stylesheet; `path` is used to point at the rule that set a colour.
    public convenience init(stylesheets: [(path: String, text: String)]) {
        self.init(stylesheets: stylesheets.map { Stylesheet(path: $0.path, text: $0.text) })
    }

    /// Every contrast finding on the page, each pointing at `file` and the line of the text.
    public func check(page: HTMLElement, file: String) -> [Diagnostic] {
        report(page: page, file: file, detail: .findings).diagnostics
    }

    /// The findings and the numbers behind them (pairs checked, the worst ratio…).
    public func report(page: HTMLElement, file: String) -> ContrastReport {
        report(page: page, file: file, detail: .pairs)
    }

    func report(page: HTMLElement, file: String, detail: ContrastReport.Detail) -> ContrastReport {
        let pageCSS = Self.pageStyles(page)
        let borrowed = engines.withLock { $0.idle[pageCSS.key]?.popLast() }
        let engine = borrowed ?? ContrastEngine(index: RuleIndex(
            userAgent: UserAgentStylesheet.sheet,
            author: stylesheets + pageCSS.sheets.map { Stylesheet(path: file, text: $0) }))
        let report = engine.report(page: page, file: file, detail: detail)
        engines.withLock { cache in
            if borrowed == nil {
                cache.all.append(engine)
                if !cache.order.contains(pageCSS.key) { cache.order.append(pageCSS.key) }
                if cache.order.count > Self.pageStyleEngines + 1, let evicted = cache.order.dropFirst().first {
                    // Let go the idle engines for the oldest page styles (never the site's own, first).
                    for old in cache.idle.removeValue(forKey: evicted) ?? [] {
                        cache.retired = (cache.retired.computed + old.textComputed, cache.retired.reused + old.textReused)
                        cache.all.removeAll { $0 === old }
                    }
                    cache.order.removeAll { $0 == evicted }
                }
            }
            cache.idle[pageCSS.key, default: []].append(engine)
        }
        return report
    }

    /// How much of the work was served from memory: (computed, reused) text verdicts.
    public var memoStatistics: (computed: Int, reused: Int) {
        engines.withLock { cache in
            cache.all.reduce(cache.retired) { ($0.0 + $1.textComputed, $0.1 + $1.textReused) }
        }
    }

    /// The text of the page's `<style>` elements that apply to screens, in document order.
    private static func pageStyles(_ page: HTMLElement) -> (key: String, sheets: [String]) {
        var sheets: [String] = []
        var stack: [HTMLElement] = [page]
        var visited = 0
        while let element = stack.popLast(), visited < 100_000 {
            visited += 1
            if element.tag == "style" {
                let media = element.attribute("media")?.cssTrimmed ?? ""
                let css = element.textContent
                sheets.append(media.isEmpty ? css : "@media \(media) {\n\(css)\n}")
                continue
            }
            if ["svg", "template", "script"].contains(element.tag) { continue }
            stack += element.childElements.reversed()
        }
        return (sheets.joined(separator: "\n/* next style element */\n"), sheets)
    }
}

// An engine's memo is not thread-safe, but it is only ever used by one task at a time: the
// checker lends it out under its lock and takes it back when the page is done.
extension ContrastEngine: @unchecked Sendable {}
