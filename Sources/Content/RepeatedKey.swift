import Yams

/// Finds where a repeated key is written again. Yams refuses a mapping with a repeated key
/// before Herald sees it, and says only where the key was first written; the line to fix is
/// usually the later one (a second `updated:` added further down).
enum RepeatedKey {
    /// A 1-based line and column of the YAML text, columns counted in Unicode scalars as libYAML does.
    typealias Place = (line: Int, column: Int)

    /// The place of the second `key` in the mapping whose first `key` is at `first`; nil when
    /// it cannot be found.
    static func second(_ key: String, first: Place, in yaml: String) -> Place? {
        // The first key is renamed (a `~` put before it) and the text read again: the key still
        // called `key` in the same mapping is the repeat. Other keys repeated in the text (front
        // matter pasted twice) are renamed the same way until Yams reads it. This runs only for
        // a file in error.
        var renamed = Renamed(text: yaml, first: first)
        guard renamed.rename(at: first) else { return nil }
        for _ in 0..<100 {
            do {
                let node = try Yams.compose(yaml: renamed.text, .basic, .default, .utf8)
                return node.flatMap { find(key, besideRenamedAt: renamed.first, in: $0) }.map(renamed.original)
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                let next = place(context.mark)
                // Written three times or more: the first of the rest is the second.
                if duplicates.first == key { return next > renamed.first ? renamed.original(next) : nil }
                guard renamed.rename(at: next) else { return nil }
            } catch {
                return nil
            }
        }
        return nil
    }

    /// The YAML with some keys renamed, and how to find places in the text as written.
    private struct Renamed {
        var text: String
        /// Where the first of the two keys is now.
        var first: Place
        /// Where each `~` was put, in today's text.
        var tildes: [Place] = []

        init(text: String, first: Place) {
            self.text = text
            self.first = first
        }

        mutating func rename(at place: Place) -> Bool {
            guard let index = RepeatedKey.index(of: place, in: text) else { return false }
            text.unicodeScalars.insert("~", at: index)
            func moved(_ other: Place) -> Place {
                other.line == place.line && other.column > place.column ? (other.line, other.column + 1) : other
            }
            first = moved(first)
            tildes = tildes.map(moved) + [place]
            return true
        }

        /// A place in today's text as a place in the text as written.
        func original(_ place: Place) -> Place {
            (place.line, place.column - tildes.filter { $0.line == place.line && $0.column < place.column }.count)
        }
    }

    private static func find(_ key: String, besideRenamedAt first: Place, in node: Node) -> Place? {
        switch node {
        case .mapping(let mapping):
            if mapping.contains(where: { $0.key.string == "~" + key && $0.key.mark.map { place($0) == first } == true }) {
                return mapping.first { $0.key.string == key }?.key.mark.map(place)
            }
            for (name, value) in mapping {
                if let found = find(key, besideRenamedAt: first, in: name) ?? find(key, besideRenamedAt: first, in: value) {
                    return found
                }
            }
            return nil
        case .sequence(let sequence):
            for item in sequence {
                if let found = find(key, besideRenamedAt: first, in: item) { return found }
            }
            return nil
        case .scalar, .alias:
            return nil
        }
    }

    private static func place(_ mark: Mark) -> Place { (mark.line, mark.column) }

    /// Where `place` is in `text`.
    static func index(of place: Place, in text: String) -> String.Index? {
        var line = 1, column = 1
        let scalars = text.unicodeScalars
        for index in scalars.indices {
            if (line, column) == place { return index }
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column) == place ? scalars.endIndex : nil
    }
}
