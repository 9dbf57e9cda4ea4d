import Core
import Foundation
import Markdown

/// The accessibility linter's front door: content rules on the Markdown tree, page rules on the
/// rendered HTML, site rules across pages, and `herald check --html` on any HTML file.
///
/// Cost: the Site lints each page's Markdown with `lintContent`, then the rendered page with
/// `lintPage(…, contentLinted: true, cache:)`, sharing one `ChromeCache` (and one
/// `TemplateLocator`) across the build. The page rules then skip what the content rules already
/// judged, and template chrome that is byte-for-byte the same on many pages (header, navigation,
/// footer) is checked once and its findings replayed. See docs/accessibility-rules.md.
public struct Linter: Sendable {
    public var configuration: LintConfiguration
    public var registry: RuleRegistry
    /// Checks run on each page after Herald's own rules: the colour-contrast group.
    public var pageChecks: [any PageCheck]

    /// - Parameter stylesheets: the site's CSS, `(path, text)`, for the colour-contrast checks
    ///   (none: contrast is not checked). Build one linter per site: the CSS is indexed once.
    public init(configuration: LintConfiguration = LintConfiguration(), registry: RuleRegistry = .standard,
                stylesheets: [(path: String, text: String)] = []) {
        self.configuration = configuration
        self.registry = registry
        self.pageChecks = [ContrastSupport.makeCheck(stylesheets: stylesheets)]
    }

    public init(configuration: LintConfiguration, registry: RuleRegistry, pageChecks: [any PageCheck]) {
        self.configuration = configuration
        self.registry = registry
        self.pageChecks = pageChecks
    }

    /// The content rules on a page's Markdown tree. `silences` are the page's `lint_ignore`
    /// entries; a bad entry (no reason, unknown rule) is reported here.
    public func lintContent(_ document: Node, file: String, silences: [Silence] = []) -> [Finding] {
        let findings = ContentLinter(configuration: configuration).lint(document, file: file)
        return Silencer(registry: registry).apply(silences, to: findings).sortedByLocation()
    }

    /// The page rules (and page checks such as colour contrast) on one rendered page.
    /// - Parameters:
    ///   - contentFile: the Markdown file the page's `data-sourcepos` attributes point into.
    ///   - templates: finds template lines for elements the templates wrote; build one per site.
    ///   - contentLinted: the content rules ran on `contentFile` already (see `PageContext`).
    ///   - cache: shared across pages, so identical template chrome is checked once.
    public func lintPage(
        html: String, file: String, contentFile: String? = nil, templates: TemplateLocator? = nil,
        contentLinted: Bool = false, silences: [Silence] = [], cache: ChromeCache? = nil
    ) -> PageLintResult {
        let document = HTMLParser.parse(html)
        let context = PageContext(file: file, contentFile: contentFile, templates: templates, contentLinted: contentLinted)
        var result = PageLinter(configuration: configuration).lint(document, context: context, cache: cache)
        if document.refusedNesting == nil && !pageChecks.isEmpty {
            let locator = PageLocator(htmlFile: file, contentFile: contentFile, templates: templates)
            let relocator = HTMLDiagnosticRelocator(locator: locator)
            for check in pageChecks {
                result.findings += relocator.relocate(check.check(page: document.root, file: file), in: document)
            }
        }
        // Bad silences are reported once, by lintContent; here they only silence.
        let valid = silences.filter { registry.rule($0.rule) != nil && !$0.reason.trimmingWhitespace.isEmpty }
        result.findings = Silencer(registry: registry).apply(valid, to: result.findings).sortedByLocation()
        return result
    }

    /// Convenience for one page: the templates as `[path: text]`.
    public func lintPage(
        html: String, file: String, contentFile: String? = nil, templates: [String: String],
        contentLinted: Bool = false, silences: [Silence] = []
    ) -> PageLintResult {
        lintPage(html: html, file: file, contentFile: contentFile, templates: TemplateLocator(templates: templates),
                 contentLinted: contentLinted, silences: silences)
    }

    /// The rules across pages: every page's title differs from the others'. The Site may set each
    /// result's `titleLocation` to the front matter's `title:` line before calling this.
    public func lintSite(_ pages: [PageLintResult]) -> [Finding] {
        SiteRules().check(pages).sortedByLocation()
    }

    /// `herald check --html FILE [--css FILE]`: the page rules on any HTML file, findings at its
    /// own lines. Local stylesheets it links (`<link rel="stylesheet" href="…">`) are read from
    /// `fileSystem` beside it, with `stylesheets` (paths) added; `root` is where `/…` hrefs start.
    public func lintHTMLFile(
        _ path: String, stylesheets: [String] = [], root: String? = nil, fileSystem: any FileSystem
    ) throws -> [Finding] {
        let html = try fileSystem.readText(path)
        let document = HTMLParser.parse(html)
        var problems: [Finding] = []
        var css: [(path: String, text: String)] = []
        let linked = StylesheetLinks.local(in: document, htmlPath: path, root: root ?? Path.dirname(path))
        for stylesheet in linked + stylesheets.map({ ($0, SourceLocation(file: path, line: 1, column: 1)) }) {
            do {
                css.append((stylesheet.0, try fileSystem.readText(stylesheet.0)))
            } catch {
                problems.append(Finding(diagnostic: .warning(
                    "The stylesheet \(stylesheet.0) could not be read, so colours are checked without it.", at: stylesheet.1,
                    hint: "Check the path, or pass the file with --css.")))
            }
        }
        // The file's own stylesheets replace the linter's (a site's CSS is no guide to a legacy page).
        let checks = css.isEmpty ? pageChecks : [ContrastSupport.makeCheck(stylesheets: css)]
        let context = PageContext(file: path)
        var findings = PageLinter(configuration: configuration).lint(document, context: context).findings
        if document.refusedNesting == nil {
            let relocator = HTMLDiagnosticRelocator(locator: PageLocator(htmlFile: path, contentFile: nil, templates: nil))
            for check in checks {
                findings += relocator.relocate(check.check(page: document.root, file: path), in: document)
            }
        }
        return (findings + problems).withSourceLines([path: html]).sortedByLocation()
    }
}
