/// A declared value as the cascade keeps it: tokens ready to compute, or a shorthand whose
/// `var()` must be substituted (per element) before it can be split into longhands.
enum DeclaredValue: Hashable, Sendable {
    case tokens([CSSToken])
    case pendingShorthand(name: String, tokens: [CSSToken])
}

/// One declaration of an indexed rule, already split into the longhands the checker uses.
struct CompiledDeclaration: Sendable {
    var longhand: Longhand?
    var customProperty: String?
    var value: DeclaredValue
    var important: Bool
}
