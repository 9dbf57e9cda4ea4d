import Core

/// A Markdown file split into its YAML front matter and its body.
public struct FrontMatter: Sendable, Hashable {
    /// The YAML between the `---` lines; nil when the file has none.
    public var yaml: String?
    /// The file line the YAML starts on.
    public var yamlFirstLine: Int
    public var body: String
    /// The file line the body starts on.
    public var bodyFirstLine: Int

    public init(yaml: String?, yamlFirstLine: Int, body: String, bodyFirstLine: Int) {
        self.yaml = yaml
        self.yamlFirstLine = yamlFirstLine
        self.body = body
        self.bodyFirstLine = bodyFirstLine
    }

    /// Splits `text` (already decoded: no BOM, `\n` line endings).
    public static func split(_ text: String, file: String) throws(Diagnostic) -> FrontMatter {
        let utf8 = text.utf8
        let firstEnd = utf8.firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
        guard isDelimiter(text[..<firstEnd], "---") else {
            return FrontMatter(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1)
        }
        // A file of just `---` opens front matter and ends at once (found by fuzzing: the line
        // scan below starts after the opening line and would index past the end).
        guard firstEnd < utf8.endIndex else { throw notClosed(file) }
        let yamlStart = utf8.index(after: firstEnd)
        var lineStart = yamlStart
        var line = 2
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let content = text[lineStart..<lineEnd]
            if isDelimiter(content, "---") || isDelimiter(content, "...") {
                let yaml = String(text[yamlStart..<lineStart])
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: String(text[bodyStart...]), bodyFirstLine: line + 1)
            }
            guard lineEnd < utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
            line += 1
        }
        throw notClosed(file)
    }

    /// `mark` alone on its line, or followed only by spaces and tabs: a space left after `---`
    /// is invisible in an editor, and must not turn the front matter into text (or leave it
    /// unclosed). A carriage return is allowed too, for text that did not come through
    /// `SourceDecoder`.
    static func isDelimiter(_ line: Substring, _ mark: String) -> Bool {
        guard line.utf8.starts(with: mark.utf8) else { return false }
        return line.utf8.dropFirst(mark.utf8.count).allSatisfy {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r")
        }
    }

    private static func notClosed(_ file: String) -> Diagnostic {
        Diagnostic.error("the front matter is not closed", at: SourceLocation(file: file, line: 1),
                         hint: "End the front matter with a line of three hyphens, `---`.", sourceLine: "---")
    }
}
