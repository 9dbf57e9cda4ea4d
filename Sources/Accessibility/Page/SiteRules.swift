import Core

/// The rules that need every page at once: titles that tell pages apart.
struct SiteRules {
    func check(_ pages: [PageLintResult]) -> [Finding] {
        var byTitle: [String: [PageLintResult]] = [:]
        for page in pages {
            guard let title = page.title, !title.isEmpty else { continue }
            byTitle[title.lowercased(), default: []].append(page)
        }
        var findings: [Finding] = []
        for (_, group) in byTitle where group.count > 1 {
            let sorted = group.sorted { $0.file < $1.file }
            for page in sorted {
                let others = sorted.filter { $0.file != page.file }.map(\.file)
                let listed = others.prefix(3).joined(separator: ", ") + (others.count > 3 ? " and \(others.count - 3) more" : "")
                findings.append(Finding(
                    .pageTitleUnique, "The title \"\(page.title!)\" is also the title of \(listed).",
                    at: page.titleLocation ?? SourceLocation(file: page.file, line: 1, column: 1)))
            }
        }
        return findings
    }
}
