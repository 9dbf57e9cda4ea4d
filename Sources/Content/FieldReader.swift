import Core
import Foundation

/// Reads typed fields out of a YAML mapping, collecting every problem instead of stopping at
/// the first, and remembering which keys were read so the rest can be flagged as unknown.
public struct FieldReader {
    public private(set) var diagnostics: [Diagnostic] = []
    private let pairs: [(key: String, keyLocation: SourceLocation, value: YAMLValue)]
    private let location: SourceLocation
    private var read: Set<String> = []
    private let context: String

    /// - Parameter context: how to name the thing being read in messages ("front matter", "herald.yml").
    public init(_ value: YAMLValue, context: String) {
        self.context = context
        location = value.location
        if case .mapping(let pairs, _) = value {
            self.pairs = pairs
        } else {
            pairs = []
            diagnostics.append(.error("\(context) must be a set of `key: value` lines, not \(value.kindName)", at: value.location,
                                      hint: "Write one `key: value` per line, e.g. `title: Report a crime`."))
        }
    }

    public var keys: [String] { pairs.map(\.key) }

    public mutating func value(_ key: String) -> YAMLValue? {
        read.insert(key)
        return pairs.first { $0.key == key }?.value
    }

    public func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    public mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public mutating func missing(_ key: String, hint: String? = nil) {
        diagnostics.append(.error("\(context) is missing required field '\(key)'", at: location,
                                  hint: hint ?? "Add a line `\(key): …`."))
    }

    public mutating func string(_ key: String, required: Bool = false, hint: String? = nil) -> String? {
        guard let value = value(key) else {
            if required { missing(key, hint: hint) }
            return nil
        }
        guard case .scalar(let text, _, _) = value else {
            report(.error("'\(key)' must be text, not \(value.kindName)", at: value.location, hint: hint))
            return nil
        }
        if required && Self.isBlank(text) {
            report(.error("'\(key)' is empty", at: value.location, hint: hint ?? "Give '\(key)' a value."))
            return nil
        }
        return text
    }

    public mutating func bool(_ key: String, required: Bool = false) -> Bool? {
        guard let value = value(key) else {
            if required { missing(key, hint: "Add `\(key): true` or `\(key): false`.") }
            return nil
        }
        if case .scalar(let text, false, _) = value {
            switch text.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        report(.error("'\(key)' must be true or false", at: value.location, hint: "Write `\(key): true` or `\(key): false`."))
        return nil
    }

    public mutating func int(_ key: String) -> Int? {
        guard let value = value(key) else { return nil }
        if case .scalar(let text, false, _) = value, let number = Int(text) { return number }
        report(.error("'\(key)' must be a whole number", at: value.location, hint: "For example `\(key): 10`."))
        return nil
    }

    public mutating func day(_ key: String, required: Bool = false) -> Day? {
        guard let value = value(key) else {
            if required { missing(key, hint: "Add `\(key): YYYY-MM-DD`, e.g. `\(key): 2023-03-15`.") }
            return nil
        }
        if case .scalar(let text, _, _) = value, let day = Day(parsing: text) { return day }
        if case .scalar(let text, _, _) = value, let reason = Day.whyNoSuchDay(text) {
            report(.error("'\(key)' is \(text), a date that does not exist: \(reason)", at: value.location,
                          hint: "Check the date: Herald reads it as year, month, day, as in `\(key): 2023-03-15`."))
            return nil
        }
        report(.error("'\(key)' must be a date written YYYY-MM-DD", at: value.location, hint: "For example `\(key): 2023-03-15`."))
        return nil
    }

    /// Nothing but spaces and tabs (what Foundation's `.whitespaces` trims), asked without the
    /// trip through NSString that was a twentieth of reading a site's front matter.
    static func isBlank(_ text: String) -> Bool {
        // Foundation's set still counts the zero width space, as older Unicode did.
        text.unicodeScalars.allSatisfy { $0 == "\t" || $0 == "\u{200B}" || $0.properties.generalCategory == .spaceSeparator }
    }

    public mutating func stringList(_ key: String, required: Bool = false) -> [String]? {
        guard let value = value(key) else {
            if required { missing(key, hint: "Add `\(key):` followed by lines starting `- `.") }
            return nil
        }
        switch value {
        case .list(let items, _):
            var result: [String] = []
            for item in items {
                if case .scalar(let text, _, _) = item { result.append(text) } else {
                    report(.error("each item of '\(key)' must be text", at: item.location))
                }
            }
            return result
        case .scalar(let text, _, _) where !text.isEmpty:
            return [text]
        default:
            report(.error("'\(key)' must be a list", at: value.location, hint: "Write each item on its own line starting `- `."))
            return nil
        }
    }

    /// Reads a list whose items are mappings, each handed to `item` with its own reader.
    public mutating func mappingList<T>(_ key: String, required: Bool = false, item: (inout FieldReader) -> T?) -> [T]? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .list(let items, _) = value else {
            report(.error("'\(key)' must be a list", at: value.location, hint: "Write each item on its own line starting `- `."))
            return nil
        }
        var result: [T] = []
        for entry in items {
            var reader = FieldReader(entry, context: "each item of '\(key)'")
            if let made = item(&reader) { result.append(made) }
            reader.finish(known: nil)
            diagnostics += reader.diagnostics
        }
        return result
    }

    /// Flags the keys nobody read: a warning with a did-you-mean suggestion among `known`
    /// (or among what was read, when `known` is nil).
    public mutating func finish(known: [String]?) {
        let candidates = known ?? Array(read)
        for pair in pairs where !read.contains(pair.key) {
            let suggestion = Suggestion.closest(to: pair.key, in: candidates)
            let hint = suggestion.map { "Did you mean '\($0)'?" } ?? "Remove it, or check the spelling against the documented fields."
            diagnostics.append(.warning("unknown field '\(pair.key)' in \(context)", at: pair.keyLocation, hint: hint))
        }
    }
}
