import Foundation

/// The maths behind the colour functions of CSS Color 4.
enum ColourFunctions {
    static func splitCommas(_ tokens: [CSSToken]) -> [[CSSToken]] {
        var parts: [[CSSToken]] = [[]]
        var depth = 0
        for token in tokens {
            if token.opensBlock { depth += 1 }
            if token.kind == .closeParen || token.kind == .closeSquare || token.kind == .closeCurly { depth = max(0, depth - 1) }
            if token.kind == .comma && depth == 0 { parts.append([]) } else { parts[parts.count - 1].append(token) }
        }
        return parts.map { $0.filter { $0.kind != .whitespace } }
    }

    /// Components and alpha: legacy comma syntax (`1, 2, 3, .5`) or modern (`1 2 3 / 50%`).
    private static func components(_ tokens: [CSSToken]) -> (values: [CSSToken], alpha: CSSToken?)? {
        let meaningful = tokens.filter { $0.kind != .whitespace }
        if meaningful.contains(where: { $0.kind == .comma }) {
            let parts = splitCommas(tokens)
            guard parts.allSatisfy({ $0.count == 1 }), parts.count == 3 || parts.count == 4 else { return nil }
            let values = parts.map { $0[0] }
            return (Array(values.prefix(3)), values.count == 4 ? values[3] : nil)
        }
        if let slash = meaningful.firstIndex(where: { $0.isDelim("/") }) {
            let values = Array(meaningful[..<slash])
            let rest = Array(meaningful[(slash + 1)...])
            guard values.count == 3, rest.count == 1 else { return nil }
            return (values, rest[0])
        }
        guard meaningful.count == 3 else { return nil }
        return (meaningful, nil)
    }

    private static func alphaValue(_ token: CSSToken?) -> Double? {
        guard let token else { return 1 }
        switch token.kind {
        case .number: return token.number.clamped
        case .percentage: return (token.number / 100).clamped
        case .ident where token.lowercased == "none": return 0
        default: return nil
        }
    }

    static func rgb(_ tokens: [CSSToken]) -> RGBA? {
        guard let (values, alphaToken) = components(tokens), let alpha = alphaValue(alphaToken) else { return nil }
        var channels: [Double] = []
        for value in values {
            switch value.kind {
            case .number: channels.append(value.number / 255)
            case .percentage: channels.append(value.number / 100)
            case .ident where value.lowercased == "none": channels.append(0)
            default: return nil
            }
        }
        return RGBA(red: channels[0], green: channels[1], blue: channels[2], alpha: alpha)
    }

    private static func hue(_ token: CSSToken) -> Double? {
        switch token.kind {
        case .number: return token.number
        case .dimension:
            switch token.lowercased {
            case "deg": return token.number
            case "rad": return token.number * 180 / .pi
            case "grad": return token.number * 0.9
            case "turn": return token.number * 360
            default: return nil
            }
        case .ident where token.lowercased == "none": return 0
        default: return nil
        }
    }

    /// A percentage, or (modern syntax) a bare number meaning the same.
    private static func percent(_ token: CSSToken) -> Double? {
        switch token.kind {
        case .percentage, .number: return token.number / 100
        case .ident where token.lowercased == "none": return 0
        default: return nil
        }
    }

    static func hsl(_ tokens: [CSSToken]) -> RGBA? {
        guard let (values, alphaToken) = components(tokens), let alpha = alphaValue(alphaToken),
              let h = hue(values[0]), let s = percent(values[1]), let l = percent(values[2]) else { return nil }
        let (r, g, b) = hslToRGB(h, s.clamped, l.clamped)
        return RGBA(red: r, green: g, blue: b, alpha: alpha)
    }

    static func hslToRGB(_ hue: Double, _ saturation: Double, _ lightness: Double) -> (Double, Double, Double) {
        var h = hue.truncatingRemainder(dividingBy: 360)
        if h < 0 { h += 360 }
        func f(_ n: Double) -> Double {
            let k = (n + h / 30).truncatingRemainder(dividingBy: 12)
            let a = saturation * min(lightness, 1 - lightness)
            return lightness - a * max(-1, min(k - 3, 9 - k, 1))
        }
        return (f(0), f(8), f(4))
    }

    static func hwb(_ tokens: [CSSToken]) -> RGBA? {
        guard let (values, alphaToken) = components(tokens), let alpha = alphaValue(alphaToken),
              let h = hue(values[0]), var white = percent(values[1]), var black = percent(values[2]) else { return nil }
        white = white.clamped
        black = black.clamped
        if white + black >= 1 {
            let grey = white / (white + black)
            return RGBA(red: grey, green: grey, blue: grey, alpha: alpha)
        }
        let (r, g, b) = hslToRGB(h, 1, 0.5)
        func apply(_ channel: Double) -> Double { channel * (1 - white - black) + white }
        return RGBA(red: apply(r), green: apply(g), blue: apply(b), alpha: alpha)
    }

