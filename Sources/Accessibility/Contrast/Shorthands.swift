/// Splits the shorthands that carry colours, sizes and borders into the longhands above.
enum Shorthands {
    /// Which longhands a shorthand sets; nil if `name` is not one this checker expands.
    static func longhands(of name: String) -> [Longhand]? { table[name] }

    private static let table: [String: [Longhand]] = {
        var table: [String: [Longhand]] = [
            "background": [.backgroundColor, .backgroundImage, .backgroundClip],
            "border": Longhand.borderWidths + Longhand.borderStyles + Longhand.borderColours,
            "border-width": Longhand.borderWidths, "border-style": Longhand.borderStyles, "border-color": Longhand.borderColours,
            "outline": [.outlineStyle, .outlineWidth, .outlineColor],
            "font": [.fontSize, .fontWeight],
            "text-decoration": [.textDecorationLine],
            "border-block": [.borderTopWidth, .borderTopStyle, .borderTopColor, .borderBottomWidth, .borderBottomStyle, .borderBottomColor],
            "border-inline": [.borderLeftWidth, .borderLeftStyle, .borderLeftColor, .borderRightWidth, .borderRightStyle, .borderRightColor],
        ]
        for (side, index) in [("top", 0), ("right", 1), ("bottom", 2), ("left", 3), ("block-start", 0), ("inline-end", 1),
                              ("block-end", 2), ("inline-start", 3)] {
            table["border-\(side)"] = [Longhand.borderWidths[index], Longhand.borderStyles[index], Longhand.borderColours[index]]
        }
        return table
    }()

    static let cssWideKeywords: Set<String> = ["inherit", "initial", "unset", "revert", "revert-layer"]

    /// The longhand values a shorthand declaration stands for; nil when the value is invalid.
    static func expand(_ name: String, _ tokens: [CSSToken]) -> [(Longhand, [CSSToken])]? {
        guard let longhands = table[name] else { return nil }
        let parts = components(tokens)
        if parts.count == 1, parts[0].count == 1, parts[0][0].kind == .ident, cssWideKeywords.contains(parts[0][0].lowercased) {
            return longhands.map { ($0, parts[0]) }
        }
        switch name {
        case "background": return background(tokens)
        case "border-width", "border-style", "border-color":
            guard (1...4).contains(parts.count), !parts.contains(where: { $0.count == 1 && ($0[0].kind == .comma || $0[0].isDelim("/")) }) else {
                return nil
            }
            let values = parts
            let expanded = fourSides(values)
            return zip(longhands, expanded).map { ($0, $1) }
        case "outline":
            guard let (width, style, colour) = lineParts(parts) else { return nil }
            return [(.outlineWidth, width ?? [ident("medium")]), (.outlineStyle, style ?? [ident("none")]),
                    (.outlineColor, colour ?? [ident("currentcolor")])]
        case "font": return font(parts)
        case "text-decoration":
            let lines = parts.flatMap { $0 }.filter {
                $0.kind == .ident && ["underline", "overline", "line-through", "blink", "none", "spelling-error", "grammar-error"]
                    .contains($0.lowercased)
            }
            return [(.textDecorationLine, lines.isEmpty ? [ident("none")] : lines)]
        default:
            // border, border-<side>, border-block, border-inline: width style colour, any order.
            guard let (width, style, colour) = lineParts(parts) else { return nil }
            var result: [(Longhand, [CSSToken])] = []
            for longhand in longhands {
                if Longhand.borderWidths.contains(longhand) { result.append((longhand, width ?? [ident("medium")])) }
                if Longhand.borderStyles.contains(longhand) { result.append((longhand, style ?? [ident("none")])) }
                if Longhand.borderColours.contains(longhand) { result.append((longhand, colour ?? [ident("currentcolor")])) }
            }
            return result
        }
    }

    static func ident(_ name: String) -> CSSToken { CSSToken(.ident, name) }

