import Testing
@testable import Accessibility

/// Byte offsets to lines and columns, asked in order (as a parse does), backwards and at random:
/// always what counting from the start gives.
@Suite struct LineIndexTests {
    static let text = Array("<p>one</p>\n<p>twö ünïcode</p>\n\n<ul>\n  <li>€ and 😀</li>\n</ul>".utf8)

    static func naive(_ offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for index in 0..<min(offset, text.count) {
            if text[index] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if text[index] & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    @Test func anyOrderGivesWhatCountingGives() {
        let inOrder = Array(0...Self.text.count)
        var generator = SystemRandomNumberGenerator()
        for order in [inOrder, inOrder.reversed(), inOrder.shuffled(using: &generator), inOrder + inOrder] {
            var index = LineIndex(Self.text)
            for offset in order {
                let found = index.position(ofOffset: offset)
                let expected = Self.naive(offset)
                #expect(found.line == expected.line && found.column == expected.column, "offset \(offset)")
            }
        }
    }

    @Test func offsetsOutsideTheTextAreClamped() {
        var index = LineIndex(Self.text)
        #expect(index.position(ofOffset: -5) == (1, 1))
        let end = Self.naive(Self.text.count)
        #expect(index.position(ofOffset: Self.text.count + 10) == end)
        var empty = LineIndex([])
        #expect(empty.position(ofOffset: 0) == (1, 1))
    }
}
