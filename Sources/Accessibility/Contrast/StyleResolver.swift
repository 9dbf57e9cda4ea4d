import Foundation

/// Turns the declarations that won the cascade for an element into its computed style, given
/// its parent's. One resolver per stylesheet set; it holds no per-page state.
struct StyleResolver {
    let registered: [String: RegisteredProperty]

    struct Winner {
        var value: DeclaredValue
        var source: SourceReference
    }

    /// The computed style of the root element's parent: the initial values.
    static func initialStyle(scheme: ColourScheme) -> ComputedStyle {
        ComputedStyle(
            color: .known(SystemColours.colour("canvastext", scheme: .light)!),
            background: .known(.transparent),
            fontSize: PixelRange(exactly: 16),
            fontWeight: 400,
            borders: Array(repeating: Line(style: "none", width: PixelRange(exactly: 3), colour: .known(.black)), count: 4),
            outline: Line(style: "none", width: PixelRange(exactly: 3), colour: .known(.black)),
            usedScheme: .light)
    }

    func compute(
        winners: [Longhand: Winner], customs: [String: Winner], parent: ComputedStyle?, rootFontSize: PixelRange?,
        scheme: ColourScheme
    ) -> ComputedStyle {
        let isRoot = parent == nil
        let inherited = parent ?? Self.initialStyle(scheme: scheme)
        var style = inherited
        // Reset what is not inherited.
        style.background = .known(.transparent)
        style.backgroundImage = nil
        style.backgroundImageSource = nil
        style.backgroundClipsToText = false
        style.opacity = 1
        style.position = "static"
        style.positionSource = nil
        style.displayNone = false
        style.visuallyHidden = false
        style.underline = false
        style.outlineOffset = 0
        style.shadows = []
        style.effects = nil

        // Custom properties first: everything else may refer to them.
        var inheritedCustoms = inherited.customProperties
        for (name, registration) in registered where !registration.inherits {
            inheritedCustoms[name] = registration.initialValue.map { .tokens($0) }
        }
        if isRoot {
            for (name, registration) in registered { if let initial = registration.initialValue { inheritedCustoms[name] = .tokens(initial) } }
        }
        style.customProperties = customs.isEmpty ? inheritedCustoms : VarSubstitution.resolve(
            declared: customs.mapValues { winner in
                if case .tokens(let tokens) = winner.value { return tokens }
                return []
            },
            inherited: inheritedCustoms, registered: registered)

        // Substitutes var() and splits pending shorthands, once per shorthand.
        var shorthandCache: [String: Result<[(Longhand, [CSSToken])], SubstitutionFailure>] = [:]
        func value(_ longhand: Longhand) -> (Result<[CSSToken], SubstitutionFailure>, SourceReference)? {
            guard let winner = winners[longhand] else { return nil }
            let customs = style.customProperties
            switch winner.value {
            case .tokens(let tokens):
                guard VarSubstitution.containsVar(tokens) else { return (.success(tokens), winner.source) }
                var source = winner.source
                source.variables = VarSubstitution.referencedNames(tokens)
                return (VarSubstitution.substitute(tokens, lookup: { customs[$0] }).map(VarSubstitution.trim), source)
            case .pendingShorthand(let name, let tokens):
                var source = winner.source
                source.variables = VarSubstitution.referencedNames(tokens)
                let key = name + "\u{0}" + tokens.cssText
                let expanded = shorthandCache[key] ?? {
                    let result = VarSubstitution.substitute(tokens, lookup: { customs[$0] }).flatMap { substituted in
                        Shorthands.expand(name, VarSubstitution.trim(substituted)).map { Result.success($0) }
                            ?? .failure(SubstitutionFailure(reason: "\(name): \(substituted.cssText) is not a valid value"))
                    }
                    shorthandCache[key] = result
                    return result
                }()
                return (expanded.map { pairs in pairs.first { $0.0 == longhand }?.1 ?? [] }, source)
            }
        }
        func keyword(_ tokens: [CSSToken]) -> String? {
            tokens.count == 1 && tokens[0].kind == .ident ? tokens[0].lowercased : nil
        }
        /// `inherit`, `unset` on an inherited property, `revert`: take the parent's value.
        func takesParent(_ word: String?, _ longhand: Longhand) -> Bool {
            guard let word else { return false }
            return word == "inherit" || ((word == "unset" || word == "revert" || word == "revert-layer") && longhand.isInherited)
        }
        func resetsToInitial(_ word: String?) -> Bool {
            guard let word else { return false }
            return word == "initial" || word == "unset" || word == "revert" || word == "revert-layer"
        }

        // color-scheme, which decides system colours and light-dark() for this element.
        if let (result, _) = value(.colorScheme), case .success(let tokens) = result {
            let word = keyword(tokens)
            if takesParent(word, .colorScheme) {
                style.colourSchemes = inherited.colourSchemes
            } else if resetsToInitial(word) || word == "normal" {
                style.colourSchemes = []
            } else {
                style.colourSchemes = tokens.filter { $0.kind == .ident }.map(\.lowercased)
            }
        }
        style.usedScheme = Self.usedScheme(preferred: scheme, declared: style.colourSchemes)

        // Font size and weight, for the large-text thresholds.
        let rootSize = rootFontSize ?? PixelRange(exactly: 16)
        if let (result, _) = value(.fontSize) {
            if case .success(let tokens) = result {
                let word = keyword(tokens)
                if takesParent(word, .fontSize) {
                    style.fontSize = inherited.fontSize
                } else if word == "initial" {
                    style.fontSize = PixelRange(exactly: 16)
                } else if let size = Self.fontSize(tokens, parent: inherited.fontSize, root: isRoot ? PixelRange(exactly: 16) : rootSize) {
                    style.fontSize = size
                }
            } else {
                style.fontSize = PixelRange(inherited.fontSize.low * 0.5, inherited.fontSize.high * 2)
            }
        }
        if let (result, _) = value(.fontWeight) {
            if case .success(let tokens) = result {
                let word = keyword(tokens)
                if takesParent(word, .fontWeight) {
                    style.fontWeight = inherited.fontWeight
                } else if word == "initial" {
                    style.fontWeight = 400
                } else if let weight = Self.fontWeight(tokens, parent: inherited.fontWeight) {
                    style.fontWeight = weight
                }
            } else {
                style.fontWeight = nil
            }
        }

        // Colours.
        let schemeForColours = style.usedScheme
        func paint(_ longhand: Longhand, current: Paint, initial: Paint, parentValue: Paint) -> Paint? {
            guard let (result, source) = value(longhand) else { return nil }
            switch result {
            case .failure(let failure):
                return .unknown(failure.reason, source)
            case .success(let tokens):
                let word = keyword(tokens)
                if takesParent(word, longhand) { return parentValue }
                if resetsToInitial(word) { return initial }
                guard let colour = CSSColour.parse(tokens) else {
                    // Invalid at computed-value time: as if unset.
                    return longhand.isInherited ? parentValue : initial
                }
                return Self.resolve(colour, currentColour: current, scheme: schemeForColours, source: source)
            }
        }
        let canvasText = Paint.known(SystemColours.colour("canvastext", scheme: schemeForColours)!)
        if let colour = paint(.color, current: inherited.color, initial: canvasText, parentValue: inherited.color) {
            style.color = colour
        } else if isRoot {
            style.color = canvasText
        }
        if winners[.textFillColor] != nil {
            style.textFill = paint(.textFillColor, current: style.color, initial: style.color, parentValue: inherited.textFill ?? style.color)
            if let fill = style.textFill, fill.colour == nil, fill.problem == nil { style.textFill = nil }
        }
        if let background = paint(.backgroundColor, current: style.color, initial: .known(.transparent), parentValue: inherited.background) {
            style.background = background
        }
        if let (result, source) = value(.backgroundImage) {
            switch result {
            case .failure(let failure):
                style.backgroundImage = "a background image whose value cannot be worked out (\(failure.reason))"
                style.backgroundImageSource = source
            case .success(let tokens):
                let word = keyword(tokens)
                if word == "inherit" {
                    style.backgroundImage = parent?.backgroundImage
                    style.backgroundImageSource = parent?.backgroundImageSource
                } else if word == nil || !(word == "none" || resetsToInitial(word)) {
                    style.backgroundImage = Self.describeImage(tokens)
                    style.backgroundImageSource = source
                }
            }
        }
        if let (result, _) = value(.backgroundClip), case .success(let tokens) = result {
            style.backgroundClipsToText = tokens.contains { $0.isIdent("text") }
        }

        // Visibility and placement.
        if let (result, _) = value(.opacity), case .success(let tokens) = result, let first = tokens.first {
            switch first.kind {
            case .number: style.opacity = first.number.clamped
            case .percentage: style.opacity = (first.number / 100).clamped
            default: break
            }
        }
        if let (result, source) = value(.position), case .success(let tokens) = result, let word = keyword(tokens) {
            if ["static", "relative", "absolute", "fixed", "sticky"].contains(word) {
                style.position = word
                style.positionSource = source
            }
        }
        if let (result, _) = value(.display), case .success(let tokens) = result {
            style.displayNone = keyword(tokens) == "none"
        }
        if let (result, _) = value(.contentVisibility), case .success(let tokens) = result, keyword(tokens) == "hidden" {
            style.displayNone = true
        }
        if let (result, _) = value(.visibility), case .success(let tokens) = result, let word = keyword(tokens) {
            if word == "hidden" || word == "collapse" {
                style.visibilityHidden = true
            } else if word == "visible" || resetsToInitial(word) && word != "unset" {
                style.visibilityHidden = false
            }
        }
        style.visuallyHidden = visuallyHidden(style: style, value: { longhand in
            if let (result, _) = value(longhand), case .success(let tokens) = result { return tokens }
            return nil
        })

        // Decoration, borders, outline, shadows: links and controls.
        if let (result, _) = value(.textDecorationLine), case .success(let tokens) = result {
            style.underline = tokens.contains { $0.isIdent("underline") }
        }
        let lengthContext = LengthContext(fontSize: style.fontSize, rootFontSize: rootSize, percentBase: nil)
        func lineWidth(_ tokens: [CSSToken]) -> PixelRange? {
            switch keyword(tokens) {
            case "thin": PixelRange(exactly: 1)
            case "medium", "initial", "unset": PixelRange(exactly: 3)
            case "thick": PixelRange(exactly: 5)
            default: LengthEvaluator.evaluate(tokens, lengthContext)
            }
        }
        for side in 0..<4 {
            var line = Line(style: "none", width: PixelRange(exactly: 3), colour: style.color)
            if let (result, _) = value(Longhand.borderStyles[side]), case .success(let tokens) = result, let word = keyword(tokens) {
                line.style = Shorthands.lineStyles.contains(word) ? word : "none"
            }
            if let (result, _) = value(Longhand.borderWidths[side]), case .success(let tokens) = result, let width = lineWidth(tokens) {
                line.width = width
            }
            if let colour = paint(Longhand.borderColours[side], current: style.color, initial: style.color, parentValue: style.color) {
                line.colour = colour
            }
            style.borders[side] = line
        }
        var outline = Line(style: "none", width: PixelRange(exactly: 3), colour: style.color)
        if let (result, _) = value(.outlineStyle), case .success(let tokens) = result, let word = keyword(tokens) {
            outline.style = Shorthands.lineStyles.contains(word) ? word : "none"
        }
        if let (result, _) = value(.outlineWidth), case .success(let tokens) = result, let width = lineWidth(tokens) {
            outline.width = width
        }
        if let (result, source) = value(.outlineColor) {
            if case .success(let tokens) = result, keyword(tokens) == "invert" {
                outline.colour = .unknown("an inverted outline", source)
            } else if case .success(let tokens) = result, keyword(tokens) == "auto" {
                outline.colour = style.color
            } else if let colour = paint(.outlineColor, current: style.color, initial: style.color, parentValue: style.color) {
                outline.colour = colour
            }
        }
        style.outline = outline
        if let (result, _) = value(.outlineOffset), case .success(let tokens) = result,
           let offset = LengthEvaluator.evaluate(tokens, lengthContext) {
            style.outlineOffset = offset.low
        }
        if let (result, source) = value(.boxShadow) {
            switch result {
            case .failure(let failure): style.shadows = [Shadow(colour: .unknown(failure.reason, source), inset: false)]
            case .success(let tokens): style.shadows = Self.shadows(tokens, current: style.color, scheme: schemeForColours, source: source)
            }
        }

        // Effects that repaint everything below them.
        var effects: [String] = []
        for (longhand, name) in [(Longhand.filter, "a CSS filter"), (.mixBlendMode, "a blend mode"), (.backdropFilter, "a backdrop filter")] {
            if let (result, source) = value(longhand), case .success(let tokens) = result, let first = tokens.first,
               !(first.kind == .ident && ["none", "normal", "initial", "unset", "revert"].contains(first.lowercased)) {
                effects.append("\(name) (\(tokens.cssText), from \(source.description))")
            }
        }
        style.effects = effects.isEmpty ? nil : effects.joined(separator: " and ")
        if let (result, _) = value(.textShadow), case .success(let tokens) = result {
            let word = keyword(tokens)
            if takesParent(word, .textShadow) {
                style.hasTextShadow = inherited.hasTextShadow
            } else {
                style.hasTextShadow = !(word == "none" || resetsToInitial(word))
            }
        }
        return style
    }

