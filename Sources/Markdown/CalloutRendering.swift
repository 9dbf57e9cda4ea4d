/// The markup of each callout component, as docs/templates.md gives it.
extension HTMLRenderState {
    mutating func callout(_ node: Node, kind: Node.CalloutKind, title: String) {
        writer.newline()
        switch kind {
        case .warning:
            open("div", class: "warning-text", node)
            writer.raw("<span class=\"warning-text__icon\" aria-hidden=\"true\">!</span>")
            writer.raw("<strong class=\"warning-text__text\"><span class=\"visually-hidden\">Warning: </span>")
            // <strong> holds phrasing content only: the body's paragraphs give their inlines.
            for (index, child) in node.children.enumerated() {
                if index > 0 { writer.raw("<br>\n") }
                if case .paragraph = child.kind { inlines(child.children) } else { inline(Node(.text(child.plainText))) }
            }
            writer.raw("</strong></div>\n")
        case .inset:
            open("div", class: "inset-text", node)
            writer.raw("\n")
            for child in node.children { block(child, tight: false) }
            writer.raw("</div>\n")
        case .details:
            open("details", class: "details", node)
            writer.raw("<summary class=\"details__summary\"><span class=\"details__summary-text\">")
            writer.escaped(title)
            writer.raw("</span></summary><div class=\"details__text\">\n")
            for child in node.children { block(child, tight: false) }
            writer.raw("</div></details>\n")
        case .contact, .summary:
            if kind == .contact {
                open("dl", class: "summary-list contact-list", node)
            } else {
                open("dl", class: "summary-list", node)
            }
            writer.raw("\n")
            for row in node.children { summaryRow(row) }
            writer.raw("</dl>\n")
        case .steps:
            open("ol", class: "step-by-step", node)
            writer.raw("\n")
            for (index, step) in node.children.enumerated() { self.step(step, number: index + 1) }
            writer.raw("</ol>\n")
        case .documents:
            open("ul", class: "document-list", node)
            writer.raw("\n")
            for item in node.children { document(item) }
            writer.raw("</ul>\n")
        }
    }

    /// A key paragraph, then the value: one paragraph's inlines, or blocks.
    private mutating func summaryRow(_ row: Node) {
        open("div", class: "summary-list__row", row)
        let key = row.children.first
        let value = Array(row.children.dropFirst())
        open("dt", class: "summary-list__key", key)
        if let key { inlines(key.children) }
        writer.raw("</dt>")
        open("dd", class: "summary-list__value", value.count == 1 ? value.first : nil)
        if value.count == 1, case .paragraph = value[0].kind {
            inlines(value[0].children)
        } else {
            for child in value { block(child, tight: false) }
        }
        writer.raw("</dd></div>\n")
    }

    /// The step's heading (at the level the author wrote) numbered, then its body.
    private mutating func step(_ step: Node, number: Int) {
        open("li", class: "step-by-step__step", step)
        var body = step.children[...]
        if let heading = body.first, case .heading(let level, let id) = heading.kind {
            body = body.dropFirst()
            writer.raw("<h")
            writer.number(level)
            writer.raw(" class=\"step-by-step__title\"")
            if !id.isEmpty { writer.attribute("id", id) }
            position(heading)
            writer.raw("><span class=\"step-by-step__number\"><span class=\"visually-hidden\">Step </span>")
            writer.number(number)
            writer.raw("<span class=\"visually-hidden\">:</span></span> ")
            inlines(heading.children)
            writer.raw("</h")
            writer.number(level)
            writer.raw(">")
        }
        writer.raw("<div class=\"step-by-step__body\">\n")
        for child in body { block(child, tight: false) }
        writer.raw("</div></li>\n")
    }

    /// The link, then "type, size, date" from its annotation and the date paragraph.
    private mutating func document(_ item: Node) {
        open("li", class: "document-list__item", item)
        var meta: [String] = []
        for (index, paragraph) in item.children.enumerated() {
            if index == 0 {
                for child in paragraph.children {
                    guard case .link(let destination, let title) = child.kind else {
                        inline(child)
                        continue
                    }
                    writer.raw("<a class=\"document-list__link\"")
                    if !UnsafeURLs.isUnsafe(destination) {
                        writer.raw(" href=\"")
                        writer.url(destination)
                        writer.raw("\"")
                    }
                    if !title.isEmpty { writer.attribute("title", title) }
                    position(child)
                    writer.raw(">")
                    for part in child.children {
                        if case .linkAnnotation(let annotation) = part.kind { meta.append(annotation) } else { inline(part) }
                    }
                    writer.raw("</a>")
                }
            } else {
                meta.append(paragraph.plainText)
            }
        }
        if !meta.isEmpty {
            writer.raw(" <span class=\"document-list__meta\">")
            writer.escaped(meta.joined(separator: ", "))
            writer.raw("</span>")
        }
        writer.raw("</li>\n")
    }
}
