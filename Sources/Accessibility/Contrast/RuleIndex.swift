/// Stylesheets compiled once for fast matching: declarations reduced to the properties that
/// matter for contrast, selectors bucketed by the id, class or tag of their rightmost compound,
/// cascade layers ranked, and the names selectors test collected so element signatures can
/// leave out everything else.
final class RuleIndex: Sendable {
    enum Origin: Int, Sendable { case userAgent = 0, author = 1, inline = 2 }

    struct Rule: Sendable {
        var declarations: [CompiledDeclaration]
        var conditions: [RuleCondition]
        /// The rule's conditions evaluated for [light, dark].
        var conditionResult: [Tri]
        var conditionText: String?
        var origin: Origin
        /// Rank among layers for normal declarations; unlayered rules rank highest.
        var layerRank: Int
        var source: SourceReference
    }

    struct Entry: Sendable {
        var rule: Int
        var selector: ComplexSelector
        var specificity: Specificity
        /// Global source order, for ties.
        var order: Int
        var undecidedNote: String?
    }

    let rules: [Rule]
    let byID: [String: [Entry]]
    let byClass: [String: [Entry]]
    let byTag: [String: [Entry]]
    let universal: [Entry]
    let layerCount: Int
    let referencedClasses: Set<String>
    let referencedIDs: Set<String>
    let referencedAttributes: Set<String>
    let usesChildPosition: Bool
    let usedStates: Set<InteractionState>
    /// The CSS has `prefers-color-scheme`, `light-dark()` or a `color-scheme` with `dark`.
    let hasDarkScheme: Bool
    /// Some rule only "may apply" somewhere (a width media query, an undecidable selector).
    let hasConditionalRules: Bool
    let registeredProperties: [String: RegisteredProperty]
    let notes: [String]

    init(userAgent: Stylesheet, author: [Stylesheet]) {
        var rules: [Rule] = []
        var byID: [String: [Entry]] = [:], byClass: [String: [Entry]] = [:], byTag: [String: [Entry]] = [:]
        var universal: [Entry] = []
        var classes = Set<String>(), ids = Set<String>(), attributes = Set<String>()
        var childPosition = false
        var states = Set<InteractionState>()
        var dark = false
        var conditional = false
        var registered: [String: RegisteredProperty] = [:]
        var notes: [String] = []

        // Layers: one tree over every sheet, ranked so a layer's sublayers come before its own rules.
        var layerNames: [String] = []
        for sheet in author { for name in sheet.layerNames where !layerNames.contains(name) { layerNames.append(name) } }
        let layerRanks = Self.rankLayers(layerNames)
        let unlayeredRank = layerRanks.count

        var order = 0
        for (sheetIndex, sheet) in ([userAgent] + author).enumerated() {
            let origin: Origin = sheetIndex == 0 ? .userAgent : .author
            registered.merge(sheet.registeredProperties) { $1 }
            notes += sheet.notes.map { sheet.path.isEmpty ? $0 : "\(sheet.path): \($0)" }
            for rule in sheet.rules {
                let declarations = rule.declarations.flatMap(Self.compile)
                if origin == .author, !dark {
                    dark = rule.conditions.contains { $0.mentionsColourScheme }
                        || rule.declarations.contains { Self.mentionsDark($0) }
                }
                guard !declarations.isEmpty else { continue }
                let results = ColourScheme.allCases.map { scheme in
                    rule.conditions.reduce(Tri.yes) { $0 && $1.evaluate(scheme) }
                }
                if results.allSatisfy({ $0 == .no }) { continue }
                let maybeCondition = rule.conditions.first { condition in
                    ColourScheme.allCases.contains { condition.evaluate($0) == .maybe }
                }
                if maybeCondition != nil { conditional = true }
                let ruleIndex = rules.count
                rules.append(Rule(
                    declarations: declarations, conditions: rule.conditions, conditionResult: results,
                    conditionText: maybeCondition?.text, origin: origin,
                    layerRank: rule.layer.flatMap { layerRanks[$0] } ?? unlayeredRank,
                    source: SourceReference(selector: rule.selectorText, file: sheet.path, line: rule.line,
                                            condition: maybeCondition?.text, isUserAgent: origin == .userAgent)))
                for selector in rule.selectors where selector.pseudoElement == nil {
                    var collector = SelectorFacts()
                    collector.visit(selector)
                    classes.formUnion(collector.classes)
                    ids.formUnion(collector.ids)
                    attributes.formUnion(collector.attributes)
                    childPosition = childPosition || collector.childPosition
                    if origin == .author { states.formUnion(collector.states) }
                    if collector.undecided != nil { conditional = true }
                    let entry = Entry(rule: ruleIndex, selector: selector, specificity: selector.specificity, order: order,
                                      undecidedNote: collector.undecided)
                    order += 1
                    let subject = selector.subject
                    if let id = subject.ids.first {
                        byID[id, default: []].append(entry)
                    } else if let name = subject.classes.first {
                        byClass[name, default: []].append(entry)
                    } else if let tag = subject.tag {
                        byTag[tag, default: []].append(entry)
                    } else {
                        universal.append(entry)
                    }
                }
            }
        }
        self.rules = rules
        self.byID = byID
        self.byClass = byClass
        self.byTag = byTag
        self.universal = universal
        self.layerCount = unlayeredRank + 1
        referencedClasses = classes
        referencedIDs = ids
        referencedAttributes = attributes
        usesChildPosition = childPosition
        usedStates = states
        hasDarkScheme = dark
        hasConditionalRules = conditional
        registeredProperties = registered
        self.notes = notes
    }

