import Foundation
import Testing
@testable import Markdown

/// Every example of the GFM spec's tables section (Fixtures/gfm-tables-examples.txt), rendered
/// and compared with the expected HTML after normalising whitespace. The only other
/// normalisations: `scope="col"` is removed and `class="align-x"` becomes `align="x"` (Herald's
/// markup for the same thing). Tables render without the theme's region wrapper, and the
/// example that embeds HTML runs with those elements allowed, as the spec's own runner does.
@Suite struct GFMTableExamplesTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var number: Int
        var markdown: String
        var html: String
        var testDescription: String { "example \(number)" }
    }

    static let fixture: String = {
        let url = Bundle.module.url(forResource: "gfm-tables-examples", withExtension: "txt", subdirectory: "Fixtures")!
        return try! String(contentsOf: url, encoding: .utf8)
    }()

    static let examples: [Example] = {
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var current: [String]?
        for line in fixture.components(separatedBy: "\n") {
            if line == fence + " example" {
                current = []
            } else if line == fence, let lines = current {
                let split = lines.firstIndex(of: ".")!
                examples.append(Example(number: examples.count + 1,
                                        markdown: lines[..<split].joined(separator: "\n") + "\n",
                                        html: lines[(split + 1)...].joined(separator: "\n")))
                current = nil
            } else if current != nil {
                current!.append(line.replacingOccurrences(of: "→", with: "\t"))
            }
        }
        return examples
    }()

    @Test func everyExampleIsFound() {
        let openers = Self.fixture.components(separatedBy: "\n").filter { $0.hasSuffix("` example") }.count
        #expect(openers == 16)
        #expect(Self.examples.count == openers)
    }

    @Test(arguments: examples)
    func example(_ example: Example) {
        let source = MarkdownSource(example.markdown, file: "example.md")
        var document = MarkdownParser().parse(source).node
        _ = TableTransform().apply(to: &document, source: source)
        let html = HTMLRenderer(allowedRawHTML: ["strong", "br"], tableRegions: false).render(document)
        let herald = Self.normalise(html
            .replacingOccurrences(of: " scope=\"col\"", with: "")
            .replacingOccurrences(of: #" class="align-(left|center|right)""#, with: #" align="$1""#, options: .regularExpression))
        #expect(herald == Self.normalise(example.html), "\(example.markdown)")
    }

    /// Whitespace between tags removed, other runs of whitespace made one space.
    static func normalise(_ html: String) -> String {
        html.replacingOccurrences(of: #">\s+<"#, with: "><", options: .regularExpression)
            .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
