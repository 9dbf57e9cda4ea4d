import CMark

/// cmark's node types as a Swift enum: comparing imported C enum values goes through generic
/// `RawRepresentable` code, which made the converter several times slower in a debug build.
enum CMarkType {
    case none, document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading, thematicBreak
    case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image

    private static let table: [CMarkType] = {
        let pairs: [(cmark_node_type, CMarkType)] = [
            (CMARK_NODE_DOCUMENT, .document), (CMARK_NODE_BLOCK_QUOTE, .blockQuote), (CMARK_NODE_LIST, .list),
            (CMARK_NODE_ITEM, .item), (CMARK_NODE_CODE_BLOCK, .codeBlock), (CMARK_NODE_HTML_BLOCK, .htmlBlock),
            (CMARK_NODE_CUSTOM_BLOCK, .customBlock), (CMARK_NODE_PARAGRAPH, .paragraph), (CMARK_NODE_HEADING, .heading),
            (CMARK_NODE_THEMATIC_BREAK, .thematicBreak), (CMARK_NODE_TEXT, .text), (CMARK_NODE_SOFTBREAK, .softBreak),
            (CMARK_NODE_LINEBREAK, .lineBreak), (CMARK_NODE_CODE, .code), (CMARK_NODE_HTML_INLINE, .htmlInline),
            (CMARK_NODE_CUSTOM_INLINE, .customInline), (CMARK_NODE_EMPH, .emphasis), (CMARK_NODE_STRONG, .strong),
            (CMARK_NODE_LINK, .link), (CMARK_NODE_IMAGE, .image),
        ]
        var table = [CMarkType](repeating: .none, count: Int(pairs.map(\.0.rawValue).max()!) + 1)
        for (type, value) in pairs { table[Int(type.rawValue)] = value }
        return table
    }()

    init(_ type: cmark_node_type) {
        let index = Int(type.rawValue)
        self = index < Self.table.count ? Self.table[index] : .none
    }

    /// Nodes the iterator enters without exiting.
    var isLeaf: Bool {
        switch self {
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .codeBlock, .htmlBlock, .thematicBreak: true
        default: false
        }
    }

    var isInline: Bool {
        switch self {
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .customInline, .emphasis, .strong, .link, .image: true
        default: false
        }
    }
}
