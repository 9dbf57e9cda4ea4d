import Core

/// Reads `herald.yml` into a `SiteConfig`, reporting every bad or missing key at its line.
public enum SiteConfigLoader {
    public static let fileName = "herald.yml"

    static let knownKeys = ["title", "base_url", "language", "organisation", "navigation", "footer", "phase",
                            "search", "exit_this_page_url", "raw_html", "lint", "news_per_page"]

    /// - Returns: the config and its warnings; throws the errors together.
    public static func load(_ text: String, file: String) throws(DiagnosticList) -> (SiteConfig, [Diagnostic]) {
        let value: YAMLValue?
        do {
            value = try YAMLReader.parse(text, file: file)
        } catch {
            throw DiagnosticList([error.withSourceLine(from: text)])
        }
        guard let value else {
            throw DiagnosticList([.error("\(file) is empty", at: SourceLocation(file: file, line: 1),
                                         hint: "It needs at least title, base_url, language and organisation.")])
        }
        var reader = FieldReader(value, context: file)
        let title = reader.string("title", required: true, hint: "Add the site's name, e.g. `title: Police and Crime Commissioner`.")
        var baseURL = reader.string("base_url", required: true, hint: "Add the address the site is published at, e.g. `base_url: https://www.example.gov.uk`.")
        if let url = baseURL, let at = reader.valueLocation("base_url") {
            if !isBaseURL(url) {
                reader.report(.error("base_url must be an absolute http(s) address", at: at, hint: "For example `base_url: https://www.example.gov.uk`."))
            }
            while baseURL?.hasSuffix("/") == true { baseURL?.removeLast() }
        }
        let language = reader.string("language", required: true, hint: "For a UK English site: `language: en-GB`.")
        if let language, !LanguageTag.isValid(language), let at = reader.valueLocation("language") {
            reader.report(.error("'\(language)' is not a valid language tag", at: at, hint: "Use a BCP 47 tag such as en-GB or cy."))
        }
        let organisation = readOrganisation(&reader)
        let navigation = readLinks(&reader, key: "navigation")
        let footer = readLinks(&reader, key: "footer")
        var phase: SiteConfig.PhaseBanner?
        if let phaseValue = reader.value("phase") {
            var phaseReader = FieldReader(phaseValue, context: "phase")
            if let tag = phaseReader.string("tag", required: true), let message = phaseReader.string("message", required: true) {
                phase = SiteConfig.PhaseBanner(tag: tag, message: message)
            }
            phaseReader.finish(known: ["tag", "message"])
            reader.absorb(phaseReader)
        }
        let search = reader.bool("search") ?? false
        let exitURL = reader.string("exit_this_page_url") ?? "https://www.bbc.co.uk/weather"
        if !(exitURL.hasPrefix("https://") || exitURL.hasPrefix("http://")), let at = reader.valueLocation("exit_this_page_url") {
            reader.report(.error("exit_this_page_url must be an https:// address", at: at,
                                 hint: "The button takes a reader somewhere safe at once, e.g. `exit_this_page_url: https://www.bbc.co.uk/weather`."))
        }
        let rawHTML = Set((reader.stringList("raw_html") ?? []).map { $0.lowercased() })
        var lint = SiteConfig.LintSettings()
        if let lintValue = reader.value("lint") {
            var lintReader = FieldReader(lintValue, context: "lint")
            lint.readingAge = lintReader.int("reading_age") ?? lint.readingAge
            lint.maxSentenceWords = lintReader.int("sentence_words") ?? lint.maxSentenceWords
            lint.wordsToAvoid = lintReader.stringList("words_to_avoid") ?? []
            lintReader.finish(known: ["reading_age", "sentence_words", "words_to_avoid"])
            reader.absorb(lintReader)
        }
        let newsPerPage = reader.int("news_per_page") ?? 10
        reader.finish(known: knownKeys)

        let errors = reader.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let title, let baseURL, let language, let organisation else {
            throw DiagnosticList(reader.diagnostics.filter { $0.severity == .error }.map { $0.withSourceLine(from: text) })
        }
        let config = SiteConfig(
            title: title, baseURL: baseURL, language: language, organisation: organisation,
            navigation: navigation, footer: footer, phase: phase, search: search, exitThisPageURL: exitURL,
            rawHTML: rawHTML, lint: lint, newsPerPage: max(1, newsPerPage))
        return (config, reader.diagnostics.map { $0.withSourceLine(from: text) })
    }

    private static func readOrganisation(_ reader: inout FieldReader) -> SiteConfig.Organisation? {
        guard let value = reader.value("organisation") else {
            reader.missing("organisation", hint: "Add `organisation:` with at least `name:` under it.")
            return nil
        }
        var inner = FieldReader(value, context: "organisation")
        let name = inner.string("name", required: true)
        let organisation = name.map {
            SiteConfig.Organisation(name: $0, email: inner.string("email"), phone: inner.string("phone"), address: inner.string("address"))
        }
        inner.finish(known: ["name", "email", "phone", "address"])
        reader.absorb(inner)
        return organisation
    }

    private static func readLinks(_ reader: inout FieldReader, key: String) -> [SiteConfig.MenuLink] {
        reader.mappingList(key) { item in
            guard let title = item.string("title", required: true), let url = item.string("url", required: true) else { return nil }
            // Only what a menu needs: a path on the site or a web address. Anything else
            // (`javascript:`, `data:`, however disguised) could run script from every page.
            guard isMenuAddress(url) else {
                item.report(.error("'\(url)' is not a path on this site or a web address", at: item.valueLocation("url"),
                                   hint: "Write a site path such as `/report/`, or a full https:// address."))
                return nil
            }
            return SiteConfig.MenuLink(title: title, url: url, location: item.valueLocation("url"))
        } ?? []
    }

    /// An address the site can be published at: http(s), absolute. `base_url` and the command
    /// line's `--base-url`, which replaces it, are held to the same rule.
    public static func isBaseURL(_ url: String) -> Bool {
        url.hasPrefix("https://") || url.hasPrefix("http://")
    }

    /// A site path (`/report/`, not `//host`), a web address, or a mail or phone link.
    static func isMenuAddress(_ url: String) -> Bool {
        (url.hasPrefix("/") && !url.hasPrefix("//") && !url.hasPrefix("/\\"))
            || ["https://", "http://", "mailto:", "tel:"].contains { url.lowercased().hasPrefix($0) }
    }
}

extension FieldReader {
    /// Where the value of `key` was written, if it was.
    func valueLocation(_ key: String) -> SourceLocation? {
        var copy = self
        return copy.value(key)?.location
    }

    /// Takes on the problems a nested reader found.
    mutating func absorb(_ other: FieldReader) {
        for diagnostic in other.diagnostics { report(diagnostic) }
    }
}
