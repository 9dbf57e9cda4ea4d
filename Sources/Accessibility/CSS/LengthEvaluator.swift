/// What relative lengths are relative to.
public struct LengthContext: Sendable {
    /// The font size `em` refers to (the parent's, for `font-size` itself).
    public var fontSize: PixelRange
    public var rootFontSize: PixelRange
    /// What 100% is, if percentages are allowed.
    public var percentBase: PixelRange?

    public init(fontSize: PixelRange, rootFontSize: PixelRange, percentBase: PixelRange?) {
        self.fontSize = fontSize
        self.rootFontSize = rootFontSize
        self.percentBase = percentBase
    }
}

/// Evaluates lengths, including `calc()`, `min()`, `max()` and `clamp()`, to pixel ranges.
public enum LengthEvaluator {
    /// nil when the tokens are not a length.
    public static func evaluate(_ tokens: [CSSToken], _ context: LengthContext) -> PixelRange? {
        var parser = Parser(tokens: tokens, context: context)
        guard let value = parser.parseSum(depth: 0), parser.atEnd, value.isLength || value.range.low == 0 && value.range.high == 0 else {
            return nil
        }
        return value.range
    }

    /// A single token as a length (a dimension, a percentage or a zero).
    static func length(_ token: CSSToken, _ context: LengthContext) -> PixelRange? {
        switch token.kind {
        case .number: return token.number == 0 ? PixelRange(exactly: 0) : nil
        case .percentage: return context.percentBase?.scaled(token.number / 100)
        case .dimension:
            let n = token.number
            switch token.lowercased {
            case "px": return PixelRange(exactly: n)
            case "pt": return PixelRange(exactly: n * 4 / 3)
            case "pc": return PixelRange(exactly: n * 16)
            case "in": return PixelRange(exactly: n * 96)
            case "cm": return PixelRange(exactly: n * 96 / 2.54)
            case "mm": return PixelRange(exactly: n * 96 / 25.4)
            case "q": return PixelRange(exactly: n * 96 / 101.6)
            case "em", "ic": return context.fontSize.scaled(n)
            case "rem", "ric": return context.rootFontSize.scaled(n)
            // About half an em in most fonts; the range allows for the font.
            case "ex", "ch": return PixelRange(context.fontSize.low * n * 0.4, context.fontSize.high * n * 0.6)
            case "rex", "rch": return PixelRange(context.rootFontSize.low * n * 0.4, context.rootFontSize.high * n * 0.6)
            case "cap", "rcap": return (token.lowercased == "rcap" ? context.rootFontSize : context.fontSize).scaled(n * 0.7)
            case "lh": return context.fontSize.scaled(n * 1.2)
            case "rlh": return context.rootFontSize.scaled(n * 1.2)
            case "vw", "vh", "vmin", "vmax", "svw", "svh", "lvw", "lvh", "dvw", "dvh", "vi", "vb", "svi", "svb",
                 "lvi", "lvb", "dvi", "dvb", "svmin", "svmax", "lvmin", "lvmax", "dvmin", "dvmax",
                 "cqw", "cqh", "cqi", "cqb", "cqmin", "cqmax":
                return n >= 0 ? PixelRange.unknown : PixelRange(-.infinity, 0)
            default: return nil
            }
        default: return nil
        }
    }

    private struct Quantity {
        var range: PixelRange
        var isLength: Bool
    }

    private struct Parser {
        let tokens: [CSSToken]
        let context: LengthContext
        var index = 0

        var atEnd: Bool {
            var i = index
            while i < tokens.count, tokens[i].kind == .whitespace { i += 1 }
            return i >= tokens.count
        }

        mutating func skipSpace() { while index < tokens.count, tokens[index].kind == .whitespace { index += 1 } }

