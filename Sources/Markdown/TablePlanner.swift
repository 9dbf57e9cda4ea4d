import Core

/// Finds the tables in paragraphs' source lines and, once their cells are parsed, builds the
/// nodes that replace those paragraphs. Two steps, so that every cell, caption and leftover
/// line of a page goes to cmark in one batch (see `InlineSegments`).
struct TablePlanner {
    let source: MarkdownSource
    /// Per numbered paragraph or heading: what it becomes.
    var plans: [Int: [Piece]] = [:]
    var segments: [InlineSegments.Segment] = []
    var diagnostics: [Diagnostic] = []

    init(source: MarkdownSource) { self.source = source }

    /// A line of a block, from its text start (container markers and indentation skipped).
    struct SourceLine {
        var textLine: Int
        /// Indices into `source.bytes`.
        var start: Int
        var end: Int
    }

    struct Cell {
        var line: SourceLine
        var span: TableRowScanner.Cell
        var segment: Int?
    }

    struct Row {
        var line: SourceLine
        var cells: [Cell]
    }

    struct Table {
        var captionLine: SourceLine?
        var caption: Int?
        var header: Row
        var delimiter: SourceLine
        var alignments: [Node.TableAlignment]
        var rows: [Row]
    }

    enum Piece {
        case paragraph([SourceLine], segment: Int)
        case heading(level: Int, [SourceLine], segment: Int, underline: SourceLine)
        case thematicBreak(SourceLine)
        case table(Table)
    }

    // MARK: - Planning

    mutating func plan(_ node: Node, blockQuoteDepth: Int, index: Int, depth: Int) {
        guard let range = node.range else { return }
        var lines = sourceLines(range, blockQuoteDepth: blockQuoteDepth)
        var headingLevel: Int?
        var underline: SourceLine?
        if case .heading(let level, _) = node.kind {
            headingLevel = level
            underline = lines.popLast()
        }
        guard lines.count >= 2, var pieces = split(lines) else { return }
        if let headingLevel, let underline {
            switch pieces.last {
            case .paragraph(let rest, let segment)?:
                pieces[pieces.count - 1] = .heading(level: headingLevel, rest, segment: segment, underline: underline)
            case .table(var table)?:
                if headingLevel == 2 {
                    pieces.append(.thematicBreak(underline))
                } else {
                    table.rows.append(row(underline, columns: table.alignments.count))
                    pieces[pieces.count - 1] = .table(table)
                }
            default:
                break
            }
        }
        plans[index] = pieces
    }

    /// The block's lines as cmark read them: the first from the block's start column, later ones
    /// after the quote markers and indentation of their containers.
    private func sourceLines(_ range: SourceRange, blockQuoteDepth: Int) -> [SourceLine] {
        let start = source.textPosition(fileLine: range.startLine, column: range.startColumn)
        let lastLine = range.endLine - source.firstLine + 1
        guard start.line >= 1, lastLine >= start.line else { return [] }
        var lines: [SourceLine] = []
        for line in start.line...lastLine {
            let bytes = source.lineBytes(line)
            var index = bytes.startIndex
            if line == start.line {
                index = min(bytes.endIndex, bytes.startIndex + start.byteColumn - 1)
            } else {
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
            }
            lines.append(SourceLine(textLine: line, start: index, end: bytes.endIndex))
        }
        return lines
    }

    private func bytes(_ line: SourceLine) -> ArraySlice<UInt8> { source.bytes[line.start..<line.end] }

