import Core

/// The page rules that judge one element at a time (with a glance at its parent), and the
/// recording of the events the whole-page rules need.
struct ElementRules {
    var configuration: LintConfiguration
    /// Leave elements that came from Markdown to the content rules.
    var skipContent: Bool

    func check(
        _ element: HTMLElement, ref: ElementRef, parent: HTMLElement?, grandparent: HTMLElement?, linkText: String?,
        into record: inout PageRecord
    ) {
        let twinDone = skipContent && ref.isContent
        func report(_ rule: Rule, _ message: String, at place: ElementRef? = nil, hint: String? = nil) {
            record.findings.append(PendingFinding(rule: rule, message: message, ref: place ?? ref, hint: hint))
        }
        if let id = element.attribute("id"), !id.isEmpty { record.events.append(.id(id, ref)) }
        if element.attribute("role") == "main" && element.tag != "main" { record.events.append(.main(ref)) }
        if element.tag != "html", let lang = element.attribute("lang"), !lang.isEmpty, let problem = BCP47.problem(with: lang) {
            report(.langValid, "lang=\"\(lang)\" is not a valid language tag: it \(problem).")
        }
        switch element.tag {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let level = Int(String(element.tag.dropFirst()))!
            guard !AccessibleName.isHidden(element) else { return }
            record.events.append(.heading(level: level, ref))
            if !twinDone { checkHeadingName(element, level: level, report: report) }
        case "main":
            record.events.append(.main(ref))
        case "title":
            if parent?.tag == "head" {
                record.events.append(.title(element.textContent.split(whereSeparator: \.isWhitespace).joined(separator: " "), ref))
            }
        case "a":
            guard let href = element.attribute("href") else { return }
            let name = AccessibleName.of(element)
            record.events.append(.link(name: name, href: href, ref))
            checkNewWindow(element, name: name, report: report)
            if !twinDone { checkLink(element, name: name, href: href, ref: ref, report: report) }
        case "img":
            if !twinDone { checkImage(element, parent: parent, linkText: linkText, report: report) }
        case "p":
            if !twinDone, isBoldOnly(element, parent: parent) {
                report(.headingBoldParagraph, "This paragraph is only bold text: if it is a heading, make it one.")
            }
        case "table":
            checkTable(element, report: report)
        case "ul", "ol", "menu":
            checkListChildren(element, ref: ref, report: report)
        case "li":
            let parentRole = parent?.attribute("role")
            if element.attribute("role") == nil, !["ul", "ol", "menu"].contains(parent?.tag ?? ""), parentRole != "list" {
                report(.listItemParent, "This <li> is inside <\(parent?.tag ?? "nothing")>, not a list.")
            }
        case "dl":
            checkDefinitionList(element, ref: ref, report: report)
        case "dt", "dd":
            let inDL = parent?.tag == "dl" || (parent?.tag == "div" && grandparent?.tag == "dl")
            if !inDL && element.attribute("role") == nil {
                report(.definitionListItemParent, "This <\(element.tag)> is not inside a <dl>.")
            }
        case "iframe", "frame":
            let hidden = AccessibleName.isHidden(element) || ["presentation", "none"].contains(element.attribute("role") ?? "")
            if !hidden, TextNormaliser.isBlank(AccessibleName.of(element) ?? "x") {
                report(.iframeTitle, "This iframe has no title saying what it shows.")
            }
        case "video":
            if !hasCaptions(element) && !hasTranscriptLink(near: element, parent: parent) {
                report(.videoCaptions, "This video has no captions track and no transcript link beside it.")
            }
        case "audio":
            if !hasTranscriptLink(near: element, parent: parent) {
                report(.audioTranscript, "This audio has no transcript link beside it.")
            }
        case "meta":
            if element.attribute("name")?.lowercased() == "viewport", let content = element.attribute("content"),
               let problem = Viewport.zoomProblem(content) {
                report(.viewportZoom, problem)
            }
        default:
            if element.attribute("role") == "heading", !AccessibleName.isHidden(element) {
                let level = element.attribute("aria-level").flatMap(Int.init) ?? 2
                record.events.append(.heading(level: level, ref))
                if !twinDone { checkHeadingName(element, level: level, report: report) }
            }
        }
    }

    private func checkHeadingName(_ element: HTMLElement, level: Int, report: (Rule, String, ElementRef?, String?) -> Void) {
        guard let name = AccessibleName.of(element, titleFallback: false), TextNormaliser.isBlank(name) else { return }
        if AccessibleName.containsImage(element) {
            report(.headingImageOnly, "This h\(level)'s only content is an image without alt text, so it has no name.", nil, nil)
        } else {
            report(.headingEmpty, "This h\(level) heading has no text.", nil, nil)
        }
    }