    static func usedScheme(preferred: ColourScheme, declared: [String]) -> ColourScheme {
        let offered = declared.compactMap { ColourScheme(rawValue: $0) }
        if offered.isEmpty { return .light }
        return offered.contains(preferred) ? preferred : offered[0]
    }

    static func resolve(_ colour: CSSColour, currentColour: Paint, scheme: ColourScheme, source: SourceReference?) -> Paint {
        switch colour {
        case .rgba(let value): return .known(value, source)
        case .currentColor: return Paint(colour: currentColour.colour, problem: currentColour.problem, source: currentColour.source ?? source)
        case .system(let name):
            guard let value = SystemColours.colour(name, scheme: scheme) else { return .unknown("the system colour \(name)", source) }
            return .known(value, source)
        case .lightDark(let light, let dark):
            return resolve(scheme == .light ? light : dark, currentColour: currentColour, scheme: scheme, source: source)
        case .undecidable(let what):
            return .unknown("the colour uses \(what), which this check does not compute", source)
        }
    }

    static func fontSize(_ tokens: [CSSToken], parent: PixelRange, root: PixelRange) -> PixelRange? {
        if tokens.count == 1, tokens[0].kind == .ident {
            switch tokens[0].lowercased {
            case "xx-small": return PixelRange(exactly: 9)
            case "x-small": return PixelRange(exactly: 10)
            case "small": return PixelRange(exactly: 13)
            case "medium": return PixelRange(exactly: 16)
            case "large": return PixelRange(exactly: 18)
            case "x-large": return PixelRange(exactly: 24)
            case "xx-large": return PixelRange(exactly: 32)
            case "xxx-large": return PixelRange(exactly: 48)
            case "smaller": return parent.scaled(1 / 1.2)
            case "larger": return parent.scaled(1.2)
            case "math": return parent
            default: return nil
            }
        }
        let context = LengthContext(fontSize: parent, rootFontSize: root, percentBase: parent)
        guard let size = LengthEvaluator.evaluate(tokens, context) else { return nil }
        return PixelRange(max(0, size.low), max(0, size.high))
    }

