import Core

/// Finds front-matter values cut short by a comment. YAML reads a space and `#` as the start of a
/// comment, so `title: Decision #14 approved` is published with the title "Decision" and no
/// message; authors writing a decision number or a hashtag mean the `#` as text.
enum CommentCut {
    /// Reports each top-level unquoted value followed by a ` #` comment on its lines.
    /// - Parameters:
    ///   - value: the front matter as read from `yaml`.
    ///   - firstLine: the file line `yaml` starts on.
    static func check(_ value: YAMLValue, yaml: String, firstLine: Int, reader: inout FieldReader) {
        // Nearly all front matter has no `#` at all: it is not split into lines.
        guard case .mapping(let pairs, _) = value, yaml.utf8.contains(UInt8(ascii: "#")) else { return }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        for pair in pairs {
            guard textFields.contains(pair.key), case .scalar(let text, false, let at) = pair.value,
                  let cut = cut(startingAt: (at.line - firstLine, at.column - 1), in: lines) else { continue }
            let location = SourceLocation(file: at.file, line: cut.line + firstLine, column: cut.column + 1)
            let kept = text.isEmpty ? "is empty" : "is only \"\(text)\""
            reader.report(.error("`#` after a space starts a comment, so '\(pair.key)' \(kept)", at: location,
                                 hint: "Put the value in quotes: `\(pair.key): \(quoted(cut.written))`."))
        }
    }

    /// The fields written in words, where a `#` is a decision number or a hashtag. Elsewhere
    /// (`kind: decision # moved from news`, `draft: true # until launch`, `lang: cy # Welsh`)
    /// a comment is one the author meant, and quoting the line, as the hint says, would make
    /// the value wrong.
    static let textFields: Set<String> = [
        "title", "description", "summary", "meeting", "category", "decision_maker", "financial_implications", "period",
    ]

    /// The 0-based line and column of the `#` that cuts the value starting at `start`, and the
    /// value as written; nil when no comment follows it. A value may go on over more indented
    /// lines; a line of its own starting `#` is a whole comment, which is fine.
    static func cut(startingAt start: (line: Int, column: Int), in lines: [[Unicode.Scalar]])
        -> (line: Int, column: Int, written: String)?
    {
        guard start.line < lines.count else { return nil }
        let first = lines[start.line]
        // A block scalar (`|`, `>`) keeps its `#`s as text.
        if start.column < first.count, first[start.column] == "|" || first[start.column] == ">" { return nil }
        var written: [String] = []
        var line = start.line
        var from = start.column
        while line < lines.count {
            let scalars = lines[line]
            if line > start.line {
                // The value goes on only over more indented lines, and stops at a whole comment.
                guard let firstText = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else {
                    line += 1
                    continue
                }
                guard firstText > 0, scalars[firstText] != "#" else { return nil }
                from = firstText
            }
            let start = min(from, scalars.count)
            if let hash = scalars[start...].indices.first(where: {
                scalars[$0] == "#" && $0 > 0 && (scalars[$0 - 1] == " " || scalars[$0 - 1] == "\t")
            }) {
                written.append(text(scalars[start...]))
                return (line, hash, written.filter { !$0.isEmpty }.joined(separator: " "))
            }
            written.append(text(scalars[start...]))
            line += 1
        }
        return nil
    }

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var result = String(String.UnicodeScalarView(scalars))
        while result.last == " " || result.last == "\t" { result.removeLast() }
        while result.first == " " || result.first == "\t" { result.removeFirst() }
        return result
    }

    /// `text` in double quotes, as YAML reads it back.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\\" || character == "\"" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }
}
