/// The start of a `data-sourcepos="line:col-line:col"` attribute, which Herald's Markdown
/// renderer (like cmark's) puts on the elements it writes, pointing back into the Markdown.
struct SourcePosition: Sendable, Hashable {
    var line: Int
    var column: Int

    init?(attribute value: String) {
        // Read on every element of every page: the usual "12:3-12:40" by its bytes, without
        // the arrays two splits would make; anything else the careful way.
        if let (line, column) = Self.digitsColonDigits(value.utf8), line > 0, column > 0 {
            self.line = line
            self.column = column
            return
        }
        let start = value.split(separator: "-", maxSplits: 1).first ?? ""
        let parts = start.split(separator: ":")
        guard parts.count == 2, let line = Int(parts[0]), let column = Int(parts[1]), line > 0, column > 0 else { return nil }
        self.line = line
        self.column = column
    }

    /// `line:column` at the start of `bytes`, ended by `-` or the end; nil for anything else.
    private static func digitsColonDigits(_ bytes: String.UTF8View) -> (Int, Int)? {
        var numbers = (0, 0)
        var digits = 0
        var sawColon = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // Nine digits cannot overflow; longer numbers go the careful way.
                guard digits < 9 else { return nil }
                digits += 1
                if sawColon { numbers.1 = numbers.1 * 10 + Int(byte - 48) } else { numbers.0 = numbers.0 * 10 + Int(byte - 48) }
            case UInt8(ascii: ":") where !sawColon && digits > 0:
                sawColon = true
                digits = 0
            case UInt8(ascii: "-") where sawColon && digits > 0:
                return numbers
            default:
                return nil
            }
        }
        return sawColon && digits > 0 ? numbers : nil
    }

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
