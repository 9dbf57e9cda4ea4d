/// What a selector looks at, gathered once when indexing.
struct SelectorFacts {
    var classes = Set<String>()
    var ids = Set<String>()
    var attributes = Set<String>()
    var childPosition = false
    var states = Set<InteractionState>()
    var undecided: String?
    private var depth = 0

    mutating func visit(_ selector: ComplexSelector) {
        guard depth < 64 else { return }
        depth += 1
        defer { depth -= 1 }
        if selector.combinators.contains(where: { $0 == .nextSibling || $0 == .subsequentSibling }) {
            undecided = undecided ?? "a sibling combinator"
        }
        for compound in selector.compounds {
            classes.formUnion(compound.classes)
            ids.formUnion(compound.ids)
            attributes.formUnion(compound.attributes.map(\.name))
            for pseudo in compound.pseudoClasses { visit(pseudo) }
        }
    }

    private mutating func visit(_ pseudo: PseudoClass) {
        switch pseudo {
        case .firstChild, .lastChild, .onlyChild: childPosition = true
        case .visited: states.insert(.visited)
        case .hover: states.insert(.hover)
        case .focus, .focusVisible, .focusWithin: states.insert(.focus)
        case .active: states.insert(.active)
        case .not(let list), .is(let list), .where(let list): list.forEach { visit($0) }
        case .undecided(let name): undecided = undecided ?? name
        default: break
        }
    }
}
