/// One style rule: a selector list and its declarations.
public struct StyleRule: Sendable {
    /// Empty for the declarations of a `style` attribute.
    public var selectors: [ComplexSelector]
    public var selectorText: String
    public var declarations: [Declaration]
    /// All must hold for the rule to apply.
    public var conditions: [RuleCondition]
    /// The cascade layer's full name (`base.reset`), or nil when unlayered.
    public var layer: String?
    public var line: Int

    public init(
        selectors: [ComplexSelector], selectorText: String, declarations: [Declaration],
        conditions: [RuleCondition] = [], layer: String? = nil, line: Int = 0
    ) {
        self.selectors = selectors
        self.selectorText = selectorText
        self.declarations = declarations
        self.conditions = conditions
        self.layer = layer
        self.line = line
    }
}

/// `name: value [!important]`. The name is lower-cased unless it is a custom property.
public struct Declaration: Sendable, Hashable {
    public var name: String
    /// The value's tokens, whitespace runs collapsed and trimmed, `!important` removed.
    public var value: [CSSToken]
    public var important: Bool
    public var line: Int

    public init(name: String, value: [CSSToken], important: Bool = false, line: Int = 0) {
        self.name = name
        self.value = value
        self.important = important
        self.line = line
    }

    public var isCustomProperty: Bool { name.hasPrefix("--") }
}
