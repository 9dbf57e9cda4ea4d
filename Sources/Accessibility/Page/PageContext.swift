import Core

/// What the page rules need to know about where a page came from.
public struct PageContext: Sendable {
    /// The HTML file, as reported when a finding has no better place.
    public var file: String
    /// The Markdown file the page's `data-sourcepos` attributes point into.
    public var contentFile: String?
    /// Finds template lines for the elements the templates wrote.
    public var templates: TemplateLocator?
    /// True when the content rules already ran on `contentFile`: the page rules then leave the
    /// elements that came from Markdown to them, and check only what the templates added and
    /// what spans the whole page.
    public var contentLinted: Bool

    public init(file: String, contentFile: String? = nil, templates: TemplateLocator? = nil, contentLinted: Bool = false) {
        self.file = file
        self.contentFile = contentFile
        self.templates = templates
        self.contentLinted = contentLinted
    }
}

/// The page rules' answer for one page: findings, and the title for the site-wide checks.
public struct PageLintResult: Sendable {
    public var file: String
    public var findings: [Finding]
    /// The text of the page's `<title>`, whitespace collapsed; nil when it has none.
    public var title: String?
    /// Where the title was written (the template's `<title>`, usually).
    public var titleLocation: SourceLocation?

    public init(file: String, findings: [Finding], title: String?, titleLocation: SourceLocation?) {
        self.file = file
        self.findings = findings
        self.title = title
        self.titleLocation = titleLocation
    }
}
