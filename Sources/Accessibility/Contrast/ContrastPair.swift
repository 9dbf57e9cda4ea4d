import Core

/// One distinct text colour pair met on a page (or, merged, on a site).
public struct ContrastPair: Sendable, Hashable {
    /// The colours as shown, after blending: `#rrggbb`.
    public var foreground: String
    public var background: String
    /// WCAG 2.2 contrast ratio, not rounded.
    public var ratio: Double
    /// APCA Lc, as advice.
    public var apca: Double
    /// What WCAG 2.2 asks for this text: 4.5 or 3.
    public var required: Double
    public var scheme: ColourScheme
    public var state: InteractionState
    /// The first text seen with this pair, and where.
    public var sampleText: String
    public var location: SourceLocation
    /// How many text elements showed this pair.
    public var occurrences: Int

    public var passes: Bool { ratio >= required }

    struct Key: Hashable {
        var foreground: String
        var background: String
        var required: Double
        var scheme: ColourScheme
        var state: InteractionState
    }

    var key: Key { Key(foreground: foreground, background: background, required: required, scheme: scheme, state: state) }
}

/// Identifies a pair while a page is walked, without formatting anything.
struct PairKey: Hashable {
    var foreground: RGBA
    var background: RGBA
    var required: Double
    var scheme: ColourScheme
    var state: InteractionState
}