    private func checkLink(
        _ element: HTMLElement, name: String?, href: String, ref: ElementRef, report: (Rule, String, ElementRef?, String?) -> Void
    ) {
        guard let name else { return }
        if TextNormaliser.isBlank(name) {
            guard !AccessibleName.isHidden(element) else { return }
            if let image = AccessibleName.firstImage(in: element) {
                let imageRef = ElementRef(
                    tag: image.tag, attributes: image.attributes, line: image.line > 0 ? image.line : ref.line,
                    column: image.line > 0 ? image.column : ref.column,
                    sourcepos: image.attribute("data-sourcepos").flatMap(SourcePosition.init(attribute:)) ?? ref.sourcepos)
                report(.imageLinkAlt,
                       "This image is all there is of a link to \(href), so its alt text is the link's name: say where the link goes.",
                       imageRef, nil)
            } else {
                report(.linkEmpty, "This link to \(href) has no text.", nil, nil)
            }
            return
        }
        if let problem = LinkText.vagueness(name) {
            report(.linkTextVague, problem, nil, nil)
        }
    }

    private func checkNewWindow(_ element: HTMLElement, name: String?, report: (Rule, String, ElementRef?, String?) -> Void) {
        guard let target = element.attribute("target")?.lowercased(), !["", "_self", "_parent", "_top"].contains(target) else { return }
        let described = [name, element.attribute("title"), element.attribute("aria-description")].compactMap { $0 }
            .contains(where: LinkText.announcesNewWindow)
        if !described && name != nil {
            report(.linkNewWindow, "This link opens a new window or tab (target=\"\(target)\") without saying so.", nil, nil)
        }
    }

    private func checkImage(
        _ element: HTMLElement, parent: HTMLElement?, linkText: String?, report: (Rule, String, ElementRef?, String?) -> Void
    ) {
        let role = element.attribute("role") ?? ""
        if ["presentation", "none"].contains(role) || AccessibleName.isHidden(element) { return }
        let label = element.attribute("aria-label") ?? element.attribute("aria-labelledby").map { _ in "labelled" }
        guard let alt = element.attribute("alt") ?? label ?? element.attribute("title") else {
            // An image alone in a link is reported by the link, as img-link-alt.
            if let linkText, TextNormaliser.isBlank(linkText) { return }
            let source = element.attribute("src").map { " \(Path.basename($0))" } ?? ""
            report(.imageAltMissing, "The image\(source) has no alt attribute.", nil, nil)
            return
        }
        let trimmed = alt.trimmingWhitespace
        guard !trimmed.isEmpty else { return }
        for problem in AltText.problems(trimmed, maximumLength: configuration.maximumAltLength) {
            report(problem.rule, problem.message, nil, nil)
        }
        var neighbours: [(String, String)] = []
        if let linkText { neighbours.append(("link text", linkText)) }
        if let parent, parent.tag == "figure", let caption = parent.childElements.first(where: { $0.tag == "figcaption" }) {
            neighbours.append(("caption", caption.textContent))
        }
        if let parent, parent.tag != "figure" {
            neighbours.append(("text", AccessibleName.content(of: parent, images: false)))
        }
        if let (what, _) = neighbours.first(where: { AltText.repeats(trimmed, $0.1) }) {
            report(.imageAltRepeatsText, "The alt text repeats the \(what) beside the image, so screen readers read it twice.", nil, nil)
        }
    }

    private func isBoldOnly(_ element: HTMLElement, parent: HTMLElement?) -> Bool {
        guard !["li", "td", "th", "dd", "dt", "summary", "label", "caption", "figcaption"].contains(parent?.tag ?? "") else { return false }
        let meaningful = element.children.filter { node in
            if case .text(let text, _, _) = node { return !TextNormaliser.isBlank(text) }
            if case .element(let child) = node { return child.tag != "br" }
            return true
        }
        guard meaningful.count == 1, case .element(let only) = meaningful[0], only.tag == "strong" || only.tag == "b" else { return false }
        let text = only.textContent.trimmingWhitespace
        guard !text.isEmpty, text.count <= 100, let last = text.last else { return false }
        return !".!?".contains(last)
    }

