import Core
import Testing

/// The one rule for language tags: front matter, the config and the rendered page's `lang`.
@Suite struct BCP47Tests {
    @Test(arguments: ["en", "en-GB", "cy", "pl", "zh-Hant-TW", "sr-Latn-RS", "es-419", "de-CH-1901", "zh-yue",
                      "i-klingon", "en-GB-x-herald", "en-a-bbb-x-ccc", "EN-gb"])
    func validLanguageTags(_ tag: String) {
        #expect(BCP47.problem(with: tag) == nil)
    }

    @Test(arguments: ["", " ", "english", "en_GB", "e", "en-", "en--GB", "xx", "123", "en-GB-GB", "en-a", "en-a-bb-a-cc", "x", "x-pirate", "en GB"])
    func invalidLanguageTags(_ tag: String) {
        #expect(BCP47.problem(with: tag) != nil)
    }
}
