import Core
import Foundation

/// A piece of Markdown and where each of its lines sits in its file: the page body under the
/// front matter, or the inside of a fenced callout (whose lines start further right).
///
/// Columns, here and in every `SourceRange` Herald makes, count Unicode scalars from 1, as
/// `SourceText.lineAndColumn` does; cmark's own columns are bytes and are converted on the way in.
public struct MarkdownSource: Sendable {
    public let text: String
    /// The file the diagnostics name.
    public let file: String
    /// The file line of the text's first line.
    public let firstLine: Int
    /// The text's UTF-8 bytes, kept for byte-level scanning.
    let bytes: [UInt8]
    /// Byte offset where each line starts; one extra entry marks the end of the text.
    let lineStarts: [Int]
    /// Per line: the scalars that stand left of the text's line in the file line (a callout
    /// body's container prefix). Empty for text that starts every line at column 1.
    let columnOffsets: [Int]
    /// Where the file's own lines can be read, for quoting a line under a diagnostic.
    let fileLines: FileLines?
    /// UTF-8 continuation bytes before each 256-byte block, so that a byte column converts to a
    /// scalar column in constant time on lines of any length. Empty for ASCII text.
    private let continuations: [Int32]

    public init(_ text: String, file: String = "", firstLine: Int = 1) {
        self.init(text: text, file: file, firstLine: firstLine, columnOffsets: [], fileLines: nil)
    }

    init(text: String, file: String, firstLine: Int, columnOffsets: [Int], fileLines: FileLines?) {
        self.text = text
        self.file = file
        self.firstLine = firstLine
        self.columnOffsets = columnOffsets
        bytes = Array(text.utf8)
        lineStarts = Self.lineStarts(of: bytes)
        continuations = Self.continuationCheckpoints(bytes)
        self.fileLines = fileLines
    }

    private static let block = 256