        mutating func parseSum(depth: Int) -> Quantity? {
            guard depth < 16 else { return nil }
            skipSpace()
            guard var left = parseProduct(depth: depth) else { return nil }
            while true {
                skipSpace()
                guard index < tokens.count else { return left }
                let token = tokens[index]
                if token.isDelim("+") || token.isDelim("-") {
                    index += 1
                    skipSpace()
                    guard let right = parseProduct(depth: depth) else { return nil }
                    guard left.isLength == right.isLength || isZero(left) || isZero(right) else { return nil }
                    left = Quantity(range: token.text == "+" ? left.range + right.range : left.range - right.range,
                                    isLength: left.isLength || right.isLength)
                } else if (token.kind == .dimension || token.kind == .number || token.kind == .percentage), token.number < 0 {
                    // `1rem -2px` is tokenised with the sign attached.
                    guard let right = parseProduct(depth: depth) else { return nil }
                    left = Quantity(range: left.range + right.range, isLength: left.isLength || right.isLength)
                } else {
                    return left
                }
            }
        }

        private func isZero(_ q: Quantity) -> Bool { q.range.low == 0 && q.range.high == 0 }

        mutating func parseProduct(depth: Int) -> Quantity? {
            guard var left = parseValue(depth: depth) else { return nil }
            while true {
                skipSpace()
                guard index < tokens.count else { return left }
                let token = tokens[index]
                if token.isDelim("*") {
                    index += 1
                    skipSpace()
                    guard let right = parseValue(depth: depth) else { return nil }
                    if !right.isLength && right.range.isExact {
                        left = Quantity(range: left.range.scaled(right.range.low), isLength: left.isLength)
                    } else if !left.isLength && left.range.isExact {
                        left = Quantity(range: right.range.scaled(left.range.low), isLength: right.isLength)
                    } else {
                        return nil
                    }
                } else if token.isDelim("/") {
                    index += 1
                    skipSpace()
                    guard let right = parseValue(depth: depth), !right.isLength, right.range.isExact, right.range.low != 0 else { return nil }
                    left = Quantity(range: left.range.scaled(1 / right.range.low), isLength: left.isLength)
                } else {
                    return left
                }
            }
        }

        mutating func parseValue(depth: Int) -> Quantity? {
            skipSpace()
            guard index < tokens.count else { return nil }
            let token = tokens[index]
            switch token.kind {
            case .number:
                index += 1
                return Quantity(range: PixelRange(exactly: token.number), isLength: false)
            case .dimension, .percentage:
                index += 1
                guard let range = LengthEvaluator.length(token, context) else { return nil }
                return Quantity(range: range, isLength: true)
            case .openParen:
                index += 1
                guard let inner = parseSum(depth: depth + 1) else { return nil }
                skipSpace()
                guard index < tokens.count, tokens[index].kind == .closeParen else { return index >= tokens.count ? inner : nil }
                index += 1
                return inner
            case .function:
                let name = token.lowercased
                index += 1
                var arguments: [Quantity] = []
                while true {
                    guard let argument = parseSum(depth: depth + 1) else { return nil }
                    arguments.append(argument)
                    skipSpace()
                    if index < tokens.count, tokens[index].kind == .comma { index += 1; continue }
                    break
                }
                if index < tokens.count {
                    guard tokens[index].kind == .closeParen else { return nil }
                    index += 1
                }
                return combine(name, arguments)
            default:
                return nil
            }
        }

        private func combine(_ name: String, _ arguments: [Quantity]) -> Quantity? {
            let isLength = arguments.contains { $0.isLength }
            switch name {
            case "calc", "-webkit-calc":
                guard arguments.count == 1 else { return nil }
                return arguments[0]
            case "min":
                let low = arguments.map(\.range.low).min()!, high = arguments.map(\.range.high).min()!
                return Quantity(range: PixelRange(low, high), isLength: isLength)
            case "max":
                let low = arguments.map(\.range.low).max()!, high = arguments.map(\.range.high).max()!
                return Quantity(range: PixelRange(low, high), isLength: isLength)
            case "clamp":
                guard arguments.count == 3 else { return nil }
                let (lower, value, upper) = (arguments[0].range, arguments[1].range, arguments[2].range)
                // max(lower, min(value, upper))
                let inner = PixelRange(min(value.low, upper.low), min(value.high, upper.high))
                return Quantity(range: PixelRange(max(lower.low, inner.low), max(lower.high, inner.high)), isLength: isLength)
            default:
                return nil
            }
        }
    }
}
