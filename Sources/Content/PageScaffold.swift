import Foundation
import Core

/// What `herald new KIND "Title"` writes: a page of that kind in its usual folder with every
/// required field present, filled in where Herald can know the value and marked `TODO:` where
/// only the author can (a strict build refuses a page that still has one).
public enum PageScaffold {
    public struct Scaffold: Sendable, Hashable {
        /// Relative to the content folder.
        public var path: String
        public var text: String
    }

    public static func folder(for kind: PageKind) -> String {
        switch kind {
        case .page: ""
        case .guide: "report"
        case .toolkit: "toolkit"
        case .strategy: "strategy"
        case .decision: "decisions"
        case .news: "news"
        }
    }

    /// The next decision number in `year` after those already used (`2023-014` → `2023-015`).
    public static func nextDecisionNumber(year: Int, existing: [String]) -> String {
        let used = existing.compactMap { number -> Int? in
            let parts = number.split(separator: "-")
            guard parts.count == 2, Int(parts[0]) == year else { return nil }
            return Int(parts[1])
        }
        let next = (used.max() ?? 0) + 1
        let digits = String(next)
        return "\(year)-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    public static func make(kind: PageKind, title: String, today: Day, existingDecisionNumbers: [String] = []) -> Scaffold {
        let slug = Slug.make(title)
        var lines = ["---", "title: \(yamlString(title))", "description: \"TODO: one sentence saying what this page is for\""]
        if kind != .page { lines.append("kind: \(kind.rawValue)") }
        var name = slug
        switch kind {
        case .page:
            break
        case .guide:
            lines.append("updated: \(today.iso)")
        case .toolkit:
            lines += ["resources:", "  - title: \"TODO: name of a document\"", "    file: \"TODO-document.pdf\""]
        case .strategy:
            lines += ["period: \"TODO: e.g. 2022 to 2024\"", "themes:", "  - \"TODO: a theme\""]
        case .decision:
            let number = nextDecisionNumber(year: today.year, existing: existingDecisionNumbers)
            name = "\(number)-\(slug)"
            lines += [
                "number: \"\(number)\"", "date: \(today.iso)", "decision_maker: \"TODO: who decided\"",
                "meeting: \"TODO: the board or meeting\"", "status: approved", "category: \"TODO: category\"",
                "summary: \"TODO: what was decided, in one or two sentences\"",
                "financial_implications: \"TODO: the cost, or say the record does not state it\"", "confidential: false",
            ]
        case .news:
            lines += ["date: \(today.iso)", "summary: \"TODO: one or two sentences for the news list\""]
        }
        lines += ["---", "", "## TODO: first heading", "", "TODO: write the page here. See docs/authoring.md.", ""]
        let folder = folder(for: kind)
        return Scaffold(path: folder.isEmpty ? "\(name).md" : "\(folder)/\(name).md", text: lines.joined(separator: "\n"))
    }

    private static func yamlString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
