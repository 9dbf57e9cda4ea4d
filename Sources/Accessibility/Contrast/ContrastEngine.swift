/// The memoised machinery behind `ContrastChecker` for one set of stylesheets: interned element
/// paths, matched rules and computed styles per path, and verdicts per path and scenario. Not
/// thread-safe on its own; the checker guards it.
final class ContrastEngine {
    let index: RuleIndex
    let schemes: [ColourScheme]
    private let resolver: StyleResolver
    private(set) var table = PathTable()
    private var matchedCache: [Int32: [MatchedRule]] = [:]
    private var styleCache: [StyleKey: ComputedStyle] = [:]
    private var inlineCache: [String: [CompiledDeclaration]] = [:]
    private var textCache: [StyleKey: TextVerdict] = [:]
    private var nonTextCache: [NonTextKey: NonTextVerdict] = [:]
    /// Fix hints (with their suggested colour) per verdict: the same failure on every page.
    private var hintCache: [TextVerdict: String] = [:]
    /// Whether a path is `display: none`, asked of every element: without copying its style.
    private var displayNoneCache: [StyleKey: Bool] = [:]
    /// A `class` attribute's classes as a signature keeps them: the same few values on every page.
    private var classCache: [String: [String]] = [:]
    /// Everything about the text of an element that depends only on its path.
    var summaryCache: [SummaryKey: TextSummary] = [:]
    /// Paths whose focus indicator, boundary or link check found nothing in any scheme: the
    /// verdicts depend only on the path, so the same element on the next page is not asked again.
    var nonTextPasses: Set<NonTextPass> = []

    struct NonTextPass: Hashable {
        enum Check: UInt8 { case focus, boundary, link }
        var node: Int32
        var check: Check
    }

    struct SummaryKey: Hashable {
        var node: Int32
        var interactiveDepth: Int32
    }
    /// Computations done versus served from memory, for the benchmark.
    private(set) var textComputed = 0
    private(set) var textReused = 0

    private struct NonTextKey: Hashable {
        var kind: UInt8
        var node: Int32
        var other: Int32
        var scheme: ColourScheme
    }

    init(index: RuleIndex) {
        self.index = index
        schemes = index.hasDarkScheme ? [.light, .dark] : [.light]
        resolver = StyleResolver(registered: index.registeredProperties)
    }

    // MARK: Signatures and paths

    private static let checkerAttributes: Set<String> = [
        "hidden", "type", "disabled", "checked", "selected", "tabindex", "open", "role", "contenteditable", "aria-disabled",
    ]

    func signature(of element: HTMLElement, isFirst: Bool, isLast: Bool) -> Int32 {
        var id: String?
        var classes: [String] = []
        var attributes: [HTMLAttribute] = []
        var style: String?
        for attribute in element.attributes {
            switch attribute.name {
            case "id":
                if index.referencedIDs.contains(attribute.value) || index.referencedAttributes.contains("id") { id = attribute.value }
            case "class":
                // Classes are separated by ASCII whitespace (the HTML standard), which a byte
                // test finds without asking each character for its Unicode properties.
                if let known = classCache[attribute.value] {
                    classes = known
                } else {
                    let all = attribute.value.utf8.split(whereSeparator: { $0 == 0x20 || (0x09...0x0D).contains($0) })
                        .map { String(decoding: $0, as: UTF8.self) }
                    classes = index.referencedAttributes.contains("class") ? all
                        : Array(Set(all.filter { index.referencedClasses.contains($0) })).sorted()
                    classCache[attribute.value] = classes
                }
            case "style":
                let trimmed = attribute.value.cssTrimmed
                if !trimmed.isEmpty { style = trimmed }
            case "href":
                attributes.append(HTMLAttribute(name: "href", value: index.referencedAttributes.contains("href") ? attribute.value : ""))
            default:
                if index.referencedAttributes.contains(attribute.name) || Self.checkerAttributes.contains(attribute.name) {
                    attributes.append(attribute)
                }
            }
        }
        attributes.sort { $0.name < $1.name }
        let positional = index.usesChildPosition
        return table.intern(ElementSignature(
            tag: element.tag, id: id, classes: classes, attributes: attributes,
            isFirstChild: positional && isFirst, isLastChild: positional && isLast, style: style))
    }

