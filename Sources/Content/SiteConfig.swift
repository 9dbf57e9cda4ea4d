import Core

/// The site-wide settings in `herald.yml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var baseURL: String
    public var language: String
    public var organisation: Organisation
    public var navigation: [MenuLink]
    public var footer: [MenuLink]
    public var phase: PhaseBanner?
    public var search: Bool
    public var exitThisPageURL: String
    /// Raw HTML elements authors may use; empty keeps raw HTML off, as cmark's safe mode does.
    public var rawHTML: Set<String>
    public var lint: LintSettings
    /// Pages per news list page.
    public var newsPerPage: Int

    public init(title: String, baseURL: String, language: String = "en-GB", organisation: Organisation,
                navigation: [MenuLink] = [], footer: [MenuLink] = [], phase: PhaseBanner? = nil,
                search: Bool = false, exitThisPageURL: String = "https://www.bbc.co.uk/weather",
                rawHTML: Set<String> = [], lint: LintSettings = LintSettings(), newsPerPage: Int = 10) {
        self.title = title
        self.baseURL = baseURL
        self.language = language
        self.organisation = organisation
        self.navigation = navigation
        self.footer = footer
        self.phase = phase
        self.search = search
        self.exitThisPageURL = exitThisPageURL
        self.rawHTML = rawHTML
        self.lint = lint
        self.newsPerPage = newsPerPage
    }

    /// Who publishes the site, and how to reach them.
    public struct Organisation: Sendable, Hashable {
        public var name: String
        public var email: String?
        public var phone: String?
        public var address: String?

        public init(name: String, email: String? = nil, phone: String? = nil, address: String? = nil) {
            self.name = name
            self.email = email
            self.phone = phone
            self.address = address
        }
    }

    /// A link in the main navigation or the footer.
    public struct MenuLink: Sendable, Hashable {
        public var title: String
        public var url: String
        /// Where its `url` is written in herald.yml, for an error about where it goes.
        public var location: SourceLocation?

        public init(title: String, url: String, location: SourceLocation? = nil) {
            self.title = title
            self.url = url
            self.location = location
        }
    }

    /// The optional "Beta: this is a new service" banner.
    public struct PhaseBanner: Sendable, Hashable {
        public var tag: String
        public var message: String

        public init(tag: String, message: String) {
            self.tag = tag
            self.message = message
        }
    }

    /// Settings for the plain-English advice rules.
    public struct LintSettings: Sendable, Hashable {
        public var readingAge: Int
        public var wordsToAvoid: [String]
        public var maxSentenceWords: Int

        public init(readingAge: Int = 9, wordsToAvoid: [String] = [], maxSentenceWords: Int = 25) {
            self.readingAge = readingAge
            self.wordsToAvoid = wordsToAvoid
            self.maxSentenceWords = maxSentenceWords
        }
    }
}
