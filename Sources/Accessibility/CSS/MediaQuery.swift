/// A media query list (`screen and (min-width: 40em), print`), evaluated for a screen in a
/// given colour scheme with the user's other preferences at their defaults. Width, height,
/// pointer and similar features depend on the device, so they evaluate to "maybe".
public struct MediaQueryList: Sendable, Hashable {
    public var text: String
    var queries: [MediaQuery]

    public init(_ tokens: [CSSToken]) {
        text = tokens.cssText
        var parts: [[CSSToken]] = [[]]
        var depth = 0
        for token in tokens where token.kind != .whitespace {
            if token.opensBlock { depth += 1 }
            if token.kind == .closeParen || token.kind == .closeSquare || token.kind == .closeCurly { depth = max(0, depth - 1) }
            if token.kind == .comma && depth == 0 { parts.append([]) } else { parts[parts.count - 1].append(token) }
        }
        // An empty prelude (`@media {`) means all media.
        if parts.count == 1 && parts[0].isEmpty {
            queries = [MediaQuery(negated: false, type: "all", condition: nil)]
        } else {
            queries = parts.map(MediaQuery.parse)
        }
    }

    public func evaluate(_ scheme: ColourScheme) -> Tri {
        queries.reduce(Tri.no) { $0 || $1.evaluate(scheme) }
    }

    public var mentionsColourScheme: Bool { text.lowercased().contains("prefers-color-scheme") }
}

struct MediaQuery: Sendable, Hashable {
    var negated: Bool
    var type: String?
    var condition: MediaExpression?
    /// A query that does not parse is "not all" (Media Queries 4 §3.2).
    var invalid = false

    static func parse(_ tokens: [CSSToken]) -> MediaQuery {
        var index = 0
        var negated = false
        var type: String?
        if index < tokens.count, tokens[index].kind == .ident {
            let word = tokens[index].lowercased
            if word == "not" || word == "only" {
                // `not (…)` with a parenthesis is a condition, not a negated type.
                if index + 1 < tokens.count, tokens[index + 1].kind == .ident {
                    negated = word == "not"
                    index += 1
                }
            }
            if index < tokens.count, tokens[index].kind == .ident, !["not", "only", "and", "or"].contains(tokens[index].lowercased) {
                type = tokens[index].lowercased
                index += 1
                if index < tokens.count {
                    guard tokens[index].isIdent("and"), index + 1 < tokens.count else {
                        return MediaQuery(negated: false, type: nil, condition: nil, invalid: true)
                    }
                    index += 1
                }
            }
        }
        var condition: MediaExpression?
        if index < tokens.count {
            var parser = MediaExpressionParser(tokens: tokens, index: index)
            guard let parsed = parser.parseCondition(depth: 0), parser.index == tokens.count else {
                return MediaQuery(negated: false, type: nil, condition: nil, invalid: true)
            }
            condition = parsed
        }
        if type == nil && condition == nil { return MediaQuery(negated: false, type: nil, condition: nil, invalid: true) }
        return MediaQuery(negated: negated, type: type, condition: condition)
    }

    func evaluate(_ scheme: ColourScheme) -> Tri {
        if invalid { return .no }
        var result: Tri = .yes
        if let type {
            switch type {
            case "all", "screen": result = .yes
            default: result = .no
            }
        }
        if let condition { result = result && condition.evaluate(scheme) }
        return negated ? !result : result
    }
}

indirect enum MediaExpression: Sendable, Hashable {
    case feature(name: String, value: [CSSToken]?)
    /// Range syntax, `(width >= 600px)`: always device-dependent here.
    case range
    case not(MediaExpression)
    case and([MediaExpression])
    case or([MediaExpression])
    /// Well-formed but unknown (`general-enclosed`): false.
    case unknown

    func evaluate(_ scheme: ColourScheme) -> Tri {
        switch self {
        case .feature(let name, let value): MediaFeatures.evaluate(name: name, value: value, scheme: scheme)
        case .range: .maybe
        case .not(let inner): !inner.evaluate(scheme)
        case .and(let parts): parts.reduce(Tri.yes) { $0 && $1.evaluate(scheme) }
        case .or(let parts): parts.reduce(Tri.no) { $0 || $1.evaluate(scheme) }
        case .unknown: .no
        }
    }
}

/// Recursive descent over a media condition, with a depth cap for hostile input.
struct MediaExpressionParser {
    let tokens: [CSSToken]
    var index: Int

    mutating func parseCondition(depth: Int) -> MediaExpression? {
        guard depth < 32, index < tokens.count else { return nil }
        if tokens[index].isIdent("not") {
            index += 1
            guard let inner = parseInParens(depth: depth + 1) else { return nil }
            return .not(inner)
        }
        guard let first = parseInParens(depth: depth + 1) else { return nil }
        var parts = [first]
        var joiner: String?
        while index < tokens.count, tokens[index].kind == .ident {
            let word = tokens[index].lowercased
            guard word == "and" || word == "or" else { return nil }
            if let joiner, joiner != word { return nil }
            joiner = word
            index += 1
            guard let next = parseInParens(depth: depth + 1) else { return nil }
            parts.append(next)
        }
        if parts.count == 1 { return first }
        return joiner == "or" ? .or(parts) : .and(parts)
    }

    private mutating func parseInParens(depth: Int) -> MediaExpression? {
        guard depth < 32, index < tokens.count else { return nil }
        let token = tokens[index]
        if token.kind == .function {
            // general-enclosed: skip to the matching parenthesis.
            guard let close = closing(from: index) else { return nil }
            index = close + 1
            return .unknown
        }
        guard token.kind == .openParen, let close = closing(from: index) else { return nil }
        let inner = Array(tokens[(index + 1)..<close])
        index = close + 1
        // A nested condition or a feature?
        if let first = inner.first, first.kind == .openParen || first.isIdent("not") || first.kind == .function {
            var nested = MediaExpressionParser(tokens: inner, index: 0)
            if let condition = nested.parseCondition(depth: depth + 1), nested.index == inner.count { return condition }
            return .unknown
        }
        if inner.contains(where: { $0.isDelim("<") || $0.isDelim(">") || $0.isDelim("=") }) { return .range }
        guard let name = inner.first, name.kind == .ident else { return .unknown }
        if inner.count == 1 { return .feature(name: name.lowercased, value: nil) }
        guard inner.count >= 3, inner[1].kind == .colon else { return .unknown }
        return .feature(name: name.lowercased, value: Array(inner[2...]))
    }

    private func closing(from start: Int) -> Int? {
        var depth = 0
        var position = start
        while position < tokens.count {
            let token = tokens[position]
            if token.opensBlock { depth += 1 }
            if token.kind == .closeParen || token.kind == .closeSquare || token.kind == .closeCurly {
                depth -= 1
                if depth == 0 { return position }
            }
            position += 1
        }
        return nil
    }
}
