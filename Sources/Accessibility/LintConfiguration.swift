/// The site's choices for the linter (`lint:` in herald.yml), with GOV.UK-style defaults.
public struct LintConfiguration: Sendable, Hashable {
    /// The reading age the site aims at; pages estimated above it get advice.
    public var readingAgeTarget: Int
    /// Sentences longer than this many words get advice.
    public var maximumSentenceWords: Int
    /// Words and phrases to avoid, matched whole and ignoring case.
    public var wordsToAvoid: [String]
    /// The level of the heading the template puts before the content: 1 when the template
    /// writes the page's h1 (Herald's theme), 0 when the content must bring its own.
    public var headingContext: Int
    /// Alt text longer than this many characters gets a warning.
    public var maximumAltLength: Int
    /// Consecutive words in capitals that make a "long passage".
    public var capitalsRun: Int

    public init(
        readingAgeTarget: Int = 9, maximumSentenceWords: Int = 25, wordsToAvoid: [String] = LintConfiguration.govukWordsToAvoid,
        headingContext: Int = 1, maximumAltLength: Int = 150, capitalsRun: Int = 4
    ) {
        self.readingAgeTarget = readingAgeTarget
        self.maximumSentenceWords = maximumSentenceWords
        self.wordsToAvoid = wordsToAvoid
        self.headingContext = headingContext
        self.maximumAltLength = maximumAltLength
        self.capitalsRun = capitalsRun
    }

    /// After the GOV.UK style guide's "words to avoid".
    public static let govukWordsToAvoid = [
        "agenda", "advancing", "collaborate", "combat", "commit", "pledge", "countering", "deliver", "deploy",
        "dialogue", "disincentivise", "empower", "facilitate", "focusing", "foster", "initiate", "leverage",
        "liaise", "overarching", "robust", "slimming down", "streamline", "strengthening", "tackling",
        "transforming", "utilise", "going forward", "in order to", "key",
    ]
}
