import Core
import Content

/// An Atom 1.0 feed (RFC 4287) of dated pages: news and decisions.
struct AtomFeed {
    struct Entry {
        var title: String
        var url: String
        var date: Day
        var updated: Day?
        var summary: String?
    }

    var title: String
    /// The feed's own site path, e.g. `/news/feed.xml`.
    var path: String
    /// The page the feed is about, e.g. `/news/`.
    var pageURL: String
    var baseURL: String
    var author: String
    var entries: [Entry]

    func xml() -> String {
        let sorted = entries.sorted { ($0.updated ?? $0.date, $0.url) > ($1.updated ?? $1.date, $1.url) }
        let newest = sorted.map { $0.updated ?? $0.date }.max()
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "  <title>\(Escape.markup(title))</title>\n"
        xml += "  <id>\(Escape.markup(baseURL + path))</id>\n"
        xml += "  <link rel=\"self\" href=\"\(Escape.markup(baseURL + path))\"/>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(Escape.markup(baseURL + pageURL))\"/>\n"
        // A feed with no entries still needs an <updated>; the epoch keeps the output reproducible.
        xml += "  <updated>\((newest ?? Day(year: 1970, month: 1, day: 1)).rfc3339)</updated>\n"
        xml += "  <author><name>\(Escape.markup(author))</name></author>\n"
        for entry in sorted {
            let link = baseURL + Slug.encodePath(entry.url)
            xml += "  <entry>\n"
            xml += "    <title>\(Escape.markup(entry.title))</title>\n"
            xml += "    <id>\(Escape.markup(link))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(Escape.markup(link))\"/>\n"
            xml += "    <published>\(entry.date.rfc3339)</published>\n"
            xml += "    <updated>\((entry.updated ?? entry.date).rfc3339)</updated>\n"
            if let summary = entry.summary { xml += "    <summary>\(Escape.markup(summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }
}
