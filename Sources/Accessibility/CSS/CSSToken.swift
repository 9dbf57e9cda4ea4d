/// One token of CSS (CSS Syntax Level 3), with the line it starts on.
public struct CSSToken: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, Hashable {
        case ident, function, atKeyword, hash, string, badString, url, badURL, delim
        case number, percentage, dimension, whitespace, cdo, cdc
        case colon, semicolon, comma, openSquare, closeSquare, openParen, closeParen, openCurly, closeCurly
    }

    public var kind: Kind
    /// The name (ident, function, at-keyword, hash), the string or URL, the delimiter character,
    /// or the unit of a dimension.
    public var text: String
    public var number: Double
    /// For a hash token: whether it would be a valid id selector (starts like an identifier).
    public var isIdentifierHash: Bool
    public var line: Int

    public init(_ kind: Kind, _ text: String = "", number: Double = 0, isIdentifierHash: Bool = false, line: Int = 1) {
        self.kind = kind
        self.text = text
        self.number = number
        self.isIdentifierHash = isIdentifierHash
        self.line = line
    }

    /// The lower-cased name, for the ASCII case-insensitive keywords of CSS.
    public var lowercased: String { text.lowercased() }

    public func isIdent(_ name: String) -> Bool { kind == .ident && text.lowercased() == name }
    public func isDelim(_ character: String) -> Bool { kind == .delim && text == character }

    /// Opening tokens of a block or function, which the parser pairs with a closing token.
    public var opensBlock: Bool { kind == .function || kind == .openParen || kind == .openSquare || kind == .openCurly }

    /// The CSS the token stands for, good enough to quote a selector or a value in a message.
    public var cssText: String {
        switch kind {
        case .ident: text
        case .function: text + "("
        case .atKeyword: "@" + text
        case .hash: "#" + text
        case .string, .badString: "\"" + text + "\""
        case .url, .badURL: "url(" + text + ")"
        case .delim: text
        case .number: Self.format(number)
        case .percentage: Self.format(number) + "%"
        case .dimension: Self.format(number) + text
        case .whitespace: " "
        case .cdo: "<!--"
        case .cdc: "-->"
        case .colon: ":"
        case .semicolon: ";"
        case .comma: ","
        case .openSquare: "["
        case .closeSquare: "]"
        case .openParen: "("
        case .closeParen: ")"
        case .openCurly: "{"
        case .closeCurly: "}"
        }
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

extension Array where Element == CSSToken {
    /// The tokens as CSS text, whitespace collapsed and trimmed.
    var cssText: String {
        var result = ""
        for token in self { result += token.cssText }
        return result.cssTrimmed
    }
}

extension String {
    /// Without leading and trailing whitespace. (Named apart from the rule engine's own helper
    /// so that the CSS code builds with or without it.)
    var cssTrimmed: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
