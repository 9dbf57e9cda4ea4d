import Core

/// `herald new` starts a page's text with `TODO:` lines (a heading and a paragraph) for the
/// author to replace; one left in would be published. Each is a warning, as a `TODO` left in
/// the front matter is, so a strict build (CI) stops on it.
public struct PlaceholderCheck: NodeCheck {
    public init() {}

    public func inspect(_ node: Node, source: MarkdownSource, into diagnostics: inout [Diagnostic]) {
        switch node.kind {
        case .paragraph, .heading, .tableCell: break
        default: return
        }
        guard let first = node.children.first, case .text(let text) = first.kind, Self.isPlaceholder(text) else { return }
        diagnostics.append(source.diagnostic(.warning, "a `TODO` placeholder is still here", at: first.range,
                                             hint: "Replace it with the page's own words before publishing."))
    }

    /// `TODO` as a word at the start: "TODO: first heading", "TODO write this"; not "TODOS".
    static func isPlaceholder(_ text: String) -> Bool {
        guard text.hasPrefix("TODO") else { return false }
        return text.dropFirst(4).first.map { !$0.isLetter && !$0.isNumber } ?? true
    }
}
