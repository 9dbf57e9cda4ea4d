/// What sort of page a Markdown file is; each kind has its own template and required fields.
public enum PageKind: String, Sendable, Hashable, CaseIterable, Codable {
    case page, guide, toolkit, strategy, decision, news

    /// Front-matter fields a page of this kind must set, beyond `title`.
    public var requiredFields: [String] {
        switch self {
        case .page: []
        case .guide: ["updated"]
        case .toolkit: ["resources"]
        case .strategy: ["period", "themes"]
        case .decision: ["number", "date", "decision_maker", "meeting", "status", "category", "summary",
                         "financial_implications", "confidential"]
        case .news: ["date", "summary"]
        }
    }

    /// Fields only this kind understands.
    public var ownFields: [String] {
        switch self {
        case .page, .guide: []
        case .toolkit: ["resources"]
        case .strategy: ["period", "themes"]
        case .decision: ["number", "decision_maker", "meeting", "status", "category", "summary",
                         "financial_implications", "confidential", "background_papers"]
        case .news: ["summary"]
        }
    }
}

/// A decision's outcome.
public enum DecisionStatus: String, Sendable, Hashable, CaseIterable {
    case approved, rejected, deferred

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
