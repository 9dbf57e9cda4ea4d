/// WCAG 1.4.1 for links in running text (technique G183): colour alone must differ 3:1, or something else must.
enum LinkDistinctionCheck {
    /// Whether a link in running text is told apart from the text around it by more than colour.
    static func evaluate(link: Surface, parentIndex: Int) -> NonTextVerdict {
        let index = link.styles.count - 1
        let style = link.styles[index]
        let parent = link.styles[parentIndex]
        if link.styles.contains(where: { $0.displayNone || $0.visuallyHidden || $0.opacity <= 0 }) || style.visibilityHidden {
            return .notApplicable
        }
        if style.underline { return NonTextVerdict(kind: .pass, part: "underline") }
        if style.borders[2].isVisible { return NonTextVerdict(kind: .pass, part: "bottom border") }
        if !style.shadows.isEmpty { return NonTextVerdict(kind: .pass, part: "box shadow") }
        if let linkWeight = style.fontWeight, let textWeight = parent.fontWeight,
           (linkWeight >= 600) != (textWeight >= 600) || abs(linkWeight - textWeight) >= 300 {
            return NonTextVerdict(kind: .pass, part: "font weight")
        }
        let linkColours = link.composite(top: style.textPaint, at: index)
        let textColours = Surface(styles: Array(link.styles[...parentIndex]), names: Array(link.names[...parentIndex]),
                                  tags: Array(link.tags[...parentIndex])).composite(top: parent.textPaint, at: parentIndex)
        guard linkColours.problem == nil, textColours.problem == nil, let linkColour = linkColours.foreground,
              let textColour = textColours.foreground, let linkBackground = linkColours.background,
              let textBackground = textColours.background else { return .notApplicable }
        if linkBackground != textBackground, WCAGContrast.ratio(linkBackground, textBackground) >= WCAGContrast.nonText {
            return NonTextVerdict(kind: .pass, part: "background")
        }
        let ratio = WCAGContrast.ratio(linkColour, textColour)
        if ratio >= WCAGContrast.nonText { return NonTextVerdict(kind: .pass, part: "link colour") }
        return NonTextVerdict(kind: .fail, part: "link colour", colour: linkColour, against: textColour, ratio: ratio, source: style.textPaint.source)
    }
}
