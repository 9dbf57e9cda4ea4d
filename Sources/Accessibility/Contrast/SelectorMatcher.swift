/// Three-valued selector matching over interned paths. An element's previous siblings are not
/// part of its path, so sibling combinators match an unknown sibling: "maybe".
struct SelectorMatcher {
    let table: PathTable

    /// A real element on a path, or an unknown sibling of one (sharing its parent).
    private enum Subject: Hashable {
        case element(Int32)
        case siblingOf(Int32)

        var parentSource: Int32 {
            switch self {
            case .element(let node), .siblingOf(let node): node
            }
        }
    }

    func matches(_ selector: ComplexSelector, _ node: Int32) -> Tri {
        var memo: [MemoKey: Tri] = [:]
        return match(selector, selector.compounds.count - 1, .element(node), &memo, depth: 0)
    }

    private struct MemoKey: Hashable {
        var index: Int
        var subject: Subject
    }

    private func parent(of subject: Subject) -> Int32? { table.parent(subject.parentSource) }

    private func match(_ selector: ComplexSelector, _ index: Int, _ subject: Subject, _ memo: inout [MemoKey: Tri], depth: Int) -> Tri {
        let key = MemoKey(index: index, subject: subject)
        if let known = memo[key] { return known }
        var result = compound(selector.compounds[index], subject, depth: depth)
        if result != .no && index > 0 {
            switch selector.combinators[index - 1] {
            case .child:
                if let parent = parent(of: subject) {
                    result = result && match(selector, index - 1, .element(parent), &memo, depth: depth)
                } else {
                    result = .no
                }
            case .descendant:
                var best = Tri.no
                var ancestor = parent(of: subject)
                while let current = ancestor, best != .yes {
                    best = best || match(selector, index - 1, .element(current), &memo, depth: depth)
                    ancestor = table.parent(current)
                }
                result = result && best
            case .nextSibling, .subsequentSibling:
                // The root has no siblings.
                if parent(of: subject) == nil {
                    result = .no
                } else {
                    let sibling: Subject = switch subject {
                    case .element(let node): .siblingOf(node)
                    case .siblingOf: subject
                    }
                    result = result && match(selector, index - 1, sibling, &memo, depth: depth)
                }
            }
        }
        memo[key] = result
        return result
    }

    private func compound(_ compound: CompoundSelector, _ subject: Subject, depth: Int) -> Tri {
        guard case .element(let node) = subject else {
            // Nothing is known about a sibling but that it is not the root.
            return compound.pseudoClasses.contains(.root) ? .no : .maybe
        }
        let signature = table.signature(of: node)
        if let tag = compound.tag, tag != signature.tag { return .no }
        for id in compound.ids where signature.id != id { return .no }
        for name in compound.classes where !signature.classes.contains(name) { return .no }
        for attribute in compound.attributes {
            let value: String? = attribute.name == "class" ? signature.classes.joined(separator: " ")
                : (attribute.name == "id" ? signature.id : signature.attribute(attribute.name))
            if !attribute.matches(value) { return .no }
        }
        var result = Tri.yes
        for pseudo in compound.pseudoClasses {
            result = result && self.pseudo(pseudo, node, signature, depth: depth)
            if result == .no { return .no }
        }
        return result
    }

    private func pseudo(_ pseudo: PseudoClass, _ node: Int32, _ signature: ElementSignature, depth: Int) -> Tri {
        let state = table.state(of: node)
        switch pseudo {
        case .root: return Tri(table.parent(node) == nil)
        case .firstChild: return Tri(signature.isFirstChild)
        case .lastChild: return Tri(signature.isLastChild)
        case .onlyChild: return Tri(signature.isFirstChild && signature.isLastChild)
        case .link: return Tri(signature.isLink && !state.contains(.visited))
        case .visited: return Tri(signature.isLink && state.contains(.visited))
        case .anyLink: return Tri(signature.isLink)
        case .hover: return Tri(state.contains(.hover))
        case .focus: return Tri(state.contains(.focus))
        case .focusVisible: return Tri(state.contains(.focusVisible))
        case .focusWithin: return Tri(state.contains(.focusWithin))
        case .active: return Tri(state.contains(.active))
        case .disabled: return Tri(signature.isFormControl && signature.hasAttribute("disabled"))
        case .enabled: return Tri(signature.isFormControl && !signature.hasAttribute("disabled"))
        case .checked: return Tri(signature.hasAttribute("checked") || (signature.tag == "option" && signature.hasAttribute("selected")))
        case .never: return .no
        case .undecided: return .maybe
        case .not(let list):
            guard depth < 32 else { return .maybe }
            return !list.reduce(Tri.no) { $0 || matchesNested($1, node, depth: depth + 1) }
        case .is(let list), .where(let list):
            guard depth < 32 else { return .maybe }
            return list.reduce(Tri.no) { $0 || matchesNested($1, node, depth: depth + 1) }
        }
    }

    private func matchesNested(_ selector: ComplexSelector, _ node: Int32, depth: Int) -> Tri {
        var memo: [MemoKey: Tri] = [:]
        return match(selector, selector.compounds.count - 1, .element(node), &memo, depth: depth)
    }
}
