/// The start of a `data-sourcepos="line:col-line:col"` attribute, which Herald's Markdown
/// renderer (like cmark's) puts on the elements it writes, pointing back into the Markdown.
struct SourcePosition: Sendable, Hashable {
    var line: Int
    var column: Int

    init?(attribute value: String) {
        let start = value.split(separator: "-", maxSplits: 1).first ?? ""
        let parts = start.split(separator: ":")
        guard parts.count == 2, let line = Int(parts[0]), let column = Int(parts[1]), line > 0, column > 0 else { return nil }
        self.line = line
        self.column = column
    }

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
