import Core

/// Walks every link and image (in table captions and callouts too) and asks the caller what
/// each destination becomes: the Site module turns `other.md#anchor` into page URLs and
/// `report.pdf` into a document URL with "PDF, 245 KB" shown inside the link.
public enum LinkRewriter {
    /// What becomes of one destination.
    public enum Decision: Sendable, Hashable {
        case keep
        /// A new URL; a link (not an image) also shows `annotation`, e.g. "PDF, 245 KB", as
        /// `<span class="document-meta">(PDF, 245 KB)</span>` inside it.
        case replace(String, annotation: String? = nil)
        /// An error at the link's location; the link is left as it was.
        case reject(message: String, hint: String? = nil)
    }

    /// What the caller is told about a link or image.
    public struct Link: Sendable, Hashable {
        public var destination: String
        public var title: String
        public var isImage: Bool
        /// The link text (an image's alt text), as a screen reader reads it.
        public var text: String
        public var range: SourceRange?
    }

    /// Rewrites with a decision per destination and whether it is an image's.
    /// Pass the only reference to the tree (`consume`) and it is changed in place; otherwise
    /// every level of it is copied on the way down.
    public static func rewrite(_ document: consuming Node, file: String,
                               _ decide: (_ destination: String, _ isImage: Bool) throws -> Decision) rethrows -> (Node, [Diagnostic]) {
        // The link text is not asked for: it is not worked out.
        try rewrite(consume document, file: file, wantsText: false) { try decide($0.destination, $0.isImage) }
    }

    /// Rewrites with a decision per link, seeing its text and position too.
    public static func rewrite(_ document: consuming Node, file: String,
                               _ decide: (Link) throws -> Decision) rethrows -> (Node, [Diagnostic]) {
        try rewrite(consume document, file: file, wantsText: true, decide)
    }

    private static func rewrite(_ document: consuming Node, file: String, wantsText: Bool,
                                _ decide: (Link) throws -> Decision) rethrows -> (Node, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        try visit(&document, file: file, wantsText: wantsText, decide: decide, diagnostics: &diagnostics)
        return (document, diagnostics)
    }

    private static func visit(_ node: inout Node, file: String, wantsText: Bool, decide: (Link) throws -> Decision,
                              diagnostics: inout [Diagnostic]) rethrows {
        if case .table(let alignments, var caption) = node.kind, !caption.isEmpty {
            for index in caption.indices {
                try visit(&caption[index], file: file, wantsText: wantsText, decide: decide, diagnostics: &diagnostics)
            }
            node.kind = .table(alignments: alignments, caption: caption)
        }
        for index in node.children.indices {
            try visit(&node.children[index], file: file, wantsText: wantsText, decide: decide, diagnostics: &diagnostics)
        }
        let link: Link
        switch node.kind {
        case .link(let destination, let title):
            let text = wantsText ? node.plainText(skipping: isAnnotation) : ""
            link = Link(destination: destination, title: title, isImage: false, text: text, range: node.range)
        case .image(let source, let title, _):
            link = Link(destination: source, title: title, isImage: true, text: wantsText ? node.plainText : "", range: node.range)
        default:
            return
        }
        switch try decide(link) {
        case .keep:
            break
        case .replace(let url, let annotation):
            switch node.kind {
            case .link(_, let title):
                node.kind = .link(destination: url, title: title)
                if let annotation {
                    node.children.removeAll(where: isAnnotation)
                    node.children.append(Node(.linkAnnotation(annotation)))
                }
            case .image(_, let title, let decorative):
                node.kind = .image(source: url, title: title, decorative: decorative)
            default:
                break
            }
        case .reject(let message, let hint):
            let location = node.range.map { SourceLocation(file: file, line: $0.startLine, column: $0.startColumn) }
            diagnostics.append(.error(message, at: location, hint: hint))
        }
    }

    private static func isAnnotation(_ node: Node) -> Bool {
        if case .linkAnnotation = node.kind { true } else { false }
    }
}
