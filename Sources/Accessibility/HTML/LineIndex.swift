/// Turns UTF-8 byte offsets into 1-based lines and columns (columns count characters, as
/// `SourceText.lineAndColumn` does). Offsets usually arrive in increasing order while a page is
/// parsed, so the last answer is kept as a starting point: a minified one-line page costs one
/// pass, not one pass per element.
struct LineIndex {
    private let bytes: [UInt8]
    private var lineStarts: [Int] = [0]
    private var cursorOffset = 0
    private var cursorLine = 0
    private var cursorColumn = 1

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
        }
        lineStarts = starts
    }

    mutating func position(ofOffset rawOffset: Int) -> (line: Int, column: Int) {
        let offset = max(0, min(rawOffset, bytes.count))
        let line = lineIndex(containing: offset)
        var start = lineStarts[line]
        var column = 1
        if line == cursorLine && cursorOffset <= offset {
            start = cursorOffset
            column = cursorColumn
        }
        var index = start
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        cursorLine = line
        cursorOffset = offset
        cursorColumn = column
        return (line + 1, column)
    }

    private func lineIndex(containing offset: Int) -> Int {
        // In order, an offset is nearly always on the cursor's line or the next: no search.
        if lineStarts[cursorLine] <= offset {
            let next = cursorLine + 1
            if next == lineStarts.count || offset < lineStarts[next] { return cursorLine }
            if next + 1 == lineStarts.count || offset < lineStarts[next + 1] { return next }
        }
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
