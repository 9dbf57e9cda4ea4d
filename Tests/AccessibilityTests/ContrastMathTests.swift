import Testing
@testable import Accessibility

@Suite struct ContrastMathTests {
    private func hex(_ text: String) -> RGBA { RGBA(hex: text)! }

    @Test func knownWCAGRatios() {
        #expect(abs(WCAGContrast.ratio(hex("#767676"), .white) - 4.54) < 0.005)
        #expect(WCAGContrast.ratio(.black, .white) == 21)
        #expect(WCAGContrast.ratio(.white, .white) == 1)
        #expect(abs(WCAGContrast.ratio(hex("#777777"), .white) - 4.478) < 0.001)
        #expect(abs(WCAGContrast.ratio(hex("#595959"), .white) - 7.00) < 0.01)
        #expect(abs(WCAGContrast.ratio(hex("#0000ee"), .white) - 9.40) < 0.005)
        // Order does not matter.
        #expect(WCAGContrast.ratio(.white, hex("#767676")) == WCAGContrast.ratio(hex("#767676"), .white))
    }

    @Test func luminanceUsesTheWCAGCurve() {
        #expect(WCAGContrast.luminance(.white) == 1)
        #expect(WCAGContrast.luminance(.black) == 0)
        // 10/255 is on the linear toe: c / 12.92.
        #expect(abs(WCAGContrast.luminance(RGBA(10, 10, 10)) - (10.0 / 255 / 12.92)) < 1e-12)
        #expect(abs(WCAGContrast.luminance(hex("#ff0000")) - 0.2126) < 1e-12)
    }

    @Test func ratiosAreNotRounded() {
        // #777 on white is 4.478…: it fails 4.5 even though it rounds to 4.5 at one decimal.
        let ratio = WCAGContrast.ratio(hex("#777777"), .white)
        #expect(ratio < WCAGContrast.normalText)
        #expect(WCAGContrast.format(ratio) == "4.47:1")
        #expect(WCAGContrast.format(21) == "21.00:1")
    }

    /// The test values published with apca-w3 (0.0.98G-4g).
    @Test(arguments: [
        ("#888888", "#ffffff", 63.056469930209424),
        ("#ffffff", "#888888", -68.54146436644962),
        ("#000000", "#aaaaaa", 58.146262578561334),
        ("#aaaaaa", "#000000", -56.24113336839742),
        ("#112233", "#ddeeff", 91.66830811481631),
        ("#ddeeff", "#112233", -93.06770049484275),
        ("#112233", "#444444", 8.32326136957393),
        ("#444444", "#112233", -7.526878460278154),
    ])
    func apcaReferenceValues(text: String, background: String, expected: Double) {
        let lc = APCA.lightnessContrast(text: hex(text), background: hex(background))
        #expect(abs(lc - expected) < 1e-9, "\(text) on \(background): \(lc)")
    }

    @Test func apcaIsZeroForEqualColours() {
        #expect(APCA.lightnessContrast(text: hex("#777777"), background: hex("#777777")) == 0)
        #expect(APCA.format(63.056) == "Lc 63.1")
    }

    @Test func largeTextThresholds() {
        #expect(WCAGContrast.isLarge(size: PixelRange(exactly: 24), weight: 400) == .yes)
        #expect(WCAGContrast.isLarge(size: PixelRange(exactly: 23.9), weight: 400) == .no)
        #expect(WCAGContrast.isLarge(size: PixelRange(exactly: 18.66), weight: 700) == .yes)
        #expect(WCAGContrast.isLarge(size: PixelRange(exactly: 18.66), weight: 600) == .no)
        #expect(WCAGContrast.isLarge(size: PixelRange(exactly: 18.6), weight: 700) == .no)
        #expect(WCAGContrast.isLarge(size: PixelRange(16, 32), weight: 400) == .maybe)
        #expect(WCAGContrast.isLarge(size: PixelRange(exactly: 20), weight: nil) == .maybe)
        #expect(WCAGContrast.isLarge(size: PixelRange(exactly: 30), weight: nil) == .yes)
    }

    @Test func suggestedColourIsTheNearestThatPasses() {
        let (suggested, darker) = ContrastMessages.suggestion(foreground: hex("#999999"), background: .white, required: 4.5)!
        #expect(darker)
        #expect(suggested.hex == "#767676")
        #expect(WCAGContrast.ratio(suggested, .white) >= 4.5)
        // One step lighter would fail: the suggestion is the nearest.
        #expect(WCAGContrast.ratio(hex("#777777"), .white) < 4.5)
        let (light, isDarker) = ContrastMessages.suggestion(foreground: hex("#555555"), background: .black, required: 4.5)!
        #expect(!isDarker)
        #expect(WCAGContrast.ratio(light, .black) >= 4.5)
        // Mid-grey backgrounds may need the other direction.
        let (other, _) = ContrastMessages.suggestion(foreground: hex("#777777"), background: hex("#767676"), required: 4.5)!
        #expect(WCAGContrast.ratio(other, hex("#767676")) >= 4.5)
    }

    @Test func compositingFollowsSourceOver() {
        let half = RGBA(0, 0, 0, alpha: 0.5)
        #expect(half.over(.white).hex == "#808080")
        #expect(RGBA.transparent.over(hex("#123456")).hex == "#123456")
        #expect(hex("#123456").over(.white).hex == "#123456")
        // Two half-transparent layers over white: 75% black.
        #expect(half.over(half).over(.white).hex == "#404040")
        #expect(hex("#ff0000").fading(0.5).over(.white).hex == "#ff8080")
    }
}
