import Core
import Foundation

/// Finds links and images whose URL would run script or smuggle content in: `javascript:`,
/// `vbscript:` and `data:`, however disguised. Each is an error at the link; the renderer
/// also drops such URLs on its own, so a tree that skipped this check still renders safely.
public struct UnsafeURLs: NodeCheck {
    /// The schemes refused, lower case, without the colon.
    public static let refusedSchemes: Set<String> = ["javascript", "vbscript", "data"]

    public init() {}

    /// One error per link or image (table captions included) with a refused URL.
    public func inspect(_ node: Node, source: MarkdownSource, into diagnostics: inout [Diagnostic]) {
        let url: String
        let what: String
        switch node.kind {
        case .link(let destination, _): (url, what) = (destination, "link")
        case .image(let source, _, _): (url, what) = (source, "image")
        default: return
        }
        guard let scheme = Self.refusedScheme(url) else { return }
        diagnostics.append(source.diagnostic(
            .error, "this \(what) uses a \(scheme): address, which could run code in a visitor's browser",
            at: node.range,
            hint: what == "link"
                ? "Link to a web page (https://…) or to a page or document in the site."
                : "Put the picture in the content folder and give its file name."))
    }

    /// Whether browsers could treat `url` as one of the refused schemes.
    public static func isUnsafe(_ url: String) -> Bool { refusedScheme(url) != nil }

    /// The refused scheme `url` uses, after undoing the disguises browsers see through (and a
    /// few they do not, to be safe): HTML character references, percent-encoding, letters in
    /// compatibility forms, and spaces, control and invisible characters anywhere in the scheme.
    public static func refusedScheme(_ url: String) -> String? {
        var plain = true
        for byte in url.utf8 where byte == UInt8(ascii: ":") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "%") || byte >= 0x80 {
            plain = false
            break
        }
        if plain { return nil }
        var text = url
        for _ in 0..<4 {
            let decoded = decodingCharacterReferences(percentDecoding(text))
            if decoded == text { break }
            text = decoded
        }
        text = text.precomposedStringWithCompatibilityMapping
        var scheme = ""
        for scalar in text.unicodeScalars {
            if scalar == ":" { break }
            if isIgnorable(scalar) { continue }
            scheme.unicodeScalars.append(scalar)
            if scheme.unicodeScalars.count > 16 { return nil }
        }
        let lowered = scheme.lowercased()
        guard text.unicodeScalars.contains(":"), refusedSchemes.contains(lowered) else { return nil }
        return lowered
    }

    private static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.isWhitespace
            || scalar.properties.generalCategory == .format || scalar.properties.isDefaultIgnorableCodePoint
    }

    private static func percentDecoding(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var output: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The named references that can spell a scheme's punctuation or spacing.
    private static let namedReferences: [String: String] = [
        "colon": ":", "tab": "\t", "newline": "\n", "nbsp": "\u{A0}", "amp": "&", "semi": ";", "num": "#",
        "percnt": "%", "sol": "/", "lpar": "(", "rpar": ")", "quot": "\"", "apos": "'",
    ]

    /// Decodes `&#106;`, `&#x6A;` (semicolon optional, as browsers allow) and a few named references.
    private static func decodingCharacterReferences(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var output = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let first = scalars.first {
            scalars = scalars.dropFirst()
            guard first == "&" else {
                output.unicodeScalars.append(first)
                continue
            }
            if scalars.first == "#" {
                var rest = scalars.dropFirst()
                var radix = 10
                if let x = rest.first, x == "x" || x == "X" {
                    radix = 16
                    rest = rest.dropFirst()
                }
                let digits = rest.prefix { $0.properties.isASCIIHexDigit && (radix == 16 || ("0"..."9").contains($0)) }.prefix(8)
                if !digits.isEmpty, let value = UInt32(String(String.UnicodeScalarView(digits)), radix: radix) {
                    output.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                    rest = rest.dropFirst(digits.count)
                    if rest.first == ";" { rest = rest.dropFirst() }
                    scalars = rest
                    continue
                }
            } else {
                let name = scalars.prefix { $0.properties.isAlphabetic }.prefix(10)
                let key = String(String.UnicodeScalarView(name)).lowercased()
                if let value = namedReferences[key] {
                    var rest = scalars.dropFirst(name.count)
                    if rest.first == ";" { rest = rest.dropFirst() }
                    output += value
                    scalars = rest
                    continue
                }
            }
            output.unicodeScalars.append(first)
        }
        return output
    }
}
