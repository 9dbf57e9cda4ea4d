/// Parses selector lists from tokens. An invalid selector makes the whole list invalid (nil),
/// as in browsers; `:is()` and `:where()` forgive invalid arguments.
struct SelectorParser {
    private let tokens: [CSSToken]
    private var index = 0
    /// What `&` stands for in a nested rule; nil at the top level.
    private let parent: [ComplexSelector]?
    /// Whether a selector without `&` is taken as a descendant of the parent (nested rules),
    /// or as it stands (arguments of `:is()` and `:not()`).
    private let implicitNesting: Bool

    /// Deep `:not(:not(…))` chains from hostile input stop here.
    static let maximumDepth = 16

    static func parseList(
        _ tokens: [CSSToken], parent: [ComplexSelector]? = nil, depth: Int = 0, implicitNesting: Bool = true
    ) -> [ComplexSelector]? {
        guard depth < maximumDepth else { return nil }
        var result: [ComplexSelector] = []
        for part in splitOnCommas(tokens) {
            var parser = SelectorParser(tokens: part, parent: parent, implicitNesting: implicitNesting)
            guard let selector = parser.parseComplex(depth: depth) else { return nil }
            result.append(selector)
        }
        return result.isEmpty ? nil : result
    }

    /// The forgiving form used by `:is()` and `:where()`: bad arguments are dropped.
    static func parseForgivingList(_ tokens: [CSSToken], parent: [ComplexSelector]?, depth: Int) -> [ComplexSelector] {
        guard depth < maximumDepth else { return [] }
        return splitOnCommas(tokens).compactMap { part in
            var parser = SelectorParser(tokens: part, parent: parent, implicitNesting: false)
            return parser.parseComplex(depth: depth)
        }
    }

    private init(tokens: [CSSToken], parent: [ComplexSelector]?, implicitNesting: Bool) {
        // Whitespace at either end means nothing.
        var trimmed = tokens[...]
        while trimmed.first?.kind == .whitespace { trimmed.removeFirst() }
        while trimmed.last?.kind == .whitespace { trimmed.removeLast() }
        self.tokens = Array(trimmed)
        self.parent = parent
        self.implicitNesting = implicitNesting
    }

    private static func splitOnCommas(_ tokens: [CSSToken]) -> [[CSSToken]] {
        var parts: [[CSSToken]] = [[]]
        var depth = 0
        for token in tokens {
            if token.opensBlock { depth += 1 }
            if token.kind == .closeParen || token.kind == .closeSquare || token.kind == .closeCurly { depth = max(0, depth - 1) }
            if token.kind == .comma && depth == 0 { parts.append([]) } else { parts[parts.count - 1].append(token) }
        }
        return parts
    }

    private var current: CSSToken? { index < tokens.count ? tokens[index] : nil }

    private mutating func parseComplex(depth: Int) -> ComplexSelector? {
        guard !tokens.isEmpty else { return nil }
        var compounds: [CompoundSelector] = []
        var combinators: [Combinator] = []
        var pendingCombinator: Combinator?
        var pseudoElement: String?
        var usesNesting = false
        while let token = current {
            if token.kind == .whitespace {
                index += 1
                if !compounds.isEmpty && pendingCombinator == nil { pendingCombinator = .descendant }
                continue
            }
            if let combinator = Self.combinator(token) {
                index += 1
                // `a > > b` and a trailing combinator are invalid; a leading one is a relative
                // selector, allowed only where a parent exists (nesting).
                if compounds.isEmpty {
                    guard parent != nil, implicitNesting, combinators.isEmpty else { return nil }
                    compounds.append(nestingCompound())
                    usesNesting = true
                } else if let pending = pendingCombinator, pending != .descendant {
                    return nil
                }
                pendingCombinator = combinator
                continue
            }
            guard pseudoElement == nil else { return nil }
            guard let (compound, element, nests) = parseCompound(depth: depth) else { return nil }
            usesNesting = usesNesting || nests
            if !compounds.isEmpty { combinators.append(pendingCombinator ?? .descendant) }
            pendingCombinator = nil
            compounds.append(compound)
            pseudoElement = element
        }
        guard !compounds.isEmpty else { return nil }
        if let pending = pendingCombinator, pending != .descendant { return nil }
        if parent != nil && implicitNesting && !usesNesting {
            // A nested selector without `&` is relative to its parent, as a descendant.
            compounds.insert(nestingCompound(), at: 0)
            combinators.insert(.descendant, at: 0)
        }
        return ComplexSelector(compounds: compounds, combinators: combinators, pseudoElement: pseudoElement)
    }

