import Foundation
import Content
import Templates

/// The pages Herald makes itself from the content: the decisions log and its years, the
/// paginated news list, the A to Z, the search page and the 404 page.
enum ListPages {
    static let decisionsURL = "/decisions/"
    static let newsURL = "/news/"
    static let aToZURL = "/a-to-z/"
    static let searchURL = "/search/"

    /// The sorted lists that many pages show, worked out once per build rather than per page.
    struct Lists: Sendable {
        let news: [SourcePage]
        let decisions: [SourcePage]
        let decisionYears: [Int]

        /// - Parameter published: the pages that will be published (the tree's pages, or the
        ///   same pages before they are assembled into one).
        init(_ published: [SourcePage]) {
            // Sorted on keys taken out of each page once: reaching through every page's
            // metadata in each comparison was most of listing 5,000 news pages.
            let news = published.filter { $0.metadata.kind == .news }
                .map { (page: $0, date: $0.metadata.date ?? Day(year: 1, month: 1, day: 1), url: $0.url) }
            self.news = news.sorted { ($0.date, $0.url) > ($1.date, $1.url) }.map(\.page)
            let decisions = published.compactMap { page in
                page.metadata.kind == .decision ? page.metadata.decision.map { (page: page, year: $0.year, sequence: $0.sequence, url: page.url) } : nil
            }
            self.decisions = decisions.sorted { ($0.year, $0.sequence, $0.url) > ($1.year, $1.sequence, $1.url) }.map(\.page)
            decisionYears = Array(Set(decisions.map(\.year))).sorted(by: >)
        }

        func newsPageCount(perPage: Int) -> Int { max(1, (news.count + perPage - 1) / perPage) }
    }

    /// URLs these pages take, so a content page cannot claim one by accident.
    /// - Parameter lists: of the pages that will be published (their years and the news count
    ///   decide which list pages exist).
    static func reservedURLs(_ lists: Lists, config: SiteConfig) -> [String: String] {
        var reserved = [aToZURL: "the A to Z page Herald makes", "/404.html": "the 404 page Herald makes"]
        // The site files (PageStage.siteFiles) and the manifest: an alias or a document there
        // would be overwritten, or stop the build at write time without saying which page.
        for file in PageStage.siteFileNames + [Manifest.fileName] {
            reserved["/" + file] = "the file \(file) Herald makes"
        }
        if config.search { reserved[searchURL] = "the search page Herald makes" }
        for year in lists.decisionYears { reserved["/decisions/\(year)/"] = "the decisions log for \(year)" }
        for page in stride(from: 2, through: lists.newsPageCount(perPage: config.newsPerPage), by: 1) {
            reserved["/news/page/\(page)/"] = "page \(page) of the news list"
        }
        return reserved
    }

    static func decisionItem(_ page: SourcePage) -> [String: Any] {
        let d = page.metadata.decision!
        var item: [String: Any] = ["title": page.metadata.title, "url": Slug.encodePath(page.url), "number": d.number,
                                   "status": d.status.rawValue, "status_label": d.status.label, "category": d.category,
                                   "summary": d.summary, "decision_maker": d.decisionMaker]
        if let date = page.metadata.date { item["date"] = ["iso": date.iso, "display": date.display] }
        return item
    }

    static func newsItem(_ page: SourcePage) -> [String: Any] {
        var item: [String: Any] = ["title": page.metadata.title, "url": Slug.encodePath(page.url)]
        if let summary = page.metadata.summary ?? page.metadata.description { item["summary"] = summary }
        if let date = page.metadata.date { item["date"] = ["iso": date.iso, "display": date.display] }
        return item
    }

    /// The decisions log context: all decisions (year nil) or one year's.
    static func decisionsList(_ lists: Lists, year: Int?) -> [String: Any] {
        let all = lists.decisions
        let shown = year.map { y in all.filter { $0.metadata.decision!.year == y } } ?? all
        var list: [String: Any] = [
            "decisions": shown.map(decisionItem), "has_decisions": !shown.isEmpty,
            "years": lists.decisionYears.map { ["year": $0, "url": "/decisions/\($0)/", "current": $0 == year] as [String: Any] },
            "csv_url": "/decisions.csv", "json_url": "/decisions.json", "feed_url": "/decisions/feed.xml",
        ]
        if let year { list["year"] = year }
        return list
    }

    static func newsList(_ lists: Lists, page number: Int, perPage: Int) -> [String: Any] {
        let all = lists.news
        let total = lists.newsPageCount(perPage: perPage)
        let items = all.dropFirst((number - 1) * perPage).prefix(perPage)
        var pagination: [String: Any] = ["current": number, "total": total, "has_pages": total > 1]
        func url(_ n: Int) -> String { n == 1 ? newsURL : "/news/page/\(n)/" }
        if number > 1 { pagination["previous"] = url(number - 1) }
        if number < total { pagination["next"] = url(number + 1) }
        return ["items": items.map(newsItem), "has_items": !items.isEmpty, "pagination": pagination, "feed_url": "/news/feed.xml"]
    }

    static func aToZ(in tree: ContentTree) -> [String: Any] {
        var groups: [String: [SourcePage]] = [:]
        for page in tree.pages where page.url != "/" {
            let first = page.metadata.title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                .first { $0.isLetter || $0.isNumber }
            let letter = first.map { $0.isLetter ? String($0).uppercased() : "0–9" } ?? "0–9"
            groups[letter, default: []].append(page)
        }
        let letters = groups.keys.sorted { ($0 == "0–9" ? "" : $0) < ($1 == "0–9" ? "" : $1) }
        return ["letters": letters.map { letter in
            [
                "letter": letter, "id": letter == "0–9" ? "numbers" : "letter-" + letter.lowercased(),
                "pages": groups[letter]!.sorted { $0.metadata.title.lowercased() < $1.metadata.title.lowercased() }.map { page in
                    var item: [String: Any] = ["title": page.metadata.title, "url": Slug.encodePath(page.url)]
                    if let description = page.metadata.description { item["description"] = description }
                    return item
                },
            ] as [String: Any]
        }]
    }
}
