extension RuleRegistry {
    /// The colour-contrast group's rules (checked by Contrast/), described for the docs and SARIF.
    static var contrastRules: [Rule] {
        [
            Rule(
                id: ContrastRules.text.id, criteria: ContrastRules.text.criteria, severity: .error, group: .contrast,
                summary: "Text contrasts with its background by at least 4.5:1 (3:1 for large text: 24px, or 18.66px bold), in each colour scheme and link state. The APCA Lc value is given beside it as advice.",
                hint: "Darken the text or lighten the background in the CSS rule the message names.",
                axeRule: ContrastRules.text.axeRule, scopes: [.page]),
            Rule(
                id: ContrastRules.nonText.id, criteria: ContrastRules.nonText.criteria, severity: .error, group: .contrast,
                summary: "Focus indicators and the borders of form controls contrast with what is around them by at least 3:1.",
                hint: "Give the focus outline or the control's border a colour at least 3:1 against the background.",
                axeRule: ContrastRules.nonText.axeRule, scopes: [.page]),
            Rule(
                id: ContrastRules.linkColourOnly.id, criteria: ContrastRules.linkColourOnly.criteria, severity: .error, group: .contrast,
                summary: "Links in a block of text are told apart by more than colour (an underline, say), or by 3:1 against the text.",
                hint: "Keep links underlined in running text.",
                axeRule: ContrastRules.linkColourOnly.axeRule, scopes: [.page]),
            Rule(
                id: ContrastRules.needsReview.id, criteria: ContrastRules.needsReview.criteria, severity: .warning, group: .contrast,
                summary: "Where colours cannot be decided from the CSS alone (a background image, a gradient, positioned overlap, an unresolved variable), a person checks them: never a silent pass.",
                hint: "Check the contrast by hand, or give the element a plain background colour.",
                axeRule: ContrastRules.needsReview.axeRule, scopes: [.page]),
        ]
    }
}
