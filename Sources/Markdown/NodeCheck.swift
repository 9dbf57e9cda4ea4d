import Core

/// A check of a page's Markdown that looks at one node at a time. The pipeline runs every
/// such check in a single walk of the tree: five walks of each page, one per check, were a
/// twentieth of a build (walking is reference counting, whatever the check does).
public protocol NodeCheck: Sendable {
    /// Adds what is wrong with `node` itself (not its descendants: the walk brings those).
    func inspect(_ node: Node, source: MarkdownSource, into diagnostics: inout [Diagnostic])
}

extension NodeCheck {
    /// This check alone, over the whole tree.
    public func check(_ document: Node, source: MarkdownSource) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        document.walk { inspect($0, source: source, into: &diagnostics) }
        return diagnostics
    }
}
