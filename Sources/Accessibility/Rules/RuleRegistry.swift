import Core

/// Every rule the linter knows, in the order the documentation lists them.
public struct RuleRegistry: Sendable {
    public private(set) var rules: [Rule]
    private var byID: [String: Int]

    public init(_ rules: [Rule]) {
        self.rules = []
        self.byID = [:]
        for rule in rules { add(rule) }
    }

    /// Herald's own rules, plus the colour-contrast group.
    public static let standard = RuleRegistry(builtIn + contrastRules)

    public static let builtIn: [Rule] = [
        .headingEmpty, .headingImageOnly, .headingOrder, .headingSingleH1, .headingBoldParagraph,
        .imageAltMissing, .imageAltFileName, .imageAltGeneric, .imageAltRedundantPrefix, .imageAltLong,
        .imageAltRepeatsText, .imageLinkAlt,
        .linkEmpty, .linkTextVague, .linkTextAmbiguous, .linkNewWindow,
        .htmlLang, .htmlLangValid, .langValid, .pageTitle, .pageTitleUnique, .landmarkOneMain, .landmarkNoDuplicateMain, .skipLink,
        .skipLinkMissing, .idUnique, .tableHeaders, .tableCaption, .listChildren, .listItemParent,
        .definitionListChildren, .definitionListItemParent, .iframeTitle, .videoCaptions, .audioTranscript,
        .viewportZoom, .htmlNestingDepth,
        .plainSentenceLength, .plainReadingAge, .plainCapitals, .plainWordsToAvoid,
        .lintIgnoreInvalid,
    ]

    public func rule(_ id: String) -> Rule? { byID[id].map { rules[$0] } }

    /// Adds a rule, replacing one with the same id.
    public mutating func add(_ rule: Rule) {
        if let index = byID[rule.id] {
            rules[index] = rule
        } else {
            byID[rule.id] = rules.count
            rules.append(rule)
        }
    }

    /// The closest known id to a mistyped one, for "did you mean".
    public func suggestion(for id: String) -> String? {
        Suggestion.closest(to: id, in: rules.map(\.id))
    }
}
