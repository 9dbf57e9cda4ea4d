import Core

/// The rule references contrast diagnostics carry.
public enum ContrastRules {
    /// 1.4.3: text against its background.
    public static let text = RuleReference(id: "colour-contrast", criteria: ["1.4.3"], axeRule: "color-contrast")
    /// 1.4.11: focus indicators and form control boundaries.
    public static let nonText = RuleReference(id: "colour-contrast-non-text", criteria: ["1.4.11"])
    /// 1.4.1: links told apart from the text around them by colour alone.
    public static let linkColourOnly = RuleReference(id: "link-colour-only", criteria: ["1.4.1"], axeRule: "link-in-text-block")
    /// Colours that cannot be decided statically: a warning, never a silent pass.
    public static let needsReview = RuleReference(id: "contrast-needs-review", criteria: ["1.4.3", "1.4.11"])
}
