/// Judgements on a link's words.
enum LinkText {
    /// Why the link text does not describe its destination, or nil when it is fine.
    static func vagueness(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace
        if AltText.isURL(trimmed) || looksLikeBareURL(trimmed) {
            return "Link text \"\(trimmed)\" is a bare web address; say where it goes in words."
        }
        // Vague phrases are short: longer text is not compared word by word.
        guard trimmed.utf8.count <= 40 else { return nil }
        let phrase = TextNormaliser.phrase(trimmed)
        if vaguePhrases.contains(phrase) || phrase.hasPrefix("click here") {
            return "Link text \"\(trimmed)\" does not say where the link goes."
        }
        return nil
    }

    /// The text links are compared by: words only, lower-cased.
    static func key(_ text: String) -> String { TextNormaliser.phrase(text) }

    /// A destination without the differences that do not matter (a trailing slash, `index.html`).
    static func destinationKey(_ destination: String) -> String {
        var result = destination.trimmingWhitespace
        if result.hasSuffix("/index.html") { result.removeLast("index.html".count) }
        while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
        return result
    }

    /// True when the words warn that the link opens a new window or tab.
    static func announcesNewWindow(_ text: String) -> Bool {
        let phrase = TextNormaliser.phrase(text)
        return ["new window", "new tab", "external site", "opens in a new", "new browser"].contains { phrase.contains($0) }
    }

    private static func looksLikeBareURL(_ text: String) -> Bool {
        guard !text.hasByte(0x20), !text.hasByte(0x40), text.hasByte(0x2E) else { return false }
        let lower = text.lowercased()
        return [".gov.uk", ".co.uk", ".com", ".org", ".uk/", ".org.uk", ".police.uk", ".net"].contains { lower.contains($0) }

    }

    static let vaguePhrases: Set<String> = [
        "click here", "click", "here", "click this", "read more", "more", "more info", "more information", "link",
        "this link", "this page", "learn more", "find out more", "see more", "continue", "continue reading",
        "go", "this", "details", "view", "download", "website", "page",
    ]
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace || first == "\u{00A0}" { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace || last == "\u{00A0}" { scalars.removeLast() }
        return String(scalars)
    }
}
