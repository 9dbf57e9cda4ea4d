extension Rule {
    public static let headingEmpty = Rule(
        id: "heading-empty", criteria: ["1.3.1", "2.4.6"], severity: .error, group: .headings,
        summary: "A heading must have text: an empty one is announced as a heading with nothing to say.",
        hint: "Write the heading's text after the #s, or delete the empty heading.",
        axeRule: "empty-heading", scopes: [.content, .page])

    public static let headingImageOnly = Rule(
        id: "heading-image-only", criteria: ["1.3.1", "2.4.6"], severity: .error, group: .headings,
        summary: "A heading whose only content is an image with no alt text has no name.",
        hint: "Give the heading words of its own, or give the image alt text that works as the heading.",
        axeRule: "empty-heading", scopes: [.content, .page])

    public static let headingOrder = Rule(
        id: "heading-order", criteria: ["1.3.1"], severity: .error, group: .headings,
        summary: "Heading levels go down one at a time (h2, then h3): a skipped level breaks the outline screen reader users navigate by.",
        hint: "Use the next level down: after a ## heading, use ###, not ####.",
        axeRule: "heading-order", scopes: [.content, .page])

    public static let headingSingleH1 = Rule(
        id: "heading-single-h1", criteria: ["1.3.1", "2.4.6"], severity: .error, group: .headings,
        summary: "A page has exactly one h1, its title; the template writes it, so content headings start at ##.",
        hint: "Start content headings at ## (the page title is the h1); make other # headings ##.",
        axeRule: "page-has-heading-one", scopes: [.content, .page])

    public static let headingBoldParagraph = Rule(
        id: "heading-bold-paragraph", criteria: ["1.3.1"], severity: .warning, group: .headings,
        summary: "A paragraph of only bold text looks like a heading but is not one to a screen reader.",
        hint: "If it introduces a section, make it a heading (## or ###) instead of bold text.",
        axeRule: "p-as-heading", scopes: [.content, .page])
}