    /// Top-level component values: a function with its arguments is one component; commas and
    /// slashes are components of their own.
    static func components(_ tokens: [CSSToken]) -> [[CSSToken]] {
        var result: [[CSSToken]] = []
        var current: [CSSToken] = []
        var depth = 0
        for token in tokens {
            if depth == 0 {
                if token.kind == .whitespace {
                    if !current.isEmpty { result.append(current); current = [] }
                    continue
                }
                if token.kind == .comma || token.isDelim("/") {
                    if !current.isEmpty { result.append(current); current = [] }
                    result.append([token])
                    continue
                }
            }
            current.append(token)
            if token.opensBlock {
                depth += 1
            } else if token.kind == .closeParen || token.kind == .closeSquare || token.kind == .closeCurly {
                depth = max(0, depth - 1)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private static func fourSides(_ values: [[CSSToken]]) -> [[CSSToken]] {
        switch values.count {
        case 1: return [values[0], values[0], values[0], values[0]]
        case 2: return [values[0], values[1], values[0], values[1]]
        case 3: return [values[0], values[1], values[2], values[1]]
        default: return Array(values.prefix(4))
        }
    }

    static let lineStyles: Set<String> = ["none", "hidden", "dotted", "dashed", "solid", "double", "groove", "ridge", "inset", "outset", "auto"]

    /// Width, style and colour of a `border` or `outline` value, in any order.
    private static func lineParts(_ parts: [[CSSToken]]) -> ([CSSToken]?, [CSSToken]?, [CSSToken]?)? {
        var width: [CSSToken]?, style: [CSSToken]?, colour: [CSSToken]?
        for part in parts {
            guard !(part.count == 1 && (part[0].kind == .comma || part[0].isDelim("/"))) else { return nil }
            if part.count == 1, part[0].kind == .ident, lineStyles.contains(part[0].lowercased), style == nil {
                style = part
            } else if isLineWidth(part), width == nil {
                width = part
            } else if CSSColour.parse(part) != nil || (part.count == 1 && part[0].isIdent("invert")), colour == nil {
                colour = part
            } else {
                return nil
            }
        }
        return (width, style, colour)
    }

    static func isLineWidth(_ part: [CSSToken]) -> Bool {
        guard let first = part.first else { return false }
        switch first.kind {
        case .dimension: return true
        case .number: return first.number == 0
        case .ident: return ["thin", "medium", "thick"].contains(first.lowercased)
        case .function: return ["calc", "min", "max", "clamp"].contains(first.lowercased)
        default: return false
        }
    }

    private static func isImage(_ part: [CSSToken]) -> Bool {
        guard let first = part.first else { return false }
        if first.kind == .url || first.kind == .badURL { return true }
        guard first.kind == .function else { return false }
        let name = first.lowercased
        return name == "url" || name.hasSuffix("gradient") || name.hasSuffix("image") || name.hasSuffix("image-set")
            || name.hasSuffix("cross-fade") || name == "element" || name == "-moz-element" || name == "paint" || name == "src"
    }

    private static func background(_ tokens: [CSSToken]) -> [(Longhand, [CSSToken])]? {
        let parts = components(tokens)
        var layers: [[[CSSToken]]] = [[]]
        for part in parts {
            if part.count == 1 && part[0].kind == .comma { layers.append([]) } else { layers[layers.count - 1].append(part) }
        }
        var colour: [CSSToken]?
        var images: [CSSToken] = []
        var clipText = false
        for (index, layer) in layers.enumerated() {
            for part in layer {
                if isImage(part) {
                    if !images.isEmpty { images.append(CSSToken(.comma)) }
                    images += part
                } else if part.count == 1, part[0].isIdent("text") {
                    clipText = true
                } else if index == layers.count - 1, colour == nil, !(part.count == 1 && part[0].kind == .ident
                        && backgroundKeywords.contains(part[0].lowercased)), CSSColour.parse(part) != nil {
                    colour = part
                }
            }
        }
        return [
            (.backgroundColor, colour ?? [ident("transparent")]),
            (.backgroundImage, images.isEmpty ? [ident("none")] : images),
            (.backgroundClip, [ident(clipText ? "text" : "border-box")]),
        ]
    }

    /// Keywords of `background` that are not colours (so never mistaken for one).
    private static let backgroundKeywords: Set<String> = [
        "none", "repeat", "repeat-x", "repeat-y", "no-repeat", "space", "round", "scroll", "fixed", "local",
        "left", "right", "top", "bottom", "center", "cover", "contain", "auto", "border-box", "padding-box", "content-box",
    ]

    private static let fontSizeKeywords: Set<String> = [
        "xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large", "xxx-large", "smaller", "larger", "math",
    ]

    private static func font(_ parts: [[CSSToken]]) -> [(Longhand, [CSSToken])]? {
        if parts.count == 1, parts[0].count == 1, parts[0][0].kind == .ident,
           ["caption", "icon", "menu", "message-box", "small-caption", "status-bar"].contains(parts[0][0].lowercased) {
            // A system font: its size is the platform's.
            return [(.fontSize, [ident("medium")]), (.fontWeight, [ident("normal")])]
        }
        var weight: [CSSToken]?
        for part in parts {
            guard let first = part.first else { continue }
            if part.count == 1, first.kind == .number, weight == nil, first.number >= 1, first.number <= 1000 {
                weight = part
                continue
            }
            if part.count == 1, first.kind == .ident, ["bold", "bolder", "lighter"].contains(first.lowercased) {
                weight = part
                continue
            }
            let isSize = first.kind == .dimension || first.kind == .percentage
                || (first.kind == .ident && fontSizeKeywords.contains(first.lowercased))
                || (first.kind == .function && ["calc", "min", "max", "clamp"].contains(first.lowercased))
            if isSize {
                return [(.fontSize, part), (.fontWeight, weight ?? [ident("normal")])]
            }
        }
        return nil
    }
}
