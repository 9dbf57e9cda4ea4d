import Core

/// Finds links cmark could not read, which the page would show as typed: an address with a
/// space in it (`[the plan](Police Plan.md)`), a space between `]` and `(`, an address never
/// closed, or a reference to a definition the page lacks. Readers would meet stray brackets
/// where a link should be, so each is an error.
public struct UnreadLinks: NodeCheck {
    public init() {}

    public func inspect(_ node: Node, source: MarkdownSource, into diagnostics: inout [Diagnostic]) {
        switch node.kind {
        case .paragraph, .heading, .tableCell, .emphasis, .strong: break
        default: return
        }
        for run in Self.textRuns(in: node.children) {
            diagnostics += Self.problems(in: run).map { problem in
                let column = Self.column(ofBracket: problem.bracketIndex, in: run, source: source)
                let location = SourceLocation(file: source.file, line: run.line, column: column)
                return Diagnostic(.error, problem.message, at: location, hint: problem.hint,
                                  sourceLine: source.fileLineText(run.line))
            }
        }
    }

    /// Text that cmark left in pieces side by side (it splits at brackets), joined again: a
    /// link it could not read spans several of them. A line break or any other node ends a run.
    struct TextRun {
        var text: [Character]
        var line: Int
        var column: Int
    }

    static func textRuns(in children: [Node]) -> [TextRun] {
        // Most paragraphs hold no `]` at all: they are passed over without copying their text.
        let bracket = UInt8(ascii: "]")
        guard children.contains(where: { if case .text(let string) = $0.kind { string.utf8.contains(bracket) } else { false } }) else {
            return []
        }
        var runs: [TextRun] = []
        var current: TextRun?
        for child in children {
            if case .text(let string) = child.kind, let range = child.range {
                if current == nil { current = TextRun(text: [], line: range.startLine, column: range.startColumn) }
                current?.text += string
            } else if let run = current {
                runs.append(run)
                current = nil
            }
        }
        if let current { runs.append(current) }
        return runs.filter { $0.text.contains("]") }
    }

    struct Problem: Equatable {
        /// Where in the run the link's `[` (or, when the run does not hold it, its `]`) is.
        var bracketIndex: Int
        var message: String
        var hint: String
    }

    static func problems(in run: TextRun) -> [Problem] {
        let text = run.text
        var problems: [Problem] = []
        var open: Int?
        var index = 0
        while index < text.count {
            let character = text[index]
            if character == "[" { open = index }
            guard character == "]" else { index += 1; continue }
            let what = open.map { $0 > 0 && text[$0 - 1] == "!" } == true ? "image" : "link"
            let start = open ?? index
            let next = index + 1 < text.count ? text[index + 1] : nil
            if next == "(" {
                let address = text[(index + 2)...].prefix { $0 != ")" }
                if index + 2 + address.count >= text.count {
                    problems.append(Problem(bracketIndex: start, message: "this \(what) is shown as typed: its address has no closing `)`",
                                            hint: "Close the address with `)`: [words](address)."))
                } else if address.contains(where: \.isWhitespace) {
                    problems.append(Problem(bracketIndex: start, message: "this \(what) is shown as typed: its address has a space in it",
                                            hint: "Put the address in angle brackets, [words](<\(String(address))>), or rename the file without spaces."))
                } else {
                    problems.append(Problem(bracketIndex: start, message: "this \(what) is shown as typed: Markdown cannot read its address",
                                            hint: "Write it as [words](address), with no spaces or brackets in the address."))
                }
            } else if open != nil, next == " ", index + 2 < text.count, text[index + 2] == "(" {
                // `[PDF] (2 MB)` is prose; `[the plan] (plan.md)` is a link with a space too many.
                let address = text[(index + 3)...].prefix { $0 != ")" }
                if index + 3 + address.count < text.count, !address.isEmpty, !address.contains(where: \.isWhitespace),
                   address.contains(where: { "./#:".contains($0) }) {
                    problems.append(Problem(bracketIndex: start, message: "this \(what) is shown as typed: there is a space between `]` and `(`",
                                            hint: "Remove the space: [words](\(String(address)))."))
                }
            } else if open != nil, next == "[" {
                let label = text[(index + 2)...].prefix { $0 != "]" }
                if index + 2 + label.count < text.count {
                    let name = label.isEmpty ? String(text[(start + 1)..<index]) : String(label)
                    problems.append(Problem(bracketIndex: start, message: "this \(what) is shown as typed: the page does not define [\(name)]",
                                            hint: "Add a line `[\(name)]: address` below the paragraph, or write [words](address)."))
                }
            }
            open = nil
            index += 1
        }
        return problems
    }

    /// The file column of the run's character at `index`, found on the file's own line: the
    /// run's text has lost the backslashes and entities of the source, so counting characters
    /// from the run's start could land short. Brackets are counted instead.
    static func column(ofBracket index: Int, in run: TextRun, source: MarkdownSource) -> Int {
        let bracket = run.text[index]
        let before = run.text[..<index].filter { $0 == bracket }.count
        guard let line = source.fileLineText(run.line) else { return run.column }
        var seen = 0
        for (offset, character) in line.enumerated() where offset >= run.column - 1 && character == bracket {
            if seen == before { return offset + 1 }
            seen += 1
        }
        return run.column
    }
}
