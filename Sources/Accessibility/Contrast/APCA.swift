import Foundation

/// The APCA lightness contrast (Lc) of APCA-W3 0.0.98G-4g: advice only, no part of WCAG 2.2.
/// Positive for dark text on a light background, negative for light text on dark.
public enum APCA {
    private static let mainTRC = 2.4
    private static let sRco = 0.2126729, sGco = 0.7151522, sBco = 0.0721750
    private static let normBG = 0.56, normTXT = 0.57, revTXT = 0.62, revBG = 0.65
    private static let blkThrs = 0.022, blkClmp = 1.414
    private static let scaleBoW = 1.14, scaleWoB = 1.14
    private static let loBoWoffset = 0.027, loWoBoffset = 0.027
    private static let deltaYmin = 0.0005, loClip = 0.1

    /// APCA's screen luminance Y: a simple 2.4 power curve, no linear toe.
    public static func luminance(_ colour: RGBA) -> Double {
        // APCA works on 8-bit values, as browsers deliver them.
        let c = colour.rounded
        return sRco * pow(c.red, mainTRC) + sGco * pow(c.green, mainTRC) + sBco * pow(c.blue, mainTRC)
    }

    /// Lc of `text` on `background`, both opaque, in the range about −108…106.
    public static func lightnessContrast(text: RGBA, background: RGBA) -> Double {
        var textY = luminance(text)
        var backgroundY = luminance(background)
        if textY < blkThrs { textY += pow(blkThrs - textY, blkClmp) }
        if backgroundY < blkThrs { backgroundY += pow(blkThrs - backgroundY, blkClmp) }
        guard abs(backgroundY - textY) >= deltaYmin else { return 0 }
        let output: Double
        if backgroundY > textY {
            let sapc = (pow(backgroundY, normBG) - pow(textY, normTXT)) * scaleBoW
            output = sapc < loClip ? 0 : sapc - loBoWoffset
        } else {
            let sapc = (pow(backgroundY, revBG) - pow(textY, revTXT)) * scaleWoB
            output = sapc > -loClip ? 0 : sapc + loWoBoffset
        }
        return output * 100
    }

    /// "Lc 63.1" / "Lc -68.5".
    public static func format(_ lc: Double) -> String { "Lc " + FixedPoint.format(lc, decimals: 1, roundingDown: false) }
}
