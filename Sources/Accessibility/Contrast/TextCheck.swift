/// WCAG 1.4.3 for one element's text: the colours that reach the screen and the threshold its size asks for.
enum TextCheck {
    /// Checks the text of the last element of `surface`.
    static func evaluate(_ surface: Surface) -> TextVerdict {
        let index = surface.styles.count - 1
        let style = surface.styles[index]
        if surface.styles.contains(where: { $0.displayNone || $0.visuallyHidden || $0.opacity <= 0 }) || style.visibilityHidden {
            return .hidden
        }
        let paint = style.textPaint
        if let colour = paint.colour, colour.isTransparent {
            // Transparent text shows only what is clipped to it (background-clip: text), which may be
            // the background of an ancestor.
            if let painter = surface.styles.last(where: { $0.backgroundClipsToText }) {
                let what = painter.backgroundImage ?? painter.background.colour.map { "the colour \($0.hex)" } ?? "its background"
                return TextVerdict(kind: .review, problem: Undecidable(
                    reason: "the text is filled with \(what) (background-clip: text)", source: painter.backgroundImageSource))
            }
            return .hidden
        }
        var verdict = TextVerdict(kind: .pass, fontSize: style.fontSize, fontWeight: style.fontWeight)
        verdict.foregroundSource = paint.source
        let surfaceResult = surface.composite(top: paint, at: index)
        verdict.backgroundSource = surfaceResult.backgroundSource
        verdict.backgroundOwner = surfaceResult.backgroundOwner
        if let problem = surfaceResult.problem {
            verdict.kind = .review
            verdict.problem = problem
            return verdict
        }
        guard let foreground = surfaceResult.foreground, let background = surfaceResult.background else {
            verdict.kind = .review
            verdict.problem = Undecidable(reason: "the colours could not be worked out")
            return verdict
        }
        let ratio = WCAGContrast.ratio(foreground, background)
        verdict.foreground = foreground
        verdict.background = background
        verdict.ratio = ratio
        verdict.apca = APCA.lightnessContrast(text: foreground, background: background)
        verdict.large = WCAGContrast.isLarge(size: style.fontSize, weight: style.fontWeight)
        switch verdict.large {
        case .yes:
            verdict.required = WCAGContrast.largeText
            verdict.kind = ratio >= WCAGContrast.largeText ? .pass : .fail
        case .no:
            verdict.required = WCAGContrast.normalText
            verdict.kind = ratio >= WCAGContrast.normalText ? .pass : .fail
        case .maybe:
            if ratio >= WCAGContrast.normalText {
                verdict.kind = .pass
            } else if ratio < WCAGContrast.largeText {
                verdict.required = WCAGContrast.largeText
                verdict.kind = .fail
            } else {
                verdict.required = WCAGContrast.normalText
                verdict.kind = .review
                verdict.note = "it passes as large text (3:1) but not as normal text (4.5:1), and its size (\(style.fontSize)) cannot be settled here"
            }
        }
        if verdict.kind == .fail, style.hasTextShadow {
            verdict.kind = .review
            verdict.note = "it has a text shadow, which may or may not make it readable"
        }
        return verdict
    }
}
