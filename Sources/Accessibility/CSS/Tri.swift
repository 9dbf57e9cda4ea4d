/// Three-valued truth for what static analysis cannot always settle: a selector or a media
/// query that does apply, does not, or may (at some widths, in some states we do not model).
public enum Tri: UInt8, Sendable, Hashable {
    case no, maybe, yes

    public static func && (a: Tri, b: @autoclosure () -> Tri) -> Tri {
        if a == .no { return .no }
        return Tri(rawValue: min(a.rawValue, b().rawValue))!
    }

    public static func || (a: Tri, b: @autoclosure () -> Tri) -> Tri {
        if a == .yes { return .yes }
        return Tri(rawValue: max(a.rawValue, b().rawValue))!
    }

    public static prefix func ! (a: Tri) -> Tri {
        switch a {
        case .no: .yes
        case .maybe: .maybe
        case .yes: .no
        }
    }

    public init(_ value: Bool) { self = value ? .yes : .no }
}
