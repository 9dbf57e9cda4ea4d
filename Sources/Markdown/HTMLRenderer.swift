import Core
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders a `Node` tree to the HTML the theme styles (docs/templates.md, "HTML the Markdown
/// renderer produces"). Every text and attribute value is escaped; URLs with refused schemes
/// are dropped whatever the tree says; raw HTML appears only when `allowedRawHTML` lets it.
public struct HTMLRenderer: Sendable {
    /// Emit `data-sourcepos="line:col-line:col"` on elements made from source nodes, so that
    /// the linter can point from an element back to the Markdown.
    public var sourcePositions: Bool
    /// Elements raw HTML may use; empty (the default) leaves all raw HTML out, as cmark's safe mode.
    public var allowedRawHTML: Set<String>
    /// Wrap tables in the labelled, scrollable region the theme styles (`table-wrapper`, class
    /// `table`, caption id). Off gives plain GFM-style `<table>` markup, e.g. for feeds.
    public var tableRegions: Bool

    public init(sourcePositions: Bool = false, allowedRawHTML: Set<String> = [], tableRegions: Bool = true) {
        self.sourcePositions = sourcePositions
        self.allowedRawHTML = allowedRawHTML
        self.tableRegions = tableRegions
    }

    public func render(_ node: Node) -> String {
        // About 100 bytes of HTML per source line, so that the buffer rarely grows.
        let lines = node.range.map { $0.endLine - $0.startLine + 1 } ?? 40
        var state = HTMLRenderState(options: self, capacity: min(64 << 20, max(1024, lines * 100)))
        state.block(node, tight: false)
        return state.writer.string
    }

    /// The HTML without its `data-sourcepos` attributes, for publishing after the linter has
    /// used them. Scans bytes once; the escaping above guarantees the attribute cannot appear
    /// inside text.
    public static func removingSourcePositions(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
            return String(unsafeUninitializedCapacity: bytes.count) { output in
                // memchr jumps from one `=` to the next (there are few outside attributes) and the
                // runs between attributes are copied whole: a scan byte by byte was 1.3% of a build.
                let name = sourcePositionName
                let end = UnsafeRawPointer(base) + bytes.count
                var written = 0
                var rest = UnsafeRawPointer(base)   // the first byte not yet copied
                var search = rest
                while let equals = memchr(search, Int32(UInt8(ascii: "=")), end - search).map(UnsafeRawPointer.init) {
                    search = equals + 1
                    guard equals - name.count >= rest, equals + 1 < end, equals.load(fromByteOffset: 1, as: UInt8.self) == UInt8(ascii: "\""),
                          memcmp(equals - name.count, name, name.count) == 0 else { continue }
                    let run = equals - name.count - rest
                    UnsafeMutableRawPointer(output.baseAddress! + written).copyMemory(from: rest, byteCount: run)
                    written += run
                    let quote = memchr(equals + 2, Int32(UInt8(ascii: "\"")), end - (equals + 2)).map(UnsafeRawPointer.init)
                    rest = quote.map { $0 + 1 } ?? end
                    search = rest
                }
                let run = end - rest
                UnsafeMutableRawPointer(output.baseAddress! + written).copyMemory(from: rest, byteCount: run)
                return written + run
            }
        }
    }

    /// What comes before `="` in the attribute the linter's rendering adds to each block.
    private static let sourcePositionName = Array(" data-sourcepos".utf8)
}

/// One rendering pass: the output and what it has handed out so far (caption ids).
struct HTMLRenderState {
    let options: HTMLRenderer
    let policy: RawHTMLPolicy
    var writer: HTMLWriter
    private var usedIDs: Set<String>?
    private var captionCount = 0
    private var root: Node?

    init(options: HTMLRenderer, capacity: Int) {
        self.options = options
        policy = RawHTMLPolicy(allowedElements: options.allowedRawHTML)
        writer = HTMLWriter(capacity: capacity)
    }

    // MARK: - Blocks

    mutating func block(_ node: Node, tight: Bool) {
        if root == nil { root = node }
        switch node.kind {
        case .document:
            for child in node.children { block(child, tight: false) }
        case .paragraph:
            if tight {
                inlines(node.children)
            } else {
                writer.newline()
                open("p", node)
                inlines(node.children)
                writer.raw("</p>\n")
            }
        case .heading(let level, let id):
            writer.newline()
            writer.raw("<h")
            writer.number(level)
            if !id.isEmpty { writer.attribute("id", id) }
            position(node)
            writer.raw(">")
            inlines(node.children)
            writer.raw("</h")
            writer.number(level)
            writer.raw(">\n")
        case .blockQuote:
            writer.newline()
            open("blockquote", node)
            writer.raw("\n")
            for child in node.children { block(child, tight: false) }
            writer.raw("</blockquote>\n")
        case .list(let ordered, let start, let isTight):
            writer.newline()
            writer.raw(ordered ? "<ol" : "<ul")
            if ordered && start != 1 { writer.attribute("start", String(start)) }
            position(node)
            writer.raw(">\n")
            for child in node.children { block(child, tight: isTight) }
            writer.raw(ordered ? "</ol>\n" : "</ul>\n")
        case .item:
            writer.newline()
            open("li", node)
            for child in node.children { block(child, tight: tight) }
            writer.raw("</li>\n")
        case .codeBlock(let info, let literal):
            writer.newline()
            open("pre", node)
            writer.raw("<code")
            let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
            if !language.isEmpty { writer.attribute("class", "language-" + language) }
            writer.raw(">")
            writer.escaped(literal)
            writer.raw("</code></pre>\n")
        case .htmlBlock(let html):
            if allows(html) {
                writer.newline()
                writer.raw(html)
                writer.newline()
            }
        case .thematicBreak:
            writer.newline()
            open("hr", node)
            writer.raw("\n")
        case .table(let alignments, let caption):
            table(node, alignments: alignments, caption: caption)
        case .callout(let kind, let title):
            callout(node, kind: kind, title: title)
        case .tableHead, .tableRow, .tableCell:
            // Only meaningful inside a table; rendered there.
            for child in node.children { block(child, tight: tight) }
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .emphasis, .strong, .link, .image, .linkAnnotation:
            inline(node)
        }
    }

