import Core

/// A page's Markdown after the pipeline: the tree, what to tell the author, and the headings.
public struct MarkdownDocument: Sendable {
    public var document: Node
    /// In file order.
    public var diagnostics: [Diagnostic]
    /// Every heading with its id, in document order (filter `level == 2` for a contents list).
    public var headings: [HeadingIDs.Heading]
    public var source: MarkdownSource
}

/// Everything the Site module needs done to a page's Markdown, in one call. The order matters:
/// 1. parse: cmark, positions in file lines;
/// 2. callouts: before tables and ids, because a callout's body is parsed apart and gets its own
///    tables (with its own reference definitions) and nested callouts there;
/// 3. tables: after callouts, so that code blocks are settled and never mistaken for tables;
/// 4. heading ids: after both, so that headings inside callouts (steps) are numbered in the
///    same sequence as the page's own and no id is handed out twice;
/// 5. unsafe URLs, links cmark could not read, `TODO` placeholders, fences misspelt or left
///    open, and raw HTML: last, when every link exists, table cells and callout bodies included.
/// Links are rewritten later, by the caller (`LinkRewriter`), once all pages' ids are known.
public struct MarkdownPipeline: Sendable {
    public var parser: MarkdownParser
    /// Elements raw HTML may use (herald.yml's `raw_html`); the renderer must get the same set.
    public var allowedRawHTML: Set<String>
    /// Ids the page's layout already uses; no heading gets one of them.
    public var reservedIDs: Set<String>

    public init(parser: MarkdownParser = MarkdownParser(), allowedRawHTML: Set<String> = [], reservedIDs: Set<String> = []) {
        self.parser = parser
        self.allowedRawHTML = allowedRawHTML
        self.reservedIDs = reservedIDs
    }

    /// Runs the pipeline on `text`, which starts at line `firstLine` of `file`.
    public func run(_ text: String, firstLine: Int = 1, file: String) -> MarkdownDocument {
        if let refusal = parser.refusal(text, file: file, firstLine: firstLine) {
            // Refused before the text is copied or indexed: a 100 MB file costs nothing more.
            return MarkdownDocument(document: Node(.document), diagnostics: [refusal], headings: [],
                                    source: MarkdownSource("", file: file, firstLine: firstLine))
        }
        return run(MarkdownSource(text, file: file, firstLine: firstLine))
    }

    public func run(_ source: MarkdownSource) -> MarkdownDocument {
        var (document, diagnostics) = parser.parse(source)
        let tables = TableTransform(parser: parser)
        diagnostics += CalloutTransform(parser: parser, tables: tables).apply(to: &document, source: source)
        diagnostics += tables.apply(to: &document, source: source)
        let headings = HeadingIDs(reserved: reservedIDs).apply(to: &document)
        let checks: [any NodeCheck] = [UnsafeURLs(), UnreadLinks(), PlaceholderCheck(), FenceCheck(),
                                       RawHTMLCheck(allowedElements: allowedRawHTML)]
        document.walk { node in
            for check in checks { check.inspect(node, source: source, into: &diagnostics) }
        }
        let ordered = diagnostics.enumerated().sorted { a, b in
            let left = a.element.location.map { ($0.line, $0.column) } ?? (0, 0)
            let right = b.element.location.map { ($0.line, $0.column) } ?? (0, 0)
            return left != right ? left < right : a.offset < b.offset
        }.map(\.element)
        return MarkdownDocument(document: document, diagnostics: ordered, headings: headings, source: source)
    }
}