    private func checkTable(_ table: HTMLElement, report: (Rule, String, ElementRef?, String?) -> Void) {
        let role = table.attribute("role") ?? ""
        guard !["presentation", "none"].contains(role), !AccessibleName.isHidden(table) else { return }
        var rows = 0
        var widest = 0
        var hasHeader = false
        var sections = [table]
        while let section = sections.popLast() {
            for child in section.childElements {
                switch child.tag {
                case "thead", "tbody", "tfoot": sections.append(child)
                case "tr":
                    rows += 1
                    let cells = child.childElements.filter { $0.tag == "td" || $0.tag == "th" }
                    widest = max(widest, cells.count)
                    if cells.contains(where: { $0.tag == "th" || ["columnheader", "rowheader"].contains($0.attribute("role") ?? "") }) {
                        hasHeader = true
                    }
                default: continue
                }
            }
        }
        if !hasHeader && rows >= 2 && widest >= 2 {
            report(.tableHeaders, "This table of \(rows) rows has no header cells (<th>).", nil, nil)
        }
        let caption = table.childElements.first { $0.tag == "caption" }.map { !TextNormaliser.isBlank($0.textContent) } ?? false
        let labelled = [table.attribute("aria-label"), table.attribute("aria-labelledby"), table.attribute("title")]
            .contains { $0.map { !TextNormaliser.isBlank($0) } ?? false }
        if !caption && !labelled && rows >= 2 {
            report(.tableCaption, "This table has no caption saying what it shows.", nil, nil)
        }
    }

    private func checkListChildren(_ list: HTMLElement, ref: ElementRef, report: (Rule, String, ElementRef?, String?) -> Void) {
        if let role = list.attribute("role"), role != "list" { return }
        for node in list.children {
            switch node {
            case .text(let text, _, _):
                if !TextNormaliser.isBlank(text) {
                    report(.listChildren, "This <\(list.tag)> has text directly inside it, outside any <li>.", nil, nil)
                    return
                }
            case .element(let child):
                if !["li", "script", "template"].contains(child.tag) && child.attribute("role") != "listitem" {
                    report(.listChildren, "This <\(list.tag)> contains a <\(child.tag)>; a list holds only <li> items.",
                           childRef(child, ref), nil)
                }
            }
        }
    }

    private func checkDefinitionList(_ list: HTMLElement, ref: ElementRef, report: (Rule, String, ElementRef?, String?) -> Void) {
        if list.attribute("role") != nil { return }
        var seenTerm = false
        func visit(_ items: [HTMLNode], inGroup: Bool) {
            for node in items {
                switch node {
                case .text(let text, _, _):
                    if !TextNormaliser.isBlank(text) {
                        report(.definitionListChildren, "This <dl> has text outside any <dt> or <dd>.", nil, nil)
                    }
                case .element(let child):
                    switch child.tag {
                    case "dt": seenTerm = true
                    case "dd":
                        if !seenTerm {
                            report(.definitionListChildren, "This <dd> comes before any <dt>: a description needs its term first.",
                                   childRef(child, ref), nil)
                        }
                    case "div" where !inGroup: visit(child.children, inGroup: true)
                    case "script", "template": continue
                    default:
                        report(.definitionListChildren, "This <dl> contains a <\(child.tag)>; it holds only <dt>, <dd> and <div> groups.",
                               childRef(child, ref), nil)
                    }
                }
            }
        }
        visit(list.children, inGroup: false)
    }

    private func childRef(_ child: HTMLElement, _ parent: ElementRef) -> ElementRef {
        let placed = child.line > 0
        let sourcepos = child.attribute("data-sourcepos").flatMap(SourcePosition.init(attribute:)) ?? parent.sourcepos
        return ElementRef(tag: child.tag, attributes: child.attributes, line: placed ? child.line : parent.line,
                          column: placed ? child.column : parent.column, sourcepos: sourcepos)
    }

    private func hasCaptions(_ video: HTMLElement) -> Bool {
        video.childElements.contains { track in
            guard track.tag == "track", let source = track.attribute("src"), !source.isEmpty else { return false }
            let kind = track.attribute("kind")?.lowercased() ?? "subtitles"
            return kind == "captions" || kind == "subtitles"
        }
    }

    /// A link whose text mentions a transcript, inside the media element or beside it.
    private func hasTranscriptLink(near media: HTMLElement, parent: HTMLElement?) -> Bool {
        var stack = [parent ?? media]
        while let element = stack.popLast() {
            if element.tag == "a", element.attribute("href") != nil,
               (AccessibleName.of(element) ?? "").lowercased().contains("transcript") {
                return true
            }
            stack += element.childElements
        }
        return false
    }
}
