/// The CSS system colours, as Chromium shows them in each colour scheme.
enum SystemColours {
    static func colour(_ name: String, scheme: ColourScheme) -> RGBA? {
        guard let pair = table[aliases[name] ?? name] else { return nil }
        return RGBA(hex: scheme == .light ? pair.0 : pair.1)
    }

    static func isSystemColour(_ name: String) -> Bool { table[aliases[name] ?? name] != nil }

    private static let table: [String: (String, String)] = [
        "canvas": ("#ffffff", "#121212"),
        "canvastext": ("#000000", "#ffffff"),
        "linktext": ("#0000ee", "#9e9eff"),
        "visitedtext": ("#551a8b", "#d0adf0"),
        "activetext": ("#ff0000", "#ff9e9e"),
        "buttonface": ("#efefef", "#6b6b6b"),
        "buttontext": ("#000000", "#ffffff"),
        "buttonborder": ("#767676", "#858585"),
        "field": ("#ffffff", "#3b3b3b"),
        "fieldtext": ("#000000", "#ffffff"),
        "graytext": ("#808080", "#808080"),
        "highlight": ("#b5d5ff", "#3390ff"),
        "highlighttext": ("#000000", "#ffffff"),
        "selecteditem": ("#0075ff", "#99c8ff"),
        "selecteditemtext": ("#ffffff", "#000000"),
        "mark": ("#ffff00", "#ffff00"),
        "marktext": ("#000000", "#000000"),
        "accentcolor": ("#0075ff", "#99c8ff"),
        "accentcolortext": ("#ffffff", "#000000"),
    ]

    /// Deprecated CSS2 system colours, mapped as CSS Color 4 §6.3 says.
    private static let aliases: [String: String] = [
        "activeborder": "buttonborder", "activecaption": "canvas", "appworkspace": "canvas",
        "background": "canvas", "buttonhighlight": "buttonface", "buttonshadow": "buttonface",
        "captiontext": "canvastext", "inactiveborder": "buttonborder", "inactivecaption": "canvas",
        "inactivecaptiontext": "graytext", "infobackground": "canvas", "infotext": "canvastext",
        "menu": "canvas", "menutext": "canvastext", "scrollbar": "canvas", "threeddarkshadow": "buttonborder",
        "threedface": "buttonface", "threedhighlight": "buttonborder", "threedlightshadow": "buttonborder",
        "threedshadow": "buttonborder", "window": "canvas", "windowframe": "buttonborder", "windowtext": "canvastext",
        "-webkit-link": "linktext", "-webkit-focus-ring-color": "accentcolor",
    ]
}
