import Core

/// What the page rules remember of an element to say where it is: its start tag (to find it in
/// the templates), its place in the HTML, and the Markdown position it came from, if any.
struct ElementRef: Sendable, Hashable {
    var tag: String
    var attributes: [HTMLAttribute]
    /// The element's line and column in the HTML, or its nearest placed ancestor's.
    var line: Int
    var column: Int
    /// The nearest `data-sourcepos` at or above the element: set when it came from Markdown.
    var sourcepos: SourcePosition?

    var isContent: Bool { sourcepos != nil }

    /// The same element seen in a page where its chrome block starts elsewhere.
    func moved(from old: (line: Int, column: Int), to new: (line: Int, column: Int)) -> ElementRef {
        var copy = self
        copy.line = line - old.line + new.line
        if line == old.line { copy.column = column - old.column + new.column }
        return copy
    }
}

/// A finding whose place is still an element: resolved to a file and line once per page.
struct PendingFinding: Sendable, Hashable {
    var rule: Rule
    var message: String
    var ref: ElementRef
    var hint: String?
}

/// Turns an element into the place a person should edit: the Markdown line it came from, else
/// the template line that wrote it, else its line in the HTML file.
struct PageLocator: Sendable {
    var htmlFile: String
    var contentFile: String?
    var templates: TemplateLocator?

    func locate(_ ref: ElementRef) -> SourceLocation {
        if let position = ref.sourcepos, let contentFile {
            return SourceLocation(file: contentFile, line: position.line, column: position.column)
        }
        if let templates, let location = templates.locate(tag: ref.tag, attributes: ref.attributes) {
            return location
        }
        return SourceLocation(file: htmlFile, line: max(1, ref.line), column: max(1, ref.column))
    }

    func finding(_ pending: PendingFinding) -> Finding {
        Finding(pending.rule, pending.message, at: locate(pending.ref), hint: pending.hint)
    }
}