    private func nestingCompound() -> CompoundSelector {
        var compound = CompoundSelector()
        if let parent { compound.pseudoClasses.append(.is(parent)) } else { compound.pseudoClasses.append(.root) }
        return compound
    }

    private static func combinator(_ token: CSSToken) -> Combinator? {
        guard token.kind == .delim else { return nil }
        switch token.text {
        case ">": return .child
        case "+": return .nextSibling
        case "~": return .subsequentSibling
        default: return nil
        }
    }

    /// A compound selector, the pseudo-element it ends with if any, and whether it used `&`.
    private mutating func parseCompound(depth: Int) -> (CompoundSelector, String?, Bool)? {
        var compound = CompoundSelector()
        var sawAnything = false
        var pseudoElement: String?
        var nests = false
        // Type or universal selector, optionally namespaced (`svg|a`, `*|*`, `|a`).
        if let token = current, token.kind == .ident || token.isDelim("*") || token.isDelim("|") {
            var name: String? = token.kind == .ident ? token.lowercased : (token.isDelim("*") ? "*" : nil)
            if token.isDelim("|") {
                index += 1
                guard let next = current, next.kind == .ident || next.isDelim("*") else { return nil }
                name = next.kind == .ident ? next.lowercased : "*"
                index += 1
            } else {
                index += 1
                if let bar = current, bar.isDelim("|"), index + 1 < tokens.count,
                   tokens[index + 1].kind == .ident || tokens[index + 1].isDelim("*") {
                    let local = tokens[index + 1]
                    name = local.kind == .ident ? local.lowercased : "*"
                    index += 2
                }
            }
            compound.tag = name == "*" ? nil : name
            sawAnything = true
        }
        loop: while let token = current {
            switch token.kind {
            case .hash:
                guard token.isIdentifierHash, pseudoElement == nil else { return nil }
                compound.ids.append(token.text)
                index += 1
            case .delim where token.text == ".":
                guard pseudoElement == nil, index + 1 < tokens.count, tokens[index + 1].kind == .ident else { return nil }
                compound.classes.append(tokens[index + 1].text)
                index += 2
            case .delim where token.text == "&":
                compound.pseudoClasses.append(parent.map { .is($0) } ?? .root)
                nests = true
                index += 1
            case .openSquare:
                guard pseudoElement == nil, let attribute = parseAttribute() else { return nil }
                compound.attributes.append(attribute)
            case .colon:
                index += 1
                if let next = current, next.kind == .colon {
                    index += 1
                    guard let name = current, name.kind == .ident || name.kind == .function else { return nil }
                    if name.kind == .function { guard skipFunction() else { return nil } } else { index += 1 }
                    pseudoElement = name.lowercased
                } else if let name = current, name.kind == .ident {
                    index += 1
                    let lower = name.lowercased
                    if ["before", "after", "first-line", "first-letter"].contains(lower) {
                        pseudoElement = lower
                    } else if pseudoElement != nil {
                        // `::before:hover` and friends: still about the pseudo-element.
                        continue
                    } else {
                        guard let pseudo = Self.pseudoClass(named: lower) else { return nil }
                        compound.pseudoClasses.append(pseudo)
                    }
                } else if let function = current, function.kind == .function {
                    guard let arguments = functionArguments() else { return nil }
                    if pseudoElement != nil { continue }
                    guard let pseudo = functionalPseudoClass(function.lowercased, arguments, depth: depth) else { return nil }
                    compound.pseudoClasses.append(pseudo)
                } else {
                    return nil
                }
            default:
                break loop
            }
            sawAnything = true
        }
        guard sawAnything else { return nil }
        return (compound, pseudoElement, nests)
    }

