import Core

/// Tells the author about raw HTML the renderer will leave out (a warning: the page still
/// makes sense, but something they wrote is missing) and about raw HTML that would run
/// script (an error). HTML comments are left out silently: authors use them for notes.
public struct RawHTMLCheck: NodeCheck {
    public var policy: RawHTMLPolicy

    public init(allowedElements: Set<String> = []) { policy = RawHTMLPolicy(allowedElements: allowedElements) }

    public func inspect(_ node: Node, source: MarkdownSource, into diagnostics: inout [Diagnostic]) {
        let html: String
        switch node.kind {
        case .htmlBlock(let text), .htmlInline(let text): html = text
        default: return
        }
        switch policy.judge(html) {
        case .allowed, .comment:
            break
        case .omitted(let what):
            diagnostics.append(source.diagnostic(
                .warning, "raw HTML is left out of the page: \(what) is not allowed", at: node.range,
                hint: "Write it in Markdown instead, or list the element under `raw_html` in herald.yml if the site needs it."))
        case .unsafe(let why):
            diagnostics.append(source.diagnostic(
                .error, "this HTML could run script in a visitor's browser: \(why)", at: node.range,
                hint: "Remove it: pages cannot carry script or script addresses."))
        }
    }
}
