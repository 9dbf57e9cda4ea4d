import Accessibility

/// What a browser would run in rendered HTML, judged on the tree gumbo builds (the HTML5
/// parsing algorithm browsers use), not on the text: the Markdown target's security oracle.
enum ScriptOracle {
    static let urlAttributes: Set<String> = [
        "href", "src", "srcset", "action", "formaction", "cite", "poster", "background", "data", "xlink:href",
        "ping", "longdesc", "codebase", "manifest", "lowsrc", "dynsrc",
    ]
    static let runnable: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "form", "template",
    ]

    /// The first thing in `html` that could run script or load from elsewhere, or nil.
    static func problem(in html: String) -> String? {
        let document = HTMLParser.parse(html, maxDepth: 4096, refusalDepth: nil)
        var stack = [document.root]
        while let element = stack.popLast() {
            if runnable.contains(element.tag) && element.line > 0 { return "<\(element.tag)> at line \(element.line)" }
            for attribute in element.attributes {
                let name = attribute.name
                if name.hasPrefix("on") { return "<\(element.tag) \(name)=\"\(attribute.value)\">" }
                if name == "style" { return "<\(element.tag) style=\"\(attribute.value)\">" }
                if urlAttributes.contains(name) || name.hasSuffix(":href"), isScriptURL(attribute.value) {
                    return "<\(element.tag) \(name)=\"\(attribute.value)\">"
                }
            }
            stack += element.childElements
        }
        return nil
    }

    /// A browser strips leading and embedded tabs and newlines, and leading controls and spaces,
    /// before it reads the scheme.
    static func isScriptURL(_ value: String) -> Bool {
        var scheme = ""
        for scalar in value.unicodeScalars {
            if scalar == ":" { break }
            if scalar.value <= 0x20 { continue }
            scheme.unicodeScalars.append(scalar)
            if scheme.count > 12 { return false }
        }
        return value.contains(":") && ["javascript", "vbscript", "data"].contains(scheme.lowercased())
    }
}
