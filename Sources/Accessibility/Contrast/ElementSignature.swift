/// What the cascade can see of one element: its tag and only those classes, ids and attributes
/// some selector tests. Two elements with the same signature under the same ancestors get the
/// same computed style, so a site's repeated chrome and its thousands of paragraphs share work.
struct ElementSignature: Hashable, Sendable {
    var tag: String
    var id: String?
    var classes: [String]
    /// Sorted by name; values kept only where a selector or the checker needs them.
    var attributes: [HTMLAttribute]
    var isFirstChild: Bool
    var isLastChild: Bool
    var style: String?

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    func hasAttribute(_ name: String) -> Bool { attributes.contains { $0.name == name } }

    /// `a`, `area` with `href`: what `:link` and `:visited` match.
    var isLink: Bool { (tag == "a" || tag == "area") && hasAttribute("href") }

    var isFormControl: Bool {
        ["button", "input", "select", "textarea", "optgroup", "option", "fieldset"].contains(tag)
    }

    /// `div#main.card.wide`: how messages name an element.
    var selectorDescription: String {
        var text = tag
        if let id { text += "#" + id }
        for name in classes { text += "." + name }
        return text
    }
}

/// One element in one ancestry and one interaction state: the key every memo hangs on.
struct PathKey: Hashable, Sendable {
    var parent: Int32
    var signature: Int32
    var state: ElementState
}

/// Which computed style: an element (path node), a colour scheme, and whether rules that only
/// "may apply" (width-dependent media, undecidable selectors) are included.
struct StyleKey: Hashable, Sendable {
    var node: Int32
    var scheme: ColourScheme
    var includesConditional: Bool
}
