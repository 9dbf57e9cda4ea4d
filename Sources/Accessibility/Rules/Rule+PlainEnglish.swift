extension Rule {
    public static let plainSentenceLength = Rule(
        id: "plain-sentence-length", criteria: ["3.1.5"], severity: .advice, group: .plainEnglish,
        summary: "Sentences of more than 25 words are hard to follow, more so for someone reading in distress.",
        hint: "Split the sentence in two, or turn a list of things into a bulleted list.",
        scopes: [.content])

    public static let plainReadingAge = Rule(
        id: "plain-reading-age", criteria: ["3.1.5"], severity: .advice, group: .plainEnglish,
        summary: "The page's estimated reading age (Flesch-Kincaid grade + 5) is above the site's target.",
        hint: "Use shorter sentences and everyday words; start with the paragraph this points at, the hardest to read.",
        scopes: [.content])

    public static let plainCapitals = Rule(
        id: "plain-capitals", criteria: ["3.1.5"], severity: .advice, group: .plainEnglish,
        summary: "Long passages in capital letters are harder to read, and some screen readers spell them out.",
        hint: "Write it in sentence case; use bold or a warning component for emphasis.",
        scopes: [.content])

    public static let plainWordsToAvoid = Rule(
        id: "plain-words-to-avoid", criteria: ["3.1.5"], severity: .advice, group: .plainEnglish,
        summary: "Some words are vague or jargon (the site's words-to-avoid list, after GOV.UK's).",
        hint: "Say what is actually happening: \"deliver\" a service becomes \"run\" or \"give\", \"tackle\" crime becomes \"stop\" or \"reduce\".",
        scopes: [.content])
}