    /// Declarations reduced to the longhands that matter, shorthands split where possible.
    static func compile(_ declaration: Declaration) -> [CompiledDeclaration] {
        if declaration.isCustomProperty {
            return [CompiledDeclaration(longhand: nil, customProperty: declaration.name,
                                        value: .tokens(declaration.value), important: declaration.important)]
        }
        if let longhand = Longhand.named(declaration.name) {
            return [CompiledDeclaration(longhand: longhand, customProperty: nil, value: .tokens(declaration.value),
                                        important: declaration.important)]
        }
        guard let longhands = Shorthands.longhands(of: declaration.name) else { return [] }
        if VarSubstitution.containsVar(declaration.value) {
            return longhands.map {
                CompiledDeclaration(longhand: $0, customProperty: nil,
                                    value: .pendingShorthand(name: declaration.name, tokens: declaration.value),
                                    important: declaration.important)
            }
        }
        guard let expanded = Shorthands.expand(declaration.name, declaration.value) else { return [] }
        return expanded.map {
            CompiledDeclaration(longhand: $0.0, customProperty: nil, value: .tokens($0.1), important: declaration.important)
        }
    }

    private static func mentionsDark(_ declaration: Declaration) -> Bool {
        if declaration.name == "color-scheme" { return declaration.value.contains { $0.isIdent("dark") } }
        return declaration.value.contains { $0.kind == .function && $0.lowercased == "light-dark" }
    }

    /// Post-order over the layer tree: `a.b` ranks below `a`'s own rules, and earlier-declared
    /// layers below later ones.
    static func rankLayers(_ names: [String]) -> [String: Int] {
        var children: [String: [String]] = ["": []]
        for name in names {
            let parts = name.split(separator: ".").map(String.init)
            var parent = ""
            for count in 1...max(1, parts.count) {
                let full = parts.prefix(count).joined(separator: ".")
                if children[full] == nil {
                    children[full] = []
                    children[parent, default: []].append(full)
                }
                parent = full
            }
        }
        var ranks: [String: Int] = [:]
        // Iterative post-order so hostile layer nesting cannot exhaust the stack.
        var stack: [(String, Int)] = [("", 0)]
        while let (name, next) = stack.popLast() {
            let kids = children[name] ?? []
            if next < kids.count {
                stack.append((name, next + 1))
                stack.append((kids[next], 0))
            } else if !name.isEmpty {
                ranks[name] = ranks.count
            }
        }
        return ranks
    }

    /// Candidate selectors for an element, by its id, classes and tag.
    func candidates(for signature: ElementSignature) -> [Entry] {
        var result: [Entry] = []
        if let id = signature.id, let entries = byID[id] { result += entries }
        for name in signature.classes { if let entries = byClass[name] { result += entries } }
        if let entries = byTag[signature.tag] { result += entries }
        result += universal
        return result
    }
}
