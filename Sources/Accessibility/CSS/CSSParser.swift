/// Reads a token list into a `Stylesheet` (CSS Syntax Level 3 with CSS Nesting). Tolerant as
/// browsers are: a broken rule is dropped, the rest is kept; blocks left open at the end of
/// the file are closed; nesting deeper than `maximumDepth` is skipped rather than recursed into.
struct CSSParser {
    private let tokens: [CSSToken]
    /// For each opening token, the index of its closing token (or `tokens.count` if unclosed).
    private let closeIndex: [Int]
    private let path: String
    private var rules: [StyleRule] = []
    private var layerNames: [String] = []
    private var anonymousLayers = 0
    private var registered: [String: RegisteredProperty] = [:]
    private var notes: [String] = []

    static let maximumDepth = 32

    private struct Context {
        var parent: [ComplexSelector]?
        var parentText: String?
        var conditions: [RuleCondition] = []
        var layer: String?
        var depth = 0
    }

    static func parse(_ text: String, path: String) -> Stylesheet {
        var parser = CSSParser(tokens: CSSTokenizer.tokenize(text), path: path)
        parser.parseRuleList(0..<parser.tokens.count, Context())
        return Stylesheet(path: path, rules: parser.rules, layerNames: parser.layerNames,
                          registeredProperties: parser.registered, notes: parser.notes)
    }

    /// The declarations of a `style` attribute.
    static func parseDeclarations(_ text: String) -> [Declaration] {
        let parser = CSSParser(tokens: CSSTokenizer.tokenize(text), path: "")
        var declarations: [Declaration] = []
        var index = 0
        let end = parser.tokens.count
        while index < end {
            let token = parser.tokens[index]
            if token.kind == .whitespace || token.kind == .semicolon { index += 1; continue }
            let stop = parser.scan(from: index, to: end, stopAtCurly: false)
            if let declaration = parser.declaration(index..<stop) { declarations.append(declaration) }
            index = stop + 1
        }
        return declarations
    }

    private init(tokens: [CSSToken], path: String) {
        self.tokens = tokens
        self.path = path
        var close = [Int](repeating: tokens.count, count: tokens.count)
        var stack: [Int] = []
        for (index, token) in tokens.enumerated() {
            if token.opensBlock {
                stack.append(index)
                continue
            }
            guard let top = stack.last else { continue }
            let opener = tokens[top].kind
            let matches = switch token.kind {
            case .closeParen: opener == .function || opener == .openParen
            case .closeSquare: opener == .openSquare
            case .closeCurly: opener == .openCurly
            default: false
            }
            if matches {
                close[top] = index
                stack.removeLast()
            }
        }
        closeIndex = close
    }

    /// The end of a block that opens at `index` (exclusive of the closing token).
    private func blockEnd(_ index: Int, within end: Int) -> Int { min(closeIndex[index], end) }

    /// From `start`, the index of the first `;` (or `{` when `stopAtCurly`) at this level, or `end`.
    private func scan(from start: Int, to end: Int, stopAtCurly: Bool) -> Int {
        var index = start
        while index < end {
            let token = tokens[index]
            if token.kind == .semicolon { return index }
            if token.kind == .openCurly && stopAtCurly { return index }
            if token.opensBlock {
                index = blockEnd(index, within: end) + 1
                continue
            }
            index += 1
        }
        return end
    }

    /// The index of the first `{` at this level, or nil.
    private func findCurly(from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end {
            let token = tokens[index]
            if token.kind == .openCurly { return index }
            if token.opensBlock {
                index = blockEnd(index, within: end) + 1
                continue
            }
            index += 1
        }
        return nil
    }

