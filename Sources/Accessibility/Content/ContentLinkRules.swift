import Core
import Markdown

/// Links in the Markdown: empty, vague, or the same words going to different places.
struct ContentLinkRules {
    func check(_ survey: ContentSurvey) -> [Finding] {
        var findings: [Finding] = []
        var firstByText: [String: (destination: String, location: SourceLocation)] = [:]
        for link in survey.links {
            guard case .link(let destination, _) = link.node.kind else { continue }
            let text = link.node.spokenText().trimmingWhitespace
            if text.isEmpty {
                // A link made only of images is reported by img-link-alt, which says more.
                let onlyImages = !link.node.meaningfulChildren.isEmpty && link.node.meaningfulChildren.allSatisfy(\.isImage)
                if !onlyImages {
                    findings.append(Finding(.linkEmpty, "This link to \(destination) has no text.", at: link.location))
                }
                continue
            }
            if let problem = LinkText.vagueness(text) {
                findings.append(Finding(.linkTextVague, problem, at: link.location))
            }
            let key = LinkText.key(text)
            guard !key.isEmpty else { continue }
            if let first = firstByText[key] {
                if LinkText.destinationKey(first.destination) != LinkText.destinationKey(destination) {
                    findings.append(Finding(
                        .linkTextAmbiguous,
                        "\"\(text)\" goes to \(destination) here but to \(first.destination) on line \(first.location.line).",
                        at: link.location))
                }
            } else {
                firstByText[key] = (destination, link.location)
            }
        }
        return findings
    }
}
