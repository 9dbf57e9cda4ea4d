/// The states a link or button is checked in, besides how it first appears.
public enum InteractionState: String, Sendable, Hashable, CaseIterable, Comparable {
    case normal, visited, hover, focus, active

    /// How a message names the state: "when visited".
    public var phrase: String? {
        switch self {
        case .normal: nil
        case .visited: "when visited"
        case .hover: "on hover"
        case .focus: "on keyboard focus"
        case .active: "while pressed"
        }
    }

    public static func < (a: InteractionState, b: InteractionState) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Dynamic pseudo-class bits of one element in one scenario.
struct ElementState: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    static let hover = ElementState(rawValue: 1)
    static let focus = ElementState(rawValue: 2)
    static let focusVisible = ElementState(rawValue: 4)
    static let focusWithin = ElementState(rawValue: 8)
    static let active = ElementState(rawValue: 16)
    static let visited = ElementState(rawValue: 32)

    /// The bits of the element at `depth` on a path whose interactive element sits at
    /// `interactiveDepth`, in `state`. Hover and active reach the whole path (the pointer is over
    /// the text, inside every ancestor); focus belongs to the interactive element, and its
    /// ancestors match `:focus-within`.
    static func bits(for state: InteractionState, depth: Int, interactiveDepth: Int) -> ElementState {
        switch state {
        case .normal:
            return []
        case .visited:
            return depth == interactiveDepth ? .visited : []
        case .hover:
            return .hover
        case .focus:
            if depth == interactiveDepth { return [.focus, .focusVisible, .focusWithin] }
            return depth < interactiveDepth ? .focusWithin : []
        case .active:
            var bits: ElementState = [.hover, .active]
            if depth == interactiveDepth { bits.insert([.focus, .focusWithin]) }
            if depth < interactiveDepth { bits.insert(.focusWithin) }
            return bits
        }
    }
}
