import Core

/// One accessibility check: what it is called, which WCAG 2.2 success criteria it serves, how
/// much a failure matters, and what to tell the person who has to fix it.
public struct Rule: Sendable, Hashable, Identifiable {
    public var id: String
    /// WCAG 2.2 success criteria, e.g. ["1.1.1"]; empty for the linter's own rules.
    public var criteria: [String]
    public var severity: Severity
    public var group: RuleGroup
    /// What the rule asks for, in one line.
    public var summary: String
    /// How to fix a failure, in one sentence a non-developer can act on.
    public var hint: String
    /// The axe-core rule that checks the same thing, where one exists.
    public var axeRule: String?
    /// Where the rule looks: the Markdown, the rendered page, the whole site.
    public var scopes: RuleScopes

    public init(
        id: String, criteria: [String], severity: Severity, group: RuleGroup, summary: String, hint: String,
        axeRule: String? = nil, scopes: RuleScopes
    ) {
        self.id = id
        self.criteria = criteria
        self.severity = severity
        self.group = group
        self.summary = summary
        self.hint = hint
        self.axeRule = axeRule
        self.scopes = scopes
    }

    /// The short form a `Diagnostic` carries.
    public var reference: RuleReference { RuleReference(id: id, criteria: criteria, axeRule: axeRule) }
}

/// Where a rule looks for problems.
public struct RuleScopes: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The Markdown tree, pointing at the Markdown line and column.
    public static let content = RuleScopes(rawValue: 1)
    /// The rendered HTML page, template and content together.
    public static let page = RuleScopes(rawValue: 2)
    /// Every page of the site at once.
    public static let site = RuleScopes(rawValue: 4)

    var names: [String] {
        var result: [String] = []
        if contains(.content) { result.append("Markdown") }
        if contains(.page) { result.append("page") }
        if contains(.site) { result.append("site") }
        return result
    }
}

/// The families rules are listed under.
public enum RuleGroup: String, Sendable, Hashable, CaseIterable {
    case headings, images, links, page
    case contrast
    case plainEnglish = "plain-english"
    case linter

    public var title: String {
        switch self {
        case .headings: "Headings"
        case .images: "Images"
        case .links: "Links"
        case .page: "Page"
        case .contrast: "Colour contrast"
        case .plainEnglish: "Plain English (advice)"
        case .linter: "The linter itself"
        }
    }
}
