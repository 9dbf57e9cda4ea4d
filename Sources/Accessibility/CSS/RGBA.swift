/// An sRGB colour with alpha, channels in 0…1 (not rounded to 8 bits until shown).
public struct RGBA: Sendable, Hashable, CustomStringConvertible {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red.clamped
        self.green = green.clamped
        self.blue = blue.clamped
        self.alpha = alpha.clamped
    }

    /// From 8-bit channels, as in `#rrggbb`.
    public init(_ red: Int, _ green: Int, _ blue: Int, alpha: Double = 1) {
        self.init(red: Double(red) / 255, green: Double(green) / 255, blue: Double(blue) / 255, alpha: alpha)
    }

    /// `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa`, with or without the `#`.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard [3, 4, 6, 8].contains(digits.count), digits.allSatisfy(\.isHexDigit) else { return nil }
        let values: [Int]
        if digits.count <= 4 {
            values = digits.map { Int(String($0), radix: 16)! * 17 }
        } else {
            let characters = Array(digits)
            values = stride(from: 0, to: characters.count, by: 2).map { Int(String(characters[$0...($0 + 1)]), radix: 16)! }
        }
        self.init(values[0], values[1], values[2], alpha: values.count == 4 ? Double(values[3]) / 255 : 1)
    }

    public static let black = RGBA(0, 0, 0)
    public static let white = RGBA(255, 255, 255)
    public static let transparent = RGBA(0, 0, 0, alpha: 0)

    public var isOpaque: Bool { alpha >= 1 }
    public var isTransparent: Bool { alpha <= 0 }

    /// `#rrggbb`, or `#rrggbbaa` when not opaque; channels rounded to 8 bits.
    public var hex: String {
        var bytes: [UInt8] = [UInt8(ascii: "#")]
        bytes.reserveCapacity(9)
        for channel in alpha < 1 ? [red, green, blue, alpha] : [red, green, blue] {
            let value = Int((channel.clamped * 255).rounded())
            bytes.append(Self.digits[value >> 4])
            bytes.append(Self.digits[value & 15])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    public var description: String { hex }

    /// This colour painted over `backdrop` (source-over), with `backdrop` opaque or not.
    public func over(_ backdrop: RGBA) -> RGBA {
        let outAlpha = alpha + backdrop.alpha * (1 - alpha)
        guard outAlpha > 0 else { return .transparent }
        func mix(_ top: Double, _ bottom: Double) -> Double {
            (top * alpha + bottom * backdrop.alpha * (1 - alpha)) / outAlpha
        }
        return RGBA(red: mix(red, backdrop.red), green: mix(green, backdrop.green), blue: mix(blue, backdrop.blue), alpha: outAlpha)
    }

    /// The same colour with its alpha multiplied (for `opacity`).
    public func fading(_ factor: Double) -> RGBA {
        RGBA(red: red, green: green, blue: blue, alpha: alpha * factor)
    }

    /// Rounded to what a screen shows: 8 bits a channel.
    public var rounded: RGBA {
        RGBA(red: (red * 255).rounded() / 255, green: (green * 255).rounded() / 255,
             blue: (blue * 255).rounded() / 255, alpha: alpha)
    }
}

extension Double {
    var clamped: Double { self.isNaN ? 0 : Swift.min(1, Swift.max(0, self)) }
}
