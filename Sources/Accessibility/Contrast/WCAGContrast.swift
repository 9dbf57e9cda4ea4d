import Foundation

/// WCAG 2.2 relative luminance and contrast ratio, and the thresholds of 1.4.3 and 1.4.11.
public enum WCAGContrast {
    /// Relative luminance of an opaque sRGB colour (WCAG 2.2 definition, 0.04045 threshold).
    public static func luminance(_ colour: RGBA) -> Double {
        func linear(_ channel: Double) -> Double {
            channel <= 0.04045 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(colour.red) + 0.7152 * linear(colour.green) + 0.0722 * linear(colour.blue)
    }

    /// (L_lighter + 0.05) / (L_darker + 0.05), not rounded: 4.499 fails 4.5.
    public static func ratio(_ a: RGBA, _ b: RGBA) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// 1.4.3: body text.
    public static let normalText = 4.5
    /// 1.4.3: large text (at least 24px, or at least 18.66px and bold).
    public static let largeText = 3.0
    /// 1.4.11: focus indicators, control boundaries, and (G183) links against the text around them.
    public static let nonText = 3.0

    public static let largeSize = 24.0
    public static let largeBoldSize = 18.66
    public static let boldWeight = 700

    /// Whether text of this size and weight is "large": `.maybe` when the size or weight is a range
    /// that straddles the line.
    public static func isLarge(size: PixelRange, weight: Int?) -> Tri {
        func large(_ px: Double, bold: Bool) -> Bool { px >= largeSize || (bold && px >= largeBoldSize) }
        guard let weight else {
            if large(size.low, bold: false) { return .yes }
            if !large(size.high, bold: true) { return .no }
            return .maybe
        }
        let bold = weight >= boldWeight
        if large(size.low, bold: bold) { return .yes }
        if !large(size.high, bold: bold) { return .no }
        return .maybe
    }

    /// A ratio as people read it: two decimals, rounded down so a failure never reads as a pass.
    public static func format(_ ratio: Double) -> String {
        FixedPoint.format(ratio, decimals: 2, roundingDown: true) + ":1"
    }

    /// A required ratio: "4.5:1", "3:1".
    public static func formatRequirement(_ ratio: Double) -> String {
        ratio == ratio.rounded() ? "\(Int(ratio)):1" : "\(ratio):1"
    }
}

/// Fixed-point formatting without Foundation's `String(format:)`, which is slow in a hot loop.
enum FixedPoint {
    static func format(_ value: Double, decimals: Int, roundingDown: Bool) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : "-∞" }
        let scale = decimals == 1 ? 10.0 : 100.0
        let scaled = roundingDown ? (value * scale).rounded(.down) : (value * scale).rounded()
        let negative = scaled < 0
        let magnitude = Int(abs(scaled))
        let whole = magnitude / Int(scale)
        let fraction = magnitude % Int(scale)
        let fractionText = decimals == 2 && fraction < 10 ? "0\(fraction)" : "\(fraction)"
        return (negative ? "-" : "") + "\(whole).\(fractionText)"
    }
}
