import CMark
import Core

/// CommonMark through libcmark (source positions on, raw HTML kept in the tree for the renderer
/// to judge), copied into `Node` values with positions in whole-file lines and scalar columns.
///
/// Two limits keep time and memory bounded whatever an author (or an attacker) writes:
/// input over `maximumInputBytes` is refused (cmark needs about 20 bytes of memory per input
/// byte), and structure nested deeper than `maximumNestingDepth` is flattened into text. Both
/// come back as error diagnostics, never as a crash.
public struct MarkdownParser: Sendable {
    /// No page needs more; a 100 MB file would need gigabytes of memory to parse.
    public static let defaultMaximumInputBytes = 4 * 1024 * 1024
    /// Real pages stay under 30 levels (a list in a list in a quote, with emphasis); the
    /// recursive walks over `Node` stay well inside any thread's stack at this depth.
    public static let defaultMaximumNestingDepth = 256

    public var maximumInputBytes: Int
    public var maximumNestingDepth: Int

    public init(maximumInputBytes: Int = MarkdownParser.defaultMaximumInputBytes,
                maximumNestingDepth: Int = MarkdownParser.defaultMaximumNestingDepth) {
        self.maximumInputBytes = maximumInputBytes
        self.maximumNestingDepth = maximumNestingDepth
    }

    /// Parses `text`, whose first line is line `firstLine` of its file. Problems (too large, too
    /// deep) are dropped: use `parse(_:firstLine:file:)` to hear about them.
    public func parse(_ text: String, firstLine: Int = 1) -> Node {
        parse(text, firstLine: firstLine, file: "").node
    }

    /// Parses `text` and reports problems against `file`.
    public func parse(_ text: String, firstLine: Int = 1, file: String) -> (node: Node, diagnostics: [Diagnostic]) {
        if let refusal = refusal(text, file: file, firstLine: firstLine) { return (Node(.document), [refusal]) }
        return parse(MarkdownSource(text, file: file, firstLine: firstLine))
    }

    public func parse(_ source: MarkdownSource) -> (node: Node, diagnostics: [Diagnostic]) {
        parse(source, appending: "", depthUsed: 0)
    }

    /// The error for text over `maximumInputBytes`, found before anything is copied or indexed.
    func refusal(_ text: String, file: String, firstLine: Int) -> Diagnostic? {
        let count = text.utf8.count
        guard count > maximumInputBytes else { return nil }
        return .error("this page's text is \(Self.megabytes(count)) long; Herald reads pages of up to \(Self.megabytes(maximumInputBytes))",
                      at: SourceLocation(file: file, line: firstLine, column: 1),
                      hint: "Split it into several pages, or put long material in a document and link to it.",
                      sourceLine: SourceText.line(1, of: String(text.utf8.prefix(200)) ?? ""))
    }

    /// Parses `source`, with `suffix` (link reference definitions borrowed from the page) parsed
    /// after it; `depthUsed` is how deep in the page this text sits.
    func parse(_ source: MarkdownSource, appending suffix: String, depthUsed: Int) -> (node: Node, diagnostics: [Diagnostic]) {
        if let refusal = refusal(source.text, file: source.file, firstLine: source.firstLine) {
            return (Node(.document), [refusal])
        }
        var buffer = source.bytes
        if !suffix.isEmpty {
            buffer += Array("\n\n".utf8) + Array(suffix.utf8)
        }
        let length = buffer.count
        buffer.append(0)
        let root: OpaquePointer? = buffer.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress!, length, CMARK_OPT_SOURCEPOS)
            }
        }
        guard let root else { return (Node(.document), []) }
        defer { cmark_node_free(root) }
        var converter = CMarkConverter(source: source, maximumDepth: maximumNestingDepth - depthUsed)
        let node = converter.convert(root)
        return (node, converter.diagnostics)
    }

    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }
}
