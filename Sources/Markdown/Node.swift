import Core

/// One node of a parsed page: cmark's tree, carried over into Swift values so that Herald's
/// transforms and the linter can read and rewrite it without touching C memory.
public struct Node: Sendable, Hashable {
    public var kind: Kind
    public var children: [Node]
    /// Where the node stands in the Markdown source (lines counted in the whole file, front
    /// matter included). Nil for nodes a transform made up.
    public var range: SourceRange?

    public init(_ kind: Kind, children: [Node] = [], range: SourceRange? = nil) {
        self.kind = kind
        self.children = children
        self.range = range
    }
}

extension Node {
    /// Every kind of node: CommonMark's own, then the ones Herald's transforms add.
    public enum Kind: Sendable, Hashable {
        // CommonMark blocks
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        /// `id` is empty until the heading-id transform gives it one.
        case heading(level: Int, id: String)
        case thematicBreak

        // CommonMark inlines
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(destination: String, title: String)
        /// The alt text is the image's children, as in cmark; `decorative` is set by the
        /// documented `![""](file.png)` syntax and renders `alt=""`.
        case image(source: String, title: String, decorative: Bool)

        // Herald's extensions (see docs/authoring.md)
        /// A GFM pipe table; children are one `tableHead` then zero or more `tableRow`.
        case table(alignments: [TableAlignment], caption: [Node])
        case tableHead
        case tableRow
        case tableCell(header: Bool, alignment: TableAlignment)
        /// A fenced callout block (```warning, ```inset, ```details Title, ```contact,
        /// ```steps, ```summary, ```documents); children are the parsed body.
        case callout(CalloutKind, title: String)
    }

    /// Where a table column's cells are aligned.
    public enum TableAlignment: String, Sendable, Hashable {
        case none, left, center, right
    }

    /// The components authors write as fenced blocks.
    public enum CalloutKind: String, Sendable, Hashable, CaseIterable {
        /// "Call 999 in an emergency": the warning text component.
        case warning
        case inset
        /// A disclosure: the info string after `details` is its summary line.
        case details
        /// Phone, textphone, online and address lines.
        case contact
        /// Step-by-step: each heading inside starts a numbered step.
        case steps
        /// Summary list: a list of `**Key**: value` items becomes a description list.
        case summary
        /// Document list: a list of links to documents, each shown with type, size and date.
        case documents
    }
}

extension Node {
    /// The plain text of this node and its descendants, as a screen reader would read it.
    public var plainText: String {
        var result = ""
        appendPlainText(to: &result)
        return result
    }

    private func appendPlainText(to result: inout String) {
        switch kind {
        case .text(let string), .code(let string): result += string
        case .softBreak, .lineBreak: result += " "
        case .image where children.isEmpty: break
        default:
            for child in children { child.appendPlainText(to: &result) }
        }
    }

    /// Visits this node and every descendant, parents first.
    public func walk(_ visit: (Node) throws -> Void) rethrows {
        try visit(self)
        for child in children { try child.walk(visit) }
    }

    /// Rebuilds the tree bottom-up, letting `transform` replace each node with zero or more nodes.
    public func rewritten(_ transform: (Node) throws -> [Node]) rethrows -> [Node] {
        var copy = self
        copy.children = try children.flatMap { try $0.rewritten(transform) }
        return try transform(copy)
    }
}
