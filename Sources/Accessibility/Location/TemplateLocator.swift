import Core

/// Finds where in the templates an element of a rendered page was written: given the element's
/// tag and its distinctive attributes (id, class, and the rest), the template file, line and
/// column of the start tag that produced it. Attribute values may hold Mustache tags
/// (`class="nav{{#current}} nav--current{{/current}}"`): those parts match anything.
///
/// Give it the templates the page was rendered with (the layout, the page kind's template and
/// the partials) as `[path: text]`; where two start tags match equally well, the first by path wins.
public struct TemplateLocator: Sendable {
    struct StartTag: Sendable {
        var file: String
        var line: Int
        var column: Int
        var tag: String
        var attributes: [TemplateAttribute]
    }

    struct TemplateAttribute: Sendable {
        var name: String
        var value: MustachePattern
        /// Written inside a `{{#section}}`: may be absent from the output.
        var optional: Bool
    }

    private var tagsByName: [String: [StartTag]] = [:]

    public init(templates: [String: String]) {
        for path in templates.keys.sorted() {
            for tag in TemplateScanner.startTags(in: templates[path]!, file: path) {
                tagsByName[tag.tag, default: []].append(tag)
            }
        }
    }

    public var isEmpty: Bool { tagsByName.isEmpty }

    public func locate(_ element: HTMLElement) -> SourceLocation? {
        locate(tag: element.tag, attributes: element.attributes)
    }

    public func locate(tag: String, attributes: [HTMLAttribute]) -> SourceLocation? {
        guard let candidates = tagsByName[tag] else { return nil }
        var best: (score: Int, tag: StartTag)?
        for candidate in candidates {
            guard let score = Self.score(candidate, against: attributes) else { continue }
            if best == nil || score > best!.score { best = (score, candidate) }
        }
        return best.map { SourceLocation(file: $0.tag.file, line: $0.tag.line, column: $0.tag.column) }
    }

    /// How well a template start tag explains the element's attributes; nil when it cannot have produced them.
    private static func score(_ candidate: StartTag, against attributes: [HTMLAttribute]) -> Int? {
        var score = 0
        var written: [String: TemplateAttribute] = [:]
        for attribute in candidate.attributes { written[attribute.name] = attribute }
        for attribute in attributes {
            guard let template = written.removeValue(forKey: attribute.name) else {
                // An attribute the template does not write: only a Mustache section could add it.
                if attribute.name == "id" || attribute.name == "class" { score -= 5 }
                if attribute.name == "data-sourcepos" { return nil }
                continue
            }
            if attribute.name == "class" {
                guard let classScore = classScore(template.value, attribute.value) else { return nil }
                score += classScore
            } else if template.value.matches(attribute.value) {
                score += attribute.name == "id" ? 100 : (template.value.isLiteral ? 3 : 1)
            } else {
                return nil
            }
        }
        // Attributes the template always writes must be in the output.
        for (_, attribute) in written where !attribute.optional && !attribute.value.mayBeEmpty {
            return nil
        }
        return score
    }

    private static func classScore(_ pattern: MustachePattern, _ value: String) -> Int? {
        let classes = Set(value.split(whereSeparator: \.isWhitespace).map(String.init))
        let required = pattern.requiredWords
        guard required.allSatisfy(classes.contains) else { return nil }
        return 10 * required.count + (pattern.matches(value) ? 1 : 0)
    }
}

/// An attribute value from a template: literal text with `{{…}}` parts that match anything.
struct MustachePattern: Sendable {
    enum Piece: Sendable, Equatable {
        case literal(String)
        case wildcard
    }

    var pieces: [Piece]
    /// Literal words outside any section, which every rendering contains.
    var requiredWords: [String]

    var isLiteral: Bool { !pieces.contains(.wildcard) }
    var mayBeEmpty: Bool { pieces.allSatisfy { $0 == .wildcard } || pieces.isEmpty }

    init(_ raw: String) {
        var pieces: [Piece] = []
        var required: [String] = []
        var depth = 0
        var literal = ""
        var literalFollowsTag = false
        var rest = Substring(raw)
        // A word glued to a Mustache tag ("nav--{{kind}}") is only part of a class: not required.
        func flush(beforeTag: Bool) {
            guard !literal.isEmpty else { return }
            // Text inside a section may be left out of the output: it matches as a wildcard.
            if depth == 0 {
                pieces.append(.literal(literal))
            } else if pieces.last != .wildcard {
                pieces.append(.wildcard)
            }
            if depth == 0 {
                var words = literal.split(whereSeparator: \.isWhitespace).map(String.init)
                if literalFollowsTag, let first = literal.first, !first.isWhitespace, !words.isEmpty { words.removeFirst() }
                if beforeTag, let last = literal.last, !last.isWhitespace, !words.isEmpty { words.removeLast() }
                required += words
            }
            literal = ""
        }
        while let first = rest.first {
            if rest.hasPrefix("{{"), let close = rest.range(of: "}}") {
                flush(beforeTag: true)
                var end = close.upperBound
                if end < rest.endIndex, rest[end] == "}" { end = rest.index(after: end) }
                let inner = rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound].trimmingWhitespace
                if inner.hasPrefix("#") || inner.hasPrefix("^") {
                    depth += 1
                } else if inner.hasPrefix("/") {
                    depth = max(0, depth - 1)
                }
                if pieces.last != .wildcard { pieces.append(.wildcard) }
                rest = rest[end...]
                literalFollowsTag = true
                continue
            }
            literal.append(first)
            rest = rest.dropFirst()
        }
        flush(beforeTag: false)
        self.pieces = pieces
        self.requiredWords = required
    }

    /// Glob matching: literals in order, wildcards standing for any text.
    func matches(_ value: String) -> Bool {
        let text = Array(value)
        var position = 0
        var anchored = true
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .wildcard:
                anchored = false
            case .literal(let literal):
                let needle = Array(literal)
                let isLast = index == pieces.count - 1
                if anchored {
                    guard text.count - position >= needle.count, Array(text[position..<position + needle.count]) == needle else { return false }
                    position += needle.count
                } else if isLast {
                    guard text.count - position >= needle.count, Array(text[(text.count - needle.count)...]) == needle else { return false }
                    position = text.count
                } else {
                    guard let found = Self.find(needle, in: text, from: position) else { return false }
                    position = found + needle.count
                }
                anchored = true
            }
        }
        return !anchored || position == text.count
    }

    private static func find(_ needle: [Character], in text: [Character], from start: Int) -> Int? {
        guard needle.count <= text.count - start else { return nil }
        for index in start...(text.count - needle.count) where Array(text[index..<index + needle.count]) == needle {
            return index
        }
        return nil
    }
}
