import Content

/// Everything a page template may show about one page, prepared by the build.
public struct PageView: Sendable {
    public var title: String
    public var description: String?
    public var url: String
    public var permalink: String
    public var kind: PageKind
    /// Set only when it differs from the site's language.
    public var lang: String?
    public var isHome = false
    public var isSection = false
    public var date: Day?
    public var updated: Day?
    public var publishDate: Day?
    public var contentHTML: String
    public var toc: [TOCEntry] = []
    public var showTOC = false
    public var breadcrumbs: [LinkView] = []
    public var related: [LinkView] = []
    public var section: LinkView?
    public var pages: [LinkView] = []
    public var exitThisPage = false
    public var draft = false
    public var future = false
    public var resources: [DocumentView] = []
    public var period: String?
    public var themes: [String] = []
    public var decision: DecisionFields?
    public var backgroundPapers: [DocumentView] = []
    public var summary: String?

    public init(title: String, url: String, permalink: String, kind: PageKind, contentHTML: String) {
        self.title = title
        self.url = url
        self.permalink = permalink
        self.kind = kind
        self.contentHTML = contentHTML
    }

    public var context: [String: Any] {
        var result: [String: Any] = [
            "title": title, "url": url, "permalink": permalink, "kind": kind.rawValue,
            "is_home": isHome, "is_section": isSection, "is_\(kind.rawValue)": true,
            "content": contentHTML,
            "toc": toc.map { ["id": $0.id, "title": $0.title] }, "has_toc": showTOC && !toc.isEmpty,
            "breadcrumbs": breadcrumbs.map(\.context), "has_breadcrumbs": !breadcrumbs.isEmpty,
            "related": related.map(\.context), "has_related": !related.isEmpty,
            "pages": pages.map(\.context), "has_pages": !pages.isEmpty,
            "exit_this_page": exitThisPage, "draft": draft, "future": future,
            "resources": resources.map(\.context), "has_resources": !resources.isEmpty,
            "themes": themes, "has_themes": !themes.isEmpty,
        ]
        if let description { result["description"] = description }
        if let lang { result["lang"] = lang }
        if let date { result["date"] = date.context }
        if let updated { result["updated"] = updated.context }
        if let publishDate { result["publish_date"] = publishDate.context }
        if let section { result["section"] = section.context }
        if let period { result["period"] = period }
        if let summary { result["summary"] = summary }
        if let decision {
            result["number"] = decision.number
            result["decision_maker"] = decision.decisionMaker
            result["meeting"] = decision.meeting
            result["status"] = decision.status.rawValue
            result["status_label"] = decision.status.label
            result["category"] = decision.category
            result["financial_implications"] = decision.financialImplications
            result["confidential"] = decision.confidential
            result["confidential_label"] = decision.confidential ? "Yes" : "No"
            result["background_papers"] = backgroundPapers.map(\.context)
            result["has_background_papers"] = !backgroundPapers.isEmpty
        }
        return result
    }
}