    func node(parent: Int32, signature: Int32, state: ElementState = []) -> Int32 {
        table.intern(PathKey(parent: parent, signature: signature, state: state))
    }

    // MARK: Cascade

    private func matchedRules(_ node: Int32) -> [MatchedRule] {
        if let cached = matchedCache[node] { return cached }
        let signature = table.signature(of: node)
        let matcher = SelectorMatcher(table: table)
        var result: [MatchedRule] = []
        for entry in index.candidates(for: signature) {
            let match = matcher.matches(entry.selector, node)
            if match != .no {
                result.append(MatchedRule(rule: entry.rule, specificity: entry.specificity, order: entry.order,
                                          selectorMatch: match, undecidedNote: entry.undecidedNote))
            }
        }
        matchedCache[node] = result
        return result
    }

    private func inlineDeclarations(_ style: String) -> [CompiledDeclaration] {
        if let cached = inlineCache[style] { return cached }
        let compiled = CSSParser.parseDeclarations(style).flatMap(RuleIndex.compile)
        inlineCache[style] = compiled
        return compiled
    }

    private func winners(_ node: Int32, _ scheme: ColourScheme, _ conditional: Bool)
        -> ([Longhand: StyleResolver.Winner], [String: StyleResolver.Winner]) {
        let schemeIndex = scheme == .light ? 0 : 1
        var entries: [(CascadePriority, CompiledDeclaration, SourceReference)] = []
        for match in matchedRules(node) {
            let rule = index.rules[match.rule]
            let conditionResult = rule.conditionResult[schemeIndex]
            let applies = conditionResult && match.selectorMatch
            guard applies == .yes || (conditional && applies == .maybe) else { continue }
            var source = rule.source
            if applies == .maybe {
                if conditionResult == .maybe, let text = rule.conditionText {
                    source.condition = "when \(text) applies"
                } else {
                    source.condition = "when `\(rule.source.selector)` matches (\(match.undecidedNote ?? "it cannot be settled here"))"
                }
            } else {
                source.condition = nil
            }
            for declaration in rule.declarations {
                entries.append((CascadePriority(origin: rule.origin, important: declaration.important, layerRank: rule.layerRank,
                                                layerCount: index.layerCount, specificity: match.specificity, order: match.order),
                                declaration, source))
            }
        }
        if let style = table.signature(of: node).style {
            let source = SourceReference(selector: "", file: "", line: 0, condition: nil, isUserAgent: false)
            for declaration in inlineDeclarations(style) {
                entries.append((CascadePriority(origin: .inline, important: declaration.important, layerRank: 0,
                                                layerCount: index.layerCount, specificity: .zero, order: Int.max),
                                declaration, source))
            }
        }
        entries.sort { $0.0 < $1.0 }
        var longhands: [Longhand: StyleResolver.Winner] = [:]
        var customs: [String: StyleResolver.Winner] = [:]
        for (_, declaration, source) in entries {
            let winner = StyleResolver.Winner(value: declaration.value, source: source)
            if let name = declaration.customProperty {
                customs[name] = winner
            } else if let longhand = declaration.longhand {
                longhands[longhand] = winner
            }
        }
        return (longhands, customs)
    }

    /// The computed style of a path node; ancestors are computed first, without recursion.
    func isDisplayNone(_ node: Int32, _ scheme: ColourScheme, conditional: Bool) -> Bool {
        let key = StyleKey(node: node, scheme: scheme, includesConditional: conditional && index.hasConditionalRules)
        if let known = displayNoneCache[key] { return known }
        let hidden = style(node, scheme, conditional: conditional).displayNone
        displayNoneCache[key] = hidden
        return hidden
    }

