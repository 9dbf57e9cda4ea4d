import Core

/// Turns GFM pipe tables, which cmark 0.30 reads as paragraphs, into `.table` nodes, following
/// the GFM spec's tables section (cmark-gfm's behaviour):
/// - A table starts at a line whose cells match, one for one, a delimiter row under it
///   (`| --- | :-: |`); lines of the paragraph above it stay a paragraph.
/// - Every later line of the paragraph is a body row; a row with fewer cells is padded, one
///   with more is cut. Cells hold inline Markdown only; `\|` is a pipe inside a cell (code
///   spans included), and an unescaped `|` always ends a cell (a warning says so when it
///   splits a code span).
/// - Caption: a line `Table: Caption text` directly above the header row, or a one-line
///   paragraph `Table: Caption text` just before the table.
/// - A table directly followed by a `---` line (which cmark reads as a setext heading
///   underline) ends with a thematic break, as in GFM.
///
/// The lines are re-read from the source (cmark has already resolved escapes and entities),
/// and each cell is parsed by cmark with its position kept. Callout bodies are not entered:
/// `CalloutTransform` runs this on each body, with the body's own reference definitions.
public struct TableTransform: Sendable {
    public var parser: MarkdownParser

    public init(parser: MarkdownParser = MarkdownParser()) { self.parser = parser }

    public func apply(to document: inout Node, source: MarkdownSource) -> [Diagnostic] {
        apply(to: &document, source: source, references: source.text, depthUsed: 0)
    }

    /// `references` is the text whose link reference definitions serve the cells.
    func apply(to document: inout Node, source: MarkdownSource, references: String, depthUsed: Int) -> [Diagnostic] {
        var planner = TablePlanner(source: source)
        var counter = 0
        visit(&document, depth: depthUsed, blockQuoteDepth: 0, counter: &counter) { node, depth, quotes, index in
            planner.plan(node, blockQuoteDepth: quotes, index: index, depth: depth)
            return nil
        }
        guard !planner.plans.isEmpty || !planner.diagnostics.isEmpty else {
            return captionWarnings(document, source: source)
        }
        let segments = InlineSegments(source: source, parser: parser, depthUsed: depthUsed + 4)
        let parsed = segments.parse(planner.segments, references: references)
        counter = 0
        visit(&document, depth: depthUsed, blockQuoteDepth: 0, counter: &counter) { _, _, _, index in
            planner.plans[index].map { planner.build($0, parsed: parsed) }
        }
        return planner.diagnostics + captionWarnings(document, source: source)
    }

    /// Walks paragraphs and setext headings in document order, numbering them, and replaces
    /// each with what `handle` returns. Takes a `Table: …` paragraph just above a new table
    /// as its caption.
    private func visit(_ node: inout Node, depth: Int, blockQuoteDepth: Int, counter: inout Int,
                       handle: (Node, Int, Int, Int) -> [Node]?) {
        switch node.kind {
        case .callout, .table, .codeBlock, .htmlBlock:
            return
        default:
            break
        }
        let quotes = blockQuoteDepth + (node.kind == .blockQuote ? 1 : 0)
        var children: [Node] = []
        children.reserveCapacity(node.children.count)
        for var child in node.children {
            var candidate = false
            switch child.kind {
            case .paragraph: candidate = true
            case .heading: candidate = (child.range.map { $0.endLine > $0.startLine } ?? false)
            default: break
            }
            if candidate {
                let index = counter
                counter += 1
                if let replacement = handle(child, depth + 1, quotes, index) {
                    for var made in replacement {
                        if case .table(let alignments, let caption) = made.kind, caption.isEmpty,
                           let previous = children.last, let taken = Self.captionParagraph(previous) {
                            children.removeLast()
                            made.kind = .table(alignments: alignments, caption: taken)
                            if let start = previous.range, let end = made.range {
                                made.range = SourceRange(startLine: start.startLine, startColumn: start.startColumn,
                                                         endLine: end.endLine, endColumn: end.endColumn)
                            }
                        }
                        children.append(made)
                    }
                    continue
                }
                children.append(child)
            } else {
                visit(&child, depth: depth + 1, blockQuoteDepth: quotes, counter: &counter, handle: handle)
                children.append(child)
            }
        }
        node.children = children
    }

    /// The caption of a one-line paragraph `Table: Caption text`, without its `Table:`.
    static func captionParagraph(_ node: Node) -> [Node]? {
        guard case .paragraph = node.kind, let range = node.range, range.startLine == range.endLine,
              let first = node.children.first, case .text(let text) = first.kind, text.hasPrefix("Table:") else { return nil }
        let afterLabel = text.dropFirst("Table:".count)
        guard afterLabel.isEmpty || afterLabel.first == " " || afterLabel.first == "\t" else { return nil }
        let rest = afterLabel.drop { $0 == " " || $0 == "\t" }
        var nodes = Array(node.children.dropFirst())
        if !rest.isEmpty {
            var trimmed = first
            trimmed.kind = .text(String(rest))
            if var range = first.range {
                range.startColumn += text.unicodeScalars.count - rest.unicodeScalars.count
                trimmed.range = range
            }
            nodes.insert(trimmed, at: 0)
        }
        return nodes.isEmpty ? nil : nodes
    }

    /// A `Table:` paragraph left without a table, or a paragraph of lines that start with `|`,
    /// is most likely a table that did not parse: the page would show its pipes as typed.
    private func captionWarnings(_ document: Node, source: MarkdownSource) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func check(_ node: Node) {
            switch node.kind {
            case .callout, .table: return
            default: break
            }
            if Self.captionParagraph(node) != nil {
                diagnostics.append(source.diagnostic(
                    .warning, "this looks like a table caption, but no table follows it", at: node.range,
                    hint: "Put the `Table:` line directly above the table's header row, and check the table has a delimiter row (`| --- | --- |`) with as many cells as the header."))
            } else if case .paragraph = node.kind, let row = Self.firstOfRows(node, source: source) {
                diagnostics.append(source.diagnostic(
                    .warning, "this looks like a table, but it is not one: the page would show its lines as typed",
                    at: SourceRange(startLine: row.line, startColumn: row.column, endLine: row.line, endColumn: row.column),
                    hint: "Check the line under the header row is a delimiter row (`| --- | --- |`) with as many cells as the header, and that no blank line splits the table."))
            }
            for child in node.children { check(child) }
        }
        check(document)
        return diagnostics
    }

    /// The first of two or more lines of a paragraph that start with `|` (after any `>`
    /// markers): one such line is prose, two are a table that did not parse.
    static func firstOfRows(_ paragraph: Node, source: MarkdownSource) -> (line: Int, column: Int)? {
        guard let range = paragraph.range, range.endLine > range.startLine else { return nil }
        // cmark's text for a line starts a node after a line break: two that start with `|`
        // are needed before the file's lines are read.
        var starts = 0, lineStart = true
        for child in paragraph.children {
            if case .text(let text) = child.kind, lineStart, text.utf8.first == UInt8(ascii: "|") { starts += 1 }
            if case .softBreak = child.kind { lineStart = true } else { lineStart = false }
        }
        guard starts >= 2 else { return nil }
        var rows: [(line: Int, column: Int)] = []
        for line in range.startLine...range.endLine {
            guard let text = source.fileLineText(line) else { continue }
            let prefix = MarkdownSource.blockPrefix(of: text)
            if text.dropFirst(prefix.count).first == "|" { rows.append((line, prefix.count + 1)) }
        }
        return rows.count >= 2 ? rows[0] : nil
    }
}
