/// Turns CSS text into tokens following CSS Syntax Level 3. It never fails: any input, however
/// broken, becomes some list of tokens, as a browser would read it.
public struct CSSTokenizer {
    private var input: [Unicode.Scalar]
    private var position = 0
    private var line = 1

    public static func tokenize(_ text: String) -> [CSSToken] {
        var tokenizer = CSSTokenizer(text)
        var tokens: [CSSToken] = []
        while let token = tokenizer.next() { tokens.append(token) }
        return tokens
    }

    init(_ text: String) {
        // Preprocessing (§3.3): newlines normalised, NUL and surrogates replaced.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                scalars.append("\n")
                previousWasCR = true
                continue
            case "\n":
                if previousWasCR { previousWasCR = false; continue }
                scalars.append("\n")
            case "\u{0C}": scalars.append("\n")
            case "\u{00}": scalars.append("\u{FFFD}")
            default: scalars.append(scalar)
            }
            previousWasCR = false
        }
        input = scalars
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let index = position + offset
        return index < input.count ? input[index] : nil
    }

    private mutating func advance() -> Unicode.Scalar? {
        guard position < input.count else { return nil }
        let scalar = input[position]
        position += 1
        if scalar == "\n" { line += 1 }
        return scalar
    }

    mutating func next() -> CSSToken? {
        skipComments()
        let startLine = line
        guard let c = advance() else { return nil }
        func token(_ kind: CSSToken.Kind, _ text: String = "") -> CSSToken { CSSToken(kind, text, line: startLine) }
        switch c {
        case _ where Self.isWhitespace(c):
            while let n = peek(), Self.isWhitespace(n) { _ = advance() }
            return token(.whitespace)
        case "\"", "'":
            return consumeString(ending: c, line: startLine)
        case "#":
            if let n = peek(), Self.isNameCharacter(n) || startsValidEscape(peek(), peek(1)) {
                let isID = startsIdentifier(peek(), peek(1), peek(2))
                let name = consumeName()
                return CSSToken(.hash, name, isIdentifierHash: isID, line: startLine)
            }
            return token(.delim, "#")
        case "(": return token(.openParen)
        case ")": return token(.closeParen)
        case "[": return token(.openSquare)
        case "]": return token(.closeSquare)
        case "{": return token(.openCurly)
        case "}": return token(.closeCurly)
        case ",": return token(.comma)
        case ":": return token(.colon)
        case ";": return token(.semicolon)
        case "+", ".":
            if startsNumber(c, peek(), peek(1)) { position -= 1; return consumeNumeric(line: startLine) }
            return token(.delim, String(c))
        case "-":
            if startsNumber(c, peek(), peek(1)) { position -= 1; return consumeNumeric(line: startLine) }
            if peek() == "-", peek(1) == ">" { _ = advance(); _ = advance(); return token(.cdc) }
            if startsIdentifier(c, peek(), peek(1)) { position -= 1; return consumeIdentLike(line: startLine) }
            return token(.delim, "-")
        case "<":
            if peek() == "!", peek(1) == "-", peek(2) == "-" {
                _ = advance(); _ = advance(); _ = advance()
                return token(.cdo)
            }
            return token(.delim, "<")
        case "@":
            if startsIdentifier(peek(), peek(1), peek(2)) {
                return CSSToken(.atKeyword, consumeName(), line: startLine)
            }
            return token(.delim, "@")
        case "\\":
            if startsValidEscape(c, peek()) { position -= 1; return consumeIdentLike(line: startLine) }
            return token(.delim, "\\")
        case _ where Self.isDigit(c):
            position -= 1
            return consumeNumeric(line: startLine)
        case _ where Self.isNameStart(c):
            position -= 1
            return consumeIdentLike(line: startLine)
        default:
            return token(.delim, String(c))
        }
    }

    private mutating func skipComments() {
        while peek() == "/", peek(1) == "*" {
            _ = advance(); _ = advance()
            while let c = advance() {
                if c == "*", peek() == "/" { _ = advance(); break }
            }
        }
    }

    private mutating func consumeString(ending: Unicode.Scalar, line startLine: Int) -> CSSToken {
        var value = String.UnicodeScalarView()
        while let c = peek() {
            if c == ending { _ = advance(); return CSSToken(.string, String(value), line: startLine) }
            if c == "\n" { return CSSToken(.badString, String(value), line: startLine) }
            _ = advance()
            if c == "\\" {
                guard let n = peek() else { continue }
                if n == "\n" { _ = advance(); continue }
                value.append(consumeEscape())
            } else {
                value.append(c)
            }
        }
        return CSSToken(.string, String(value), line: startLine)
    }

    private mutating func consumeNumeric(line startLine: Int) -> CSSToken {
        var repr = ""
        if let c = peek(), c == "+" || c == "-" { repr.unicodeScalars.append(c); _ = advance() }
        while let c = peek(), Self.isDigit(c) { repr.unicodeScalars.append(c); _ = advance() }
        if peek() == ".", let d = peek(1), Self.isDigit(d) {
            repr += "."
            _ = advance()
            while let c = peek(), Self.isDigit(c) { repr.unicodeScalars.append(c); _ = advance() }
        }
        if let e = peek(), e == "e" || e == "E" {
            if let d = peek(1), Self.isDigit(d) {
                repr += "e"; _ = advance()
                while let c = peek(), Self.isDigit(c) { repr.unicodeScalars.append(c); _ = advance() }
            } else if let s = peek(1), s == "+" || s == "-", let d = peek(2), Self.isDigit(d) {
                repr += "e"; _ = advance()
                repr.unicodeScalars.append(s); _ = advance()
                while let c = peek(), Self.isDigit(c) { repr.unicodeScalars.append(c); _ = advance() }
            }
        }
        var value = Double(repr) ?? 0
        if !value.isFinite { value = value > 0 ? Double.greatestFiniteMagnitude : -Double.greatestFiniteMagnitude }
        if startsIdentifier(peek(), peek(1), peek(2)) {
            return CSSToken(.dimension, consumeName(), number: value, line: startLine)
        }
        if peek() == "%" {
            _ = advance()
            return CSSToken(.percentage, number: value, line: startLine)
        }
        return CSSToken(.number, number: value, line: startLine)
    }

    private mutating func consumeIdentLike(line startLine: Int) -> CSSToken {
        let name = consumeName()
        if peek() == "(" {
            _ = advance()
            if name.lowercased() == "url" {
                var lookahead = 0
                while let c = peek(lookahead), Self.isWhitespace(c) { lookahead += 1 }
                if let c = peek(lookahead), c == "\"" || c == "'" {
                    return CSSToken(.function, name, line: startLine)
                }
                return consumeURL(line: startLine)
            }
            return CSSToken(.function, name, line: startLine)
        }
        return CSSToken(.ident, name, line: startLine)
    }

    private mutating func consumeURL(line startLine: Int) -> CSSToken {
        var value = String.UnicodeScalarView()
        while let c = peek(), Self.isWhitespace(c) { _ = advance() }
        while true {
            guard let c = advance() else { return CSSToken(.url, String(value), line: startLine) }
            switch c {
            case ")":
                return CSSToken(.url, String(value), line: startLine)
            case _ where Self.isWhitespace(c):
                while let n = peek(), Self.isWhitespace(n) { _ = advance() }
                if peek() == nil { return CSSToken(.url, String(value), line: startLine) }
                if peek() == ")" { _ = advance(); return CSSToken(.url, String(value), line: startLine) }
                consumeBadURLRemnants()
                return CSSToken(.badURL, String(value), line: startLine)
            case "\"", "'", "(":
                consumeBadURLRemnants()
                return CSSToken(.badURL, String(value), line: startLine)
            case "\\":
                if startsValidEscape(c, peek()) {
                    value.append(consumeEscape())
                } else {
                    consumeBadURLRemnants()
                    return CSSToken(.badURL, String(value), line: startLine)
                }
            default:
                if Self.isNonPrintable(c) {
                    consumeBadURLRemnants()
                    return CSSToken(.badURL, String(value), line: startLine)
                }
                value.append(c)
            }
        }
    }

    private mutating func consumeBadURLRemnants() {
        while let c = advance() {
            if c == ")" { return }
            if c == "\\", peek() != nil, peek() != "\n" { _ = advance() }
        }
    }

    private mutating func consumeName() -> String {
        var result = String.UnicodeScalarView()
        while let c = peek() {
            if Self.isNameCharacter(c) {
                result.append(c)
                _ = advance()
            } else if startsValidEscape(c, peek(1)) {
                _ = advance()
                result.append(consumeEscape())
            } else {
                break
            }
        }
        return String(result)
    }

    /// Called after the backslash.
    private mutating func consumeEscape() -> Unicode.Scalar {
        guard let c = advance() else { return "\u{FFFD}" }
        guard Self.isHexDigit(c) else { return c }
        var hex = String(c)
        while hex.count < 6, let n = peek(), Self.isHexDigit(n) {
            hex.unicodeScalars.append(n)
            _ = advance()
        }
        if let n = peek(), Self.isWhitespace(n) { _ = advance() }
        let value = UInt32(hex, radix: 16) ?? 0xFFFD
        if value == 0 || (0xD800...0xDFFF).contains(value) || value > 0x10FFFF { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    private func startsValidEscape(_ first: Unicode.Scalar?, _ second: Unicode.Scalar?) -> Bool {
        first == "\\" && second != nil && second != "\n"
    }

    private func startsIdentifier(_ a: Unicode.Scalar?, _ b: Unicode.Scalar?, _ c: Unicode.Scalar?) -> Bool {
        guard let a else { return false }
        if a == "-" {
            guard let b else { return false }
            return Self.isNameStart(b) || b == "-" || startsValidEscape(b, c)
        }
        if Self.isNameStart(a) { return true }
        return startsValidEscape(a, b)
    }

    private func startsNumber(_ a: Unicode.Scalar?, _ b: Unicode.Scalar?, _ c: Unicode.Scalar?) -> Bool {
        guard let a else { return false }
        if a == "+" || a == "-" {
            guard let b else { return false }
            if Self.isDigit(b) { return true }
            return b == "." && c.map(Self.isDigit) == true
        }
        if a == "." { return b.map(Self.isDigit) == true }
        return Self.isDigit(a)
    }

    static func isWhitespace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" }
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
    static func isHexDigit(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || (c.value >= 0x41 && c.value <= 0x46) || (c.value >= 0x61 && c.value <= 0x66)
    }
    static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A) || c == "_" || c.value >= 0x80
    }
    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool { isNameStart(c) || isDigit(c) || c == "-" }
    static func isNonPrintable(_ c: Unicode.Scalar) -> Bool {
        c.value <= 0x08 || c.value == 0x0B || (c.value >= 0x0E && c.value <= 0x1F) || c.value == 0x7F
    }
}
