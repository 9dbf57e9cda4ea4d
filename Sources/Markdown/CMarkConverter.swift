import CMark
import Core

/// Copies cmark's tree into `Node` values with an explicit stack (never recursion over cmark's
/// depth), repairing cmark 0.30.2's inline source positions on the way (see `InlinePositions`).
///
/// Nodes deeper than `maximumDepth` are not built: the container at the limit is replaced by
/// its plain text and one error is reported, so that every recursive walk over `Node` elsewhere
/// has a small, known bound.
struct CMarkConverter {
    let source: MarkdownSource
    let maximumDepth: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(source: MarkdownSource, maximumDepth: Int) {
        self.source = source
        self.maximumDepth = max(2, maximumDepth)
    }

    private struct Frame {
        var kind: Node.Kind
        var range: SourceRange?
        /// cmark's own start for a block, kept for the inline repair of paragraphs and headings.
        var rawRange: SourceRange?
        var children: [Node] = []
    }

    /// The state while skipping a subtree that is too deep: its text is gathered instead.
    private struct Flattening {
        var nesting = 1
        var text = ""
        var isInline: Bool
        var range: SourceRange?
    }

    mutating func convert(_ root: OpaquePointer) -> Node {
        guard let iterator = cmark_iter_new(root) else { return Node(.document) }
        defer { cmark_iter_free(iterator) }
        var stack: [Frame] = []
        var blockQuoteDepth = 0
        var flattening: Flattening?
        var reportedDepth = false
        var result = Node(.document)

        let enter = CMARK_EVENT_ENTER.rawValue
        let done = CMARK_EVENT_DONE.rawValue
        while true {
            let entering = cmark_iter_next(iterator).rawValue
            if entering == done { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = CMarkType(cmark_node_get_type(node))
            let leaf = type.isLeaf

            if flattening != nil {
                // Taken out of the optional so that the gathered text is never copied (the loop
                // would turn quadratic on 100,000 levels).
                var skipping = flattening!
                flattening = nil
                if entering == enter {
                    Self.gatherText(node, type: type, into: &skipping.text)
                    if !leaf { skipping.nesting += 1 }
                } else {
                    skipping.nesting -= 1
                    if !type.isInline { skipping.text += " " }
                }
                if skipping.nesting > 0 {
                    flattening = skipping
                    continue
                }
                let text = Self.collapsingWhitespace(skipping.text)
                let flat: Node = skipping.isInline
                    ? Node(.text(text), range: skipping.range)
                    : Node(.paragraph, children: [Node(.text(text))], range: skipping.range)
                Self.append(flat, to: &stack[stack.count - 1].children)
                continue
            }

            if entering == enter {
                let rawRange = Self.rawRange(node)
                let isInline = type.isInline
                if leaf {
                    let made = makeLeaf(node, type: type, rawRange: rawRange, isInline: isInline)
                    if stack.isEmpty { return made }
                    Self.append(made, to: &stack[stack.count - 1].children)
                    continue
                }
                // Blocks that hold blocks stop one level early (their stand-in is a paragraph
                // with text); paragraphs, headings and inline containers at the limit itself.
                let holdsBlocks = !isInline && type != .paragraph && type != .heading
                if !stack.isEmpty && stack.count >= maximumDepth - (holdsBlocks ? 1 : 0) {
                    let range = isInline ? rawRange : mapBlock(rawRange)
                    if !reportedDepth {
                        reportedDepth = true
                        let mapped = isInline ? rawRange.map(map) : range
                        diagnostics.append(source.diagnostic(
                            .error, "this Markdown is nested more than \(maximumDepth) levels deep", at: mapped,
                            hint: "Flatten the lists or quotes; Herald keeps the text of the deeper levels but not their structure."))
                    }
                    var skipping = Flattening(isInline: isInline, range: range)
                    Self.gatherText(node, type: type, into: &skipping.text)
                    flattening = skipping
                    continue
                }
                if type == .blockQuote { blockQuoteDepth += 1 }
                stack.append(Frame(kind: containerKind(node, type: type), range: isInline ? rawRange : mapBlock(rawRange),
                                   rawRange: rawRange))
                continue
            }

            // Exit of a container.
            guard var frame = stack.popLast() else { break }
            if type == .blockQuote { blockQuoteDepth -= 1 }
            if type == .paragraph || type == .heading {
                repairInlines(&frame, blockQuoteDepth: blockQuoteDepth,
                              isSetext: type == .heading && (frame.rawRange.map { $0.endLine > $0.startLine } ?? false))
            }
            if type == .image, case .image(let src, let title, _) = frame.kind,
               ["\"\"", "\u{201C}\u{201D}"].contains(Node(.paragraph, children: frame.children).plainText) {
                frame.kind = .image(source: src, title: title, decorative: true)
                frame.children = []
            }
            let made = Node(frame.kind, children: frame.children, range: frame.range)
            if stack.isEmpty {
                result = made
                break
            }
            Self.append(made, to: &stack[stack.count - 1].children)
        }
        return result
    }

    // MARK: - Nodes

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private func makeLeaf(_ node: OpaquePointer, type: CMarkType, rawRange: SourceRange?, isInline: Bool) -> Node {
        let literal = Self.string(cmark_node_get_literal(node))
        let kind: Node.Kind = switch type {
        case .text: .text(literal)
        case .softBreak: .softBreak
        case .lineBreak: .lineBreak
        case .code: .code(literal)
        case .htmlInline: .htmlInline(literal)
        case .codeBlock: .codeBlock(info: Self.string(cmark_node_get_fence_info(node)), literal: literal)
        case .htmlBlock: .htmlBlock(literal)
        default: .thematicBreak
        }
        let range = isInline ? (type == .softBreak || type == .lineBreak ? nil : rawRange) : mapBlock(rawRange)
        return Node(kind, range: range)
    }

    private func containerKind(_ node: OpaquePointer, type: CMarkType) -> Node.Kind {
        switch type {
        case .document: .document
        case .blockQuote: .blockQuote
        case .list:
            .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                  start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0)
        case .item: .item
        case .heading: .heading(level: Int(cmark_node_get_heading_level(node)), id: "")
        case .emphasis: .emphasis
        case .strong: .strong
        case .link:
            .link(destination: Self.string(cmark_node_get_url(node)), title: Self.string(cmark_node_get_title(node)))
        case .image:
            .image(source: Self.string(cmark_node_get_url(node)), title: Self.string(cmark_node_get_title(node)), decorative: false)
        default: .paragraph
        }
    }