    func style(_ node: Int32, _ scheme: ColourScheme, conditional: Bool) -> ComputedStyle {
        let conditional = conditional && index.hasConditionalRules
        if let cached = styleCache[StyleKey(node: node, scheme: scheme, includesConditional: conditional)] { return cached }
        var chain: [Int32] = []
        var current: Int32? = node
        var parentStyle: ComputedStyle?
        while let candidate = current {
            if let cached = styleCache[StyleKey(node: candidate, scheme: scheme, includesConditional: conditional)] {
                parentStyle = cached
                break
            }
            chain.append(candidate)
            current = table.parent(candidate)
        }
        var computed = parentStyle
        for candidate in chain.reversed() {
            let (longhands, customs) = winners(candidate, scheme, conditional)
            var style = resolver.compute(
                winners: longhands, customs: customs, parent: computed, rootFontSize: computed?.rootFontSize, scheme: scheme)
            style.rootFontSize = computed?.rootFontSize ?? style.fontSize
            styleCache[StyleKey(node: candidate, scheme: scheme, includesConditional: conditional)] = style
            computed = style
        }
        return computed!
    }

    func surface(_ path: [Int32], _ scheme: ColourScheme, conditional: Bool) -> Surface {
        Surface(
            styles: path.map { style($0, scheme, conditional: conditional) },
            names: path.map { "<\(table.signature(of: $0).selectorDescription)>" },
            tags: path.map { table.signature(of: $0).tag })
    }

    func countReuse(_ verdicts: Int) { textReused += verdicts }

    func hint(for verdict: TextVerdict) -> String {
        if let cached = hintCache[verdict] { return cached }
        let hint = ContrastMessages.fixHint(verdict)
        hintCache[verdict] = hint
        return hint
    }

    // MARK: Verdicts (memoised by path)

    func textVerdict(_ path: [Int32], _ scheme: ColourScheme, conditional: Bool) -> TextVerdict {
        let conditional = conditional && index.hasConditionalRules
        let key = StyleKey(node: path.last!, scheme: scheme, includesConditional: conditional)
        if let cached = textCache[key] {
            textReused += 1
            return cached
        }
        textComputed += 1
        let verdict = TextCheck.evaluate(surface(path, scheme, conditional: conditional))
        textCache[key] = verdict
        return verdict
    }

    func focusVerdict(focusedPath: [Int32], normalNode: Int32, _ scheme: ColourScheme) -> NonTextVerdict {
        let key = NonTextKey(kind: 0, node: focusedPath.last!, other: normalNode, scheme: scheme)
        if let cached = nonTextCache[key] { return cached }
        let verdict = FocusCheck.evaluate(focused: surface(focusedPath, scheme, conditional: false),
                                          normal: style(normalNode, scheme, conditional: false))
        nonTextCache[key] = verdict
        return verdict
    }

    func boundaryVerdict(_ path: [Int32], _ scheme: ColourScheme, isButton: Bool) -> NonTextVerdict {
        let key = NonTextKey(kind: isButton ? 2 : 1, node: path.last!, other: 0, scheme: scheme)
        if let cached = nonTextCache[key] { return cached }
        let verdict = BoundaryCheck.evaluate(surface(path, scheme, conditional: false), isButton: isButton)
        nonTextCache[key] = verdict
        return verdict
    }

    func linkVerdict(_ path: [Int32], parentIndex: Int, _ scheme: ColourScheme) -> NonTextVerdict {
        let key = NonTextKey(kind: 3, node: path.last!, other: path[parentIndex], scheme: scheme)
        if let cached = nonTextCache[key] { return cached }
        let verdict = LinkDistinctionCheck.evaluate(link: surface(path, scheme, conditional: false), parentIndex: parentIndex)
        nonTextCache[key] = verdict
        return verdict
    }
}
