import Accessibility
import Content
import Core

/// One finished HTML page and what was found on the way.
struct PageResult: Sendable {
    var url: String
    var outputPath: String
    var title: String
    var html: String
    var diagnostics: [Diagnostic]
    var silenced: [SilencedFinding]
    /// Counted as a page in the summary and listed in the sitemap (not redirects or the 404 page).
    var isPage: Bool
    var lastModified: Day?
    /// The page rules' result, kept for the site-wide checks (unique titles).
    var lint: PageLintResult
    /// The content file it came from (nil for the pages Herald makes itself).
    var sourcePath: String?
    var anchors: [String] = []
    /// Its Markdown reports on the whole site (the accessibility statement): never reused.
    var usesSiteReport = false
    /// Taken unchanged from the last build's output.
    var isReused = false
    /// Written already, as soon as it was made (`html` is then empty).
    var isWritten = false
    /// Why writing it early failed, reported when the site is written.
    var writeFailure: String?
}

extension PageResult {
    init(reusing record: BuildCache.PageRecord, page: SourcePage) {
        self.init(url: page.url, outputPath: record.output, title: page.metadata.title, html: "",
                  diagnostics: record.diagnostics, silenced: record.silenced, isPage: true,
                  lastModified: page.metadata.updated ?? page.metadata.date,
                  lint: PageLintResult(file: record.output, findings: [], title: record.title, titleLocation: record.titleLocation),
                  sourcePath: page.sourcePath, anchors: record.anchors, isReused: true)
    }

    /// A page Herald makes itself, taken from the last build (see `BuildCache.generatedKey`).
    init(reusing record: BuildCache.PageRecord, generated: GeneratedPage) {
        self.init(url: generated.url, outputPath: record.output, title: generated.title, html: "",
                  diagnostics: record.diagnostics, silenced: record.silenced, isPage: generated.isPage,
                  lastModified: nil,
                  lint: PageLintResult(file: record.output, findings: [], title: record.title, titleLocation: record.titleLocation),
                  sourcePath: nil, isReused: true)
    }
}
