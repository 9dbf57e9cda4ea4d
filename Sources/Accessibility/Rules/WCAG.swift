/// The names and Understanding pages of the WCAG 2.2 success criteria Herald's rules serve.
public enum WCAG {
    public struct Criterion: Sendable, Hashable {
        public var number: String
        public var name: String
        public var level: String
        /// The slug of its "Understanding" page on w3.org.
        public var slug: String

        public var url: String { "https://www.w3.org/WAI/WCAG22/Understanding/\(slug).html" }
    }

    public static func criterion(_ number: String) -> Criterion? { table[number] }

    private static let table: [String: Criterion] = Dictionary(uniqueKeysWithValues: [
        Criterion(number: "1.1.1", name: "Non-text Content", level: "A", slug: "non-text-content"),
        Criterion(number: "1.2.1", name: "Audio-only and Video-only (Prerecorded)", level: "A", slug: "audio-only-and-video-only-prerecorded"),
        Criterion(number: "1.2.2", name: "Captions (Prerecorded)", level: "A", slug: "captions-prerecorded"),
        Criterion(number: "1.3.1", name: "Info and Relationships", level: "A", slug: "info-and-relationships"),
        Criterion(number: "1.4.1", name: "Use of Color", level: "A", slug: "use-of-color"),
        Criterion(number: "1.4.3", name: "Contrast (Minimum)", level: "AA", slug: "contrast-minimum"),
        Criterion(number: "1.4.4", name: "Resize Text", level: "AA", slug: "resize-text"),
        Criterion(number: "1.4.6", name: "Contrast (Enhanced)", level: "AAA", slug: "contrast-enhanced"),
        Criterion(number: "1.4.11", name: "Non-text Contrast", level: "AA", slug: "non-text-contrast"),
        Criterion(number: "2.4.1", name: "Bypass Blocks", level: "A", slug: "bypass-blocks"),
        Criterion(number: "2.4.2", name: "Page Titled", level: "A", slug: "page-titled"),
        Criterion(number: "2.4.4", name: "Link Purpose (In Context)", level: "A", slug: "link-purpose-in-context"),
        Criterion(number: "2.4.6", name: "Headings and Labels", level: "AA", slug: "headings-and-labels"),
        Criterion(number: "2.4.7", name: "Focus Visible", level: "AA", slug: "focus-visible"),
        Criterion(number: "2.4.11", name: "Focus Not Obscured (Minimum)", level: "AA", slug: "focus-not-obscured-minimum"),
        Criterion(number: "2.4.13", name: "Focus Appearance", level: "AAA", slug: "focus-appearance"),
        Criterion(number: "3.1.1", name: "Language of Page", level: "A", slug: "language-of-page"),
        Criterion(number: "3.1.2", name: "Language of Parts", level: "AA", slug: "language-of-parts"),
        Criterion(number: "3.1.5", name: "Reading Level", level: "AAA", slug: "reading-level"),
        Criterion(number: "3.2.5", name: "Change on Request", level: "AAA", slug: "change-on-request"),
        Criterion(number: "4.1.2", name: "Name, Role, Value", level: "A", slug: "name-role-value"),
    ].map { ($0.number, $0) })
}
