import Core
import Markdown

/// Builds Markdown trees by hand, with source ranges, the way the parser would give them.
/// Columns are 1-based; a node's range covers `length` columns on one line.
enum MD {
    static func range(_ line: Int, _ column: Int, _ length: Int = 1) -> SourceRange {
        SourceRange(startLine: line, startColumn: column, endLine: line, endColumn: column + max(0, length - 1))
    }

    static func document(_ children: Node...) -> Node {
        Node(.document, children: children, range: SourceRange(startLine: 1, startColumn: 1, endLine: 100, endColumn: 1))
    }

    static func heading(_ level: Int, line: Int, _ children: Node...) -> Node {
        Node(.heading(level: level, id: ""), children: children, range: range(line, 1, 40))
    }

    static func paragraph(line: Int, column: Int = 1, _ children: Node...) -> Node {
        Node(.paragraph, children: children, range: range(line, column, 80))
    }

    /// Text starting at `line`:`column`.
    static func text(_ string: String, _ line: Int, _ column: Int) -> Node {
        Node(.text(string), range: range(line, column, string.unicodeScalars.count))
    }

    static func strong(_ line: Int, _ column: Int, _ children: Node...) -> Node {
        Node(.strong, children: children, range: range(line, column, 10))
    }

    static func image(_ source: String, alt: String, decorative: Bool = false, title: String = "", _ line: Int, _ column: Int) -> Node {
        let children = alt.isEmpty ? [] : [text(alt, line, column + 2)]
        return Node(.image(source: source, title: title, decorative: decorative), children: children, range: range(line, column, 10))
    }

    static func link(_ destination: String, _ line: Int, _ column: Int, _ children: Node...) -> Node {
        Node(.link(destination: destination, title: ""), children: children, range: range(line, column, 10))
    }

    static func list(line: Int, _ items: Node...) -> Node {
        Node(.list(ordered: false, start: 1, tight: true), children: items, range: range(line, 1, 10))
    }

    static func item(line: Int, _ children: Node...) -> Node {
        Node(.item, children: children, range: range(line, 1, 10))
    }

    static let softBreak = Node(.softBreak)
}