    /// Cuts the lines into paragraphs and tables; nil when there is no table.
    private mutating func split(_ lines: [SourceLine]) -> [Piece]? {
        var pieces: [Piece] = []
        var pending = 0
        var index = 0
        var foundTable = false
        while index + 1 < lines.count {
            guard Self.mayBeDelimiterRow(bytes(lines[index + 1])),
                  let alignments = TableRowScanner.delimiterRow(bytes(lines[index + 1])),
                  TableRowScanner.cells(bytes(lines[index])).count == alignments.count else {
                index += 1
                continue
            }
            foundTable = true
            var paragraphEnd = index
            var captionLine: SourceLine?
            if index > pending, Self.isCaptionLine(bytes(lines[index - 1])) {
                captionLine = lines[index - 1]
                paragraphEnd = index - 1
            }
            if paragraphEnd > pending { pieces.append(paragraph(Array(lines[pending..<paragraphEnd]))) }
            var table = Table(captionLine: captionLine, caption: captionLine.flatMap { caption($0) },
                              header: row(lines[index], columns: alignments.count, header: true),
                              delimiter: lines[index + 1], alignments: alignments, rows: [])
            var next = index + 2
            while next < lines.count, !TableRowScanner.cells(bytes(lines[next])).isEmpty {
                table.rows.append(row(lines[next], columns: alignments.count))
                next += 1
            }
            pieces.append(.table(table))
            pending = next
            index = next
        }
        guard foundTable else { return nil }
        if pending < lines.count { pieces.append(paragraph(Array(lines[pending...]))) }
        return pieces
    }

    private static func mayBeDelimiterRow(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
        return first == UInt8(ascii: "|") || first == UInt8(ascii: "-") || first == UInt8(ascii: ":")
    }

    private static func isCaptionLine(_ bytes: ArraySlice<UInt8>) -> Bool {
        let label = Array("Table:".utf8)
        guard bytes.starts(with: label) else { return false }
        let after = bytes.dropFirst(label.count).first
        return after == nil || after == 0x20 || after == 0x09
    }

    private mutating func paragraph(_ lines: [SourceLine]) -> Piece {
        let segment = segments.count
        segments.append(lines.map { line in
            let lineStart = source.lineStarts[line.textLine - 1]
            return InlineSegments.Line(textLine: line.textLine, bytes: Array(bytes(line)),
                                       origins: Array((line.start - lineStart + 1)...(line.end - lineStart + 1)))
        })
        return .paragraph(lines, segment: segment)
    }

    private mutating func caption(_ line: SourceLine) -> Int? {
        var start = line.start + "Table:".utf8.count
        var end = line.end
        while start < end, source.bytes[start] == 0x20 || source.bytes[start] == 0x09 { start += 1 }
        while end > start, source.bytes[end - 1] == 0x20 || source.bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end else {
            diagnostics.append(source.diagnostic(.error, "this table caption is empty", at: range(line),
                                                 hint: "Write what the table shows after `Table:`, e.g. `Table: Crimes reported in 2023`."))
            return nil
        }
        let lineStart = source.lineStarts[line.textLine - 1]
        segments.append([InlineSegments.Line(textLine: line.textLine, bytes: Array(source.bytes[start..<end]),
                                             origins: Array((start - lineStart + 1)...(end - lineStart + 1)))])
        return segments.count - 1
    }

    private mutating func row(_ line: SourceLine, columns: Int, header: Bool = false) -> Row {
        let text = bytes(line)
        warnAboutSplitCodeSpans(line)
        let lineStart = source.lineStarts[line.textLine - 1]
        var cells: [Cell] = []
        for span in TableRowScanner.cells(text).prefix(columns) {
            var segment: Int?
            if !span.isEmpty {
                let (content, origins) = TableRowScanner.unescaped(text, span)
                segments.append([InlineSegments.Line(textLine: line.textLine, bytes: content,
                                                     origins: origins.map { $0 - lineStart + 1 })])
                segment = segments.count - 1
            }
            cells.append(Cell(line: line, span: span, segment: segment))
        }
        return Row(line: line, cells: cells)
    }

