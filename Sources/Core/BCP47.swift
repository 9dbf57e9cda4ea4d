/// Checks language tags against BCP 47 (RFC 5646): the shape of every subtag, and for two-letter
/// primary languages, that ISO 639-1 has them (so "en-GB" passes, "en_GB", "english" and "xx" do not).
/// In Core because front matter and the site config are checked by the same rule as the
/// rendered page's `lang`: a tag passed there and refused here was blamed on the template.
public enum BCP47 {
    /// Nil when `tag` is valid, else what is wrong with it.
    public static func problem(with tag: String) -> String? {
        var trimmed = Substring(tag)
        while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        guard !trimmed.isEmpty else { return "is empty" }
        if trimmed.utf8.contains(UInt8(ascii: "_")) { return "uses \"_\"; language tags use \"-\" (en-GB)" }
        let subtags = trimmed.split(separator: "-", omittingEmptySubsequences: false).map { String($0).lowercased() }
        guard subtags.allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.allSatisfy(\.isASCIIAlphanumeric) }) else {
            return "is not made of letters and digits in parts of one to eight, joined by \"-\""
        }
        var index = 0
        let language = subtags[0]
        if language == "x" {
            // Well-formed BCP 47, but no browser or screen reader can pick a voice for it.
            return "is a private-use tag, which no screen reader can pronounce; start with a real language code"
        }
        if language == "i" {
            // A grandfathered i- tag.
            return subtags.count > 1 ? nil : "needs a subtag after \"i-\""
        }
        // Four- and five-to-eight-letter primary subtags are reserved and none is registered.
        guard language.allSatisfy(\.isASCIILetter), (2...3).contains(language.count) else {
            return "does not start with a two- or three-letter language code"
        }
        if language.count == 2 && !iso639_1.contains(language) {
            return "starts with \"\(language)\", which is not an ISO 639 language code"
        }
        index = 1
        // Extended language subtags (up to three of 3 letters) only after a 2–3 letter language.
        var extlangs = 0
        while index < subtags.count, extlangs < 3, subtags[index].count == 3,
              subtags[index].allSatisfy(\.isASCIILetter) {
            index += 1
            extlangs += 1
        }
        if index < subtags.count, subtags[index].count == 4, subtags[index].allSatisfy(\.isASCIILetter) { index += 1 }
        if index < subtags.count, isRegion(subtags[index]) { index += 1 }
        while index < subtags.count, isVariant(subtags[index]) { index += 1 }
        var singletons: Set<String> = []
        while index < subtags.count, subtags[index].count == 1, subtags[index] != "x" {
            guard singletons.insert(subtags[index]).inserted else { return "repeats the extension \"\(subtags[index])\"" }
            index += 1
            let start = index
            while index < subtags.count, (2...8).contains(subtags[index].count) { index += 1 }
            if index == start { return "has an empty extension" }
        }
        if index < subtags.count, subtags[index] == "x" {
            return index + 1 < subtags.count ? nil : "has an empty private-use part"
        }
        return index == subtags.count ? nil : "has a part \"\(subtags[index])\" in the wrong place"
    }

    private static func isRegion(_ subtag: String) -> Bool {
        (subtag.count == 2 && subtag.allSatisfy(\.isASCIILetter)) || (subtag.count == 3 && subtag.allSatisfy(\.isASCIIDigit))
    }

    private static func isVariant(_ subtag: String) -> Bool {
        (5...8).contains(subtag.count) || (subtag.count == 4 && subtag.first!.isASCIIDigit)
    }

    static let iso639_1: Set<String> = Set("""
        aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee \
        el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is \
        it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms \
        mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk \
        sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi \
        yo za zh zu in iw ji jw mo sh
        """.split(separator: " ").map(String.init))
}
