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
        let scored = rules.map { ($0.id, EditDistance.between($0.id, id)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, id.count / 3) else { return nil }
        return best.0
    }
}

/// Levenshtein distance, for suggestions.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
