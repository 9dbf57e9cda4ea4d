import Core

/// Everything a page's front matter says, checked and typed.
public struct PageMetadata: Sendable, Hashable {
    public var title: String
    public var description: String?
    public var kind: PageKind
    public var date: Day?
    public var updated: Day?
    public var draft: Bool
    public var publishDate: Day?
    public var slug: String?
    /// Where `slug`'s value is written, so that two pages claiming one URL are shown there.
    public var slugLocation: SourceLocation?
    public var weight: Int?
    public var aliases: [Located<String>]
    public var lang: String?
    public var exitThisPage: Bool
    /// Relative `.md` paths of related pages, as written.
    public var related: [Located<String>]
    /// Forces the contents list on or off; nil lets the theme decide by length.
    public var contents: Bool?
    /// Rule id → the author's reason for silencing it on this page.
    public var lintIgnore: [String: String]
    /// Where each `lint_ignore` entry was written, so a bad one is reported at its own line.
    public var lintIgnoreLocations: [String: SourceLocation] = [:]
    public var resources: [Attachment]
    public var period: String?
    public var themes: [String]
    public var decision: DecisionFields?
    public var summary: String?
    /// Where the front matter starts, for page-level complaints.
    public var location: SourceLocation

    public init(title: String, kind: PageKind = .page, location: SourceLocation) {
        self.title = title
        self.kind = kind
        self.location = location
        draft = false
        aliases = []
        exitThisPage = false
        related = []
        lintIgnore = [:]
        resources = []
        themes = []
    }
}

/// A value together with the place it was written, for errors found later (a bad link target, say).
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// A document offered from a page: a file beside it, or an address elsewhere.
public struct Attachment: Sendable, Hashable {
    public var title: String
    /// A path relative to the page's folder.
    public var file: String?
    public var url: String?
    public var location: SourceLocation

    public init(title: String, file: String? = nil, url: String? = nil, location: SourceLocation) {
        self.title = title
        self.file = file
        self.url = url
        self.location = location
    }
}

/// The fields of a published decision notice.
public struct DecisionFields: Sendable, Hashable {
    public var number: String
    /// The year and sequence parsed from `number` (2023-014 → 2023, 14).
    public var year: Int
    public var sequence: Int
    public var decisionMaker: String
    public var meeting: String
    public var status: DecisionStatus
    public var category: String
    public var summary: String
    public var financialImplications: String
    public var confidential: Bool
    public var backgroundPapers: [Attachment]

    public init(number: String, year: Int, sequence: Int, decisionMaker: String, meeting: String, status: DecisionStatus,
                category: String, summary: String, financialImplications: String, confidential: Bool, backgroundPapers: [Attachment]) {
        self.number = number
        self.year = year
        self.sequence = sequence
        self.decisionMaker = decisionMaker
        self.meeting = meeting
        self.status = status
        self.category = category
        self.summary = summary
        self.financialImplications = financialImplications
        self.confidential = confidential
        self.backgroundPapers = backgroundPapers
    }
}
