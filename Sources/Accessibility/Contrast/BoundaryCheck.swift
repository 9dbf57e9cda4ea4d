/// WCAG 1.4.11 for form controls: a field must be told apart from its surroundings by its border or background.
enum BoundaryCheck {
    /// Whether a form control's boundary (its border, or its background) stands out 3:1.
    static func evaluate(_ surface: Surface, isButton: Bool) -> NonTextVerdict {
        let index = surface.styles.count - 1
        let style = surface.styles[index]
        if surface.styles.contains(where: { $0.displayNone || $0.visuallyHidden || $0.opacity <= 0 }) || style.visibilityHidden {
            return .notApplicable
        }
        let around = surface.composite(top: nil, at: index, includeOwnBackground: false)
        let own = surface.composite(top: nil, at: index)
        if let problem = around.problem ?? own.problem { return NonTextVerdict(kind: .review, part: "boundary", problem: problem) }
        guard let outside = around.background, let inside = own.background else { return .notApplicable }
        let backgroundRatio = WCAGContrast.ratio(inside, outside)
        if backgroundRatio >= WCAGContrast.nonText { return NonTextVerdict(kind: .pass, part: "background") }
        var best: (colour: RGBA, ratio: Double, source: SourceReference?)?
        for side in style.borders where side.isVisible {
            guard let colour = side.colour.colour else {
                return NonTextVerdict(kind: .review, part: "border",
                                      problem: Undecidable(reason: side.colour.problem ?? "the border colour is not known", source: side.colour.source))
            }
            let shown = colour.over(outside)
            let ratio = WCAGContrast.ratio(shown, outside)
            if best == nil || ratio > best!.ratio { best = (shown, ratio, side.colour.source) }
        }
        guard let best else {
            if isButton { return NonTextVerdict(kind: .pass, part: "label") }
            return NonTextVerdict(kind: .review, part: "boundary", against: outside, problem: Undecidable(
                reason: "it has no visible border and its background (\(inside.hex)) barely differs from what is around it (\(outside.hex))"))
        }
        if best.ratio >= WCAGContrast.nonText { return NonTextVerdict(kind: .pass, part: "border") }
        // A button's text identifies it; only a field depends on its boundary (Understanding 1.4.11).
        return NonTextVerdict(kind: isButton ? .review : .fail, part: "border", colour: best.colour, against: outside,
                              ratio: best.ratio, source: best.source,
                              detail: "its background \(inside.hex) does not stand out either (\(WCAGContrast.format(backgroundRatio)))")
    }
}
