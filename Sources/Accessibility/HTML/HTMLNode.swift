/// A parsed HTML page as Swift values (built from libgumbo's tree), for the page rules and
/// the colour-contrast resolver.
public enum HTMLNode: Sendable, Hashable {
    case element(HTMLElement)
    /// Text with the 1-based line and column where it starts in the HTML.
    case text(String, line: Int, column: Int)
}

/// One element: tag name lower-cased, attributes in source order, and where its start tag is.
public struct HTMLElement: Sendable, Hashable {
    public var tag: String
    public var attributes: [HTMLAttribute]
    public var children: [HTMLNode]
    /// 1-based line and column of the start tag in the HTML text; 0 for elements the parser
    /// inferred (an implied `<tbody>`, say).
    public var line: Int
    public var column: Int
    /// The UTF-8 bytes of the HTML the element was parsed from, start tag to end tag; nil for
    /// elements the parser inferred. Lets the page linter recognise template chrome that is
    /// byte-for-byte the same on many pages and check it once.
    public var byteRange: Range<Int>?

    public init(
        tag: String, attributes: [HTMLAttribute] = [], children: [HTMLNode] = [], line: Int = 0, column: Int = 0,
        byteRange: Range<Int>? = nil
    ) {
        self.tag = tag
        self.attributes = attributes
        self.children = children
        self.line = line
        self.column = column
        self.byteRange = byteRange
    }

    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    public var childElements: [HTMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The text a screen reader would take from this element's content (not its attributes).
    public var textContent: String {
        // An explicit stack: pages can nest deeply and this must not recurse.
        var result = ""
        var stack: [(nodes: [HTMLNode], index: Int)] = [(children, 0)]
        while !stack.isEmpty {
            let top = stack.count - 1
            let (nodes, index) = stack[top]
            guard index < nodes.count else {
                stack.removeLast()
                continue
            }
            stack[top].index += 1
            switch nodes[index] {
            case .text(let text, _, _): result += text
            case .element(let element): stack.append((element.children, 0))
            }
        }
        return result
    }
}

/// One attribute, name lower-cased.
public struct HTMLAttribute: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
