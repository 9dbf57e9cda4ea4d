import Content

/// A page Herald writes that no Markdown file asked for.
struct GeneratedPage: Sendable {
    enum Kind: Sendable {
        /// The decisions log (year nil) or one year of it.
        case decisions(year: Int?)
        /// Page `number` of the news list (page 1 only when there is no `content/news/_index.md`).
        case news(page: Int)
        case aToZ
        case search
        case notFound
        /// An old address that now lives at `target`.
        case redirect(target: String, title: String)
    }

    var kind: Kind
    var url: String
    var title: String

    var outputPath: String {
        if case .notFound = kind { return "404.html" }
        return url.hasSuffix("/") ? String(url.dropFirst()) + "index.html" : String(url.dropFirst())
    }

    /// Counted as a page and listed in the sitemap (not the 404 page nor a redirect).
    var isPage: Bool {
        switch kind {
        case .notFound, .redirect: false
        default: true
        }
    }

    var template: String {
        switch kind {
        case .decisions: "decisions"
        case .news: "news-list"
        case .aToZ: "a-to-z"
        case .search: "search"
        case .notFound: "404"
        case .redirect: "redirect"
        }
    }
}

extension ListPages {
    static func generated(in tree: ContentTree, lists: Lists, config: SiteConfig) -> [GeneratedPage] {
        var pages: [GeneratedPage] = []
        let years = lists.decisionYears
        if !years.isEmpty && tree.page(atURL: decisionsURL) == nil {
            pages.append(GeneratedPage(kind: .decisions(year: nil), url: decisionsURL, title: "Decisions"))
        }
        for year in years {
            pages.append(GeneratedPage(kind: .decisions(year: year), url: "/decisions/\(year)/", title: "Decisions made in \(year)"))
        }
        let newsPages = lists.newsPageCount(perPage: config.newsPerPage)
        let firstNews = tree.page(atURL: newsURL) == nil && !lists.news.isEmpty ? 1 : 2
        if firstNews <= newsPages {
            for number in firstNews...newsPages {
                pages.append(GeneratedPage(kind: .news(page: number), url: number == 1 ? newsURL : "/news/page/\(number)/",
                                           title: number == 1 ? "News" : "News: page \(number) of \(newsPages)"))
            }
        }
        pages.append(GeneratedPage(kind: .aToZ, url: aToZURL, title: "A to Z"))
        if config.search { pages.append(GeneratedPage(kind: .search, url: searchURL, title: "Search")) }
        pages.append(GeneratedPage(kind: .notFound, url: "/404.html", title: "Page not found"))
        for page in tree.pages {
            for alias in page.metadata.aliases {
                guard let url = ContentTree.normalizeAlias(alias.value) else { continue }
                pages.append(GeneratedPage(kind: .redirect(target: page.url, title: page.metadata.title), url: url,
                                           title: page.metadata.title))
            }
        }
        return pages
    }
}
