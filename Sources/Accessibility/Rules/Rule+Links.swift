extension Rule {
    public static let linkEmpty = Rule(
        id: "link-empty", criteria: ["2.4.4", "4.1.2"], severity: .error, group: .links,
        summary: "A link needs text: an empty one is announced as just \"link\".",
        hint: "Put the words that say where the link goes between the square brackets.",
        axeRule: "link-name", scopes: [.content, .page])

    public static let linkTextVague = Rule(
        id: "link-text-vague", criteria: ["2.4.4"], severity: .warning, group: .links,
        summary: "Link text such as \"click here\", \"read more\" or a bare web address does not say where the link goes.",
        hint: "Use words that make sense on their own, for example \"read the annual report\".",
        scopes: [.content, .page])

    public static let linkTextAmbiguous = Rule(
        id: "link-text-ambiguous", criteria: ["2.4.4"], severity: .warning, group: .links,
        summary: "Links with the same text on one page go to the same place; different places need different words.",
        hint: "Change this link's text so it says how its destination differs from the other one.",
        axeRule: "identical-links-same-purpose", scopes: [.content, .page])

    public static let linkNewWindow = Rule(
        id: "link-new-window", criteria: ["2.4.4", "3.2.5"], severity: .warning, group: .links,
        summary: "A link that opens a new window or tab says so in its text.",
        hint: "Add \"(opens in new tab)\" to the link text, or let the link open in the same tab.",
        scopes: [.page])
}
