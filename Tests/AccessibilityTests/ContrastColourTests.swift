import Testing
@testable import Accessibility

@Suite struct ContrastColourTests {
    private func colour(_ css: String) -> CSSColour? { CSSColour.parse(CSSTokenizer.tokenize(css)) }

    private func rgba(_ css: String) -> RGBA? {
        if case .rgba(let value)? = colour(css) { return value }
        return nil
    }

    private func close(_ a: RGBA?, _ b: RGBA, tolerance: Double = 1.5 / 255) -> Bool {
        guard let a else { return false }
        return abs(a.red - b.red) <= tolerance && abs(a.green - b.green) <= tolerance && abs(a.blue - b.blue) <= tolerance
            && abs(a.alpha - b.alpha) <= 0.01
    }

    @Test func hexInEveryLength() {
        #expect(rgba("#abc") == RGBA(0xAA, 0xBB, 0xCC))
        #expect(rgba("#abcd") == RGBA(0xAA, 0xBB, 0xCC, alpha: Double(0xDD) / 255))
        #expect(rgba("#A1B2C3") == RGBA(0xA1, 0xB2, 0xC3))
        #expect(rgba("#a1b2c380") == RGBA(0xA1, 0xB2, 0xC3, alpha: 128.0 / 255))
        #expect(colour("#ab") == nil)
        #expect(colour("#abcde") == nil)
        #expect(colour("#ggg") == nil)
    }

    @Test func rgbFunctions() {
        #expect(rgba("rgb(255, 0, 0)") == RGBA(255, 0, 0))
        #expect(rgba("rgba(0,0,0,.5)") == RGBA(0, 0, 0, alpha: 0.5))
        #expect(rgba("rgb(255 0 0 / 50%)") == RGBA(255, 0, 0, alpha: 0.5))
        #expect(rgba("rgb(100%, 0%, 50%)") == RGBA(red: 1, green: 0, blue: 0.5))
        #expect(rgba("rgb(none 0 0)") == RGBA(0, 0, 0))
        #expect(rgba("rgb(300, -5, 0)") == RGBA(255, 0, 0))
        #expect(rgba("RGB(1 2 3)") == RGBA(1, 2, 3))
        #expect(colour("rgb(255, 0 0)") == nil)
        #expect(colour("rgb(1 2)") == nil)
    }

    @Test func hslAndHwb() {
        #expect(close(rgba("hsl(120, 100%, 25%)"), RGBA(0, 128, 0)))
        #expect(close(rgba("hsl(0 100% 50%)"), RGBA(255, 0, 0)))
        #expect(close(rgba("hsla(240, 100%, 50%, 0.5)"), RGBA(0, 0, 255, alpha: 0.5)))
        #expect(close(rgba("hsl(0.5turn 100% 50%)"), RGBA(0, 255, 255)))
        #expect(close(rgba("hsl(-120deg 100% 50%)"), RGBA(0, 0, 255)))
        #expect(close(rgba("hwb(0 0% 0%)"), RGBA(255, 0, 0)))
        #expect(close(rgba("hwb(0 100% 0%)"), .white))
        #expect(close(rgba("hwb(0 50% 50%)"), RGBA(128, 128, 128)))
    }

    @Test func labAndOklab() {
        #expect(close(rgba("oklab(1 0 0)"), .white))
        #expect(close(rgba("oklch(0% 0 0)"), .black))
        #expect(close(rgba("oklch(62.8% 0.2577 29.23)"), RGBA(255, 0, 0), tolerance: 2 / 255))
        #expect(close(rgba("lab(100 0 0)"), .white, tolerance: 2 / 255))
        #expect(close(rgba("lab(54.29 80.82 69.88)"), RGBA(255, 0, 0), tolerance: 2 / 255))
        #expect(close(rgba("lch(54.29% 106.84 40.85)"), RGBA(255, 0, 0), tolerance: 2 / 255))
        #expect(close(rgba("color(srgb 1 0 0 / 0.5)"), RGBA(255, 0, 0, alpha: 0.5)))
    }

    @Test func namedSystemAndSpecialColours() {
        #expect(NamedColours.count == 148)
        #expect(rgba("rebeccapurple") == RGBA(0x66, 0x33, 0x99))
        #expect(rgba("Navy") == RGBA(0, 0, 0x80))
        #expect(rgba("grey") == rgba("gray"))
        #expect(rgba("transparent")?.alpha == 0)
        #expect(colour("currentColor") == .currentColor)
        #expect(colour("Canvas") == .system("canvas"))
        #expect(colour("notacolour") == nil)
        #expect(colour("light-dark(#000, #fff)") == .lightDark(.rgba(.black), .rgba(.white)))
    }

    @Test func coloursThisCheckWillNotCompute() {
        guard case .undecidable? = colour("color-mix(in srgb, red 50%, blue)") else {
            Issue.record("color-mix should be undecidable")
            return
        }
        guard case .undecidable? = colour("rgb(from var(--x) r g b / 50%)") else {
            Issue.record("relative colours should be undecidable")
            return
        }
        #expect(colour("linear-gradient(red, blue)") == nil)
        #expect(colour("url(x.png)") == nil)
    }

    @Test func systemColoursFollowTheScheme() {
        #expect(SystemColours.colour("canvas", scheme: .light) == .white)
        #expect(SystemColours.colour("canvastext", scheme: .dark) == .white)
        #expect(SystemColours.colour("linktext", scheme: .light)?.hex == "#0000ee")
        #expect(SystemColours.colour("windowtext", scheme: .light) == .black)
    }
}
