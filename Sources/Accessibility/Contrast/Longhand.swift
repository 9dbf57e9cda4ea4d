/// The CSS properties that decide how text and its surroundings look, and therefore contrast.
/// Every other property is dropped when stylesheets are indexed.
enum Longhand: Int, CaseIterable, Sendable {
    case color, textFillColor, backgroundColor, backgroundImage, backgroundClip, opacity
    case fontSize, fontWeight, position, display, visibility, contentVisibility
    case clip, clipPath, width, height, left, top, textIndent, transform
    case textDecorationLine
    case borderTopWidth, borderRightWidth, borderBottomWidth, borderLeftWidth
    case borderTopStyle, borderRightStyle, borderBottomStyle, borderLeftStyle
    case borderTopColor, borderRightColor, borderBottomColor, borderLeftColor
    case outlineStyle, outlineWidth, outlineColor, outlineOffset
    case boxShadow, colorScheme, filter, backdropFilter, mixBlendMode, textShadow, appearance

    static func named(_ name: String) -> Longhand? { byName[name] }

    private static let byName: [String: Longhand] = {
        var table: [String: Longhand] = [
            "color": .color, "-webkit-text-fill-color": .textFillColor, "background-color": .backgroundColor,
            "background-image": .backgroundImage, "background-clip": .backgroundClip, "-webkit-background-clip": .backgroundClip,
            "opacity": .opacity, "font-size": .fontSize, "font-weight": .fontWeight, "position": .position,
            "display": .display, "visibility": .visibility, "content-visibility": .contentVisibility,
            "clip": .clip, "clip-path": .clipPath, "width": .width, "height": .height, "left": .left, "top": .top,
            "text-indent": .textIndent, "transform": .transform,
            "text-decoration-line": .textDecorationLine,
            "outline-style": .outlineStyle, "outline-width": .outlineWidth, "outline-color": .outlineColor,
            "outline-offset": .outlineOffset, "box-shadow": .boxShadow, "color-scheme": .colorScheme,
            "filter": .filter, "backdrop-filter": .backdropFilter, "-webkit-backdrop-filter": .backdropFilter,
            "mix-blend-mode": .mixBlendMode, "text-shadow": .textShadow, "appearance": .appearance,
            "-webkit-appearance": .appearance,
        ]
        for (side, index) in [("top", 0), ("right", 1), ("bottom", 2), ("left", 3)] {
            table["border-\(side)-width"] = Longhand.borderWidths[index]
            table["border-\(side)-style"] = Longhand.borderStyles[index]
            table["border-\(side)-color"] = Longhand.borderColours[index]
        }
        // Logical sides, for horizontal left-to-right text.
        for (logical, index) in [("block-start", 0), ("inline-end", 1), ("block-end", 2), ("inline-start", 3)] {
            table["border-\(logical)-width"] = Longhand.borderWidths[index]
            table["border-\(logical)-style"] = Longhand.borderStyles[index]
            table["border-\(logical)-color"] = Longhand.borderColours[index]
        }
        return table
    }()

    static let borderWidths: [Longhand] = [.borderTopWidth, .borderRightWidth, .borderBottomWidth, .borderLeftWidth]
    static let borderStyles: [Longhand] = [.borderTopStyle, .borderRightStyle, .borderBottomStyle, .borderLeftStyle]
    static let borderColours: [Longhand] = [.borderTopColor, .borderRightColor, .borderBottomColor, .borderLeftColor]

    var isInherited: Bool {
        switch self {
        case .color, .textFillColor, .fontSize, .fontWeight, .visibility, .colorScheme, .textShadow: true
        default: false
        }
    }
}