    // MARK: - Inlines

    mutating func inlines(_ nodes: [Node]) {
        for node in nodes { inline(node) }
    }

    mutating func inline(_ node: Node) {
        switch node.kind {
        case .text(let text):
            writer.escaped(text)
        case .softBreak:
            writer.raw("\n")
        case .lineBreak:
            writer.raw("<br>\n")
        case .code(let code):
            open("code", node)
            writer.escaped(code)
            writer.raw("</code>")
        case .htmlInline(let html):
            if allows(html) { writer.raw(html) }
        case .emphasis:
            open("em", node)
            inlines(node.children)
            writer.raw("</em>")
        case .strong:
            open("strong", node)
            inlines(node.children)
            writer.raw("</strong>")
        case .link(let destination, let title):
            writer.raw("<a")
            if !UnsafeURLs.isUnsafe(destination) {
                writer.raw(" href=\"")
                writer.url(destination)
                writer.raw("\"")
            }
            if !title.isEmpty { writer.attribute("title", title) }
            position(node)
            writer.raw(">")
            inlines(node.children)
            writer.raw("</a>")
        case .image(let source, let title, let decorative):
            writer.raw("<img")
            if !UnsafeURLs.isUnsafe(source) {
                writer.raw(" src=\"")
                writer.url(source)
                writer.raw("\"")
            }
            writer.attribute("alt", decorative ? "" : Node(.paragraph, children: node.children).plainText)
            if !title.isEmpty { writer.attribute("title", title) }
            position(node)
            writer.raw(">")
        case .linkAnnotation(let annotation):
            writer.raw(" <span class=\"document-meta\">(")
            writer.escaped(annotation)
            writer.raw(")</span>")
        default:
            block(node, tight: false)
        }
    }

    // MARK: - Tables

    private mutating func table(_ node: Node, alignments: [Node.TableAlignment], caption: [Node]) {
        writer.newline()
        var captionID: String?
        if options.tableRegions {
            writer.raw("<div class=\"table-wrapper\" role=\"region\"")
            if !caption.isEmpty {
                let id = nextCaptionID()
                captionID = id
                writer.attribute("aria-labelledby", id)
            } else {
                writer.raw(" aria-label=\"Table\"")
            }
            writer.raw(" tabindex=\"0\">\n<table class=\"table\"")
        } else {
            writer.raw("<table")
        }
        position(node)
        writer.raw(">\n")
        if !caption.isEmpty {
            writer.raw("<caption")
            if let captionID {
                writer.raw(" class=\"table__caption\"")
                writer.attribute("id", captionID)
            }
            writer.raw(">")
            inlines(caption)
            writer.raw("</caption>\n")
        }
        var openedBody = false
        for child in node.children {
            switch child.kind {
            case .tableHead:
                writer.raw("<thead>\n")
                tableRow(child)
                writer.raw("</thead>\n")
            default:
                if !openedBody {
                    writer.raw("<tbody>\n")
                    openedBody = true
                }
                tableRow(child)
            }
        }
        if openedBody { writer.raw("</tbody>\n") }
        writer.raw("</table>\n")
        if options.tableRegions { writer.raw("</div>\n") }
    }

    private mutating func tableRow(_ row: Node) {
        open("tr", row)
        writer.raw("\n")
        for cell in row.children {
            guard case .tableCell(let header, let alignment) = cell.kind else { continue }
            writer.raw(header ? "<th scope=\"col\"" : "<td")
            if alignment != .none { writer.attribute("class", "align-" + alignment.rawValue) }
            position(cell)
            writer.raw(">")
            inlines(cell.children)
            writer.raw(header ? "</th>\n" : "</td>\n")
        }
        writer.raw("</tr>\n")
    }

    /// `table-caption-N`, skipping any id a heading already has (heading ids never come near:
    /// this is for an author who titles a heading "Table caption 1").
    private mutating func nextCaptionID() -> String {
        if usedIDs == nil {
            var ids: Set<String> = []
            root?.walk { node in
                if case .heading(_, let id) = node.kind, !id.isEmpty { ids.insert(id) }
            }
            usedIDs = ids
        }
        while true {
            captionCount += 1
            let id = "table-caption-\(captionCount)"
            if usedIDs?.insert(id).inserted == true { return id }
        }
    }

    // MARK: - Helpers

    mutating func open(_ name: StaticString, _ node: Node) {
        writer.raw("<")
        writer.raw(name)
        position(node)
        writer.raw(">")
    }

    /// `<name class="…">` with the node's position.
    mutating func open(_ name: StaticString, class value: StaticString, _ node: Node?) {
        writer.raw("<")
        writer.raw(name)
        writer.raw(" class=\"")
        writer.raw(value)
        writer.raw("\"")
        if let node { position(node) }
        writer.raw(">")
    }

    mutating func position(_ node: Node) {
        if options.sourcePositions, let range = node.range { writer.sourcePosition(range) }
    }

    private func allows(_ html: String) -> Bool {
        guard !policy.allowedElements.isEmpty else { return false }
        return policy.judge(html) == .allowed
    }
}
