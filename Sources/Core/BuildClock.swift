import Foundation

/// Where "now" comes from: the system clock in production, a fixed instant in tests and in
/// reproducible builds (`SOURCE_DATE_EPOCH`).
public struct BuildClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) { self.read = read }

    public var now: Date { read() }

    public static let system = BuildClock { Date() }

    public static func fixed(_ date: Date) -> BuildClock { BuildClock { date } }

    /// The fixed clock `SOURCE_DATE_EPOCH` asks for, or the system clock when it is unset.
    public static func fromEnvironment(_ environment: [String: String]) -> BuildClock {
        if let value = environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(value) {
            return .fixed(Date(timeIntervalSince1970: seconds))
        }
        return .system
    }
}
