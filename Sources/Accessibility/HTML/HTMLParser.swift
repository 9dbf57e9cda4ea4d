import CGumbo

/// Parses HTML with libgumbo (the HTML5 parsing algorithm browsers use) into `HTMLElement`
/// values that carry the line and column of each start tag.
public enum HTMLParser {
    /// Browsers stop nesting at 512 levels (Blink's parser flattens anything deeper into
    /// siblings); doing the same keeps every later walk over the tree, recursive or not, safe.
    public static let defaultMaxDepth = 512

    /// Pages nested deeper than this (by a quick count of the tags) are not handed to gumbo,
    /// whose time grows with the square of the depth; the document comes back empty with
    /// `refusedNesting` set, and the page linter reports it.
    public static let defaultRefusalDepth = 1_000

    public static func parse(
        _ html: String, maxDepth: Int = defaultMaxDepth, refusalDepth: Int? = defaultRefusalDepth
    ) -> HTMLDocument {
        parse(bytes: Array(html.utf8), maxDepth: maxDepth, refusalDepth: refusalDepth)
    }

    public static func parse(
        bytes: [UInt8], maxDepth: Int = defaultMaxDepth, refusalDepth: Int? = defaultRefusalDepth
    ) -> HTMLDocument {
        var index = LineIndex(bytes)
        if let refusalDepth {
            let scan = NestingScan(bytes, limit: refusalDepth)
            if let offset = scan.firstOffsetPastLimit {
                let position = index.position(ofOffset: offset)
                var document = HTMLDocument(root: emptyRoot, source: bytes, hasDoctype: false)
                document.refusedNesting = NestingRefusal(depth: scan.maximumDepth, line: position.line, column: position.column)
                return document
            }
        }
        // Gumbo's output lives in the arena until it is converted, and goes with it.
        let arena = GumboArena()
        let (root, hasDoctype): (HTMLElement, Bool) = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                arena.withOptions { options in
                    // An empty buffer has no base address; gumbo still wants a valid pointer.
                    let empty: [CChar] = [0]
                    let output: UnsafeMutablePointer<GumboOutput> = empty.withUnsafeBufferPointer { fallback in
                        gumbo_parse_with_options(options, chars.baseAddress ?? fallback.baseAddress, chars.count)
                    }
                    let converted = convert(output.pointee.root, lines: &index, maxDepth: max(1, maxDepth))
                    return (converted, output.pointee.document.pointee.v.document.has_doctype)
                }
            }
        }
        return HTMLDocument(root: root, source: bytes, hasDoctype: hasDoctype)
    }

    /// One element being built: its gumbo node, the next child to visit, and what it has so far.
    /// A frame with `element == nil` passes its children up to the frame below (depth cap).
    private struct Frame {
        var node: UnsafeMutablePointer<GumboNode>
        var nextChild: Int
        var element: HTMLElement?
    }

    private static func convert(_ root: UnsafeMutablePointer<GumboNode>, lines: inout LineIndex, maxDepth: Int) -> HTMLElement {
        var stack: [Frame] = [Frame(node: root, nextChild: 0, element: shell(root, lines: &lines))]
        // Indices into `stack` of the frames that hold an element, innermost last.
        var owners: [Int] = [0]
        var finished: HTMLElement?
        while let top = stack.indices.last {
            let children = elementChildren(stack[top].node)
            guard stack[top].nextChild < Int(children.length) else {
                let frame = stack.removeLast()
                guard let element = frame.element else { continue }
                owners.removeLast()
                if let parent = owners.last {
                    stack[parent].element!.children.append(.element(element))
                } else {
                    finished = element
                }
                continue
            }
            let child = children.data[stack[top].nextChild]!.assumingMemoryBound(to: GumboNode.self)
            stack[top].nextChild += 1
            switch child.pointee.type {
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                let element = shell(child, lines: &lines)
                if owners.count >= maxDepth {
                    // Too deep: keep the element, but hand its children to the capped ancestor.
                    stack[owners.last!].element!.children.append(.element(element))
                    stack.append(Frame(node: child, nextChild: 0, element: nil))
                } else {
                    owners.append(stack.count)
                    stack.append(Frame(node: child, nextChild: 0, element: element))
                }
            case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA:
                let text = child.pointee.v.text
                let position = lines.position(ofOffset: Int(text.start_pos.offset))
                let node = HTMLNode.text(String(cString: text.text), line: position.line, column: position.column)
                stack[owners.last!].element!.children.append(node)
            default:
                continue
            }
        }
        return finished ?? HTMLElement(tag: "html")
    }

    private static func elementChildren(_ node: UnsafeMutablePointer<GumboNode>) -> GumboVector {
        node.pointee.v.element.children
    }

    /// The element without its children: tag, attributes, position.
    private static func shell(_ node: UnsafeMutablePointer<GumboNode>, lines: inout LineIndex) -> HTMLElement {
        let element = node.pointee.v.element
        var attributes: [HTMLAttribute] = []
        attributes.reserveCapacity(Int(element.attributes.length))
        for index in 0..<Int(element.attributes.length) {
            let attribute = element.attributes.data[index]!.assumingMemoryBound(to: GumboAttribute.self).pointee
            attributes.append(HTMLAttribute(name: String(cString: attribute.name), value: String(cString: attribute.value)))
        }
        let inferred = node.pointee.parse_flags.rawValue & GUMBO_INSERTION_BY_PARSER.rawValue != 0
            || element.original_tag.length == 0
        guard !inferred else {
            return HTMLElement(tag: tagName(element), attributes: attributes)
        }
        let start = Int(element.start_pos.offset)
        let position = lines.position(ofOffset: start)
        let end = Int(element.end_pos.offset) + element.original_end_tag.length
        return HTMLElement(
            tag: tagName(element), attributes: attributes, line: position.line, column: position.column,
            byteRange: end >= start ? start..<end : nil)
    }

    private static let emptyRoot = HTMLElement(tag: "html", children: [
        .element(HTMLElement(tag: "head")), .element(HTMLElement(tag: "body")),
    ])

    private static let knownTagNames: [String] = (0..<Int(GUMBO_TAG_UNKNOWN.rawValue)).map {
        String(cString: gumbo_normalized_tagname(GumboTag(rawValue: UInt32($0))))
    }

    private static func tagName(_ element: GumboElement) -> String {
        if element.tag != GUMBO_TAG_UNKNOWN, Int(element.tag.rawValue) < knownTagNames.count {
            return knownTagNames[Int(element.tag.rawValue)]
        }
        var piece = element.original_tag
        gumbo_tag_from_original_text(&piece)
        guard let data = piece.data, piece.length > 0 else { return "unknown" }
        let raw = UnsafeRawBufferPointer(start: data, count: piece.length)
        return String(decoding: raw, as: UTF8.self).lowercased()
    }
}
