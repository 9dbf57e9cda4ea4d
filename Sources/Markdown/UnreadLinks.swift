import Core

/// Finds links cmark could not read, which the page would show as typed: an address with a
/// space in it (`[the plan](Police Plan.md)`), a space between `]` and `(`, an address never
/// closed (errors: such brackets can only be a link), or a space between `]` and `(` and a
/// reference to a definition the page lacks (warnings: prose in brackets can look like them).
public struct UnreadLinks: NodeCheck {
    public init() {}

    public func inspect(_ node: Node, source: MarkdownSource, into diagnostics: inout [Diagnostic]) {
        switch node.kind {
        case .paragraph, .heading, .tableCell, .emphasis, .strong: break
        default: return
        }
        for run in Self.textRuns(in: node.children) {
            // A few per paragraph say what to fix; a pasted line of thousands would bury the rest.
            diagnostics += Self.problems(in: run).prefix(Self.mostPerParagraph).map { problem in
                let column = Self.column(ofBracket: problem.bracketIndex, in: run, source: source)
                let location = SourceLocation(file: source.file, line: run.line, column: column)
                return Diagnostic(problem.severity, problem.message, at: location, hint: problem.hint,
                                  sourceLine: source.fileLineText(run.line))
            }
        }
    }

    static let mostPerParagraph = 5

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
        /// An error when the brackets can only be a link; a warning when prose could look so.
        var severity: Severity
        var message: String
        var hint: String
    }

    static func problems(in run: TextRun) -> [Problem] {
        let text = run.text
        // The next `)` and `]` after each place, found in one pass from the end: looking ahead
        // from every `]` made a long line of brackets quadratic.
        var nextClose = [Int](repeating: text.count, count: text.count + 1)
        var nextBracket = nextClose, nextSpace = nextClose
        for index in stride(from: text.count - 1, through: 0, by: -1) {
            nextClose[index] = text[index] == ")" ? index : nextClose[index + 1]
            nextBracket[index] = text[index] == "]" ? index : nextBracket[index + 1]
            nextSpace[index] = text[index].isWhitespace ? index : nextSpace[index + 1]
        }
        func between(_ from: Int, _ to: Int) -> String { from < to ? String(text[from..<to]) : "" }
        var problems: [Problem] = []
        var open: Int?
        for index in text.indices {
            if text[index] == "[" { open = index }
            guard text[index] == "]" else { continue }
            defer { open = nil }
            let what = open.map { $0 > 0 && text[$0 - 1] == "!" } == true ? "image" : "link"
            let start = open ?? index
            let next = index + 1 < text.count ? text[index + 1] : nil
            if next == "(" {
                // The address is copied only to quote it, when it has an end.
                let from = min(index + 2, text.count), close = nextClose[from]
                if close == text.count {
                    problems.append(Problem(bracketIndex: start, severity: .error, message: "this \(what) is shown as typed: its address has no closing `)`",
                                            hint: "Close the address with `)`: [words](address)."))
                } else if nextSpace[from] < close {
                    problems.append(Problem(bracketIndex: start, severity: .error, message: "this \(what) is shown as typed: its address has a space in it",
                                            hint: "Put the address in angle brackets, [words](<\(between(from, close))>), or rename the file without spaces."))
                } else {
                    problems.append(Problem(bracketIndex: start, severity: .error, message: "this \(what) is shown as typed: Markdown cannot read its address",
                                            hint: "Write it as [words](address), with no spaces or brackets in the address."))
                }
            } else if open != nil, next == " ", index + 2 < text.count, text[index + 2] == "(" {
                // `[PDF] (1.2MB)`, `[Band D] (2024/25)` and `[Redacted] (s.40)` are prose;
                // `[the plan] (plan.md)` is a link with a space too many.
                let close = nextClose[index + 3]
                if close < text.count, nextSpace[index + 3] > close, case let address = between(index + 3, close), looksLikeAnAddress(address) {
                    problems.append(Problem(bracketIndex: start, severity: .warning, message: "this \(what) is shown as typed: there is a space between `]` and `(`",
                                            hint: "Remove the space: [words](\(address))."))
                }
            } else if let open, next == "[" {
                // `[1][2]` are footnote marks pasted from a report, not a reference.
                let close = nextBracket[index + 2]
                let label = between(index + 2, close)
                let words = between(open + 1, index)
                if close < text.count, !isNumber(words), !isNumber(label), !words.isEmpty {
                    let name = label.isEmpty ? words : label
                    problems.append(Problem(bracketIndex: start, severity: .warning, message: "this \(what) is shown as typed: the page does not define [\(name)]",
                                            hint: "Add a line `[\(name)]: address` below the paragraph, or write [words](address)."))
                }
            }
        }
        return problems
    }

    /// A page, document or web address as authors write them, never a figure, date or section
    /// number in brackets: no spaces, and a Markdown page or known file, or a path or scheme.
    static func looksLikeAnAddress(_ text: String) -> Bool {
        guard !text.isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let lowered = text.lowercased()
        if ["../", "./", "/", "#", "http://", "https://", "mailto:", "tel:", "www."].contains(where: lowered.hasPrefix) { return true }
        let name = lowered.split(separator: "#").first.map(String.init) ?? lowered
        guard let dot = name.lastIndex(of: ".") else { return false }
        return addressExtensions.contains(String(name[name.index(after: dot)...]))
    }

    static let addressExtensions: Set<String> = [
        "md", "html", "pdf", "doc", "docx", "odt", "rtf", "txt", "csv", "xls", "xlsx", "ods", "ppt", "pptx", "odp",
        "png", "jpg", "jpeg", "gif", "svg", "webp",
    ]

    private static func isNumber(_ text: String) -> Bool { !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } }

    /// The file column of the run's character at `index`, found on the file's own line: the
    /// run's text has lost the backslashes and entities of the source, so counting characters
    /// from the run's start could land short. Brackets are counted instead.
    static func column(ofBracket index: Int, in run: TextRun, source: MarkdownSource) -> Int {
        // Columns count Unicode scalars, as every other place Herald reports does.
        let bracket = run.text[index].unicodeScalars.first!
        let before = run.text[..<index].filter { $0.unicodeScalars.first == bracket }.count
        guard let line = source.fileLineText(run.line) else { return run.column }
        var seen = 0
        for (offset, scalar) in line.unicodeScalars.enumerated() where offset >= run.column - 1 && scalar == bracket {
            if seen == before { return offset + 1 }
            seen += 1
        }
        return run.column
    }
}
