/// Decides whether a piece of raw HTML written in Markdown may appear on the page. Raw HTML is
/// off unless the site lists elements (`raw_html` in herald.yml); even then every tag in the
/// piece must be listed, and no listing lets through event handlers, `style`, refused URLs, or
/// the elements that load or run code.
public struct RawHTMLPolicy: Sendable, Hashable {
    /// Element names, lower case.
    public var allowedElements: Set<String>

    /// Never allowed, listed or not: they run code, restyle the page, or change where it loads from.
    // SVG animation elements are here because they write another element's attribute from
    // their own `to`/`values`/`from`/`by`: `<set attributeName="href" to="javascript:…">` would
    // slip a script link past the check of URL attributes by name.
    public static let neverAllowed: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link",
        "form", "template", "noscript",
        "set", "animate", "animatemotion", "animatetransform", "animatecolor",
    ]

    /// Attributes whose value is a URL, checked for refused schemes.
    static let urlAttributes: Set<String> = [
        "href", "src", "srcset", "action", "formaction", "cite", "poster", "background", "data", "xlink:href",
        "ping", "longdesc", "codebase", "manifest", "lowsrc", "dynsrc",
    ]

    public enum Verdict: Sendable, Hashable {
        case allowed
        /// Only comments: left out without a word, as authors use them for notes.
        case comment
        /// Left out; the reason names what was not allowed.
        case omitted(String)
        /// Left out, and an error: it would run script.
        case unsafe(String)
    }

    public init(allowedElements: Set<String> = []) {
        self.allowedElements = Set(allowedElements.map { $0.lowercased() }).subtracting(Self.neverAllowed)
    }

    public func judge(_ html: String) -> Verdict {
        let bytes = Array(html.utf8)
        var index = 0
        var sawTag = false
        var firstProblem: Verdict?
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") && bytes[index...].starts(with: Array("<!--".utf8)) {
                index = Self.find(Array("-->".utf8), in: bytes, from: index + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                sawTag = true
                firstProblem = firstProblem ?? .omitted("a declaration or processing instruction")
                index += 2
                continue
            }
            let closing = next == UInt8(ascii: "/")
            var cursor = index + (closing ? 2 : 1)
            guard cursor < bytes.count, Self.isLetter(bytes[cursor]) else {
                index += 1
                continue
            }
            let nameStart = cursor
            while cursor < bytes.count, Self.isLetter(bytes[cursor]) || Self.isDigit(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "-") {
                cursor += 1
            }
            sawTag = true
            let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
            let (end, problem) = attributes(bytes, from: cursor)
            if case .unsafe = problem { return problem! }
            if !allowedElements.contains(name) {
                firstProblem = firstProblem ?? .omitted("<\(name)>")
            } else if let problem {
                firstProblem = firstProblem ?? problem
            }
            index = end
        }
        if let firstProblem { return firstProblem }
        return sawTag ? .allowed : .comment
    }

    /// Reads a tag's attributes up to its `>`; returns where it ends and what is wrong with them.
    private func attributes(_ bytes: [UInt8], from start: Int) -> (Int, Verdict?) {
        var index = start
        var problem: Verdict?
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return (index + 1, problem) }
            if Self.isSpace(byte) || byte == UInt8(ascii: "/") {
                index += 1
                continue
            }
            let nameStart = index
            while index < bytes.count, !Self.isSpace(bytes[index]),
                  ![UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[index]) {
                index += 1
            }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let valueStart = index + 1
                    index = valueStart
                    while index < bytes.count, bytes[index] != quote { index += 1 }
                    value = String(decoding: bytes[valueStart..<min(index, bytes.count)], as: UTF8.self)
                    index += 1
                } else {
                    let valueStart = index
                    while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                }
            }
            if name.hasPrefix("on") {
                return (index, .unsafe("the \(name) attribute runs script"))
            }
            if Self.urlAttributes.contains(name) || name.hasSuffix(":href"), let scheme = UnsafeURLs.refusedScheme(value) {
                return (index, .unsafe("the \(name) attribute uses a \(scheme): address"))
            }
            if name == "style" {
                problem = problem ?? .omitted("the style attribute (the site's security policy blocks inline styles)")
            }
        }
        return (bytes.count, problem)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
