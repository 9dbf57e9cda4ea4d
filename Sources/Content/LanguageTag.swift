/// BCP 47 language tags, checked by shape (language, script, region, variants), which is
/// what browsers and screen readers need to pick a voice.
public enum LanguageTag {
    public static func isValid(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count) || (5...8).contains(language.count),
              language.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        var index = 1
        if index < parts.count, parts[index].count == 4, parts[index].allSatisfy({ $0.isASCII && $0.isLetter }) { index += 1 }
        if index < parts.count,
           (parts[index].count == 2 && parts[index].allSatisfy({ $0.isASCII && $0.isLetter }))
            || (parts[index].count == 3 && parts[index].allSatisfy({ $0.isASCII && $0.isNumber })) { index += 1 }
        while index < parts.count {
            let part = parts[index]
            guard (1...8).contains(part.count), part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
            index += 1
        }
        return true
    }
}
