@testable import Accessibility
import Core

/// Builds pages and runs the contrast checker for the Contrast* tests.
enum ContrastFixture {
    static func page(_ body: String, head: String = "", htmlAttributes: String = "") -> HTMLElement {
        HTMLParser.parse("<!DOCTYPE html><html\(htmlAttributes)><head>\(head)</head><body>\(body)</body></html>").root
    }

    static func report(css: String, body: String, head: String = "") -> ContrastReport {
        ContrastChecker(stylesheets: [(path: "site.css", text: css)]).report(page: page(body, head: head), file: "page.html", detail: .trace)
    }

    static func diagnostics(css: String, body: String) -> [Diagnostic] {
        report(css: css, body: body).diagnostics
    }

    /// The base-pass verdict for the element whose own text is `text`.
    static func verdict(
        css: String, body: String, text: String, scheme: ColourScheme = .light, state: InteractionState = .normal
    ) -> TextVerdict? {
        report(css: css, body: body).trace?.first {
            $0.text == text && $0.scheme == scheme && $0.state == state && !$0.conditional
        }?.verdict
    }

    /// "#rrggbb on #rrggbb" for the text, or a description of why there is none.
    static func colours(
        css: String, body: String, text: String, scheme: ColourScheme = .light, state: InteractionState = .normal
    ) -> String {
        guard let verdict = verdict(css: css, body: body, text: text, scheme: scheme, state: state) else { return "not checked" }
        if verdict.kind == .hidden { return "hidden" }
        if let problem = verdict.problem { return "review: \(problem.reason)" }
        return "\(verdict.foreground?.hex ?? "?") on \(verdict.background?.hex ?? "?")"
    }

    static func rules(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.compactMap { $0.rule?.id } }
}
