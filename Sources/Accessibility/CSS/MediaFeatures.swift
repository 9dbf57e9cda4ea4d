/// What each media feature is for a reader on a screen with default preferences.
enum MediaFeatures {
    static func evaluate(name: String, value: [CSSToken]?, scheme: ColourScheme) -> Tri {
        let keyword = value?.first.flatMap { $0.kind == .ident ? $0.lowercased : nil }
        let number = value?.first.flatMap { $0.kind == .number ? $0.number : nil }
        if name.hasPrefix("-webkit-") || name.hasPrefix("-moz-") || name.hasPrefix("-ms-") || name.hasPrefix("-o-") {
            return .maybe
        }
        var base = name
        if base.hasPrefix("min-") { base.removeFirst(4) } else if base.hasPrefix("max-") { base.removeFirst(4) }
        switch base {
        case "prefers-color-scheme":
            guard let keyword else { return value == nil ? .yes : .no }
            return Tri(keyword == scheme.rawValue)
        case "width", "height", "aspect-ratio", "device-width", "device-height", "device-aspect-ratio",
             "orientation", "resolution", "hover", "any-hover", "pointer", "any-pointer", "color-gamut",
             "overflow-block", "overflow-inline", "color-index", "video-dynamic-range", "horizontal-viewport-segments",
             "vertical-viewport-segments", "device-posture":
            return .maybe
        case "prefers-reduced-motion", "prefers-reduced-transparency", "prefers-reduced-data":
            return Tri(keyword == "no-preference")
        case "prefers-contrast":
            return Tri(keyword == "no-preference")
        case "forced-colors":
            return Tri(keyword == "none")
        case "inverted-colors":
            return Tri(keyword == "none")
        case "color":
            return value == nil ? .yes : .maybe
        case "monochrome":
            if value == nil { return .no }
            return number == 0 ? .yes : .maybe
        case "dynamic-range":
            return keyword == "standard" ? .yes : .maybe
        case "scripting":
            return Tri(keyword == "enabled" || value == nil)
        case "update":
            return Tri(keyword == "fast" || value == nil)
        case "display-mode":
            return keyword == "browser" ? .yes : .maybe
        case "grid":
            return Tri(number == 0)
        default:
            return .no
        }
    }
}
