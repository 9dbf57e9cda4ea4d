import Core

/// Finds a non-breaking space (U+00A0) where YAML needs an ordinary one. Text copied from Word or
/// a web page brings them in, they look like spaces, and YAML reads `title:` and a non-breaking
/// space as text: its own error then lands on the next line, with a hint that does not help.
enum NonBreakingSpace {
    /// The error for the first non-breaking space where YAML needs a space, in `lines` of `yaml`
    /// (which starts on file line `firstLine`); nil when there is none.
    static func diagnostic(in yaml: String, lines: ClosedRange<Int>, file: String, firstLine: Int) -> Diagnostic? {
        guard let space = find(in: yaml, lines: lines) else { return nil }
        return .error("this line holds a non-breaking space (U+00A0), which YAML does not read as a space",
                      at: SourceLocation(file: file, line: space.line + firstLine - 1, column: space.column),
                      hint: "Delete it and type an ordinary space; text copied from Word or a web page brings them in.")
    }

    /// The 1-based line and column (in Unicode scalars, as libYAML counts) of the first
    /// non-breaking space right after a `:` or in the indentation of `lines`; nil when there is none.
    static func find(in yaml: String, lines: ClosedRange<Int>) -> (line: Int, column: Int)? {
        var line = 1
        for text in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { line += 1 }
            guard lines.contains(line) else {
                if line > lines.upperBound { break }
                continue
            }
            var previous: Unicode.Scalar?
            var indenting = true
            for (offset, scalar) in text.unicodeScalars.enumerated() {
                if scalar == "\u{A0}" && (indenting || previous == ":") { return (line, offset + 1) }
                indenting = indenting && (scalar == " " || scalar == "\u{A0}")
                previous = scalar
            }
        }
        return nil
    }
}
