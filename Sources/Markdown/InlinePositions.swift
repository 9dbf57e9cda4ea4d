import Core

/// Corrects the inline source positions cmark 0.30.2 gives inside one paragraph or heading,
/// and maps them into the file.
///
/// cmark 0.30.2 gives text, code, emphasis, strong, link, image, autolink and raw-HTML nodes a
/// start and end (line, byte column); soft and hard line breaks get none (0:0), and a code
/// span's range covers its content without the backticks. Its inline parser counts positions
/// as "line of the block + newlines seen, column = block's first column + bytes since the last
/// newline seen", which goes wrong in four ways that this type undoes:
/// 1. A continuation line's leading spaces and `>` markers are not counted (nor is a lazy line's
///    lack of them), so columns on the second and later lines are off.
/// 2. A backslash hard break and a newline inside a link destination or title are not seen as
///    newlines: later positions stay on the earlier line with ever larger columns.
/// 3. When a paragraph starts with link reference definitions, cmark drops them but still counts
///    from the paragraph's first line, so every line is too small by the definitions' lines.
/// 4. A link or image whose text spans lines gets the line of its end as its start line.
///
/// The repair replays cmark's counting: positions, sorted as cmark made them, are walked over
/// the block's real lines, moving to the next line whenever a column runs past a line's end.
struct InlinePositions {
    let source: MarkdownSource
    /// cmark's range for the block (text lines, byte columns).
    let block: SourceRange
    let blockQuoteDepth: Int
    /// The last text line holding inline content (a setext heading's underline excluded).
    let contentEnd: Int

    private struct Event {
        var line: Int
        var column: Int
        var node: Int
        var isEnd: Bool
        /// The end of a code span or raw HTML that spans lines: cmark counts its column from the
        /// line's start rather than from the block's first column.
        var fromLineStart: Bool
    }

    /// Repairs `children` (raw cmark ranges) and returns them with file ranges, and the number
    /// of definition lines cmark removed from the block's start.
    func repair(_ children: [Node]) -> (children: [Node], definitionLines: Int) {
        var flat: [SourceRange?] = []
        var events: [Event] = []
        for child in children { collect(child, into: &flat, events: &events) }
        guard !events.isEmpty else { return (children.map(InlinePositions.strip), 0) }
        events.sort { ($0.line, $0.column, $0.node, $0.isEnd ? 1 : 0) < ($1.line, $1.column, $1.node, $1.isEnd ? 1 : 0) }

        let shift = definitionLines(events)
        var starts = [(line: Int, column: Int)?](repeating: nil, count: flat.count)
        var ends = starts
        walk(events, shift: shift) { event, line, byteColumn in
            let position = source.filePosition(line: line, byteColumn: byteColumn)
            if event.isEnd { ends[event.node] = position } else { starts[event.node] = position }
        }
        var index = 0
        return (children.map { rebuild($0, index: &index, starts: starts, ends: ends) }, shift)
    }

    // MARK: - Collecting

    private func collect(_ node: Node, into flat: inout [SourceRange?], events: inout [Event]) {
        let index = flat.count
        flat.append(node.range)
        if let raw = node.range, raw.startLine > 0 {
            events.append(Event(line: raw.startLine, column: raw.startColumn, node: index, isEnd: false, fromLineStart: false))
            var fromLineStart = false
            switch node.kind {
            case .code, .htmlInline: fromLineStart = raw.endLine > raw.startLine
            default: break
            }
            events.append(Event(line: raw.endLine, column: raw.endColumn, node: index, isEnd: true, fromLineStart: fromLineStart))
        }
        for child in node.children { collect(child, into: &flat, events: &events) }
    }

