/// A complex selector: compound selectors joined by combinators, e.g. `nav > ul a:hover`.
public struct ComplexSelector: Sendable, Hashable {
    /// Left to right; `combinators[i]` joins `compounds[i]` and `compounds[i + 1]`.
    public var compounds: [CompoundSelector]
    public var combinators: [Combinator]
    /// Set when the selector ends in a pseudo-element (`::before`, `::placeholder`): such rules
    /// style generated content, not the element's own text, so the contrast check leaves them out.
    public var pseudoElement: String?

    public init(compounds: [CompoundSelector], combinators: [Combinator], pseudoElement: String? = nil) {
        self.compounds = compounds
        self.combinators = combinators
        self.pseudoElement = pseudoElement
    }

    public var specificity: Specificity {
        var total = compounds.reduce(Specificity.zero) { $0 + $1.specificity }
        if pseudoElement != nil { total.types += 1 }
        return total
    }

    /// The rightmost compound: the element the selector styles.
    public var subject: CompoundSelector { compounds[compounds.count - 1] }
}

/// How two compound selectors relate: descendant (space), child (`>`), next (`+`) or later (`~`) sibling.
public enum Combinator: Sendable, Hashable {
    case descendant, child, nextSibling, subsequentSibling
}

/// A sequence of simple selectors that all apply to one element: `a.button[href]:hover`.
public struct CompoundSelector: Sendable, Hashable {
    /// Lower-cased tag name; nil for `*` or no type selector.
    public var tag: String?
    public var ids: [String] = []
    public var classes: [String] = []
    public var attributes: [AttributeSelector] = []
    public var pseudoClasses: [PseudoClass] = []

    public init(tag: String? = nil) { self.tag = tag }

    public var specificity: Specificity {
        var result = Specificity(ids: ids.count, classes: classes.count + attributes.count, types: tag == nil ? 0 : 1)
        for pseudo in pseudoClasses { result = result + pseudo.specificity }
        return result
    }
}

/// `[name]`, `[name=value]` and the substring forms, with the `i` flag.
public struct AttributeSelector: Sendable, Hashable {
    public enum Match: Sendable, Hashable {
        case exists, equals, includesWord, dashPrefix, prefix, suffix, substring
    }

    public var name: String
    public var match: Match
    public var value: String
    public var caseInsensitive: Bool

    public init(name: String, match: Match, value: String = "", caseInsensitive: Bool = false) {
        self.name = name
        self.match = match
        self.value = value
        self.caseInsensitive = caseInsensitive
    }

    public func matches(_ actual: String?) -> Bool {
        guard let actual else { return false }
        if match == .exists { return true }
        let have = caseInsensitive ? actual.lowercased() : actual
        let want = caseInsensitive ? value.lowercased() : value
        switch match {
        case .exists: return true
        case .equals: return have == want
        case .includesWord:
            guard !want.isEmpty, !want.contains(where: \.isWhitespace) else { return false }
            return have.split(whereSeparator: \.isWhitespace).contains { $0 == want }
        case .dashPrefix: return have == want || have.hasPrefix(want + "-")
        case .prefix: return !want.isEmpty && have.hasPrefix(want)
        case .suffix: return !want.isEmpty && have.hasSuffix(want)
        case .substring: return !want.isEmpty && have.contains(want)
        }
    }
}

/// The pseudo-classes the contrast check understands. States it cannot see statically
/// (`:nth-child`, `:has`, `:empty`…) become `.undecided` and the rule "may apply".
public indirect enum PseudoClass: Sendable, Hashable {
    case root
    case firstChild, lastChild, onlyChild
    case link, visited, anyLink
    case hover, focus, focusVisible, focusWithin, active
    case disabled, enabled, checked
    /// `:not(…)`; its specificity is that of its most specific argument.
    case not([ComplexSelector])
    /// `:is(…)`, `:matches(…)`, and the nesting selector `&` (which stands for its parent rule).
    case `is`([ComplexSelector])
    /// `:where(…)`: like `:is` but adds no specificity.
    case `where`([ComplexSelector])
    /// Valid, but not decidable from the page alone (the name is kept for notes).
    case undecided(String)
    /// Never matches a page as first shown (`:target`, `:popover-open`…).
    case never

    public var specificity: Specificity {
        switch self {
        case .not(let list), .is(let list):
            list.map(\.specificity).max() ?? .zero
        case .where:
            .zero
        default:
            Specificity(ids: 0, classes: 1, types: 0)
        }
    }
}

/// Selector specificity (A, B, C), compared left to right.
public struct Specificity: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var ids: Int
    public var classes: Int
    public var types: Int

    public init(ids: Int, classes: Int, types: Int) {
        self.ids = ids
        self.classes = classes
        self.types = types
    }

    public static let zero = Specificity(ids: 0, classes: 0, types: 0)

    public static func + (a: Specificity, b: Specificity) -> Specificity {
        Specificity(ids: a.ids + b.ids, classes: a.classes + b.classes, types: a.types + b.types)
    }

    public static func < (a: Specificity, b: Specificity) -> Bool {
        (a.ids, a.classes, a.types) < (b.ids, b.classes, b.types)
    }

    public var description: String { "(\(ids),\(classes),\(types))" }
}