    static func fontWeight(_ tokens: [CSSToken], parent: Int?) -> Int? {
        guard tokens.count == 1 else { return nil }
        let token = tokens[0]
        if token.kind == .number, token.number >= 1, token.number <= 1000 { return Int(token.number) }
        guard token.kind == .ident else { return nil }
        switch token.lowercased {
        case "normal": return 400
        case "bold": return 700
        case "bolder":
            guard let parent else { return nil }
            return parent < 350 ? 400 : (parent < 550 ? 700 : 900)
        case "lighter":
            guard let parent else { return nil }
            return parent < 100 ? parent : (parent < 550 ? 100 : (parent < 750 ? 400 : 700))
        default: return nil
        }
    }

    static func describeImage(_ tokens: [CSSToken]) -> String {
        if tokens.contains(where: { $0.kind == .function && $0.lowercased.hasSuffix("gradient") }) { return "a gradient" }
        return "a background image"
    }

    static func shadows(_ tokens: [CSSToken], current: Paint, scheme: ColourScheme, source: SourceReference) -> [Shadow] {
        var result: [Shadow] = []
        var layer: [[CSSToken]] = []
        func finish() {
            defer { layer = [] }
            guard !layer.isEmpty, !(layer.count == 1 && layer[0].count == 1 && layer[0][0].isIdent("none")) else { return }
            var inset = false
            var colour: Paint?
            var lengths: [Double] = []
            for part in layer {
                if part.count == 1, part[0].isIdent("inset") {
                    inset = true
                } else if let parsed = CSSColour.parse(part) {
                    colour = resolve(parsed, currentColour: current, scheme: scheme, source: source)
                } else if let first = part.first, first.kind == .dimension || first.kind == .number {
                    lengths.append(first.number)
                } else if let first = part.first, first.kind == .function {
                    lengths.append(1)
                }
            }
            // `0 0 0 0 red` paints nothing; a shadow needs an offset, a blur or a spread.
            guard lengths.contains(where: { $0 != 0 }) else { return }
            if lengths.count >= 4, lengths[3] < 0, lengths[2] == 0 { return }
            result.append(Shadow(colour: colour ?? current, inset: inset))
        }
        for part in Shorthands.components(tokens) {
            if part.count == 1 && part[0].kind == .comma { finish() } else { layer.append(part) }
        }
        finish()
        return result
    }