    private mutating func parseRuleList(_ range: Range<Int>, _ context: Context) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let token = tokens[index]
            switch token.kind {
            case .whitespace, .cdo, .cdc, .semicolon:
                index += 1
            case .atKeyword:
                index = parseAtRule(at: index, end: end, context, inStyleBlock: false)
            default:
                guard let open = findCurly(from: index, to: end) else { return }
                let close = blockEnd(open, within: end)
                parseStyleRule(prelude: index..<open, block: (open + 1)..<close, context)
                index = close + 1
            }
        }
    }

    private mutating func parseStyleRule(prelude: Range<Int>, block: Range<Int>, _ context: Context) {
        guard context.depth < Self.maximumDepth else { return }
        let preludeTokens = Array(tokens[prelude])
        guard let selectors = SelectorParser.parseList(preludeTokens, parent: context.parent) else { return }
        var inner = context
        inner.parent = selectors
        inner.parentText = preludeTokens.cssText
        inner.depth += 1
        parseDeclarationBlock(block, inner, line: tokens[prelude.lowerBound].line)
    }

    /// Declarations and, with CSS Nesting, nested rules. Declarations are kept together in
    /// source order around the nested rules, as browsers do.
    private mutating func parseDeclarationBlock(_ range: Range<Int>, _ context: Context, line: Int) {
        var pending: [Declaration] = []
        var pendingLine = line
        func flush(_ parser: inout CSSParser) {
            guard !pending.isEmpty, let selectors = context.parent else { pending = []; return }
            parser.rules.append(StyleRule(
                selectors: selectors, selectorText: context.parentText ?? "", declarations: pending,
                conditions: context.conditions, layer: context.layer, line: pendingLine))
            pending = []
        }
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let token = tokens[index]
            switch token.kind {
            case .whitespace, .semicolon:
                index += 1
            case .atKeyword:
                flush(&self)
                index = parseAtRule(at: index, end: end, context, inStyleBlock: true)
            default:
                if token.kind == .ident, looksLikeDeclaration(at: index, end: end) {
                    let isCustom = token.text.hasPrefix("--")
                    let stop = scan(from: index, to: end, stopAtCurly: !isCustom)
                    if stop < end, tokens[stop].kind == .openCurly {
                        // `a:hover { … }` looked like a declaration but is a nested rule.
                        flush(&self)
                        let close = blockEnd(stop, within: end)
                        parseStyleRule(prelude: index..<stop, block: (stop + 1)..<close, context)
                        index = close + 1
                        pendingLine = index < end ? tokens[index].line : pendingLine
                        continue
                    }
                    if let declaration = declaration(index..<stop) {
                        if pending.isEmpty { pendingLine = token.line }
                        pending.append(declaration)
                    }
                    index = stop + 1
                } else {
                    let stop = scan(from: index, to: end, stopAtCurly: true)
                    guard stop < end, tokens[stop].kind == .openCurly else {
                        index = stop + 1
                        continue
                    }
                    flush(&self)
                    let close = blockEnd(stop, within: end)
                    parseStyleRule(prelude: index..<stop, block: (stop + 1)..<close, context)
                    index = close + 1
                }
            }
        }
        flush(&self)
    }

    private func looksLikeDeclaration(at index: Int, end: Int) -> Bool {
        var next = index + 1
        while next < end, tokens[next].kind == .whitespace { next += 1 }
        return next < end && tokens[next].kind == .colon
    }

    private func declaration(_ range: Range<Int>) -> Declaration? {
        var index = range.lowerBound
        while index < range.upperBound, tokens[index].kind == .whitespace { index += 1 }
        guard index < range.upperBound, tokens[index].kind == .ident else { return nil }
        let nameToken = tokens[index]
        index += 1
        while index < range.upperBound, tokens[index].kind == .whitespace { index += 1 }
        guard index < range.upperBound, tokens[index].kind == .colon else { return nil }
        index += 1
        var value: [CSSToken] = []
        for token in tokens[index..<range.upperBound] {
            if token.kind == .whitespace, value.last?.kind == .whitespace || value.isEmpty { continue }
            value.append(token)
        }
        while value.last?.kind == .whitespace { value.removeLast() }
        var important = false
        if let last = value.last, last.isIdent("important") {
            var bang = value.count - 2
            while bang >= 0, value[bang].kind == .whitespace { bang -= 1 }
            if bang >= 0, value[bang].isDelim("!") {
                important = true
                value.removeSubrange(bang...)
                while value.last?.kind == .whitespace { value.removeLast() }
            }
        }
        let name = nameToken.text.hasPrefix("--") ? nameToken.text : nameToken.lowercased
        // A bad string or URL makes the declaration invalid (CSS Syntax §5.4.6).
        if value.contains(where: { $0.kind == .badString || $0.kind == .badURL }) { return nil }
        // An empty value is invalid for everything but custom properties.
        if value.isEmpty && !name.hasPrefix("--") { return nil }
        return Declaration(name: name, value: value, important: important, line: nameToken.line)
    }

    /// Handles the at-rule starting at `start`; returns the index after it.
    private mutating func parseAtRule(at start: Int, end: Int, _ context: Context, inStyleBlock: Bool) -> Int {
        let name = tokens[start].lowercased
        let stop = scan(from: start + 1, to: end, stopAtCurly: true)
        let prelude = Array(tokens[(start + 1)..<stop])
        guard stop < end, tokens[stop].kind == .openCurly else {
            statementAtRule(name, prelude, context)
            return stop + 1
        }
        let close = blockEnd(stop, within: end)
        let block = (stop + 1)..<close
        guard context.depth < Self.maximumDepth else { return close + 1 }
        var inner = context
        inner.depth += 1
        switch name {
        case "media":
            inner.conditions.append(.media(MediaQueryList(prelude)))
        case "supports":
            inner.conditions.append(.supports(prelude.cssText))
        case "container":
            inner.conditions.append(.container(prelude.cssText))
        case "layer":
            let names = layerList(prelude)
            let local = names.first ?? {
                anonymousLayers += 1
                return "(anonymous \(anonymousLayers))"
            }()
            let full = context.layer.map { $0 + "." + local } ?? local
            declareLayer(full)
            inner.layer = full
        case "property":
            if !inStyleBlock { registerProperty(prelude, block) }
            return close + 1
        case "import", "scope":
            notes.append("@\(name) \(prelude.cssText) is not followed by the contrast check")
            return close + 1
        default:
            // @font-face, @keyframes, @page, @counter-style, @starting-style, vendor and unknown
            // at-rules: nothing in them colours text as first shown.
            return close + 1
        }
        if inStyleBlock {
            parseDeclarationBlock(block, inner, line: tokens[start].line)
        } else {
            parseRuleList(block, inner)
        }
        return close + 1
    }

    private mutating func statementAtRule(_ name: String, _ prelude: [CSSToken], _ context: Context) {
        switch name {
        case "layer":
            for local in layerList(prelude) {
                declareLayer(context.layer.map { $0 + "." + local } ?? local)
            }
        case "import":
            notes.append("@import \(prelude.cssText) is not followed by the contrast check; pass that stylesheet too")
        default:
            break
        }
    }

    private func layerList(_ prelude: [CSSToken]) -> [String] {
        var names: [String] = []
        var current = ""
        for token in prelude {
            switch token.kind {
            case .ident: current += token.text
            case .delim where token.text == ".": current += "."
            case .comma:
                if !current.isEmpty { names.append(current) }
                current = ""
            default: break
            }
        }
        if !current.isEmpty { names.append(current) }
        return names
    }

    private mutating func declareLayer(_ name: String) {
        // Declaring `a.b` also declares `a`, first.
        let parts = name.split(separator: ".")
        for count in 1...max(1, parts.count) {
            let prefix = parts.prefix(count).joined(separator: ".")
            if !layerNames.contains(prefix) { layerNames.append(prefix) }
        }
    }

    private mutating func registerProperty(_ prelude: [CSSToken], _ block: Range<Int>) {
        guard let nameToken = prelude.first(where: { $0.kind != .whitespace }), nameToken.kind == .ident,
              nameToken.text.hasPrefix("--") else { return }
        var inherits = true
        var initial: [CSSToken]?
        var index = block.lowerBound
        while index < block.upperBound {
            let stop = scan(from: index, to: block.upperBound, stopAtCurly: false)
            if let declaration = declaration(index..<stop) {
                switch declaration.name {
                case "inherits": inherits = declaration.value.first?.isIdent("true") ?? true
                case "initial-value": initial = declaration.value
                default: break
                }
            }
            index = stop + 1
        }
        registered[nameToken.text] = RegisteredProperty(inherits: inherits, initialValue: initial)
    }
}
