/// A condition a rule sits inside.
public enum RuleCondition: Sendable, Hashable {
    case media(MediaQueryList)
    /// `@supports`: what a browser supports is not known here, so the rule "may apply".
    case supports(String)
    /// `@container`: depends on the size of a container, so the rule "may apply".
    case container(String)

    public func evaluate(_ scheme: ColourScheme) -> Tri {
        switch self {
        case .media(let list): list.evaluate(scheme)
        case .supports, .container: .maybe
        }
    }

    /// How to name the condition in a message: `@media (max-width: 40em)`.
    public var text: String {
        switch self {
        case .media(let list): "@media " + list.text
        case .supports(let text): "@supports " + text
        case .container(let text): "@container " + text
        }
    }

    /// Whether the condition tests the colour scheme.
    public var mentionsColourScheme: Bool {
        if case .media(let list) = self { return list.mentionsColourScheme }
        return false
    }
}

/// The two colour schemes a page can be shown in.
public enum ColourScheme: String, Sendable, Hashable, CaseIterable {
    case light, dark
}
