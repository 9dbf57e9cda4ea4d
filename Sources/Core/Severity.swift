/// How much a finding matters: errors stop a build, warnings stop a `--strict` one, advice never does.
public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case advice
    case warning
    case error

    private var rank: Int {
        switch self {
        case .advice: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
