import Core

/// Inline Markdown cut out of its block (a table cell, a caption, the lines left above a
/// table), parsed by cmark in one batch and mapped back to the file.
///
/// Each segment becomes its own paragraph of a made-up document, after `&#32; `: the
/// character reference stops the text from starting a block (a cell `1. Step` stays text, as
/// in GFM, and `[x]: /y` is not a definition), and the space after it makes the segment's first
/// character stand where a line start would for emphasis rules. The two spaces are removed
/// again. The text whose link reference definitions apply is parsed after the segments, so
/// `[label][]` in a cell resolves as it would in the page.
struct InlineSegments {
    /// One line of a segment: its bytes, and for each byte (plus one past the end) the 1-based
    /// byte column in text line `textLine` it came from.
    struct Line {
        var textLine: Int
        var bytes: [UInt8]
        var origins: [Int]
    }

    typealias Segment = [Line]

    let source: MarkdownSource
    let parser: MarkdownParser
    let depthUsed: Int

    private static let prefix = Array("&#32; ".utf8)

    /// The inline nodes of each segment, in order, with file positions.
    func parse(_ segments: [Segment], references: String) -> [[Node]] {
        guard !segments.isEmpty else { return [] }
        var text: [UInt8] = []
        var firstLines: [Int] = []
        var line = 1
        for segment in segments {
            firstLines.append(line)
            for (index, part) in segment.enumerated() {
                if index == 0 { text += Self.prefix }
                text += part.bytes
                text.append(0x0A)
                line += 1
            }
            text.append(0x0A)
            line += 1
        }
        let made = MarkdownSource(String(decoding: text, as: UTF8.self), file: source.file)
        var unlimited = parser
        unlimited.maximumInputBytes = .max
        let suffix = references.containsBytes("]:") ? references : ""
        let (document, _) = unlimited.parse(made, appending: suffix, depthUsed: depthUsed)

        var results = [[Node]](repeating: [], count: segments.count)
        var segmentIndex = 0
        for block in document.children {
            guard let start = block.range?.startLine else { continue }
            while segmentIndex + 1 < segments.count && firstLines[segmentIndex + 1] <= start { segmentIndex += 1 }
            let segment = segments[segmentIndex]
            guard start < firstLines[segmentIndex] + segment.count else { continue }
            let mapper = Mapper(made: made, source: source, firstLine: firstLines[segmentIndex], segment: segment)
            let inlines: [Node] = if case .paragraph = block.kind {
                block.children.map { mapper.map($0) }
            } else {
                [Node(.text(block.plainText), range: block.range.map { mapper.map($0) })]
            }
            results[segmentIndex] += inlines
        }
        for index in results.indices { Self.removePrefixSpaces(&results[index]) }
        return results
    }

    /// Drops the two spaces the prefix left at the start of a segment's first text.
    private static func removePrefixSpaces(_ nodes: inout [Node]) {
        guard let first = nodes.first, case .text(let text) = first.kind else { return }
        let spaces = min(2, text.prefix { $0 == " " }.count)
        let rest = String(text.dropFirst(spaces))
        if rest.isEmpty {
            nodes.removeFirst()
        } else {
            nodes[0].kind = .text(rest)
        }
    }

    /// Maps positions in the made-up document back to the file.
    private struct Mapper {
        let made: MarkdownSource
        let source: MarkdownSource
        let firstLine: Int
        let segment: Segment

        func map(_ node: Node) -> Node {
            var copy = node
            copy.range = node.range.map(map)
            if !node.children.isEmpty { copy.children = node.children.map(map) }
            return copy
        }

        func map(_ range: SourceRange) -> SourceRange {
            let start = position(range.startLine, range.startColumn)
            let end = position(range.endLine, range.endColumn)
            return SourceRange(startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column)
        }

        private func position(_ line: Int, _ column: Int) -> (line: Int, column: Int) {
            let local = max(0, min(segment.count - 1, line - firstLine))
            let part = segment[local]
            let byteColumn = made.textPosition(fileLine: line, column: column).byteColumn
            let offset = byteColumn - 1 - (local == 0 ? InlineSegments.prefix.count : 0)
            let origin = part.origins[max(0, min(part.origins.count - 1, offset))]
            return source.filePosition(line: part.textLine, byteColumn: origin)
        }
    }
}
