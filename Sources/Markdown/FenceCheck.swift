import Core

/// Fenced blocks that do not do what their author meant:
/// - a component name misspelt (```` ```warnning ````) makes a code block of the call to 999
///   that should stand out;
/// - a fence never closed takes every heading and paragraph after it, to the end of the page,
///   into the block.
/// Both are warnings: the page still reads, but not as written.
public struct FenceCheck: NodeCheck {
    public init() {}

    public func inspect(_ node: Node, source: MarkdownSource, into diagnostics: inout [Diagnostic]) {
        guard let range = node.range else { return }
        let word: String
        switch node.kind {
        case .codeBlock(let info, _):
            word = String(info.drop { $0 == " " || $0 == "\t" }.prefix { $0 != " " && $0 != "\t" }).lowercased()
            if let meant = Self.componentMeant(by: word) {
                diagnostics.append(source.diagnostic(
                    .warning, "```\(word) makes a block of code, not a component", at: range,
                    hint: "Did you mean ```\(meant)? The components are \(Self.componentNames)."))
            }
        case .callout(let kind, _):
            word = kind.rawValue
        default:
            return
        }
        if let fence = Self.openingFence(source.fileLineText(range.startLine)), !Self.isClosed(range, fence: fence, source: source) {
            let opening = word.isEmpty ? fence : fence + word
            diagnostics.append(source.diagnostic(
                .warning, "this \(opening) is never closed, so everything after it on the page is inside it", at: range,
                hint: "Add a line \(fence) where the block should end."))
        }
    }

    static let componentNames = Node.CalloutKind.allCases.map(\.rawValue).joined(separator: ", ")

    /// The component a code block's first word is a likely misspelling of; nil for a real
    /// language name or anything not close to a component.
    static func componentMeant(by word: String) -> String? {
        guard word.count >= 4, Node.CalloutKind(rawValue: word) == nil else { return nil }
        return Suggestion.closest(to: word, in: Node.CalloutKind.allCases.map(\.rawValue))
    }

    /// The fence (```` ``` ```` or `~~~`, as long as written) that opens the block on this line,
    /// after any quote markers and indentation; nil for an indented code block.
    static func openingFence(_ line: String?) -> String? {
        guard let line else { return nil }
        let rest = line.dropFirst(MarkdownSource.blockPrefix(of: line).count)
        guard let mark = rest.first, mark == "`" || mark == "~" else { return nil }
        let fence = rest.prefix { $0 == mark }
        return fence.count >= 3 ? String(fence) : nil
    }

    /// Whether the block's last line is a closing fence, or the block ended before the page's
    /// last words (a list or quote around it ended it, which CommonMark allows).
    static func isClosed(_ range: SourceRange, fence: String, source: MarkdownSource) -> Bool {
        if range.endLine > range.startLine, let last = source.fileLineText(range.endLine) {
            let rest = last.dropFirst(MarkdownSource.blockPrefix(of: last).count)
            let marks = rest.prefix { $0 == fence.first }
            if marks.count >= fence.count, rest.dropFirst(marks.count).allSatisfy({ $0 == " " || $0 == "\t" }) { return true }
        }
        var line = range.endLine + 1
        while let text = source.fileLineText(line) {
            if text.contains(where: { !$0.isWhitespace && $0 != ">" }) { return true }
            line += 1
        }
        return false
    }
}
