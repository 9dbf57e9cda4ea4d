import Core
import Yams

/// A YAML value with the line and column it was written at, so that every complaint about
/// config or front matter can point at the exact place.
public indirect enum YAMLValue: Sendable, Hashable {
    case scalar(String, quoted: Bool, at: SourceLocation)
    case list([YAMLValue], at: SourceLocation)
    /// Keys keep their order and their own locations.
    case mapping([(key: String, keyLocation: SourceLocation, value: YAMLValue)], at: SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(_, _, let at), .list(_, let at), .mapping(_, let at): at
        }
    }

    public static func == (a: YAMLValue, b: YAMLValue) -> Bool {
        switch (a, b) {
        case let (.scalar(x, qx, lx), .scalar(y, qy, ly)): x == y && qx == qy && lx == ly
        case let (.list(x, lx), .list(y, ly)): x == y && lx == ly
        case let (.mapping(x, lx), .mapping(y, ly)):
            lx == ly && x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(location)
    }

    /// What a person would call this kind of value, for "expected a list, found text".
    public var kindName: String {
        switch self {
        case .scalar: "a single value"
        case .list: "a list"
        case .mapping: "a set of keys"
        }
    }
}

/// Parses YAML text into `YAMLValue`s, turning Yams' errors into located diagnostics.
public enum YAMLReader {
    /// - Parameter firstLine: the file line where `text` starts (front matter starts on line 2).
    public static func parse(_ text: String, file: String, firstLine: Int = 1) throws(Diagnostic) -> YAMLValue? {
        let node: Yams.Node?
        do {
            // UTF-8 named outright: Yams' default encoding reads the whole environment on every
            // call, which was a third of the time spent reading front matter. The basic resolver
            // tags every scalar as text: `convert` reads only each scalar's text and quoting
            // (FieldReader decides what `true` or `3` means), and the default resolver's regular
            // expressions, run on every key for Yams' duplicate check, were a tenth of an
            // incremental build.
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw diagnostic(for: error, file: file, firstLine: firstLine)
        } catch {
            throw Diagnostic.error("cannot read this YAML: \(error)", at: SourceLocation(file: file, line: firstLine))
        }
        guard let node else { return nil }
        var budget = nodeBudget
        return try convert(node, file: file, firstLine: firstLine, depth: 0, budget: &budget)
    }

    private static func location(_ mark: Mark?, file: String, firstLine: Int) -> SourceLocation {
        SourceLocation(file: file, line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1)
    }

    static let nodeBudget = 20_000

    private static func convert(_ node: Yams.Node, file: String, firstLine: Int, depth: Int, budget: inout Int) throws(Diagnostic) -> YAMLValue {
        let at = location(node.mark, file: file, firstLine: firstLine)
        // Aliases let a few lines expand into billions of nodes (the "billion laughs"); no
        // real config or front matter comes near this budget.
        budget -= 1
        guard budget > 0 else {
            throw Diagnostic.error("YAML expands to more than \(nodeBudget) values", at: at,
                                   hint: "Write values out in full instead of repeating them with anchors and aliases (`&name`, `*name`).")
        }
        guard depth < 64 else {
            throw Diagnostic.error("YAML is nested too deeply", at: at, hint: "Front matter and config need only a few levels.")
        }
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            return .scalar(scalar.string, quoted: quoted, at: at)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for item in sequence { items.append(try convert(item, file: file, firstLine: firstLine, depth: depth + 1, budget: &budget)) }
            return .list(items, at: at)
        case .mapping(let mapping):
            var pairs: [(key: String, keyLocation: SourceLocation, value: YAMLValue)] = []
            var seen: Set<String> = []
            for (key, value) in mapping {
                let keyAt = location(key.mark, file: file, firstLine: firstLine)
                guard case .scalar(let keyScalar) = key else {
                    throw Diagnostic.error("a key must be plain text", at: keyAt)
                }
                guard seen.insert(keyScalar.string).inserted else {
                    throw Diagnostic.error("'\(keyScalar.string)' is set twice", at: keyAt, hint: "Keep one of the two lines.")
                }
                pairs.append((keyScalar.string, keyAt, try convert(value, file: file, firstLine: firstLine, depth: depth + 1, budget: &budget)))
            }
            return .mapping(pairs, at: at)
        case .alias:
            throw Diagnostic.error("YAML anchors and aliases (`*name`) are not supported here", at: at,
                                   hint: "Write the value out in full.")
        }
    }

    private static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        switch error {
        case .scanner(let context?, let problem, _, let yaml)
            where context.text.hasSuffix("quoted scalar") && (problem.contains("end of stream") || problem.contains("document indicator")):
            return unclosedQuote(at: context.mark, in: yaml, file: file, firstLine: firstLine)
        case .scanner(_, let problem, let mark, let yaml), .parser(_, let problem, let mark, let yaml),
             .composer(_, let problem, let mark, let yaml):
            // Yams notices a `title:` followed by a non-breaking space only on the next line.
            if let space = NonBreakingSpace.diagnostic(in: yaml, lines: max(1, mark.line - 1)...mark.line, file: file, firstLine: firstLine) {
                return space
            }
            return Diagnostic.error("YAML \(problem)", at: location(mark, file: file, firstLine: firstLine),
                                    hint: hint(for: problem))
        case .reader(let problem, _, _, _):
            return Diagnostic.error("YAML \(problem)", at: SourceLocation(file: file, line: firstLine))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return repeatedKey(duplicates, firstAt: context.mark, in: context.text, file: file, firstLine: firstLine)
        default:
            return Diagnostic.error("cannot read this YAML: \(error)", at: SourceLocation(file: file, line: firstLine))
        }
    }

    /// Yams finds an unclosed quote only at the end of the text, lines below: the place to fix
    /// is where the quote opened.
    private static func unclosedQuote(at mark: Mark, in yaml: String, file: String, firstLine: Int) -> Diagnostic {
        let line = SourceText.line(mark.line, of: yaml).map { String($0.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) } ?? ""
        let quote = line.unicodeScalars.dropFirst(mark.column - 1).first.map(String.init) ?? "\""
        let closed = line.unicodeScalars.count > mark.column ? " For example: `\(line)\(quote)`." : ""
        return Diagnostic.error("the quote \(quote) that opens here is not closed", at: location(mark, file: file, firstLine: firstLine),
                                hint: "End the value with another \(quote) on the same line.\(closed)")
    }

    /// Yams names the first of the two keys; the later one, found again, is the line to fix.
    private static func repeatedKey(_ names: [String], firstAt mark: Mark, in yaml: String, file: String, firstLine: Int) -> Diagnostic {
        let name = names.first ?? ""
        let others = names.count > 1 ? " These are set twice too: \(names.dropFirst().joined(separator: ", "))." : ""
        let first = location(mark, file: file, firstLine: firstLine)
        guard let second = RepeatedKey.second(name, first: (mark.line, mark.column), in: yaml) else {
            return Diagnostic.error("'\(name)' is set twice", at: first, hint: "Keep one of the two lines.\(others)")
        }
        return Diagnostic.error("'\(name)' is set twice, first on line \(first.line)",
                                at: SourceLocation(file: file, line: second.line + firstLine - 1, column: second.column),
                                hint: "Keep one of the two lines.\(others)")
    }

    private static func hint(for problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return "A value containing ': ' must be in quotes, e.g. title: \"Safer Streets: round 4\"."
        }
        if problem.contains("found character that cannot start any token") {
            return "Put values that start with @, ` or % in quotes."
        }
        if problem.contains("tab") { return "Indent YAML with spaces, not tabs." }
        return "Check the indentation and quoting on this line and the one above."
    }
}
