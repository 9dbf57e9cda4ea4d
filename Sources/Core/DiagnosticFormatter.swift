/// Renders diagnostics the way compilers do: `path:line:col: error: message`, the source line,
/// a caret under the column, and a hint. Colour is a choice made by the caller, who knows the terminal.
public struct DiagnosticFormatter: Sendable {
    public var useColour: Bool

    public init(useColour: Bool) { self.useColour = useColour }

    public func format(_ diagnostic: Diagnostic) -> String {
        var lines: [String] = []
        let label = paint(diagnostic.severity.rawValue, code: colourCode(diagnostic.severity))
        let ruleSuffix = diagnostic.rule.map { " [\($0.id)]" } ?? ""
        let place = diagnostic.location.map { "\($0): " } ?? ""
        lines.append(paint(place, code: "1") + label + ": " + paint(diagnostic.message, code: "1") + ruleSuffix)
        if let source = diagnostic.sourceLine, let location = diagnostic.location {
            let gutter = String(location.line)
            let pad = String(repeating: " ", count: gutter.count)
            let (display, caretColumn) = Self.window(source.replacingTabs(), column: location.column)
            lines.append("\(gutter) | \(display)")
            lines.append("\(pad) | " + String(repeating: " ", count: caretColumn) + paint("^", code: "32;1"))
        }
        if let hint = diagnostic.hint {
            lines.append(paint("hint", code: "36;1") + ": " + hint)
        }
        return lines.joined(separator: "\n")
    }

    /// The most of a source line shown: a longer line (100,000 `>` of a hostile page, say) is
    /// cut to this many characters around the column, marked with `…`.
    public static let maximumShownCharacters = 160

    /// The part of `line` to show and the caret's offset in it.
    static func window(_ line: String, column: Int) -> (String, Int) {
        let caret = max(0, min(column - 1, line.count))
        guard line.count > maximumShownCharacters else { return (line, caret) }
        let characters = Array(line)
        let start = max(0, min(caret - maximumShownCharacters / 2, characters.count - maximumShownCharacters))
        let end = min(characters.count, start + maximumShownCharacters)
        let shown = (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
        return (shown, caret - start + (start > 0 ? 1 : 0))
    }

    private func colourCode(_ severity: Severity) -> String {
        switch severity {
        case .error: "31;1"
        case .warning: "35;1"
        case .advice: "36;1"
        }
    }

    private func paint(_ text: String, code: String) -> String {
        guard useColour, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
