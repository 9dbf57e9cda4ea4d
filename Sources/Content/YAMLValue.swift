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
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic.error("YAML \(problem)", at: location(mark, file: file, firstLine: firstLine),
                                    hint: hint(for: problem))
        case .reader(let problem, _, _, _):
            return Diagnostic.error("YAML \(problem)", at: SourceLocation(file: file, line: firstLine))
        case .duplicatedKeysInMapping(let duplicates, _):
            return Diagnostic.error("these keys are set twice: \(duplicates.joined(separator: ", "))",
                                    at: SourceLocation(file: file, line: firstLine), hint: "Keep one of each.")
        default:
            return Diagnostic.error("cannot read this YAML: \(error)", at: SourceLocation(file: file, line: firstLine))
        }
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
