import Core
import Markdown

extension Node {
    /// Visits this node and every descendant, parents first, with the ancestors (outermost
    /// first), without recursion: a page may nest quotes or lists thousands deep. Returning
    /// false from `visit` skips the node's children.
    func visitIteratively(_ visit: (Node, [Node]) -> Bool) {
        var stack: [(node: Node, depth: Int)] = [(self, 0)]
        var ancestors: [Node] = []
        while let (node, depth) = stack.popLast() {
            if ancestors.count > depth { ancestors.removeLast(ancestors.count - depth) }
            guard visit(node, ancestors) else { continue }
            ancestors.append(node)
            for child in node.children.reversed() { stack.append((child, depth + 1)) }
        }
    }

    /// The node's text as a screen reader reads it: image alt text included unless `images` is false.
    func spokenText(images: Bool = true) -> String {
        var result = ""
        visitIteratively { node, _ in
            switch node.kind {
            case .text(let text), .code(let text): result += text
            case .softBreak, .lineBreak: result += " "
            case .image: return images
            default: break
            }
            return true
        }
        return result
    }

    /// The images among this node's descendants.
    var descendantImages: [Node] {
        var result: [Node] = []
        visitIteratively { node, _ in
            if case .image = node.kind { result.append(node) }
            return true
        }
        return result
    }

    /// The children that carry something: blank text and line breaks left out.
    var meaningfulChildren: [Node] {
        children.filter { child in
            switch child.kind {
            case .softBreak, .lineBreak: false
            case .text(let text): !TextNormaliser.isBlank(text)
            default: true
            }
        }
    }

    var isImage: Bool { if case .image = kind { true } else { false } }
    var isLink: Bool { if case .link = kind { true } else { false } }
}

/// Where a Markdown node is, falling back to its nearest placed ancestor.
struct ContentPlace {
    var file: String

    func location(of node: Node, ancestors: [Node]) -> SourceLocation {
        if let range = node.range ?? ancestors.last(where: { $0.range != nil })?.range {
            return SourceLocation(file: file, line: range.startLine, column: range.startColumn)
        }
        return SourceLocation(file: file, line: 1, column: 1)
    }
}
