import Content

/// A titled link as templates see it (breadcrumbs, related pages, navigation).
public struct LinkView: Sendable, Hashable {
    public var title: String
    public var url: String
    public var description: String?
    public var date: Day?
    public var current: Bool

    public init(title: String, url: String, description: String? = nil, date: Day? = nil, current: Bool = false) {
        self.title = title
        self.url = url
        self.description = description
        self.date = date
        self.current = current
    }

    var context: [String: Any] {
        var result: [String: Any] = ["title": title, "url": url, "current": current]
        if let description { result["description"] = description }
        if let date { result["date"] = date.context }
        return result
    }
}

/// A downloadable document with what a reader needs to decide to open it.
public struct DocumentView: Sendable, Hashable {
    public var title: String
    public var url: String
    /// "PDF"; nil for a web page elsewhere.
    public var type: String?
    /// "245 KB"; nil when not known (a document elsewhere).
    public var size: String?

    public init(title: String, url: String, type: String?, size: String?) {
        self.title = title
        self.url = url
        self.type = type
        self.size = size
    }

    var context: [String: Any] {
        var result: [String: Any] = ["title": title, "url": url]
        if let type { result["type"] = type }
        if let size { result["size"] = size }
        result["meta"] = [type, size].compactMap { $0 }.joined(separator: ", ")
        return result
    }
}

/// An entry in a page's contents list.
public struct TOCEntry: Sendable, Hashable {
    public var id: String
    public var title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

extension Day {
    var context: [String: Any] { ["iso": iso, "display": display] }
}
