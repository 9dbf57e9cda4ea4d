import Foundation

/// Turns file and folder names into URL segments that are safe everywhere:
/// `Hate Crime (Guide).md` → `hate-crime-guide`, `Café.md` → `cafe`.
public enum Slug {
    public static func make(_ name: String) -> String {
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
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]@!$&'()*+,;=%")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
