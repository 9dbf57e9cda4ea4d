import Content
import Core

/// A page's checked front matter in the build cache, so that a page whose front matter has not
/// changed is not parsed again: reading the YAML of every page was half of a one-page rebuild
/// of a large site. Every field is written; `PageMetadataCacheTests` fills each one and fails
/// when a field is added here but not to that test.
extension PageMetadata {
    func encode(into out: inout CacheWriter) {
        out.string(title)
        out.optional(description) { $0.string($1) }
        out.string(kind.rawValue)
        for day in [date, updated, publishDate] { out.optional(day) { $0.day($1) } }
        out.bool(draft)
        out.optional(slug) { $0.string($1) }
        out.optional(slugLocation) { $0.location($1) }
        out.optional(weight) { $0.int($1) }
        out.array(aliases) { $0.located($1) }
        out.optional(lang) { $0.string($1) }
        out.bool(exitThisPage)
        out.array(related) { $0.located($1) }
        out.optional(contents) { $0.bool($1) }
        out.dictionary(lintIgnore) { $0.string($1) }
        out.dictionary(lintIgnoreLocations) { $0.location($1) }
        out.array(resources) { $0.attachment($1) }
        out.optional(period) { $0.string($1) }
        out.array(themes) { $0.string($1) }
        out.optional(decision) { out, decision in
            out.string(decision.number)
            out.int(decision.year)
            out.int(decision.sequence)
            out.string(decision.decisionMaker)
            out.string(decision.meeting)
            out.string(decision.status.rawValue)
            out.string(decision.category)
            out.string(decision.summary)
            out.string(decision.financialImplications)
            out.bool(decision.confidential)
            out.array(decision.backgroundPapers) { $0.attachment($1) }
        }
        out.optional(summary) { $0.string($1) }
        out.location(location)
    }

    init(from input: inout CacheReader) throws(CacheReader.Damaged) {
        let title = try input.string()
        let description = try input.optional { input throws(CacheReader.Damaged) in try input.string() }
        guard let kind = PageKind(rawValue: try input.string()) else { throw CacheReader.Damaged() }
        let date = try input.optional { input throws(CacheReader.Damaged) in try input.day() }
        let updated = try input.optional { input throws(CacheReader.Damaged) in try input.day() }
        let publishDate = try input.optional { input throws(CacheReader.Damaged) in try input.day() }
        let draft = try input.bool()
        let slug = try input.optional { input throws(CacheReader.Damaged) in try input.string() }
        let slugLocation = try input.optional { input throws(CacheReader.Damaged) in try input.location() }
        let weight = try input.optional { input throws(CacheReader.Damaged) in try input.int() }
        let aliases = try input.array { input throws(CacheReader.Damaged) in try input.located() }
        let lang = try input.optional { input throws(CacheReader.Damaged) in try input.string() }
        let exitThisPage = try input.bool()
        let related = try input.array { input throws(CacheReader.Damaged) in try input.located() }
        let contents = try input.optional { input throws(CacheReader.Damaged) in try input.bool() }
        let lintIgnore = try input.dictionary { input throws(CacheReader.Damaged) in try input.string() }
        let lintIgnoreLocations = try input.dictionary { input throws(CacheReader.Damaged) in try input.location() }
        let resources = try input.array { input throws(CacheReader.Damaged) in try input.attachment() }
        let period = try input.optional { input throws(CacheReader.Damaged) in try input.string() }
        let themes = try input.array { input throws(CacheReader.Damaged) in try input.string() }
        let decision = try input.optional { input throws(CacheReader.Damaged) -> DecisionFields in
            let number = try input.string(), year = try input.int(), sequence = try input.int()
            let decisionMaker = try input.string(), meeting = try input.string()
            guard let status = DecisionStatus(rawValue: try input.string()) else { throw CacheReader.Damaged() }
            return DecisionFields(number: number, year: year, sequence: sequence, decisionMaker: decisionMaker, meeting: meeting,
                                  status: status, category: try input.string(), summary: try input.string(),
                                  financialImplications: try input.string(), confidential: try input.bool(),
                                  backgroundPapers: try input.array { input throws(CacheReader.Damaged) in try input.attachment() })
        }
        let summary = try input.optional { input throws(CacheReader.Damaged) in try input.string() }
        self.init(title: title, kind: kind, location: try input.location())
        self.description = description
        self.date = date
        self.updated = updated
        self.draft = draft
        self.publishDate = publishDate
        self.slug = slug
        self.slugLocation = slugLocation
        self.weight = weight
        self.aliases = aliases
        self.lang = lang
        self.exitThisPage = exitThisPage
        self.related = related
        self.contents = contents
        self.lintIgnore = lintIgnore
        self.lintIgnoreLocations = lintIgnoreLocations
        self.resources = resources
        self.period = period
        self.themes = themes
        self.decision = decision
        self.summary = summary
    }
}

extension CacheWriter {
    mutating func day(_ day: Day) {
        int(day.year)
        int(day.month)
        int(day.day)
    }

    mutating func located(_ value: Located<String>) {
        string(value.value)
        location(value.location)
    }

    mutating func attachment(_ attachment: Attachment) {
        string(attachment.title)
        optional(attachment.file) { $0.string($1) }
        optional(attachment.url) { $0.string($1) }
        location(attachment.location)
    }
}

extension CacheReader {
    mutating func day() throws(Damaged) -> Day {
        Day(year: try int(), month: try int(), day: try int())
    }

    mutating func located() throws(Damaged) -> Located<String> {
        Located(try string(), at: try location())
    }

    mutating func attachment() throws(Damaged) -> Attachment {
        Attachment(title: try string(), file: try optional { input throws(Damaged) in try input.string() },
                   url: try optional { input throws(Damaged) in try input.string() }, location: try location())
    }
}
