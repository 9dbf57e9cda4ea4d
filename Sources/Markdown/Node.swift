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
        /// `caption` holds the inline nodes of its `Table: …` line (empty when there is none).
        case table(alignments: [TableAlignment], caption: [Node])
        /// The header row: its children are the header cells (as in cmark-gfm, no `tableRow` inside).
        case tableHead
        case tableRow
        case tableCell(header: Bool, alignment: TableAlignment)
        /// A fenced callout block (```warning, ```inset, ```details Title, ```contact,
        /// ```steps, ```summary, ```documents); children are the parsed body, shaped as
        /// `CalloutKind` describes.
        case callout(CalloutKind, title: String)
        /// What the link rewriter learnt about a link's target ("PDF, 245 KB"): the last child
        /// of a `.link`, rendered inside it as `<span class="document-meta">(PDF, 245 KB)</span>`.
        case linkAnnotation(String)
    }

    /// Where a table column's cells are aligned.
    public enum TableAlignment: String, Sendable, Hashable {
        case none, left, center, right
    }

    /// The components authors write as fenced blocks. The callout transform shapes each body
    /// as its case says; a body of the wrong shape is reported and kept as an `inset`.
    public enum CalloutKind: String, Sendable, Hashable, CaseIterable {
        /// "Call 999 in an emergency": the warning text component. Children: one `.paragraph`.
        case warning
        /// Children: the body's blocks.
        case inset
        /// A disclosure: the info string after `details` is its summary line. Children: the body's blocks.
        case details
        /// Phone, textphone, online and address lines. Children: one `.item` per line, holding a
        /// key `.paragraph` then a value `.paragraph`.
        case contact
        /// Step-by-step: each heading inside starts a numbered step. Children: one `.item` per
        /// step, holding the step's `.heading` then the step's blocks.
        case steps
        /// Summary list: a list of `**Key**: value` items becomes a description list. Children:
        /// one `.item` per row, holding a key `.paragraph` then the value (a `.paragraph`, then
        /// any further blocks of the item).
        case summary
        /// Document list: a list of links to documents, each shown with type, size and date.
        /// Children: one `.item` per document, holding a `.paragraph` with the `.link`, then a
        /// `.paragraph` with the date text when one was given.
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

    /// The plain text of this node's children, leaving out the ones `skip` picks.
    public func plainText(skipping skip: (Node) -> Bool) -> String {
        var result = ""
        for index in children.indices where !skip(children[index]) { children[index].appendPlainText(to: &result) }
        return result
    }

    // Children by index, as in `walk`: `for child in children` copies each node.
    private func appendPlainText(to result: inout String) {
        switch kind {
        case .text(let string), .code(let string): result += string
        case .softBreak, .lineBreak: result += " "
        case .linkAnnotation(let annotation): result += " (" + annotation + ")"
        case .image where children.isEmpty: break
        case .table(_, let caption):
            for index in caption.indices { caption[index].appendPlainText(to: &result) }
            for index in children.indices { children[index].appendPlainText(to: &result) }
        default:
            for index in children.indices { children[index].appendPlainText(to: &result) }
        }
    }

    /// Visits this node and every descendant, parents first (a table's caption nodes before its rows).
    public func walk(_ visit: (Node) throws -> Void) rethrows {
        try visit(self)
        if case .table(_, let caption) = kind {
            for node in caption { try node.walk(visit) }
        }
        // By index: `for child in children` copied every node of the page, a twentieth of a build.
        for index in children.indices { try children[index].walk(visit) }
    }

    /// Rebuilds the tree bottom-up, letting `transform` replace each node with zero or more nodes
    /// (a table's caption nodes included).
    public func rewritten(_ transform: (Node) throws -> [Node]) rethrows -> [Node] {
        var copy = self
        if case .table(let alignments, let caption) = kind, !caption.isEmpty {
            copy.kind = .table(alignments: alignments, caption: try caption.flatMap { try $0.rewritten(transform) })
        }
        copy.children = try children.flatMap { try $0.rewritten(transform) }
        return try transform(copy)
    }
}
