import Core
import Foundation

/// Turns a page's front matter into `PageMetadata`, reporting unknown keys (with a
/// did-you-mean), wrong types and missing required fields at their lines.
public enum FrontMatterParser {
    static let commonFields = ["title", "description", "kind", "date", "updated", "draft", "publish_date", "slug",
                               "weight", "aliases", "lang", "exit_this_page", "related", "contents", "lint_ignore"]

    /// Every field any kind understands, for did-you-mean suggestions.
    static let allFields = commonFields + PageKind.allCases.flatMap(\.ownFields)

    /// - Returns: the metadata (nil when an error makes it unusable) and every diagnostic.
    public static func parse(_ front: FrontMatter, file: String) -> (PageMetadata?, [Diagnostic]) {
        let start = SourceLocation(file: file, line: 1)
        guard let yaml = front.yaml else {
            return (nil, [.error("the page has no front matter", at: start,
                                 hint: "Start the file with a `---` line, `title: …`, and another `---` line.")])
        }
        let parsed: YAMLValue?
        do {
            parsed = try YAMLReader.parse(yaml, file: file, firstLine: front.yamlFirstLine)
        } catch {
            return (nil, [error])
        }
        guard let parsed else {
            return (nil, [.error("the front matter is empty", at: start, hint: "Add at least `title: …` between the `---` lines.")])
        }
        // A lone `title:` and a non-breaking space read as one line of text, not as a key.
        if case .scalar = parsed,
           let space = NonBreakingSpace.diagnostic(in: yaml, lines: 1...Int.max, file: file, firstLine: front.yamlFirstLine) {
            return (nil, [space])
        }
        var reader = FieldReader(parsed, context: "front matter")
        guard reader.diagnostics.isEmpty else { return (nil, reader.diagnostics) }

        var kind = PageKind.page
        var kindIsKnown = true
        if let kindValue = reader.value("kind") {
            if case .scalar(let text, _, _) = kindValue, let known = PageKind(rawValue: text) {
                kind = known
            } else {
                kindIsKnown = false
                let written = if case .scalar(let text, _, _) = kindValue { text } else { kindValue.kindName }
                let names = PageKind.allCases.map(\.rawValue)
                let guess = Suggestion.closest(to: written, in: names).map { "Did you mean '\($0)'? " } ?? ""
                reader.report(.error("'\(written)' is not a page kind", at: kindValue.location,
                                     hint: guess + "Kinds: \(names.joined(separator: ", "))."))
            }
        }
        let title = reader.string("title", required: true, hint: "Add `title: …`: it becomes the page's h1 and its <title>.")
        var meta = PageMetadata(title: title ?? "", kind: kind, location: parsed.location)
        meta.description = reader.string("description")
        meta.date = reader.day("date", required: kind.requiredFields.contains("date"))
        meta.updated = reader.day("updated", required: kind.requiredFields.contains("updated"))
        meta.draft = reader.bool("draft") ?? false
        meta.publishDate = reader.day("publish_date")
        meta.slug = reader.string("slug")
        meta.slugLocation = meta.slug == nil ? nil : reader.valueLocation("slug")
        if let slug = meta.slug, let at = meta.slugLocation, !Slug.isSafe(slug) {
            reader.report(.error("slug '\(slug)' must be a single URL segment", at: at,
                                 hint: "Use lower-case words joined by hyphens, e.g. `slug: hate-crime`; no `/`, `..` or spaces."))
        }
        meta.weight = reader.int("weight")
        meta.aliases = located(&reader, "aliases")
        meta.lang = reader.string("lang")
        if let lang = meta.lang, !LanguageTag.isValid(lang), let at = reader.valueLocation("lang") {
            reader.report(.error("'\(lang)' is not a valid language tag", at: at, hint: "Use a BCP 47 tag such as cy, pl or pt-PT."))
        }
        meta.exitThisPage = reader.bool("exit_this_page") ?? false
        meta.related = located(&reader, "related")
        meta.contents = reader.bool("contents")
        (meta.lintIgnore, meta.lintIgnoreLocations) = readLintIgnore(&reader)

        readKindFields(kind, into: &meta, reader: &reader, file: file)
        reader.finish(known: allFields)
        flagPlaceholders(in: parsed, reader: &reader)
        CommentCut.check(parsed, yaml: yaml, firstLine: front.yamlFirstLine, reader: &reader)
        let diagnostics = explainingOtherKindsFields(reader.diagnostics, kind: kindIsKnown ? kind : nil)
        let usable = title != nil && !diagnostics.contains { $0.severity == .error }
        return (usable ? meta : nil, diagnostics.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) })
    }

    /// Fields of another kind are read by nobody above, so they come back as unknown: say which
    /// kinds they belong to, naming every one (`summary` is a decision's and a news story's).
    /// - Parameter kind: nil when the page's kind is mistyped; its fields then most likely
    ///   belong to the kind meant, and the kind's own error (with its did-you-mean) is the one
    ///   to act on: a second message suggesting another kind would contradict it.
    private static func explainingOtherKindsFields(_ diagnostics: [Diagnostic], kind: PageKind?) -> [Diagnostic] {
        diagnostics.compactMap { diagnostic -> Diagnostic? in
            guard diagnostic.severity == .warning, diagnostic.message.hasPrefix("unknown field '"),
                  let key = diagnostic.message.split(separator: "'").dropFirst().first.map(String.init) else { return diagnostic }
            let owners = PageKind.allCases.filter { $0.ownFields.contains(key) }.map { "`kind: \($0.rawValue)`" }
            guard !owners.isEmpty else { return diagnostic }
            guard let kind else { return nil }
            var copy = diagnostic
            copy.message = "field '\(key)' belongs to \(listed(owners, "and")) pages, not `kind: \(kind.rawValue)`"
            copy.hint = "Remove it, or set \(listed(owners, "or"))."
            return copy
        }
    }

    /// `a`, `a or b`, `a, b or c`.
    private static func listed(_ items: [String], _ conjunction: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
    }

    /// `herald new` marks what only the author can fill in with `TODO:`; one left behind is a warning.
    private static func flagPlaceholders(in value: YAMLValue, reader: inout FieldReader) {
        switch value {
        case .scalar(let text, _, let at) where text.hasPrefix("TODO"):
            reader.report(.warning("a `TODO` placeholder is still here", at: at, hint: "Replace it with the real value before publishing."))
        case .list(let items, _):
            for item in items { flagPlaceholders(in: item, reader: &reader) }
        case .mapping(let pairs, _):
            for pair in pairs { flagPlaceholders(in: pair.value, reader: &reader) }
        default:
            break
        }
    }

    private static func located(_ reader: inout FieldReader, _ key: String) -> [Located<String>] {
        guard let value = reader.value(key) else { return [] }
        switch value {
        case .list(let items, _):
            return items.compactMap { item in
                if case .scalar(let text, _, let at) = item { return Located(text, at: at) }
                reader.report(.error("each item of '\(key)' must be text", at: item.location))
                return nil
            }
        case .scalar(let text, _, let at) where !text.isEmpty:
            return [Located(text, at: at)]
        default:
            reader.report(.error("'\(key)' must be a list", at: value.location, hint: "Write each item on its own line starting `- `."))
            return []
        }
    }

    /// The entries (rule id → reason) and where each rule id was written.
    private static func readLintIgnore(_ reader: inout FieldReader) -> ([String: String], [String: SourceLocation]) {
        guard let value = reader.value("lint_ignore") else { return ([:], [:]) }
        guard case .mapping(let pairs, _) = value else {
            reader.report(.error("'lint_ignore' must map each rule id to your reason", at: value.location,
                                 hint: "For example:\n  lint_ignore:\n    plain-sentence-length: \"quotes the Order's legal title\""))
            return ([:], [:])
        }
        var result: [String: String] = [:]
        var locations: [String: SourceLocation] = [:]
        for pair in pairs {
            if case .scalar(let reason, _, _) = pair.value, !reason.trimmingCharacters(in: .whitespaces).isEmpty {
                result[pair.key] = reason
                locations[pair.key] = pair.keyLocation
            } else {
                reader.report(.error("silencing '\(pair.key)' needs a reason", at: pair.keyLocation,
                                     hint: "Write why the rule does not apply: `\(pair.key): \"…\"`."))
            }
        }
        return (result, locations)
    }

    private static func readKindFields(_ kind: PageKind, into meta: inout PageMetadata, reader: inout FieldReader, file: String) {
        switch kind {
        case .page, .guide:
            break
        case .toolkit:
            meta.resources = readAttachments(&reader, "resources", required: true)
        case .strategy:
            meta.period = reader.string("period", required: true, hint: "For example `period: 2022 to 2024`.")
            meta.themes = reader.stringList("themes", required: true) ?? []
        case .news:
            meta.summary = reader.string("summary", required: true, hint: "One or two sentences for the news list and feed.")
        case .decision:
            meta.decision = readDecision(&reader, date: meta.date)
            meta.summary = meta.decision?.summary
        }
    }

    private static func readDecision(_ reader: inout FieldReader, date: Day?) -> DecisionFields? {
        let number = reader.string("number", required: true, hint: "Decision numbers are YEAR-SEQUENCE, e.g. `number: 2023-014`.")
        var year = 0, sequence = 0
        if let number, let at = reader.valueLocation("number") {
            let parts = number.split(separator: "-")
            if parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), parts[1].count >= 3, let s = Int(parts[1]), s > 0 {
                year = y
                sequence = s
                if let date, date.year != y {
                    reader.report(.warning("decision \(number) is dated \(date.iso), in another year", at: at,
                                           hint: "Decision numbers count within the year of the decision's date."))
                }
            } else {
                reader.report(.error("'\(number)' is not a decision number", at: at, hint: "Write YEAR-SEQUENCE with three digits, e.g. `number: 2023-014`."))
            }
        }
        let maker = reader.string("decision_maker", required: true)
        let meeting = reader.string("meeting", required: true, hint: "The board or meeting where it was decided.")
        var status: DecisionStatus?
        if let text = reader.string("status", required: true, hint: "approved, rejected or deferred") {
            status = DecisionStatus(rawValue: text.lowercased())
            if status == nil, let at = reader.valueLocation("status") {
                reader.report(.error("'\(text)' is not a decision status", at: at, hint: "Use approved, rejected or deferred."))
            }
        }
        let category = reader.string("category", required: true)
        let summary = reader.string("summary", required: true)
        let money = reader.string("financial_implications", required: true,
                                  hint: "Say what it costs, or write that the record does not say.")
        let confidential = reader.bool("confidential", required: true)
        let papers = readAttachments(&reader, "background_papers", required: false)
        guard let number, let maker, let meeting, let status, let category, let summary, let money, let confidential,
              year > 0 else { return nil }
        return DecisionFields(number: number, year: year, sequence: sequence, decisionMaker: maker, meeting: meeting,
                              status: status, category: category, summary: summary, financialImplications: money,
                              confidential: confidential, backgroundPapers: papers)
    }

    private static func readAttachments(_ reader: inout FieldReader, _ key: String, required: Bool) -> [Attachment] {
        reader.mappingList(key, required: required) { item -> Attachment? in
            let at = item.valueLocation("title") ?? item.valueLocation("file") ?? item.valueLocation("url")
            let title = item.string("title", required: true)
            let file = item.string("file")
            let url = item.string("url")
            if file == nil && url == nil {
                item.missing("file", hint: "Give `file:` (a document beside the page) or `url:`.")
            }
            guard let title, let at else { return nil }
            return Attachment(title: title, file: file, url: url, location: at)
        } ?? []
    }
}