    /// GFM ends a cell at an unescaped `|` even inside a code span; say so, since the author
    /// almost certainly meant the pipe to be code.
    private mutating func warnAboutSplitCodeSpans(_ line: SourceLine) {
        let text = bytes(line)
        guard text.contains(UInt8(ascii: "`")) else { return }
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            guard text[index] == UInt8(ascii: "`") else {
                index += 1
                continue
            }
            var runEnd = index
            while runEnd < text.endIndex, text[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
            let length = runEnd - index
            var search = runEnd
            var closing: Int?
            while search < text.endIndex {
                if text[search] == UInt8(ascii: "`") {
                    var end = search
                    while end < text.endIndex, text[end] == UInt8(ascii: "`") { end += 1 }
                    if end - search == length {
                        closing = search
                        break
                    }
                    search = end
                } else {
                    search += 1
                }
            }
            guard let closing else {
                index = runEnd
                continue
            }
            for pipe in runEnd..<closing where text[pipe] == UInt8(ascii: "|") && text[pipe - 1] != UInt8(ascii: "\\") {
                let lineStart = source.lineStarts[line.textLine - 1]
                let position = source.filePosition(line: line.textLine, byteColumn: pipe - lineStart + 1)
                diagnostics.append(source.diagnostic(
                    .warning, "this `|` inside a code span ends the table cell",
                    at: SourceRange(startLine: position.line, startColumn: position.column, endLine: position.line, endColumn: position.column),
                    hint: "Write it as `\\|` to keep it in the cell."))
                break
            }
            index = closing + length
        }
    }

    // MARK: - Building

    func build(_ pieces: [Piece], parsed: [[Node]]) -> [Node] {
        pieces.map { piece in
            switch piece {
            case .paragraph(let lines, let segment):
                return Node(.paragraph, children: parsed[segment], range: range(lines))
            case .heading(let level, let lines, let segment, let underline):
                return Node(.heading(level: level, id: ""), children: parsed[segment], range: range(lines + [underline]))
            case .thematicBreak(let line):
                return Node(.thematicBreak, range: range(line))
            case .table(let table):
                return build(table, parsed: parsed)
            }
        }
    }

    private func build(_ table: Table, parsed: [[Node]]) -> Node {
        let columns = table.alignments.count
        func cells(_ row: Row, header: Bool) -> [Node] {
            (0..<columns).map { column in
                let kind = Node.Kind.tableCell(header: header, alignment: table.alignments[column])
                guard column < row.cells.count else { return Node(kind) }
                let cell = row.cells[column]
                let lineStart = source.lineStarts[cell.line.textLine - 1]
                let range = cell.span.isEmpty ? nil : span(cell.line.textLine, from: cell.span.start - lineStart + 1,
                                                              to: cell.span.end - lineStart)
                return Node(kind, children: cell.segment.map { parsed[$0] } ?? [], range: range)
            }
        }
        var children = [Node(.tableHead, children: cells(table.header, header: true), range: range(table.header.line))]
        children += table.rows.map { Node(.tableRow, children: cells($0, header: false), range: range($0.line)) }
        let first = table.captionLine ?? table.header.line
        let last = table.rows.last?.line ?? table.delimiter
        return Node(.table(alignments: table.alignments, caption: table.caption.map { parsed[$0] } ?? []),
                    children: children, range: range([first, last]))
    }

    /// From the first to the last non-space byte of the lines.
    private func range(_ lines: [SourceLine]) -> SourceRange? {
        guard let first = lines.first, let last = lines.last else { return nil }
        let firstStart = source.lineStarts[first.textLine - 1]
        let lastStart = source.lineStarts[last.textLine - 1]
        var from = first.start
        while from < first.end, source.bytes[from] == 0x20 || source.bytes[from] == 0x09 { from += 1 }
        var to = last.end
        while to > last.start, source.bytes[to - 1] == 0x20 || source.bytes[to - 1] == 0x09 { to -= 1 }
        let start = source.filePosition(line: first.textLine, byteColumn: from - firstStart + 1)
        let end = source.filePosition(line: last.textLine, byteColumn: max(1, to - lastStart))
        return SourceRange(startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column)
    }

    private func range(_ line: SourceLine) -> SourceRange? { range([line]) }

    private func span(_ textLine: Int, from: Int, to: Int) -> SourceRange {
        let start = source.filePosition(line: textLine, byteColumn: from)
        let end = source.filePosition(line: textLine, byteColumn: to)
        return SourceRange(startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column)
    }
}