    static func continuationCheckpoints(_ bytes: [UInt8]) -> [Int32] {
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            var nonASCII = false
            for index in 0..<words where raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                nonASCII = true
                break
            }
            if !nonASCII { nonASCII = raw[(words * 8)...].contains { $0 >= 0x80 } }
            guard nonASCII else { return [] }
            var checkpoints: [Int32] = [0]
            checkpoints.reserveCapacity(raw.count / block + 2)
            var total: Int32 = 0
            var offset = 0
            while offset < raw.count {
                let end = min(offset + block, raw.count)
                var index = offset
                while index + 8 <= end {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    total += Int32((word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount)
                    index += 8
                }
                while index < end {
                    if raw[index] & 0xC0 == 0x80 { total += 1 }
                    index += 1
                }
                checkpoints.append(total)
                offset = end
            }
            return checkpoints
        }
    }

    /// UTF-8 continuation bytes in `bytes[0..<offset]`.
    private func continuationCount(before offset: Int) -> Int {
        guard !continuations.isEmpty else { return 0 }
        let blockIndex = offset / Self.block
        var count = Int(continuations[min(blockIndex, continuations.count - 1)])
        var index = blockIndex * Self.block
        while index < offset {
            if bytes[index] & 0xC0 == 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// Scalars that start in the first `byteCount` bytes of text line `line`.
    private func scalars(line: Int, byteCount: Int) -> Int {
        guard !continuations.isEmpty else { return byteCount }
        let start = lineStarts[line - 1]
        if byteCount <= Self.block {
            var count = 0
            for index in start..<(start + byteCount) where bytes[index] & 0xC0 != 0x80 { count += 1 }
            return count
        }
        return byteCount - (continuationCount(before: start + byteCount) - continuationCount(before: start))
    }

    /// Number of lines in the text (a final line ending does not start another line).
    var lineCount: Int { lineStarts.count - 1 }

    /// Line starts, treating `\n`, `\r\n` and `\r` as line endings, as cmark does. Uses `memchr`
    /// for the common case of no `\r`, so that indexing stays cheap next to parsing.
    static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        let count = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, count > 0 else { return }
            if memchr(base, 0x0D, count) == nil {
                var offset = 0
                while offset < count, let found = memchr(base + offset, 0x0A, count - offset) {
                    let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                    starts.append(index + 1)
                    offset = index + 1
                }
                return
            }
            var index = 0
            while index < count {
                let byte = buffer[index]
                if byte == 0x0A {
                    starts.append(index + 1)
                } else if byte == 0x0D {
                    if index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
                    starts.append(index + 1)
                }
                index += 1
            }
        }
        if starts.last != count { starts.append(count) }
        return starts
    }

    /// The bytes of text line `line` (1-based) without its line ending; empty past the end.
    func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line < lineStarts.count else { return [] }
        var end = lineStarts[line]
        let start = lineStarts[line - 1]
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<end]
    }

    /// The quote markers (`>`) and indentation a file line starts with: what stands before the
    /// text of a block inside a quote or list, which the author's checks look past.
    static func blockPrefix(of line: String) -> Substring {
        line.prefix { $0 == " " || $0 == "\t" || $0 == ">" }
    }

    /// The text of file line `fileLine`, for quoting under a diagnostic.
    public func fileLineText(_ fileLine: Int) -> String? {
        if let fileLines { return fileLines.text(fileLine) }
        guard fileLine >= firstLine, fileLine - firstLine < lineCount else { return nil }
        return String(decoding: lineBytes(fileLine - firstLine + 1), as: UTF8.self)
    }

    func columnOffset(_ line: Int) -> Int {
        line >= 1 && line <= columnOffsets.count ? columnOffsets[line - 1] : 0
    }

    /// The file position of cmark's (line, byte column) in this text. Column 0 (cmark's "before
    /// the line") and columns past the end are clamped onto the line.
    func filePosition(line: Int, byteColumn: Int) -> (line: Int, column: Int) {
        let length = lineBytes(line).count
        let clamped = max(1, min(byteColumn, max(1, length)))
        let column = length == 0 ? 1 : scalars(line: line, byteCount: clamped)
        return (line + firstLine - 1, max(1, column) + columnOffset(line))
    }

    /// The inverse: the text line and 1-based byte column of a file position.
    func textPosition(fileLine: Int, column: Int) -> (line: Int, byteColumn: Int) {
        let line = fileLine - firstLine + 1
        let length = lineBytes(line).count
        let scalar = column - columnOffset(line)
        guard !continuations.isEmpty, length > 0 else { return (line, max(1, min(scalar, max(1, length)))) }
        // The smallest byte count holding `scalar` scalar starts: that byte is the scalar's first.
        var low = 1
        var high = length
        while low < high {
            let middle = (low + high) / 2
            if scalars(line: line, byteCount: middle) < scalar { low = middle + 1 } else { high = middle }
        }
        return (line, low)
    }

    func location(_ range: SourceRange?) -> SourceLocation? {
        range.map { SourceLocation(file: file, line: $0.startLine, column: $0.startColumn) }
    }

    /// A diagnostic at `range`, with the line it points at quoted.
    func diagnostic(_ severity: Severity, _ message: String, at range: SourceRange?, hint: String?) -> Diagnostic {
        let location = location(range)
        return Diagnostic(severity, message, at: location, hint: hint,
                          sourceLine: location.flatMap { fileLineText($0.line) })
    }

    /// The source of a fenced block's inside, given its text and the text line its first line
    /// is on. Each line's column offset is found by matching the line's text at the end of the
    /// enclosing line (cmark strips container prefixes and fence indentation, never a line's
    /// end); where tabs make that impossible, `fallbackOffset` is used.
    func subsource(_ inner: String, startingAt textLine: Int, fallbackOffset: Int) -> MarkdownSource {
        let innerBytes = Array(inner.utf8)
        let innerStarts = Self.lineStarts(of: innerBytes)
        var offsets: [Int] = []
        offsets.reserveCapacity(innerStarts.count - 1)
        for index in 0..<(innerStarts.count - 1) {
            var end = innerStarts[index + 1]
            let start = innerStarts[index]
            while end > start, innerBytes[end - 1] == 0x0A || innerBytes[end - 1] == 0x0D { end -= 1 }
            let innerLine = innerBytes[start..<end]
            let outerLine = lineBytes(textLine + index)
            if outerLine.count >= innerLine.count, outerLine.suffix(innerLine.count).elementsEqual(innerLine) {
                let prefix = outerLine.prefix(outerLine.count - innerLine.count)
                offsets.append(columnOffset(textLine + index) + prefix.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) })
            } else {
                offsets.append(fallbackOffset)
            }
        }
        return MarkdownSource(text: inner, file: file, firstLine: firstLine + textLine - 1, columnOffsets: offsets,
                              fileLines: fileLines ?? FileLines(self))
    }
}

/// The lines of the outermost source, shared by the sources made for callout bodies.
struct FileLines: Sendable {
    private let source: MarkdownSourceBox

    init(_ source: MarkdownSource) { self.source = MarkdownSourceBox(source) }

    func text(_ fileLine: Int) -> String? { source.value.fileLineText(fileLine) }
}

/// Breaks the recursion between `MarkdownSource` and `FileLines` (a struct cannot hold itself).
final class MarkdownSourceBox: Sendable {
    let value: MarkdownSource
    init(_ value: MarkdownSource) { self.value = value }
}
