/// Splits one line of a GFM pipe table into cells, the way cmark-gfm's table extension does:
/// an optional leading pipe, cells separated by unescaped `|`, an optional trailing pipe, each
/// cell trimmed. `\|` is a pipe inside a cell (in code spans too); it is unescaped before the
/// cell's inline Markdown is parsed.
enum TableRowScanner {
    /// A cell: where its trimmed text lies in the line (indices into the slice).
    struct Cell: Equatable {
        var start: Int
        var end: Int
        var isEmpty: Bool { start >= end }
    }

    static func cells(_ line: ArraySlice<UInt8>) -> [Cell] {
        var index = line.startIndex
        let end = line.endIndex
        while index < end, isSpace(line[index]) { index += 1 }
        if index < end, line[index] == UInt8(ascii: "|") {
            index += 1
            while index < end, isSpaceChar(line[index]) { index += 1 }
        }
        var cells: [Cell] = []
        var expectMore = true
        while index < end && expectMore {
            let cellStart = index
            while index < end, line[index] != UInt8(ascii: "|") {
                if line[index] == UInt8(ascii: "\\"), index + 1 < end, line[index + 1] == UInt8(ascii: "|") {
                    index += 2
                } else {
                    index += 1
                }
            }
            let cellEnd = index
            let pipe = index < end
            if cellEnd > cellStart || pipe {
                var trimmedStart = cellStart
                var trimmedEnd = cellEnd
                while trimmedStart < trimmedEnd, isSpace(line[trimmedStart]) { trimmedStart += 1 }
                while trimmedEnd > trimmedStart, isSpace(line[trimmedEnd - 1]) { trimmedEnd -= 1 }
                cells.append(Cell(start: trimmedStart, end: trimmedEnd))
            }
            if pipe {
                index += 1
                while index < end, isSpaceChar(line[index]) { index += 1 }
            } else {
                expectMore = false
            }
        }
        return cells
    }

    /// The alignments of a delimiter row (`| :-- | :-: | --: |`), or nil when the line is not one.
    static func delimiterRow(_ line: ArraySlice<UInt8>) -> [Node.TableAlignment]? {
        let found = cells(line)
        guard !found.isEmpty else { return nil }
        var alignments: [Node.TableAlignment] = []
        for cell in found {
            guard cell.end > cell.start else { return nil }
            let text = line[cell.start..<cell.end]
            let left = text.first == UInt8(ascii: ":")
            let right = text.count > 1 && text.last == UInt8(ascii: ":")
            let dashes = text.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments
    }

    /// A cell's text with `\|` unescaped, and for each byte of it (plus one past the end) the
    /// index in the line it came from.
    static func unescaped(_ line: ArraySlice<UInt8>, _ cell: Cell) -> (bytes: [UInt8], origins: [Int]) {
        var bytes: [UInt8] = []
        var origins: [Int] = []
        bytes.reserveCapacity(cell.end - cell.start)
        origins.reserveCapacity(cell.end - cell.start + 1)
        var index = cell.start
        while index < cell.end {
            if line[index] == UInt8(ascii: "\\"), index + 1 < cell.end, line[index + 1] == UInt8(ascii: "|") {
                index += 1
            }
            bytes.append(line[index])
            origins.append(index)
            index += 1
        }
        origins.append(cell.end)
        return (bytes, origins)
    }

    /// cmark's `cmark_isspace`, used for trimming cells.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0B || byte == 0x0C || byte == 0x0D
    }

    /// The table scanner's `spacechar`: space, tab, vertical tab, form feed.
    private static func isSpaceChar(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }
}
