/// A simplified accessible-name computation: what a screen reader announces for a link, a
/// heading or a frame. `aria-label` wins; `aria-labelledby` is taken on trust (nil: named
/// elsewhere); otherwise the text content, with images' alt text, leaving out hidden parts.
enum AccessibleName {
    static func of(_ element: HTMLElement, titleFallback: Bool = true) -> String? {
        if let label = element.attribute("aria-label"), !TextNormaliser.isBlank(label) { return label.trimmingWhitespace }
        if let labelledBy = element.attribute("aria-labelledby"), !labelledBy.trimmingWhitespace.isEmpty { return nil }
        let text = content(of: element, images: true).trimmingWhitespace
        if text.isEmpty, titleFallback, let title = element.attribute("title"), !TextNormaliser.isBlank(title) {
            return title.trimmingWhitespace
        }
        return text
    }

    /// The element's text content as spoken, with images' alt text when `images` is set.
    static func content(of element: HTMLElement, images: Bool) -> String {
        var result = ""
        var stack: [(nodes: [HTMLNode], index: Int)] = [(element.children, 0)]
        while !stack.isEmpty {
            let top = stack.count - 1
            let (nodes, index) = stack[top]
            guard index < nodes.count else {
                stack.removeLast()
                continue
            }
            stack[top].index += 1
            switch nodes[index] {
            case .text(let text, _, _):
                result += text
            case .element(let child):
                if isHidden(child) || ["script", "style", "template", "noscript"].contains(child.tag) { continue }
                if child.tag == "img" || (child.tag == "input" && child.attribute("type") == "image") {
                    if images { result += " " + (child.attribute("aria-label") ?? child.attribute("alt") ?? "") + " " }
                    continue
                }
                if child.tag == "svg" {
                    if images, let label = child.attribute("aria-label") { result += " " + label + " " }
                    else if images, let title = child.childElements.first(where: { $0.tag == "title" }) { result += " " + title.textContent + " " }
                    continue
                }
                if let label = child.attribute("aria-label"), !TextNormaliser.isBlank(label) {
                    result += " " + label + " "
                    continue
                }
                stack.append((child.children, 0))
            }
        }
        return result
    }

    static func isHidden(_ element: HTMLElement) -> Bool {
        element.attribute("aria-hidden") == "true" || element.attribute("hidden") != nil
    }

    /// True when the element contains an image (an `img`, or an `svg`).
    static func containsImage(_ element: HTMLElement) -> Bool {
        var stack = element.childElements
        while let child = stack.popLast() {
            if child.tag == "img" || child.tag == "svg" { return true }
            stack += child.childElements
        }
        return false
    }

    /// The first `img` inside the element, with its position.
    static func firstImage(in element: HTMLElement) -> HTMLElement? {
        var stack: [HTMLElement] = element.childElements.reversed()
        while let child = stack.popLast() {
            if child.tag == "img" { return child }
            stack += child.childElements.reversed()
        }
        return nil
    }
}
