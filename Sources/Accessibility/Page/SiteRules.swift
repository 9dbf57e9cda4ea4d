import Core

/// The rules that need every page at once: titles that tell pages apart.
struct SiteRules {
    func check(_ pages: [PageLintResult]) -> [Finding] {
        // The first page of each title by index; a group only for titles seen twice (on a
        // site of 10,000 pages, an array of copied results per title was most of the check).
        var first: [String: Int] = [:]
        first.reserveCapacity(pages.count)
        var byTitle: [String: [Int]] = [:]
        for (index, page) in pages.enumerated() {
            guard let title = page.title, !title.isEmpty else { continue }
            let key = title.lowercased()
            if let earlier = first[key] {
                byTitle[key, default: [earlier]].append(index)
            } else {
                first[key] = index
            }
        }
        var findings: [Finding] = []
        for (_, indices) in byTitle {
            let sorted = indices.map { pages[$0] }.sorted { $0.file < $1.file }
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
