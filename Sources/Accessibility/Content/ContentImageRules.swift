import Core
import Markdown

/// Images in the Markdown: alt text missing, unhelpful, too long, repeating the text beside it,
/// or not naming the destination of a link it stands for.
struct ContentImageRules {
    var configuration: LintConfiguration

    func check(_ survey: ContentSurvey) -> [Finding] {
        var findings: [Finding] = []
        for image in survey.images {
            guard case .image(let source, let title, let decorative) = image.node.kind else { continue }
            let alt = image.node.spokenText().trimmingWhitespace
            if let link = image.ancestors.last(where: \.isLink), link.meaningfulChildren.count == 1,
               link.meaningfulChildren[0] == image.node, alt.isEmpty {
                guard case .link(let destination, _) = link.kind else { continue }
                findings.append(Finding(
                    .imageLinkAlt,
                    "This image is all there is of a link to \(destination), so its alt text is the link's name: say where the link goes.",
                    at: image.location))
                continue
            }
            if decorative { continue }
            if alt.isEmpty {
                findings.append(Finding(.imageAltMissing, "The image \(Path.basename(source)) has no alt text.", at: image.location))
                continue
            }
            for problem in AltText.problems(alt, maximumLength: configuration.maximumAltLength) {
                findings.append(Finding(problem.rule, problem.message, at: image.location))
            }
            if let repeated = repeatedNeighbour(alt: alt, title: title, image: image, survey: survey) {
                findings.append(Finding(
                    .imageAltRepeatsText, "The alt text repeats the \(repeated) beside the image, so screen readers read it twice.",
                    at: image.location))
            }
        }
        return findings
    }

    private func repeatedNeighbour(alt: String, title: String, image: ContentSurvey.Occurrence, survey: ContentSurvey) -> String? {
        if AltText.repeats(alt, title) { return "caption (title)" }
        guard let index = image.blockIndex else { return nil }
        if AltText.repeats(alt, survey.blocks[index].text.string) { return "text" }
        if index > 0, AltText.repeats(alt, survey.blocks[index - 1].text.string) { return "text" }
        if index + 1 < survey.blocks.count, AltText.repeats(alt, survey.blocks[index + 1].text.string) { return "caption or text" }
        return nil
    }
}