    private static func gatherText(_ node: OpaquePointer, type: CMarkType, into text: inout String) {
        switch type {
        case .text, .code, .codeBlock:
            text += string(cmark_node_get_literal(node))
        case .softBreak, .lineBreak:
            text += " "
        default:
            break
        }
    }

    private static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// Appends `node`, merging it into a text node just before it: cmark splits text at every
    /// character that might have started markup, and one node per run reads better downstream.
    static func append(_ node: Node, to children: inout [Node]) {
        if case .text(let new) = node.kind, new.isEmpty { return }
        if case .text(let new) = node.kind, let last = children.last, case .text(let old) = last.kind {
            var merged = last
            merged.kind = .text(old + new)
            switch (last.range, node.range) {
            case (let first?, let second?):
                merged.range = SourceRange(startLine: first.startLine, startColumn: first.startColumn,
                                           endLine: second.endLine, endColumn: second.endColumn)
            case (nil, let second?):
                merged.range = second
            default:
                break
            }
            children[children.count - 1] = merged
        } else {
            children.append(node)
        }
    }

    // MARK: - Positions

    /// cmark's position, unchanged: text lines and 1-based byte columns; nil where cmark has none.
    private static func rawRange(_ node: OpaquePointer) -> SourceRange? {
        let startLine = Int(cmark_node_get_start_line(node))
        guard startLine > 0 else { return nil }
        return SourceRange(startLine: startLine, startColumn: Int(cmark_node_get_start_column(node)),
                           endLine: Int(cmark_node_get_end_line(node)), endColumn: Int(cmark_node_get_end_column(node)))
    }

    /// A block's position in the file. cmark ends a block that stops at a blank line at column 0
    /// of that line; it is moved back to the end of the block's last line.
    private func mapBlock(_ raw: SourceRange?) -> SourceRange? {
        guard var raw else { return nil }
        if raw.endColumn < 1 && raw.endLine > raw.startLine {
            raw.endLine -= 1
            raw.endColumn = max(1, source.lineBytes(raw.endLine).count)
        }
        if raw.endLine < raw.startLine { raw.endLine = raw.startLine }
        return map(raw)
    }

    private func map(_ raw: SourceRange) -> SourceRange {
        let start = source.filePosition(line: raw.startLine, byteColumn: raw.startColumn)
        let end = source.filePosition(line: raw.endLine, byteColumn: raw.endColumn)
        return SourceRange(startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column)
    }

    /// Fixes the inline positions of one paragraph or heading (see `InlinePositions`) and maps
    /// them into the file.
    private func repairInlines(_ frame: inout Frame, blockQuoteDepth: Int, isSetext: Bool) {
        guard let raw = frame.rawRange else {
            frame.children = frame.children.map(InlinePositions.strip)
            return
        }
        var contentEnd = raw.endLine
        if raw.endColumn < 1 && contentEnd > raw.startLine { contentEnd -= 1 }
        if isSetext && contentEnd > raw.startLine { contentEnd -= 1 }
        let repair = InlinePositions(source: source, block: raw, blockQuoteDepth: blockQuoteDepth, contentEnd: contentEnd)
        let (children, definitionLines) = repair.repair(frame.children)
        frame.children = children
        if definitionLines > 0, var range = frame.range, let first = children.compactMap(\.range).first {
            // The block began with link reference definitions, which cmark removed but counted.
            range.startLine = first.startLine
            range.startColumn = first.startColumn
            frame.range = range
        }
    }
}
