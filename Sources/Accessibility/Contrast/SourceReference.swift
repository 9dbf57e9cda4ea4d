/// Where a winning declaration came from, for messages that say what to change.
struct SourceReference: Hashable, Sendable {
    var selector: String
    var file: String
    var line: Int
    /// Set when the rule only "may apply": the media query or selector that makes it so.
    var condition: String?
    var isUserAgent: Bool
    /// The custom properties the value went through (`--muted`), so a message can name them.
    var variables: [String] = []

    /// "`.footer a` (site.css:12) via var(--muted)", or "the browser's default style".
    var description: String {
        if isUserAgent { return "the browser's default style" }
        let through = variables.isEmpty ? "" : " via " + variables.map { "var(\($0))" }.joined(separator: ", ")
        if selector.isEmpty { return "a style attribute" + through }
        let place = file.isEmpty ? "line \(line)" : "\(file):\(line)"
        return "`\(selector)` (\(place))" + through
    }
}
