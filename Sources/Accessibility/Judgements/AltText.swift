import Foundation

/// What is wrong with a piece of alt text, judged on its words alone (shared by the Markdown
/// and the HTML image rules).
enum AltText {
    struct Problem: Equatable {
        var rule: Rule
        var message: String
    }

    static func problems(_ alt: String, maximumLength: Int) -> [Problem] {
        let trimmed = alt.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        var problems: [Problem] = []
        let words = TextNormaliser.words(trimmed)
        if isURL(trimmed) {
            problems.append(Problem(rule: .imageAltFileName, message: "Alt text \"\(trimmed)\" is a web address, not a description."))
        } else if isFileName(trimmed) {
            problems.append(Problem(rule: .imageAltFileName, message: "Alt text \"\(trimmed)\" is a file name, not a description."))
        } else if let first = TextNormaliser.withoutArticle(words).first, words.count <= 2, genericWords.contains(first),
                  TextNormaliser.withoutArticle(words).count == 1 {
            problems.append(Problem(rule: .imageAltGeneric, message: "Alt text \"\(trimmed)\" only says it is an image."))
        } else if let prefix = redundantPrefix(words) {
            problems.append(Problem(rule: .imageAltRedundantPrefix, message: "Alt text starts \"\(prefix)\": screen readers already announce an image."))
        }
        if trimmed.count > maximumLength {
            problems.append(Problem(
                rule: .imageAltLong,
                message: "Alt text is \(trimmed.count) characters long; keep it under about \(maximumLength)."))
        }
        return problems
    }

    /// True when `alt` says the same as `text` (ignoring case, punctuation and spacing).
    static func repeats(_ alt: String, _ text: String) -> Bool {
        let a = TextNormaliser.words(alt)
        return !a.isEmpty && a == TextNormaliser.words(text)
    }

    static let genericWords: Set<String> = [
        "image", "images", "photo", "photos", "photograph", "picture", "pictures", "graphic", "graphics", "img",
        "pic", "icon", "spacer", "blank", "placeholder", "illustration",
    ]

    private static let prefixes: [[String]] = [
        ["image", "of"], ["picture", "of"], ["photo", "of"], ["photograph", "of"], ["graphic", "of"],
        ["illustration", "of"], ["image", "showing"], ["picture", "showing"], ["photo", "showing"],
    ]

    private static func redundantPrefix(_ words: [String]) -> String? {
        let rest = TextNormaliser.withoutArticle(words)
        for prefix in prefixes where rest.count > prefix.count && Array(rest.prefix(prefix.count)) == prefix {
            return prefix.joined(separator: " ")
        }
        return nil
    }

    static func isURL(_ text: String) -> Bool {
        guard !text.hasByte(0x20) else { return false }
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
            || lower.hasPrefix("//") || lower.hasPrefix("data:")
    }

    private static let imageExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "tif", "tiff", "heic", "ico",
    ]

    static func isFileName(_ text: String) -> Bool {
        if hasImageExtension(text) { return true }
        // Camera names: IMG_1234, DSC01234, PXL_20230101…
        let upper = text.uppercased()
        for prefix in ["IMG", "DSC", "DSCN", "DCIM", "PXL", "SCREENSHOT", "SCREEN SHOT"] where upper.hasPrefix(prefix) {
            let rest = upper.dropFirst(prefix.count).drop { $0 == "_" || $0 == "-" || $0 == " " }
            if let first = rest.first, first.isNumber { return true }
        }
        return false
    }

    private static func hasImageExtension(_ text: String) -> Bool {
        guard let dot = text.lastIndex(of: ".") else { return false }
        let ext = text[text.index(after: dot)...].lowercased()
        return imageExtensions.contains(ext)
    }
}
