import Core

/// Turns fenced code blocks whose info string starts with a component name (```` ```warning ````,
/// ```` ```details What happens next ````, …; see `Node.CalloutKind`) into `.callout` nodes.
/// A plain CommonMark viewer still shows the block, as code; any other info string stays code.
///
/// The body is parsed as Markdown with its positions in the file's lines and columns; link
/// reference definitions of the page serve it too. Callouts inside callouts (an outer fence of
/// four backticks) and tables inside callouts are handled here, each body with its own text.
/// Mistakes (no title for `details`, a contact line without a label, …) are errors at the line,
/// with a hint; the callout is then kept as an inset so that none of its text is lost.
public struct CalloutTransform: Sendable {
    public var parser: MarkdownParser
    /// Run on each body; nil leaves tables in callouts as paragraphs.
    public var tables: TableTransform?

    public init(parser: MarkdownParser = MarkdownParser(), tables: TableTransform? = TableTransform()) {
        self.parser = parser
        self.tables = tables
    }

    public func apply(to document: inout Node, source: MarkdownSource) -> [Diagnostic] {
        var bodies: [String] = []
        visit(&document, depth: 0) { node, _ in
            if case .codeBlock(let info, let literal) = node.kind, Self.component(info) != nil { bodies.append(literal) }
            return nil
        }
        guard !bodies.isEmpty else { return [] }
        let definitions = ReferenceDefinitions(page: source.text, bodies: bodies, parser: parser)
        return apply(to: &document, source: source, definitions: definitions, depth: 0)
    }

    /// `definitions` are the page's, for the bodies to borrow; `depth` is how deep in the page
    /// `document` sits.
    private func apply(to document: inout Node, source: MarkdownSource, definitions: ReferenceDefinitions,
                       depth: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        visit(&document, depth: depth) { node, depth in
            guard case .codeBlock(let info, let literal) = node.kind, let range = node.range,
                  let (kind, title) = Self.component(info) else { return nil }
            var made = callout(kind, title: title, literal: literal, range: range, source: source,
                               definitions: definitions, depth: depth, diagnostics: &diagnostics)
            made.range = range
            return made
        }
        return diagnostics
    }

    private func visit(_ node: inout Node, depth: Int, handle: (Node, Int) -> Node?) {
        guard !node.children.isEmpty else { return }
        for index in node.children.indices {
            if let replacement = handle(node.children[index], depth + 1) {
                node.children[index] = replacement
            } else if case .callout = node.children[index].kind {
                continue
            } else {
                visit(&node.children[index], depth: depth + 1, handle: handle)
            }
        }
    }

    /// The component an info string names, and the rest of it; nil for ordinary code.
    static func component(_ info: String) -> (Node.CalloutKind, String)? {
        let trimmed = info.drop { $0 == " " || $0 == "\t" }
        let word = trimmed.prefix { $0 != " " && $0 != "\t" }
        guard let kind = Node.CalloutKind(rawValue: word.lowercased()) else { return nil }
        let rest = trimmed.dropFirst(word.count).trimmingSpaces()
        return (kind, String(rest))
    }

    private func callout(_ kind: Node.CalloutKind, title: String, literal: String, range: SourceRange, source: MarkdownSource,
                         definitions: ReferenceDefinitions, depth: Int, diagnostics: inout [Diagnostic]) -> Node {
        let fence = SourceRange(startLine: range.startLine, startColumn: range.startColumn,
                                endLine: range.startLine, endColumn: range.startColumn)
        let body = source.subsource(literal, startingAt: range.startLine - source.firstLine + 2,
                                    fallbackOffset: range.startColumn - 1)
        let borrowed = definitions.borrowed(by: literal)
        var (parsed, problems) = parser.parse(body, appending: borrowed, depthUsed: depth)
        let lastBodyLine = body.firstLine + body.lineCount - 1
        if !borrowed.isEmpty, parsed.children.contains(where: { ($0.range?.endLine ?? 0) > lastBodyLine }) {
            // The body left something open (a fence, an HTML block) that swallowed the borrowed
            // definitions: parse it alone.
            (parsed, problems) = parser.parse(body, appending: "", depthUsed: depth)
        }
        diagnostics += problems
        let bodyReferences = borrowed.isEmpty ? literal : literal + "\n\n" + borrowed
        diagnostics += apply(to: &parsed, source: body, definitions: definitions, depth: depth)
        if let tables {
            diagnostics += tables.apply(to: &parsed, source: body, references: bodyReferences, depthUsed: depth)
        }

        var title = title
        var shaped = CalloutShaper(source: source, fence: fence, kind: kind)
        if kind == .details {
            if title.isEmpty {
                shaped.report("a details block needs a summary line after `details`", at: fence,
                              hint: "Write it on the fence line, e.g. ```details What happens after you report")
            }
        } else if !title.isEmpty {
            shaped.report("text after `\(kind.rawValue)` on the fence line is not shown", at: fence,
                          hint: "Only `details` takes a title there; put the text inside the block.")
            title = ""
        }
        let children = shaped.shape(parsed.children)
        diagnostics += shaped.diagnostics
        if shaped.failed && kind != .details && kind != .inset {
            return Node(.callout(.inset, title: ""), children: parsed.children)
        }
        return Node(.callout(kind, title: title), children: children)
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
