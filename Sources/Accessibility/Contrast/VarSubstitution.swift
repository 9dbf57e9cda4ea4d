/// A custom property's computed value: its tokens with every `var()` already substituted, or
/// "guaranteed-invalid" (a cycle, an undefined reference) with the reason.
enum CustomValue: Hashable, Sendable {
    case tokens([CSSToken])
    case invalid(String)
}

/// `var(--name, fallback)` substitution (CSS Variables 1 §3), with cycle detection and a cap on
/// how long a substituted value may grow (hostile sheets can double a value at every step).
enum VarSubstitution {
    static let maximumLength = 20_000

    /// The custom properties `var()` names directly in these tokens, fallbacks included, in order.
    static func referencedNames(_ tokens: [CSSToken]) -> [String] {
        var names: [String] = []
        for (index, token) in tokens.enumerated() where token.kind == .function && token.lowercased == "var" {
            if let name = tokens[(index + 1)...].first(where: { $0.kind != .whitespace }), name.kind == .ident,
               name.text.hasPrefix("--"), !names.contains(name.text) {
                names.append(name.text)
            }
        }
        return names
    }

    static func containsVar(_ tokens: [CSSToken]) -> Bool {
        tokens.contains { $0.kind == .function && $0.lowercased == "var" }
    }

    /// The tokens with `var()` replaced; `lookup` gives each referenced property's value.
    static func substitute(_ tokens: [CSSToken], lookup: (String) -> CustomValue?) -> Result<[CSSToken], SubstitutionFailure> {
        var output: [CSSToken] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard token.kind == .function, token.lowercased == "var" else {
                output.append(token)
                index += 1
                continue
            }
            let close = closing(tokens, from: index)
            let arguments = Array(tokens[(index + 1)..<close])
            index = close + 1
            let meaningful = arguments.drop { $0.kind == .whitespace }
            guard let name = meaningful.first, name.kind == .ident, name.text.hasPrefix("--") else {
                return .failure(SubstitutionFailure(reason: "a malformed var()"))
            }
            var fallback: [CSSToken]?
            if let comma = arguments.firstIndex(where: { $0.kind == .comma }) {
                fallback = Array(arguments[(comma + 1)...])
            }
            switch lookup(name.text) {
            case .tokens(let value)?:
                output += value
            case let other:
                if let fallback {
                    switch substitute(fallback, lookup: lookup) {
                    case .success(let value): output += trim(value)
                    case .failure(let failure): return .failure(failure)
                    }
                } else if case .invalid(let reason)? = other {
                    return .failure(SubstitutionFailure(reason: reason))
                } else {
                    return .failure(SubstitutionFailure(reason: "var(\(name.text)) is not defined"))
                }
            }
            if output.count > maximumLength {
                return .failure(SubstitutionFailure(reason: "var(\(name.text)) expands to a value too long to follow"))
            }
        }
        return .success(output)
    }

    static func trim(_ tokens: [CSSToken]) -> [CSSToken] {
        var slice = tokens[...]
        while slice.first?.kind == .whitespace { slice.removeFirst() }
        while slice.last?.kind == .whitespace { slice.removeLast() }
        return Array(slice)
    }

    /// Index of the `)` closing the function at `start`, or the end of the tokens.
    static func closing(_ tokens: [CSSToken], from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < tokens.count {
            let token = tokens[index]
            if token.opensBlock { depth += 1 }
            if token.kind == .closeParen || token.kind == .closeSquare || token.kind == .closeCurly {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return tokens.count
    }

    /// Resolves the custom properties declared on one element, given what it inherits.
    /// Properties that refer to each other in a cycle all become invalid.
    static func resolve(
        declared: [String: [CSSToken]], inherited: [String: CustomValue],
        registered: [String: RegisteredProperty]
    ) -> [String: CustomValue] {
        var result = inherited
        var resolved: [String: CustomValue] = [:]
        var visiting: [String] = []

        func value(of name: String) -> CustomValue? {
            if let done = resolved[name] { return done }
            guard let raw = declared[name] else { return inherited[name] }
            if let position = visiting.firstIndex(of: name) {
                let cycle = visiting[position...] + [name]
                let reason = "the custom properties \(cycle.joined(separator: " → ")) refer to each other in a cycle"
                for member in visiting[position...] { resolved[member] = .invalid(reason) }
                return .invalid(reason)
            }
            // Keywords that mean "take the inherited value" or "the initial (guaranteed-invalid) one".
            let meaningful = raw.filter { $0.kind != .whitespace }
            if meaningful.count == 1, meaningful[0].kind == .ident, Shorthands.cssWideKeywords.contains(meaningful[0].lowercased) {
                let keyword = meaningful[0].lowercased
                let inheritedValue = inherited[name]
                let initial = registered[name]?.initialValue.map { CustomValue.tokens($0) }
                let outcome: CustomValue? = keyword == "initial" ? initial
                    : ((registered[name]?.inherits ?? true) || keyword == "inherit" ? inheritedValue : initial)
                resolved[name] = outcome ?? .invalid("\(name) is set to \(keyword) and has no value")
                return resolved[name]
            }
            guard visiting.count < 128 else {
                return .invalid("custom properties refer to each other too deeply to follow")
            }
            visiting.append(name)
            let outcome: CustomValue
            if containsVar(raw) {
                switch substitute(raw, lookup: value(of:)) {
                case .success(let tokens): outcome = .tokens(tokens)
                case .failure(let failure): outcome = .invalid(failure.reason)
                }
            } else {
                outcome = .tokens(raw)
            }
            visiting.removeLast()
            // A cycle found deeper may already have marked this one invalid.
            if let marked = resolved[name], case .invalid = marked { return marked }
            resolved[name] = outcome
            return outcome
        }

        for name in declared.keys.sorted() {
            result[name] = value(of: name)
        }
        return result
    }
}

struct SubstitutionFailure: Error, Hashable {
    var reason: String
}
