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
}
