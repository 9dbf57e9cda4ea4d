/// A length in CSS pixels that may not be known exactly: `clamp(1rem, 2vw, 2rem)` is somewhere
/// between 16px and 32px. A known length has `low == high`.
public struct PixelRange: Sendable, Hashable, CustomStringConvertible {
    public var low: Double
    public var high: Double

    public init(_ low: Double, _ high: Double) {
        self.low = Swift.min(low, high)
        self.high = Swift.max(low, high)
    }

    public init(exactly value: Double) { self.init(value, value) }

    /// Anything from nothing to any size (viewport units with no bounds).
    public static let unknown = PixelRange(0, .infinity)

    public var isExact: Bool { low == high }

    public var description: String {
        isExact ? "\(Self.format(low))px" : "\(Self.format(low))–\(high.isFinite ? Self.format(high) : "∞")px"
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func + (a: PixelRange, b: PixelRange) -> PixelRange { PixelRange(a.low + b.low, a.high + b.high) }
    static func - (a: PixelRange, b: PixelRange) -> PixelRange { PixelRange(a.low - b.high, a.high - b.low) }

    func scaled(_ factor: Double) -> PixelRange {
        let a = low * factor, b = high * factor
        return PixelRange(a.isNaN ? 0 : a, b.isNaN ? 0 : b)
    }
}
