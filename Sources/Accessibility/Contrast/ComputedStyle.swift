/// A colour after the cascade: known, or not decidable here (and why), with the rule that set it.
struct Paint: Hashable, Sendable {
    var colour: RGBA?
    var problem: String?
    var source: SourceReference?

    static func known(_ colour: RGBA, _ source: SourceReference? = nil) -> Paint { Paint(colour: colour, problem: nil, source: source) }
    static func unknown(_ problem: String, _ source: SourceReference? = nil) -> Paint { Paint(colour: nil, problem: problem, source: source) }

    var isTransparent: Bool { colour?.isTransparent ?? false }
}

/// One side of a border, or an outline.
struct Line: Hashable, Sendable {
    var style: String
    var width: PixelRange
    var colour: Paint

    /// Drawn at all: a style other than none/hidden, some width, a colour that is not clear.
    var isVisible: Bool {
        style != "none" && style != "hidden" && width.high > 0 && !(colour.colour?.isTransparent ?? false)
    }
}

struct Shadow: Hashable, Sendable {
    var colour: Paint
    var inset: Bool
}

/// The computed values the contrast check needs for one element in one scenario.
struct ComputedStyle: Hashable, Sendable {
    var color: Paint
    /// `-webkit-text-fill-color`, which paints text instead of `color` when set.
    var textFill: Paint?
    var background: Paint
    /// What paints over the background colour ("a gradient"), and where it was set.
    var backgroundImage: String?
    var backgroundImageSource: SourceReference?
    var backgroundClipsToText = false
    var opacity: Double = 1
    var fontSize: PixelRange
    /// nil when it cannot be settled (an undefined variable).
    var fontWeight: Int?
    var position = "static"
    var positionSource: SourceReference?
    var displayNone = false
    var visibilityHidden = false
    /// Clipped to nothing or moved off screen: the screen-reader-only pattern.
    var visuallyHidden = false
    var underline = false
    /// Top, right, bottom, left.
    var borders: [Line]
    var outline: Line
    var outlineOffset: Double = 0
    var shadows: [Shadow] = []
    /// A filter or blend mode that changes the colours painted (described), if any.
    var effects: String?
    var hasTextShadow = false
    var colourSchemes: [String] = []
    var usedScheme: ColourScheme
    var customProperties: [String: CustomValue] = [:]
    /// The root element's font size, which `rem` refers to.
    var rootFontSize = PixelRange(exactly: 16)

    var isPositionedOutOfFlow: Bool { position == "absolute" || position == "fixed" }

    /// The paint text is drawn with.
    var textPaint: Paint { textFill ?? color }
}
