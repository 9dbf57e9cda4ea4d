import Core
import Markdown

/// Headings in the Markdown: empty, image-only, skipped levels, extra h1s, bold paragraphs.
struct ContentHeadingRules {
    var configuration: LintConfiguration

    func check(_ survey: ContentSurvey) -> [Finding] {
        var findings: [Finding] = []
        let context = configuration.headingContext
        var previous: Int? = context > 0 ? context : nil
        var h1Count = 0
        for heading in survey.headings {
            guard case .heading(let level, _) = heading.node.kind else { continue }
            let text = heading.node.spokenText(images: false)
            if TextNormaliser.isBlank(text) {
                let images = heading.node.descendantImages
                if images.isEmpty {
                    findings.append(Finding(.headingEmpty, "This level \(level) heading has no text.", at: heading.location))
                } else if images.allSatisfy({ TextNormaliser.isBlank($0.spokenText()) }) {
                    findings.append(Finding(
                        .headingImageOnly, "This heading's only content is an image without alt text, so it has no name.",
                        at: heading.location))
                }
            }
            if level == 1 {
                h1Count += 1
                if context >= 1 {
                    findings.append(Finding(
                        .headingSingleH1, "This # heading makes a second h1: the template already shows the page title as the h1.",
                        at: heading.location, hint: "Make it a ## heading (content headings start at ##)."))
                } else if h1Count > 1 {
                    findings.append(Finding(.headingSingleH1, "This is h1 number \(h1Count) on the page; a page has one.", at: heading.location))
                }
            }
            if let previous, level > previous + 1 {
                let after = previous == context && heading.node == survey.headings.first?.node
                    ? "the page title (h\(previous))" : "an h\(previous)"
                findings.append(Finding(
                    .headingOrder, "This h\(level) skips a level: it follows \(after), so it should be h\(previous + 1).",
                    at: heading.location, hint: "Use \(String(repeating: "#", count: previous + 1)) for this heading."))
            }
            previous = level
        }
        if context == 0 && h1Count == 0 {
            findings.append(Finding(.headingSingleH1, "The page has no h1 (# heading) and its template gives it none.", at: survey.documentLocation))
        }
        for paragraph in survey.paragraphs where isBoldOnly(paragraph) {
            findings.append(Finding(
                .headingBoldParagraph, "This paragraph is only bold text: if it is a heading, make it one.", at: paragraph.location))
        }
        return findings
    }

    private func isBoldOnly(_ paragraph: ContentSurvey.Occurrence) -> Bool {
        let inside = paragraph.ancestors.contains { ancestor in
            switch ancestor.kind {
            case .item, .tableCell, .table: true
            case .callout(let kind, _): kind == .summary || kind == .contact || kind == .documents || kind == .warning
            default: false
            }
        }
        guard !inside else { return false }
        let children = paragraph.node.meaningfulChildren
        guard children.count == 1, case .strong = children[0].kind else { return false }
        let text = children[0].spokenText().trimmingWhitespace
        guard !text.isEmpty, text.count <= 100, let last = text.last else { return false }
        return !".!?".contains(last)
    }
}