    /// The "visually hidden" pattern (clipped to nothing, 1px square, moved far off screen) and
    /// other ways of drawing no visible text.
    func visuallyHidden(style: ComputedStyle, value: (Longhand) -> [CSSToken]?) -> Bool {
        if style.fontSize.high == 0 { return true }
        let context = LengthContext(fontSize: style.fontSize, rootFontSize: PixelRange(exactly: 16), percentBase: nil)
        if let indent = value(.textIndent), let length = LengthEvaluator.evaluate(indent, context), length.high <= -999 { return true }
        guard style.isPositionedOutOfFlow else {
            if let clipPath = value(.clipPath), Self.clipPathHidesAll(clipPath) { return true }
            return false
        }
        if let clip = value(.clip), clip.first?.kind == .function, clip.first?.lowercased == "rect" {
            let lengths = clip.compactMap { token -> Double? in
                token.kind == .dimension || token.kind == .number ? token.number : nil
            }
            if lengths.count == 4, lengths.allSatisfy({ abs($0) <= 1 }) { return true }
        }
        if let clipPath = value(.clipPath), Self.clipPathHidesAll(clipPath) { return true }
        if let width = value(.width), let height = value(.height),
           let w = LengthEvaluator.evaluate(width, context), let h = LengthEvaluator.evaluate(height, context),
           w.high <= 1, h.high <= 1 { return true }
        for side in [Longhand.left, .top] {
            if let tokens = value(side), let length = LengthEvaluator.evaluate(tokens, context), length.high <= -999 { return true }
        }
        if let transform = value(.transform), Self.translatesAway(transform) { return true }
        return false
    }

    private static func clipPathHidesAll(_ tokens: [CSSToken]) -> Bool {
        guard let first = tokens.first, first.kind == .function else { return false }
        let numbers = tokens.filter { $0.kind == .percentage }.map(\.number)
        switch first.lowercased {
        case "inset": return numbers.contains { $0 >= 50 }
        case "circle": return tokens.dropFirst().first { $0.kind != .whitespace }.map { $0.kind == .number && $0.number == 0 || $0.kind == .dimension && $0.number == 0 } ?? false
        default: return false
        }
    }

    /// `translateY(-100%)`, `translate(-9999px)`: moved out of view above or to the left.
    private static func translatesAway(_ tokens: [CSSToken]) -> Bool {
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            guard token.kind == .function, token.lowercased.hasPrefix("translate") else { continue }
            let close = VarSubstitution.closing(tokens, from: index - 1)
            let arguments = tokens[index..<min(close, tokens.count)]
            for argument in arguments {
                if argument.kind == .percentage, argument.number <= -100 { return true }
                if argument.kind == .dimension, argument.lowercased == "px", argument.number <= -999 { return true }
            }
            index = close + 1
        }
        return false
    }
}
