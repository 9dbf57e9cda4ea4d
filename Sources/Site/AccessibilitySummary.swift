import Foundation
import Content
import Core

/// The linter's verdict on the whole site, written into the accessibility statement at build
/// time so that its compliance status, known issues and "last tested" date never go stale.
struct AccessibilitySummary: Sendable {
    var findings: [Diagnostic]
    var silenced: [SilencedFinding] = []
    var today: Day
    var pageCount: Int

    init(findings: [Diagnostic], today: Day, pageCount: Int) {
        // In reading order: the statement quotes the first finding of each rule, and must quote
        // the same one whichever pages this build made afresh.
        self.findings = findings.filter { $0.rule != nil && $0.severity >= .warning }.sorted(by: Diagnostic.inReadingOrder)
        self.today = today
        self.pageCount = pageCount
    }

    /// The placeholders authors put in the statement, each alone on its line.
    static let placeholders = ["{{accessibility.compliance}}", "{{accessibility.issues}}", "{{accessibility.last_tested}}"]

    static func usesPlaceholders(_ text: String) -> Bool {
        // Asked of every page on every build: a byte scan rules out nearly all of them before
        // Foundation's substring search runs.
        text.utf8.contains(UInt8(ascii: "{")) && text.contains("{{accessibility.")
    }

    func fill(_ markdown: String) -> String {
        markdown
            .replacingOccurrences(of: "{{accessibility.compliance}}", with: compliance)
            .replacingOccurrences(of: "{{accessibility.issues}}", with: issues)
            .replacingOccurrences(of: "{{accessibility.last_tested}}", with: lastTested)
    }

    /// GOV.UK's fixed wording for the compliance status.
    var compliance: String {
        if findings.isEmpty && silenced.isEmpty {
            return "This website is fully compliant with the [Web Content Accessibility Guidelines version 2.2](https://www.w3.org/TR/WCAG22/) AA standard."
        }
        return "This website is partially compliant with the [Web Content Accessibility Guidelines version 2.2](https://www.w3.org/TR/WCAG22/) AA standard, due to the non-compliances listed below."
    }

    var issues: String {
        let grouped = Dictionary(grouping: findings) { $0.rule!.id }
        guard !grouped.isEmpty || !silenced.isEmpty else {
            return "Herald's automated checks found no accessibility problems on the \(pageCount) pages of this website when it was last built."
        }
        var lines: [String] = []
        for id in grouped.keys.sorted() {
            let items = grouped[id]!
            let criteria = items[0].rule!.criteria.joined(separator: ", ")
            lines.append("- \(escape(items[0].message)) (\(items.count == 1 ? "1 place" : "\(items.count) places")). This fails WCAG 2.2 success criterion \(criteria).")
        }
        for item in silenced.sorted(by: SilencedFinding.inReadingOrder) {
            let criteria = item.diagnostic.rule?.criteria.joined(separator: ", ") ?? ""
            lines.append("- \(escape(item.diagnostic.message)): \(escape(item.reason)). WCAG 2.2 success criterion \(criteria).")
        }
        return lines.joined(separator: "\n")
    }

    var lastTested: String {
        "This website was last tested on \(today.display), by Herald's automated accessibility checks, run on every page each time the site is built."
    }

    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
