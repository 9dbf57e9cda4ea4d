import Core
@testable import Markdown

/// A one-line-per-node picture of a tree with positions, for readable expectations.
func dump(_ node: Node, indent: Int = 0) -> String {
    var line = String(repeating: "  ", count: indent) + describe(node.kind)
    if let range = node.range {
        line += " \(range.startLine):\(range.startColumn)-\(range.endLine):\(range.endColumn)"
    }
    var lines = [line]
    if case .table(_, let caption) = node.kind, !caption.isEmpty {
        lines.append(String(repeating: "  ", count: indent + 1) + "caption")
        lines += caption.map { dump($0, indent: indent + 2) }
    }
    lines += node.children.map { dump($0, indent: indent + 1) }
    return lines.joined(separator: "\n")
}

private func describe(_ kind: Node.Kind) -> String {
    switch kind {
    case .text(let text): "text \(text.debugDescription)"
    case .code(let text): "code \(text.debugDescription)"
    case .link(let destination, _): "link \(destination)"
    case .image(let source, _, let decorative): "image \(source)\(decorative ? " decorative" : "")"
    case .heading(let level, let id): "heading \(level)\(id.isEmpty ? "" : " #" + id)"
    case .callout(let kind, let title): "callout \(kind.rawValue)\(title.isEmpty ? "" : " " + title.debugDescription)"
    case .tableCell(let header, let alignment): "\(header ? "th" : "td")\(alignment == .none ? "" : " " + alignment.rawValue)"
    case .table: "table"
    default: "\(kind)".components(separatedBy: "(").first ?? "\(kind)"
    }
}
