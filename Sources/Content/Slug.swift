import Core
import Foundation

/// Turns file and folder names into URL segments that are safe everywhere:
/// `Hate Crime (Guide).md` → `hate-crime-guide`, `Café.md` → `cafe`.
public enum Slug {
    public static func make(_ name: String) -> String {
        // Folding with a locale is the slow part, and does nothing to ASCII but lower its case.
        ASCIISlug.applies(to: name) ? asciiMake(name) : unicodeMake(name)
    }

    /// True when `make` gives `segment` back as it is: lower-case letters, digits and `_`, in
    /// words joined by single hyphens.
    public static func isUnchangedBySlug(_ segment: Substring.UTF8View) -> Bool {
        var previous = UInt8(ascii: "-")
        for byte in segment {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): break
            case UInt8(ascii: "-"): if previous == UInt8(ascii: "-") { return false }
            default: return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: "-")
    }

    /// `make` for ASCII names: the same result as `unicodeMake` (a test checks).
    static func asciiMake(_ name: String) -> String {
        ASCIISlug.make(name, otherBytes: { $0 == UInt8(ascii: "_") ? .keep : .separate }, empty: "page")
    }

    /// `make` for any name.
    static func unicodeMake(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
        var result = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            let keep = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
            if keep {
                if pendingHyphen && !result.isEmpty { result += "-" }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result.isEmpty ? "page" : result.lowercased()
    }

    /// A slug an author may write: one segment, nothing that climbs or hides.
    public static func isSafe(_ slug: String) -> Bool {
        !slug.isEmpty && slug != "." && slug != ".." && !slug.contains("/") && !slug.contains("\\")
            && !slug.contains(" ") && !slug.hasPrefix(".") && slug.unicodeScalars.allSatisfy { !$0.properties.isWhitespace && $0.value >= 0x20 }
    }

    /// Percent-encodes a site path for use in an attribute or a sitemap, keeping `/`.
    public static func encodePath(_ path: String) -> String {
        // Nearly every path is a slug already (letters, digits, `-`, `/`): asked for every link
        // on every page, Foundation's encoder was a few per cent of a build.
        if path.utf8.allSatisfy(isPlainPathByte) { return path }
        return path.addingPercentEncoding(withAllowedCharacters: pathAllowed) ?? path
    }

    private static let pathAllowed: CharacterSet = {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]@!$&'()*+,;=%")
        return allowed
    }()

    /// Bytes `encodePath` keeps as they are whatever the rest of the path holds.
    private static func isPlainPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
