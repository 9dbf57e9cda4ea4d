import Foundation

/// Lends a page's link reference definitions to the callout bodies parsed apart from it, so
/// that `[report online][online]` inside a callout finds `[online]: https://…` written in the
/// page, as it would outside the callout. (A body's own definitions come first and win.)
///
/// cmark keeps its definitions to itself, so they are found by asking it, once per page:
/// every label the bodies use is parsed as a one-link paragraph in front of the page's text,
/// and the links that resolve are written out as definitions to parse after each body.
struct ReferenceDefinitions {
    /// Label → its definition line, for the labels the page defines.
    private var lines: [String: String] = [:]

    static let none = ReferenceDefinitions()

    private init() {}

    init(page: String, bodies: [String], parser: MarkdownParser) {
        guard page.containsBytes("]:") else { return }
        var labels: [String] = []
        var seen: Set<String> = []
        for body in bodies {
            for label in Self.labels(in: body) where seen.insert(label).inserted { labels.append(label) }
        }
        guard !labels.isEmpty else { return }
        var probe = ""
        for label in labels { probe += "&#32; [" + label + "]\n\n" }
        var unlimited = parser
        unlimited.maximumInputBytes = .max
        let (document, _) = unlimited.parse(MarkdownSource(probe), appending: page, depthUsed: 0)
        for (label, paragraph) in zip(labels, document.children.prefix(labels.count)) {
            guard let link = paragraph.children.first(where: { if case .link = $0.kind { true } else { false } }),
                  case .link(let destination, let title) = link.kind else { continue }
            var line = "[" + label + "]: <" + Self.escaped(destination) + ">"
            if !title.isEmpty { line += " \"" + Self.escaped(title) + "\"" }
            lines[label] = line + "\n"
        }
    }

    /// Definition lines for the labels `body` uses; "" when none.
    func borrowed(by body: String) -> String {
        guard !lines.isEmpty else { return "" }
        return Self.labels(in: body).compactMap { lines[$0] }.joined()
    }

    /// The distinct texts between `[` and `]` that may be reference labels: no bracket inside,
    /// at most 999 characters, and not the text of an inline link (followed by `(`).
    static func labels(in text: String) -> [String] {
        guard text.containsBytes("]") else { return [] }
        var labels: [String] = []
        var seen: Set<String> = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var open: Int?
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                index += 2
                continue
            }
            if scalar == "[" {
                open = index
            } else if scalar == "]", let start = open {
                open = nil
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                let length = index - start - 1
                if next != "(", length > 0, length <= 999 {
                    let label = String(String.UnicodeScalarView(scalars[(start + 1)..<index]))
                    if label.contains(where: { !$0.isWhitespace }), seen.insert(label).inserted {
                        labels.append(label)
                    }
                }
            }
            index += 1
        }
        return labels
    }

    /// Backslash before every ASCII punctuation character: exact in destinations and titles.
    private static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.value > 0x20, scalar.value < 0x7F, !scalar.properties.isAlphabetic,
               !("0"..."9").contains(scalar) {
                result += "\\"
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}

extension String {
    /// Whether the UTF-8 bytes of `needle` occur in the string: a byte search, where Foundation's
    /// `contains` would compare UTF-16 with a locale.
    func containsBytes(_ needle: StaticString) -> Bool {
        var haystack = self
        return haystack.withUTF8 { bytes in
            needle.withUTF8Buffer { pattern in
                guard let base = bytes.baseAddress, pattern.count > 0, bytes.count >= pattern.count else { return false }
                let first = Int32(pattern[0])
                var offset = 0
                let last = bytes.count - pattern.count
                while offset <= last, let found = memchr(base + offset, first, last - offset + 1) {
                    let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                    if UnsafeBufferPointer(rebasing: bytes[index..<(index + pattern.count)]).elementsEqual(pattern) { return true }
                    offset = index + 1
                }
                return false
            }
        }
    }
}
