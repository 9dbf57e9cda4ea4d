import Core
import Mustache

/// Template values escaped for HTML by `Escape.html`, byte by byte, instead of swift-mustache's
/// own escaping, which gives the same text but looks each `Character` up in a dictionary (4% of
/// a full build). swift-mustache chooses the escaping by a pragma at the top of a template, so
/// every template is compiled with one put before its first line.
struct ByteEscapedHTML: MustacheContentType {
    static let name = "HERALD_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    func escapeText(_ text: String) -> String { Escape.html(text) }

    /// Registered once, before the first template that names it is compiled.
    private static let registered: Void = MustacheContentTypes.register(ByteEscapedHTML(), named: name)

    /// The source to compile: the pragma on a line of its own before the template's first
    /// line. A tag alone on a line goes with its line end, so the output is unchanged, and every
    /// tag on the first line keeps its place at the start of a line (where a section tag alone
    /// on a line is "standalone" and takes its line end too).
    static func prefixed(_ source: String) -> String {
        _ = registered
        return pragma + "\n" + source
    }

    /// Where a parse error is in the template as written: one line up.
    static func position(of context: MustacheParserContext) -> (line: Int, column: Int, text: String) {
        (max(1, context.lineNumber - 1), context.columnNumber, context.line)
    }
}
