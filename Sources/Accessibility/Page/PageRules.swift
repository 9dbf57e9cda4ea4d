import Core
import Foundation

/// The rules that need the whole page: one h1, heading order, one main, the skip link, unique
/// ids, link text that means one destination, the page's language and title.
struct PageRules {
    var configuration: LintConfiguration
    var contentLinted: Bool

    func check(_ events: [PageRecord.Event], root: HTMLElement, rootRef: ElementRef) -> [PendingFinding] {
        var findings: [PendingFinding] = []
        func report(_ rule: Rule, _ message: String, _ ref: ElementRef, hint: String? = nil) {
            findings.append(PendingFinding(rule: rule, message: message, ref: ref, hint: hint))
        }
        checkLanguage(root, rootRef, report: report)
        var headings: [(level: Int, ref: ElementRef)] = []
        var ids: [String: ElementRef] = [:]
        var mains: [ElementRef] = []
        var links: [(name: String?, href: String, ref: ElementRef, beforeMain: Bool)] = []
        var titles: [(String, ElementRef)] = []
        for event in events {
            switch event {
            case .heading(let level, let ref): headings.append((level, ref))
            case .id(let id, let ref):
                if let first = ids[id] {
                    report(.idUnique, "The id \"\(id)\" is used again here; it is first used at line \(first.line) of the page.", ref)
                } else {
                    ids[id] = ref
                }
            case .main(let ref): mains.append(ref)
            case .link(let name, let href, let ref): links.append((name, href, ref, mains.isEmpty))
            case .title(let text, let ref): titles.append((text, ref))
            }
        }
        let bodyRef = Self.bodyRef(root, rootRef)
        if titles.isEmpty {
            report(.pageTitle, "The page has no <title>.", Self.headRef(root, rootRef))
        } else if titles[0].0.isEmpty {
            report(.pageTitle, "The page's <title> is empty.", titles[0].1)
        }
        checkHeadings(headings, bodyRef: bodyRef, report: report)
        if mains.isEmpty {
            report(.landmarkOneMain, "The page has no <main> landmark.", bodyRef)
        }
        for extra in mains.dropFirst() {
            report(.landmarkNoDuplicateMain, "This is a second <main>; a page has one.", extra)
        }
        checkSkipLink(links, ids: ids, bodyRef: bodyRef, report: report)
        checkAmbiguousLinks(links, report: report)
        return findings
    }

    private func checkLanguage(_ root: HTMLElement, _ rootRef: ElementRef, report: (Rule, String, ElementRef, String?) -> Void) {
        guard let lang = root.attribute("lang"), !lang.trimmingWhitespace.isEmpty else {
            report(.htmlLang, "The <html> element has no lang attribute.", rootRef, nil)
            return
        }
        if let problem = BCP47.problem(with: lang) {
            report(.htmlLangValid, "The page's lang=\"\(lang)\" is not a valid language tag: it \(problem).", rootRef, nil)
        }
    }

    private func checkHeadings(
        _ headings: [(level: Int, ref: ElementRef)], bodyRef: ElementRef, report: (Rule, String, ElementRef, String?) -> Void
    ) {
        let h1s = headings.filter { $0.level == 1 }
        if h1s.isEmpty {
            report(.headingSingleH1, "The page has no h1.", bodyRef, nil)
        }
        for extra in h1s.dropFirst() {
            // The content rules already called out a # heading in Markdown under a template h1.
            if contentLinted && extra.ref.isContent && configuration.headingContext >= 1 { continue }
            report(.headingSingleH1, "This is another h1; a page has one, its title.", extra.ref, nil)
        }
        for index in headings.indices.dropFirst() {
            let (level, ref) = headings[index]
            let previous = headings[index - 1]
            guard level > previous.level + 1 else { continue }
            if contentLinted && ref.isContent && (previous.ref.isContent || previous.level == configuration.headingContext) { continue }
            report(.headingOrder, "This h\(level) skips a level: it follows an h\(previous.level), so it should be h\(previous.level + 1).",
                   ref, nil)
        }
    }

    private func checkSkipLink(
        _ links: [(name: String?, href: String, ref: ElementRef, beforeMain: Bool)], ids: [String: ElementRef], bodyRef: ElementRef,
        report: (Rule, String, ElementRef, String?) -> Void
    ) {
        let skipLinks = links.filter { $0.beforeMain && $0.href.hasPrefix("#") && $0.href.count > 1 }
        for link in skipLinks {
            let target = String(link.href.dropFirst()).removingPercentEncoding ?? String(link.href.dropFirst())
            if ids[target] == nil && target != "top" {
                report(.skipLink, "This link goes to \"#\(target)\", but no element on the page has that id.", link.ref, nil)
            }
        }
        guard let first = links.first else {
            report(.skipLinkMissing, "The page has no skip link before its content.", bodyRef, nil)
            return
        }
        if !(first.beforeMain && first.href.hasPrefix("#") && first.href.count > 1) {
            report(.skipLinkMissing, "The first link on the page is not a skip link to the main content.", first.ref, nil)
        }
    }

    private func checkAmbiguousLinks(
        _ links: [(name: String?, href: String, ref: ElementRef, beforeMain: Bool)], report: (Rule, String, ElementRef, String?) -> Void
    ) {
        var first: [String: (href: String, ref: ElementRef)] = [:]
        for link in links {
            guard let name = link.name, !link.href.hasPrefix("#") else { continue }
            let key = LinkText.key(name)
            guard !key.isEmpty else { continue }
            guard let earlier = first[key] else {
                first[key] = (link.href, link.ref)
                continue
            }
            guard LinkText.destinationKey(earlier.href) != LinkText.destinationKey(link.href) else { continue }
            if contentLinted && link.ref.isContent && earlier.ref.isContent { continue }
            report(.linkTextAmbiguous, "\"\(name)\" goes to \(link.href) here but to \(earlier.href) earlier on the page.", link.ref, nil)
        }
    }

    static func bodyRef(_ root: HTMLElement, _ rootRef: ElementRef) -> ElementRef {
        child("body", of: root, rootRef)
    }

    static func headRef(_ root: HTMLElement, _ rootRef: ElementRef) -> ElementRef {
        child("head", of: root, rootRef)
    }

    private static func child(_ tag: String, of root: HTMLElement, _ rootRef: ElementRef) -> ElementRef {
        guard let element = root.childElements.first(where: { $0.tag == tag }), element.line > 0 else {
            return ElementRef(tag: tag, attributes: [], line: rootRef.line, column: rootRef.column, sourcepos: nil)
        }
        return ElementRef(tag: tag, attributes: element.attributes, line: element.line, column: element.column, sourcepos: nil)
    }
}
