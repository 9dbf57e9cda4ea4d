/// A parsed stylesheet: its style rules in source order, with the conditions (`@media`,
/// `@supports`, `@container`) and cascade layer each sits in. Parsing never fails; what cannot
/// be read is dropped as a browser would drop it.
public struct Stylesheet: Sendable {
    /// The file the CSS came from, for pointing at the rule that set a colour.
    public var path: String
    public var rules: [StyleRule]
    /// Cascade layers in the order they were first named.
    public var layerNames: [String]
    /// Custom properties registered with `@property`.
    public var registeredProperties: [String: RegisteredProperty]
    /// Things the sheet does that the contrast check does not follow (an `@import`, say).
    public var notes: [String]

    public init(path: String = "", text: String) {
        self = CSSParser.parse(text, path: path)
    }

    init(path: String, rules: [StyleRule], layerNames: [String], registeredProperties: [String: RegisteredProperty], notes: [String]) {
        self.path = path
        self.rules = rules
        self.layerNames = layerNames
        self.registeredProperties = registeredProperties
        self.notes = notes
    }
}

/// A custom property registered with `@property`: whether it inherits, and its initial value.
public struct RegisteredProperty: Sendable, Hashable {
    public var inherits: Bool
    public var initialValue: [CSSToken]?
}