    private mutating func parseAttribute() -> AttributeSelector? {
        // At `[`; collect up to the matching `]`.
        index += 1
        var inner: [CSSToken] = []
        while let token = current, token.kind != .closeSquare {
            if token.kind != .whitespace { inner.append(token) }
            index += 1
        }
        guard current?.kind == .closeSquare else { return nil }
        index += 1
        var position = 0
        // Optional namespace prefix.
        if inner.count >= 2, inner[0].isDelim("|") { position = 1 }
        if inner.count >= 3, inner[0].kind == .ident || inner[0].isDelim("*"), inner[1].isDelim("|"), inner[2].kind == .ident { position = 2 }
        guard position < inner.count, inner[position].kind == .ident else { return nil }
        let name = inner[position].lowercased
        position += 1
        if position == inner.count { return AttributeSelector(name: name, match: .exists) }
        let match: AttributeSelector.Match
        if inner[position].isDelim("=") {
            match = .equals
            position += 1
        } else if inner[position].kind == .delim, position + 1 < inner.count, inner[position + 1].isDelim("=") {
            switch inner[position].text {
            case "~": match = .includesWord
            case "|": match = .dashPrefix
            case "^": match = .prefix
            case "$": match = .suffix
            case "*": match = .substring
            default: return nil
            }
            position += 2
        } else {
            return nil
        }
        guard position < inner.count, inner[position].kind == .ident || inner[position].kind == .string else { return nil }
        let value = inner[position].text
        position += 1
        var caseInsensitive = false
        if position < inner.count {
            guard inner[position].kind == .ident, ["i", "s"].contains(inner[position].lowercased) else { return nil }
            caseInsensitive = inner[position].lowercased == "i"
            position += 1
        }
        guard position == inner.count else { return nil }
        return AttributeSelector(name: name, match: match, value: value, caseInsensitive: caseInsensitive)
    }

    /// At a function token: its argument tokens, leaving the index after the `)`.
    private mutating func functionArguments() -> [CSSToken]? {
        let start = index + 1
        var depth = 0
        while let token = current {
            if token.opensBlock { depth += 1 }
            if token.kind == .closeParen || token.kind == .closeSquare || token.kind == .closeCurly {
                depth -= 1
                if depth == 0 {
                    let arguments = Array(tokens[start..<index])
                    index += 1
                    return arguments
                }
            }
            index += 1
        }
        return nil
    }

    private mutating func skipFunction() -> Bool { functionArguments() != nil }

    private func functionalPseudoClass(_ name: String, _ arguments: [CSSToken], depth: Int) -> PseudoClass? {
        switch name {
        case "not":
            guard let list = Self.parseList(arguments, parent: parent, depth: depth + 1, implicitNesting: false) else { return nil }
            return .not(list)
        case "is", "matches", "-webkit-any", "-moz-any":
            return .is(Self.parseForgivingList(arguments, parent: parent, depth: depth + 1))
        case "where":
            return .where(Self.parseForgivingList(arguments, parent: parent, depth: depth + 1))
        case "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type", "has", "lang", "dir",
             "host", "host-context", "state", "nth-col", "nth-last-col", "heading":
            return .undecided(":\(name)(\(arguments.cssText))")
        default:
            if name.hasPrefix("-webkit-") || name.hasPrefix("-moz-") || name.hasPrefix("-ms-") {
                return .undecided(":\(name)(…)")
            }
            return nil
        }
    }

    static func pseudoClass(named name: String) -> PseudoClass? {
        switch name {
        case "root", "scope": return .root
        case "first-child": return .firstChild
        case "last-child": return .lastChild
        case "only-child": return .onlyChild
        case "link": return .link
        case "visited": return .visited
        case "any-link", "-webkit-any-link": return .anyLink
        case "hover": return .hover
        case "focus": return .focus
        case "focus-visible", "-moz-focusring": return .focusVisible
        case "focus-within": return .focusWithin
        case "active": return .active
        case "disabled": return .disabled
        case "enabled": return .enabled
        case "checked": return .checked
        case "target", "target-within", "popover-open", "modal", "fullscreen", "picture-in-picture",
             "host", "autofill", "-webkit-autofill", "user-invalid", "user-valid", "playing", "paused",
             "seeking", "buffering", "stalled", "muted", "volume-locked":
            return .never
        case "first-of-type", "last-of-type", "only-of-type", "empty", "placeholder-shown", "valid", "invalid",
             "required", "optional", "read-only", "read-write", "default", "indeterminate", "in-range",
             "out-of-range", "defined", "open", "closed", "blank", "local-link", "current", "past", "future":
            return .undecided(":" + name)
        default:
            if name.hasPrefix("-webkit-") || name.hasPrefix("-moz-") || name.hasPrefix("-ms-") {
                return .undecided(":" + name)
            }
            return nil
        }
    }
}
