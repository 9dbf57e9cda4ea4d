import Core

/// An output buffer of UTF-8 bytes with the escapes HTML needs, so that rendering a page is
/// appends to one growing array and a single conversion to `String` at the end.
struct HTMLWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func number(_ value: Int) {
        raw(String(value))
    }

    /// Starts a new line unless the output is already at one (cmark's "cr").
    mutating func newline() {
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
    }

    /// Text or an attribute value, with `& < > "` escaped. Runs without those characters are
    /// copied in one go.
    mutating func escaped(_ text: String) {
        var text = text
        text.withUTF8 { source in
            var runStart = 0
            for index in 0..<source.count {
                let replacement: StaticString
                switch source[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                default: continue
                }
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index])) }
                replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                runStart = index + 1
            }
            if runStart < source.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...])) }
        }
    }

    /// A URL for `href` or `src`: bytes outside the characters URLs may hold are percent-encoded
    /// (as cmark does), and `&` and `'` are escaped for the attribute.
    mutating func url(_ text: String) {
        for byte in text.utf8 {
            if byte == UInt8(ascii: "&") {
                raw("&amp;")
            } else if byte == UInt8(ascii: "'") {
                raw("&#x27;")
            } else if Self.isURLSafe(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0x0F)])
            }
        }
    }

    /// ` name="value"`, escaped.
    mutating func attribute(_ name: StaticString, _ value: String) {
        bytes.append(0x20)
        raw(name)
        raw("=\"")
        escaped(value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// ` data-sourcepos="l:c-l:c"`, the form cmark uses, in Herald's file lines and columns.
    mutating func sourcePosition(_ range: SourceRange) {
        raw(" data-sourcepos=\"")
        number(range.startLine)
        bytes.append(UInt8(ascii: ":"))
        number(range.startColumn)
        bytes.append(UInt8(ascii: "-"))
        number(range.endLine)
        bytes.append(UInt8(ascii: ":"))
        number(range.endColumn)
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func isURLSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "#"),
             UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: ","), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "?"),
             UInt8(ascii: "@"):
            true
        default:
            false
        }
    }
}
