import Core
import Foundation

/// Gives every heading a stable, unique id (`## How to report` → `how-to-report`; a second
/// one → `how-to-report-2`), and lists the headings for a contents list.
///
/// The id is the heading's text, lower-cased, letters and digits kept, everything else a
/// single `-`; apostrophes vanish (`Don't` → `dont`); Latin accents are folded (`Café` →
/// `cafe`, `Straße` → `strasse`); other scripts stay as they are, lower-cased; a heading with
/// no letters or digits is `section`. A heading that already has an id keeps it (made unique).
public struct HeadingIDs: Sendable {
    /// One heading, in document order.
    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var id: String
        /// As a screen reader reads it.
        public var text: String
        public var range: SourceRange?
        /// The callout the heading is in (a step, a details block), nil for the page's own headings.
        public var callout: Node.CalloutKind?

        public init(level: Int, id: String, text: String, range: SourceRange? = nil, callout: Node.CalloutKind? = nil) {
            self.level = level
            self.id = id
            self.text = text
            self.range = range
            self.callout = callout
        }
    }

    /// Ids already taken on the page (the layout's `main-content`): headings get another.
    public var reserved: Set<String>

    public init(reserved: Set<String> = []) { self.reserved = reserved }

    public func apply(to document: inout Node) -> [Heading] {
        var used = reserved
        var headings: [Heading] = []
        assign(&document, callout: nil, used: &used, headings: &headings)
        return headings
    }

    private func assign(_ node: inout Node, callout: Node.CalloutKind?, used: inout Set<String>, headings: inout [Heading]) {
        if case .heading(let level, let existing) = node.kind {
            let text = node.plainText
            let base = existing.isEmpty ? Self.slug(text) : existing
            var id = base
            var number = 2
            while used.contains(id) {
                id = "\(base)-\(number)"
                number += 1
            }
            used.insert(id)
            node.kind = .heading(level: level, id: id)
            headings.append(Heading(level: level, id: id, text: Self.collapsingSpaces(text), range: node.range, callout: callout))
            return
        }
        var inner = callout
        switch node.kind {
        case .callout(let kind, _): inner = kind
        case .document, .blockQuote, .list, .item: break
        // Headings are blocks in containers: paragraphs, tables and the inline nodes, most of
        // a page's nodes, hold none, and visiting each was most of the time spent giving ids.
        default: return
        }
        for index in node.children.indices {
            assign(&node.children[index], callout: inner, used: &used, headings: &headings)
        }
    }

    /// The id a heading with this text gets before it is made unique.
    public static func slug(_ text: String) -> String {
        // Most headings are plain ASCII, for which decomposing and asking each scalar for its
        // Unicode properties (most of the time spent giving ids) changes nothing.
        ASCIISlug.applies(to: text) ? asciiSlug(text) : unicodeSlug(text)
    }

    /// `slug` for ASCII text: the same result as `unicodeSlug` (a test checks).
    static func asciiSlug(_ text: String) -> String {
        ASCIISlug.make(text, otherBytes: { $0 == UInt8(ascii: "'") ? .drop : .separate }, empty: "section")
    }

    /// `slug` for any text.
    static func unicodeSlug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        func add(_ piece: String) {
            if pendingDash && !result.isEmpty { result += "-" }
            pendingDash = false
            result += piece
        }
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark || apostrophes.contains(scalar) { continue }
            if let folded = folds[scalar] {
                add(folded)
            } else if properties.isAlphabetic || properties.generalCategory == .decimalNumber {
                add(properties.lowercaseMapping)
            } else {
                pendingDash = true
            }
        }
        return result.isEmpty ? "section" : result
    }

    private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}"]

    /// Latin letters that do not decompose into a base letter and an accent.
    private static let folds: [Unicode.Scalar: String] = [
        "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
        "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ı": "i", "ħ": "h", "Ħ": "h",
    ]

    private static func collapsingSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