    private func rebuild(_ node: Node, index: inout Int, starts: [(line: Int, column: Int)?],
                         ends: [(line: Int, column: Int)?]) -> Node {
        let own = index
        index += 1
        var copy = node
        if !node.children.isEmpty {
            copy.children = node.children.map { rebuild($0, index: &index, starts: starts, ends: ends) }
        }
        guard var start = starts[own], let end = ends[own] else {
            copy.range = nil
            return copy
        }
        switch node.kind {
        case .link, .image:
            // cmark's start line for a link is wrong when its text spans lines; its `[` stands
            // just before its first child.
            if let first = copy.children.first?.range {
                let opener = if case .image = node.kind { 2 } else { 1 }
                start = (first.startLine, max(1, first.startColumn - opener))
            }
        default:
            break
        }
        copy.range = SourceRange(startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column)
        return copy
    }

    static func strip(_ node: Node) -> Node {
        var copy = node
        copy.range = nil
        copy.children = node.children.map(strip)
        return copy
    }

    // MARK: - Replaying cmark's counting

    /// Replays the events over the block's lines, `shift` definition lines down, and reports
    /// each event's text line and byte column.
    private func walk(_ events: [Event], shift: Int, report: (Event, Int, Int) -> Void) {
        let firstLine = block.startLine + shift
        let lineCount = max(1, contentEnd - firstLine + 1)
        var anchorLine = block.startLine   // cmark's line count at its last newline
        var anchor = 0                     // the real line (index from `firstLine`) it stood for
        var current = 0
        var cursor = 0                     // walking position: line index
        var consumed = 0                   // bytes of the lines between `anchor` and `cursor`
        var starts: [Int: Int] = [:]
        func start(_ index: Int) -> Int {
            if let known = starts[index] { return known }
            let value = index == 0 && shift == 0 ? block.startColumn : contentStart(firstLine + index)
            starts[index] = value
            return value
        }
        func length(_ index: Int) -> Int { max(0, source.lineBytes(firstLine + index).count - (start(index) - 1)) }

        for event in events {
            if event.line > anchorLine {
                anchor = min(lineCount - 1, current + (event.line - anchorLine))
                anchorLine = event.line
                current = anchor
                cursor = anchor
                consumed = 0
            }
            var offset = event.column - (event.fromLineStart ? 1 : block.startColumn) - consumed
            while offset > length(cursor) && cursor < lineCount - 1 {
                let step = length(cursor) + 1
                offset -= step
                consumed += step
                cursor += 1
            }
            current = max(current, cursor)
            report(event, firstLine + cursor, start(cursor) + max(0, offset))
        }
    }

    /// How many lines of link reference definitions cmark removed from the block's start: the
    /// count for which the last inline ends where the block's text ends.
    private func definitionLines(_ events: [Event]) -> Int {
        let firstByte = source.lineBytes(block.startLine).dropFirst(max(0, block.startColumn - 1)).first
        guard firstByte == UInt8(ascii: "["), contentEnd > block.startLine, let last = events.last else { return 0 }
        let expected = lastNonSpaceColumn(contentEnd)
        // Usually the last inline's line is short by exactly the definitions' lines; try that
        // first, then small counts, so that a pathological block costs a bounded number of walks.
        let guess = contentEnd - last.line
        var candidates = [guess] + Array(0...min(contentEnd - block.startLine, 32))
        candidates = candidates.filter { $0 >= 0 && $0 <= contentEnd - block.startLine }
        for shift in candidates {
            var ending: (line: Int, column: Int)?
            walk(events, shift: shift) { _, line, column in ending = (line, column) }
            if let ending, ending.line == contentEnd, ending.column == expected { return shift }
        }
        return 0
    }

    /// The 1-based byte column where a continuation line's text starts: after the `>` of the
    /// enclosing quotes (when present: a lazy line has none) and the spaces cmark strips.
    private func contentStart(_ line: Int) -> Int {
        let bytes = source.lineBytes(line)
        var index = bytes.startIndex
        var markers = blockQuoteDepth
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 {
                index += 1
            } else if byte == UInt8(ascii: ">") && markers > 0 {
                markers -= 1
                index += 1
            } else {
                break
            }
        }
        return index - bytes.startIndex + 1
    }

    private func lastNonSpaceColumn(_ line: Int) -> Int {
        let bytes = source.lineBytes(line)
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return max(1, end - bytes.startIndex)
    }
}
