import Core
import Markdown

/// Runs the content rules over a page's Markdown tree, pointing at Markdown lines and columns.
public struct ContentLinter: Sendable {
    public var configuration: LintConfiguration

    public init(configuration: LintConfiguration = LintConfiguration()) {
        self.configuration = configuration
    }

    public func lint(_ document: Node, file: String) -> [Finding] {
        let survey = ContentSurvey(document, place: ContentPlace(file: file))
        var findings: [Finding] = []
        findings += ContentHeadingRules(configuration: configuration).check(survey)
        findings += ContentImageRules(configuration: configuration).check(survey)
        findings += ContentLinkRules().check(survey)
        findings += PlainEnglishRules(configuration: configuration).check(survey)
        return findings.sortedByLocation()
    }
}

/// Everything the content rules look at, gathered in one walk over the tree.
struct ContentSurvey {
    struct Occurrence {
        var node: Node
        var ancestors: [Node]
        var location: SourceLocation
        /// The index in `blocks` of the paragraph, heading or cell the node sits in.
        var blockIndex: Int?
    }

    struct Block {
        var node: Node
        var ancestors: [Node]
        var location: SourceLocation
        var text: InlineText
    }

    var place: ContentPlace
    var documentLocation: SourceLocation
    var headings: [Occurrence] = []
    var paragraphs: [Occurrence] = []
    var images: [Occurrence] = []
    var links: [Occurrence] = []
    /// Paragraphs, headings and table cells in reading order.
    var blocks: [Block] = []

    init(_ document: Node, place: ContentPlace) {
        self.place = place
        documentLocation = place.location(of: document, ancestors: [])
        document.visitIteratively { node, ancestors in
            let location = place.location(of: node, ancestors: ancestors)
            let inBlock = ancestors.contains { Self.isTextBlock($0) }
            let blockIndex = inBlock ? blocks.indices.last : nil
            let occurrence = Occurrence(node: node, ancestors: ancestors, location: location, blockIndex: blockIndex)
            switch node.kind {
            case .heading: headings.append(occurrence)
            case .paragraph: paragraphs.append(occurrence)
            case .image: images.append(occurrence)
            case .link: links.append(occurrence)
            case .codeBlock, .htmlBlock: return false
            default: break
            }
            if Self.isTextBlock(node) {
                blocks.append(Block(node: node, ancestors: ancestors, location: location, text: InlineText(node, fallback: location)))
            }
            return true
        }
    }

    static func isTextBlock(_ node: Node) -> Bool {
        switch node.kind {
        case .paragraph, .heading, .tableCell: true
        default: false
        }
    }
}
