/// WCAG 1.4.11 for focus indicators: what appears on focus must contrast 3:1 with what is around it.
enum FocusCheck {
    /// The focus indicator of the last element of `focused`, compared with how it looks unfocused.
    static func evaluate(focused: Surface, normal: ComputedStyle) -> NonTextVerdict {
        let index = focused.styles.count - 1
        let style = focused.styles[index]
        if focused.styles.contains(where: { $0.displayNone || $0.visuallyHidden || $0.opacity <= 0 }) || style.visibilityHidden {
            return .notApplicable
        }
        let around = focused.composite(top: nil, at: index, includeOwnBackground: false)
        let own = focused.composite(top: nil, at: index)
        struct Candidate { var part: String; var colour: RGBA; var against: RGBA; var source: SourceReference? }
        var candidates: [Candidate] = []
        var unknown: Undecidable?
        func consider(_ part: String, _ paint: Paint, on backdrop: Surface.Result) {
            if let problem = backdrop.problem { unknown = unknown ?? problem; return }
            guard let colour = paint.colour, let base = backdrop.background else {
                unknown = unknown ?? Undecidable(reason: paint.problem ?? "the \(part) colour is not known", source: paint.source)
                return
            }
            candidates.append(Candidate(part: part, colour: colour.over(base), against: base, source: paint.source))
        }
        if style.outline.isVisible {
            if style.outline.style == "auto" { return NonTextVerdict(kind: .pass, part: "the browser's focus ring") }
            consider("focus outline", style.outline.colour, on: style.outlineOffset < 0 ? own : around)
        }
        for shadow in style.shadows {
            consider("focus shadow", shadow.colour, on: shadow.inset ? own : around)
        }
        // Compare what is painted, not which rule painted it.
        if style.background.colour != normal.background.colour || style.background.problem != normal.background.problem {
            consider("focus background", style.background, on: around)
        }
        for side in 0..<4 where style.borders[side].isVisible && (style.borders[side].colour.colour != normal.borders[side].colour.colour
            || style.borders[side].width != normal.borders[side].width || style.borders[side].style != normal.borders[side].style) {
            consider("focus border", style.borders[side].colour, on: around)
        }
        if style.underline != normal.underline {
            return NonTextVerdict(kind: .pass, part: "underline change")
        }
        guard let best = candidates.max(by: { WCAGContrast.ratio($0.colour, $0.against) < WCAGContrast.ratio($1.colour, $1.against) }) else {
            if let unknown { return NonTextVerdict(kind: .review, part: "focus indicator", problem: unknown) }
            // Nothing changes on focus and the outline is gone.
            return NonTextVerdict(kind: .review, part: "focus indicator", problem: Undecidable(
                reason: "nothing visible changes when it has keyboard focus (the outline is removed and no other style replaces it)",
                source: style.outline.colour.source))
        }
        let ratio = WCAGContrast.ratio(best.colour, best.against)
        if ratio >= WCAGContrast.nonText {
            return NonTextVerdict(kind: .pass, part: best.part, colour: best.colour, against: best.against, ratio: ratio)
        }
        if let unknown { return NonTextVerdict(kind: .review, part: "focus indicator", problem: unknown) }
        return NonTextVerdict(kind: .fail, part: best.part, colour: best.colour, against: best.against, ratio: ratio, source: best.source)
    }
}