    /// `lab()`, `lch()`, `oklab()`, `oklch()`; out-of-gamut results are clipped to sRGB.
    static func labLike(_ name: String, _ tokens: [CSSToken]) -> RGBA? {
        guard let (values, alphaToken) = components(tokens), let alpha = alphaValue(alphaToken) else { return nil }
        let isOK = name.hasPrefix("ok")
        let isPolar = name.hasSuffix("lch")
        // Lightness: a percentage maps to 0…100 (lab) or 0…1 (oklab).
        func lightness(_ token: CSSToken) -> Double? {
            switch token.kind {
            case .percentage: return isOK ? token.number / 100 : token.number
            case .number: return token.number
            case .ident where token.lowercased == "none": return 0
            default: return nil
            }
        }
        func axis(_ token: CSSToken, percentScale: Double) -> Double? {
            switch token.kind {
            case .percentage: return token.number / 100 * percentScale
            case .number: return token.number
            case .ident where token.lowercased == "none": return 0
            default: return nil
            }
        }
        guard let l = lightness(values[0]) else { return nil }
        let scale: Double = isOK ? 0.4 : (isPolar ? 150 : 125)
        var a: Double
        var b: Double
        if isPolar {
            guard let chroma = axis(values[1], percentScale: scale), let h = hue(values[2]) else { return nil }
            let radians = h * .pi / 180
            a = max(0, chroma) * cos(radians)
            b = max(0, chroma) * sin(radians)
        } else {
            guard let aa = axis(values[1], percentScale: scale), let bb = axis(values[2], percentScale: scale) else { return nil }
            a = aa
            b = bb
        }
        let linear = isOK ? oklabToLinearSRGB(l, a, b) : labToLinearSRGB(l, a, b)
        return RGBA(red: gammaEncode(linear.0), green: gammaEncode(linear.1), blue: gammaEncode(linear.2), alpha: alpha)
    }

    /// `color(srgb r g b)` and `color(srgb-linear …)`; other spaces are left undecided.
    static func colorFunction(_ tokens: [CSSToken]) -> RGBA? {
        let meaningful = tokens.filter { $0.kind != .whitespace }
        guard let space = meaningful.first, space.kind == .ident else { return nil }
        guard let (values, alphaToken) = components(Array(meaningful.dropFirst())), let alpha = alphaValue(alphaToken) else { return nil }
        let channels = values.compactMap { token -> Double? in
            switch token.kind {
            case .number: token.number
            case .percentage: token.number / 100
            default: nil
            }
        }
        guard channels.count == 3 else { return nil }
        switch space.lowercased {
        case "srgb": return RGBA(red: channels[0], green: channels[1], blue: channels[2], alpha: alpha)
        case "srgb-linear":
            return RGBA(red: gammaEncode(channels[0]), green: gammaEncode(channels[1]), blue: gammaEncode(channels[2]), alpha: alpha)
        default: return nil
        }
    }

    static func gammaEncode(_ linear: Double) -> Double {
        let value = linear.clamped
        return value <= 0.0031308 ? 12.92 * value : 1.055 * pow(value, 1 / 2.4) - 0.055
    }

    static func oklabToLinearSRGB(_ l: Double, _ a: Double, _ b: Double) -> (Double, Double, Double) {
        let l_ = l + 0.3963377774 * a + 0.2158037573 * b
        let m_ = l - 0.1055613458 * a - 0.0638541728 * b
        let s_ = l - 0.0894841775 * a - 1.2914855480 * b
        let ll = l_ * l_ * l_, mm = m_ * m_ * m_, ss = s_ * s_ * s_
        return (
            4.0767416621 * ll - 3.3077115913 * mm + 0.2309699292 * ss,
            -1.2684380046 * ll + 2.6097574011 * mm - 0.3413193965 * ss,
            -0.0041960863 * ll - 0.7034186147 * mm + 1.7076147010 * ss
        )
    }

    /// CIE Lab (D50, as CSS uses) to linear sRGB (D65), via XYZ and the Bradford adaptation.
    static func labToLinearSRGB(_ l: Double, _ a: Double, _ b: Double) -> (Double, Double, Double) {
        let kappa = 24389.0 / 27
        let epsilon = 216.0 / 24389
        let fy = (l + 16) / 116
        let fx = a / 500 + fy
        let fz = fy - b / 200
        let x = pow(fx, 3) > epsilon ? pow(fx, 3) : (116 * fx - 16) / kappa
        let y = l > kappa * epsilon ? pow((l + 16) / 116, 3) : l / kappa
        let z = pow(fz, 3) > epsilon ? pow(fz, 3) : (116 * fz - 16) / kappa
        let white = (0.3457 / 0.3585, 1.0, (1 - 0.3457 - 0.3585) / 0.3585)
        let (xd50, yd50, zd50) = (x * white.0, y * white.1, z * white.2)
        let xd65 = 0.955473421488075 * xd50 - 0.02309845494876471 * yd50 + 0.06325924320057072 * zd50
        let yd65 = -0.0283697093338637 * xd50 + 1.0099953980813041 * yd50 + 0.021041441191917323 * zd50
        let zd65 = 0.012314014864481998 * xd50 - 0.020507649298898964 * yd50 + 1.330365926242124 * zd50
        return (
            3.2409699419045226 * xd65 - 1.537383177570094 * yd65 - 0.4986107602930034 * zd65,
            -0.9692436362808796 * xd65 + 1.8759675015077202 * yd65 + 0.04155505740717559 * zd65,
            0.05563007969699366 * xd65 - 0.20397695888897652 * yd65 + 1.0569715142428786 * zd65
        )
    }
}
