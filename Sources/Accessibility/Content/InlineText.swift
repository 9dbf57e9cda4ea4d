import Core
import Markdown

/// The text of one block (a paragraph, heading or table cell) as a flat run of characters that
/// remembers where each stretch came from, so a sentence or word found in it can be pointed at
/// in the Markdown. Image alt text is left out: it is checked by the image rules.
struct InlineText {
    struct Segment {
        var start: Int
        var count: Int
        var range: SourceRange?
        var isCode: Bool
    }

    private(set) var segments: [Segment] = []
    /// The characters, classified as they are added, for the plain-English rules.
    private(set) var prose = Prose()
    let fallback: SourceLocation

    init(_ block: Node, fallback: SourceLocation) {
        self.fallback = fallback
        var stack: [Node] = block.children.reversed()
        while let node = stack.popLast() {
            switch node.kind {
            case .text(let text): append(text, range: node.range, isCode: false)
            case .code(let text): append(text, range: node.range, isCode: true)
            case .softBreak, .lineBreak: append(" ", range: nil, isCode: false)
            case .image, .htmlInline: continue
            default: stack.append(contentsOf: node.children.reversed())
            }
        }
    }

    var string: String { prose.text(0..<prose.count) }

    /// The characters in `range` as a string.
    func text(_ range: Range<Int>) -> String { prose.text(range) }

    private mutating func append(_ text: String, range: SourceRange?, isCode: Bool) {
        let start = prose.count
        prose.append(contentsOf: text)
        segments.append(Segment(start: start, count: prose.count - start, range: range, isCode: isCode))
    }

    /// True when the character at `offset` is inside inline code.
    func isCode(at offset: Int) -> Bool { segment(at: offset)?.isCode ?? false }

    /// The Markdown line and column of the character at `offset`.
    func location(of offset: Int) -> SourceLocation {
        guard let segment = segment(at: offset), let range = segment.range else {
            // No position for this stretch: use the last placed stretch before it, else the block.
            if let previous = segments.last(where: { $0.start <= offset && $0.range != nil }), let range = previous.range {
                return SourceLocation(file: fallback.file, line: range.startLine, column: range.startColumn)
            }
            return fallback
        }
        // Columns count Unicode scalars (Core's convention), not characters.
        let scalars = prose.scalarCount(segment.start..<offset)
        return SourceLocation(file: fallback.file, line: range.startLine, column: range.startColumn + scalars)
    }

    private func segment(at offset: Int) -> Segment? {
        var low = 0
        var high = segments.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let candidate = segments[middle]
            if offset < candidate.start {
                high = middle - 1
            } else if offset >= candidate.start + candidate.count {
                low = middle + 1
            } else {
                return candidate
            }
        }
        return nil
    }
}
