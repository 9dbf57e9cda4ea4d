/// Why a colour cannot be decided statically, and the rule that made it so.
struct Undecidable: Hashable, Sendable {
    var reason: String
    var source: SourceReference?
}

/// The boxes painted under one point of an element, from the root down: what is needed to
/// work out which colours reach the screen there. Backgrounds are blended from the element
/// down to the first opaque one; `opacity` fades a whole subtree onto what lies behind it; the
/// page background is the root's (or the body's) or the browser's canvas.
struct Surface {
    var styles: [ComputedStyle]
    /// How to name each element in a message (`div.hero`).
    var names: [String]
    var tags: [String]

    struct Result {
        var foreground: RGBA?
        var background: RGBA?
        var problem: Undecidable?
        /// The rule behind the colour that shows as background.
        var backgroundSource: SourceReference?
        var backgroundOwner: String?
    }

    /// The background the browser paints before anything else, and which element it came from.
    private func canvas() -> (paint: Paint, image: String?, imageSource: SourceReference?, owner: Int?) {
        let root = styles[0]
        if !root.background.isTransparent || root.backgroundImage != nil {
            return (root.background, root.backgroundImage, root.backgroundImageSource, 0)
        }
        if styles.count > 1, tags[1] == "body", tags[0] == "html" {
            let body = styles[1]
            if !body.background.isTransparent || body.backgroundImage != nil {
                return (body.background, body.backgroundImage, body.backgroundImageSource, 1)
            }
        }
        return (.known(.transparent), nil, nil, nil)
    }

    /// Colours at a point of element `index`: `top` (the text colour, or nothing) over the
    /// element's own background (when `includeOwnBackground`) and everything under it.
    func composite(top: Paint?, at index: Int, includeOwnBackground: Bool = true) -> Result {
        var result = Result()
        for i in 0...index {
            if let effects = styles[i].effects {
                result.problem = Undecidable(reason: "\(names[i]) has \(effects), which changes the colours painted")
                return result
            }
        }
        if let top, top.colour == nil {
            result.problem = Undecidable(reason: top.problem ?? "the text colour is not known", source: top.source)
            return result
        }
        var foreground = top?.colour ?? .transparent
        var background = RGBA.transparent
        let (canvasPaint, canvasImage, canvasImageSource, canvasOwner) = canvas()
        var positioned: (name: String, source: SourceReference?)?
        var i = index
        while i >= 0 {
            if let owner = canvasOwner, i <= owner { break }
            let style = styles[i]
            let needsMore = !(foreground.isOpaque && background.isOpaque)
            if needsMore, let positioned {
                result.problem = Undecidable(
                    reason: "\(positioned.name) is positioned (position: absolute or fixed), so what lies behind it is not known here",
                    source: positioned.source)
                return result
            }
            if i < index || includeOwnBackground {
                if needsMore, let image = style.backgroundImage {
                    result.problem = Undecidable(reason: "it sits on \(image) (on \(names[i]))", source: style.backgroundImageSource)
                    return result
                }
                if needsMore {
                    guard let colour = style.background.colour else {
                        result.problem = Undecidable(
                            reason: "the background of \(names[i]) is not known: \(style.background.problem ?? "undecidable")",
                            source: style.background.source)
                        return result
                    }
                    if !colour.isTransparent, result.backgroundSource == nil, result.backgroundOwner == nil, !background.isOpaque {
                        result.backgroundSource = style.background.source
                        result.backgroundOwner = names[i]
                    }
                    foreground = foreground.over(colour)
                    background = background.over(colour)
                }
            }
            if style.opacity < 1 {
                foreground = foreground.fading(style.opacity)
                background = background.fading(style.opacity)
            }
            if style.isPositionedOutOfFlow, i > 0, !(tags[i] == "body") {
                positioned = (names[i], style.positionSource)
            }
            i -= 1
        }
        if !(foreground.isOpaque && background.isOpaque) {
            if let positioned {
                result.problem = Undecidable(
                    reason: "\(positioned.name) is positioned (position: absolute or fixed), so what lies behind it is not known here",
                    source: positioned.source)
                return result
            }
            if let canvasImage {
                result.problem = Undecidable(reason: "it sits on \(canvasImage) (the page background)", source: canvasImageSource)
                return result
            }
            guard let canvasColour = canvasPaint.colour else {
                result.problem = Undecidable(
                    reason: "the page background is not known: \(canvasPaint.problem ?? "undecidable")", source: canvasPaint.source)
                return result
            }
            // The canvas itself sits on the browser's default (white, or dark for a dark color-scheme).
            let base = SystemColours.colour("canvas", scheme: styles[0].usedScheme)!
            let page = canvasColour.over(base)
            if result.backgroundOwner == nil, !background.isOpaque {
                result.backgroundSource = canvasColour.isTransparent ? nil : canvasPaint.source
                result.backgroundOwner = canvasOwner.map { names[$0] } ?? "the page"
            }
            foreground = foreground.over(page)
            background = background.over(page)
        }
        result.foreground = top == nil ? nil : foreground
        result.background = background
        return result
    }
}
