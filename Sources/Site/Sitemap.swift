import Core
import Content

/// `sitemap.xml` and `robots.txt`.
enum Sitemap {
    struct Entry {
        var url: String
        var lastModified: Day?
    }

    static func xml(_ entries: [Entry], baseURL: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries.sorted(by: { $0.url < $1.url }) {
            xml += "  <url><loc>\(Escape.markup(baseURL + Slug.encodePath(entry.url)))</loc>"
            if let day = entry.lastModified { xml += "<lastmod>\(day.iso)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)/sitemap.xml\n"
    }
}
