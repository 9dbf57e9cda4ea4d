import Foundation

/// A colour as a stylesheet specifies it, before the cascade settles `currentColor`, system
/// colours and `light-dark()`.
public indirect enum CSSColour: Sendable, Hashable {
    case rgba(RGBA)
    case currentColor
    /// A system colour keyword (`Canvas`, `LinkText`…), lower-cased.
    case system(String)
    case lightDark(CSSColour, CSSColour)
    /// A colour this checker will not compute (`color-mix()`, relative colour syntax…), with why.
    case undecidable(String)

    /// Parses a `<color>` from a value's tokens; nil when the tokens are not a colour.
    public static func parse(_ tokens: [CSSToken]) -> CSSColour? {
        let trimmed = tokens.filter { $0.kind != .whitespace }
        guard let first = trimmed.first else { return nil }
        switch first.kind {
        case .hash:
            guard trimmed.count == 1, let colour = RGBA(hex: first.text) else { return nil }
            return .rgba(colour)
        case .ident:
            guard trimmed.count == 1 else { return nil }
            return keyword(first.lowercased)
        case .function:
            guard let close = trimmed.lastIndex(where: { $0.kind == .closeParen }), close == trimmed.count - 1 else {
                // An unclosed function is closed by the end of the value.
                return function(first.lowercased, Array(tokens.drop { $0.kind != .function }.dropFirst()))
            }
            let start = tokens.firstIndex { $0.kind == .function }!
            let end = tokens.lastIndex { $0.kind == .closeParen }!
            return function(first.lowercased, Array(tokens[(start + 1)..<end]))
        default:
            return nil
        }
    }

    static func keyword(_ name: String) -> CSSColour? {
        switch name {
        case "transparent": return .rgba(.transparent)
        case "currentcolor": return .currentColor
        default:
            if let named = NamedColours.colour(name) { return .rgba(named) }
            if SystemColours.isSystemColour(name) { return .system(name) }
            return nil
        }
    }

    private static func function(_ name: String, _ arguments: [CSSToken]) -> CSSColour? {
        switch name {
        case "rgb", "rgba":
            return ColourFunctions.rgb(arguments).map { .rgba($0) } ?? relativeOrNil(arguments, name)
        case "hsl", "hsla":
            return ColourFunctions.hsl(arguments).map { .rgba($0) } ?? relativeOrNil(arguments, name)
        case "hwb":
            return ColourFunctions.hwb(arguments).map { .rgba($0) } ?? relativeOrNil(arguments, name)
        case "lab", "lch", "oklab", "oklch":
            return ColourFunctions.labLike(name, arguments).map { .rgba($0) } ?? relativeOrNil(arguments, name)
        case "color":
            return ColourFunctions.colorFunction(arguments).map { .rgba($0) } ?? .undecidable("color()")
        case "light-dark":
            let parts = ColourFunctions.splitCommas(arguments)
            guard parts.count == 2, let light = parse(parts[0]), let dark = parse(parts[1]) else { return nil }
            return .lightDark(light, dark)
        case "color-mix":
            return .undecidable("color-mix()")
        case "color-contrast", "contrast-color":
            return .undecidable("\(name)()")
        default:
            return nil
        }
    }

    /// Relative colour syntax (`rgb(from var(--x) r g b / 50%)`) and `calc()` inside a colour
    /// are valid CSS this checker does not compute.
    private static func relativeOrNil(_ arguments: [CSSToken], _ name: String) -> CSSColour? {
        if arguments.contains(where: { $0.isIdent("from") }) { return .undecidable("relative colour syntax in \(name)()") }
        if arguments.contains(where: { $0.kind == .function }) { return .undecidable("a function inside \(name)()") }
        return nil
    }
}
