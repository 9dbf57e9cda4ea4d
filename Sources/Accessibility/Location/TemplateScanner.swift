/// Reads the start tags out of a Mustache template's text, with where each is written. It knows
/// just enough HTML to skip comments, end tags and raw text, and treats `{{…}}` as opaque.
enum TemplateScanner {
    static func startTags(in text: String, file: String) -> [TemplateLocator.StartTag] {
        let characters = Array(text)
        var result: [TemplateLocator.StartTag] = []
        var line = 1
        var column = 1
        var index = 0
        // Track positions as we go: line and column of `index`.
        func advance(to target: Int) {
            while index < target {
                if characters[index] == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
            }
        }
        while index < characters.count {
            let character = characters[index]
            if character == "{" && index + 1 < characters.count && characters[index + 1] == "{" {
                advance(to: closeOfMustache(characters, from: index))
                continue
            }
            guard character == "<", index + 1 < characters.count else {
                advance(to: index + 1)
                continue
            }
            let next = characters[index + 1]
            if next == "!" {
                let isComment = index + 3 < characters.count && characters[index + 2] == "-" && characters[index + 3] == "-"
                let end = isComment ? find(Array("-->"), in: characters, from: index + 4).map { $0 + 3 } : find([">"], in: characters, from: index).map { $0 + 1 }
                advance(to: end ?? characters.count)
                continue
            }
            guard next.isASCIILetter else {
                advance(to: index + 1)
                continue
            }
            let tagLine = line
            let tagColumn = column
            var cursor = index + 1
            while cursor < characters.count, characters[cursor].isASCIIAlphanumeric || characters[cursor] == "-" { cursor += 1 }
            let name = String(characters[(index + 1)..<cursor]).lowercased()
            let (attributes, end) = readAttributes(characters, from: cursor)
            result.append(TemplateLocator.StartTag(file: file, line: tagLine, column: tagColumn, tag: name, attributes: attributes))
            advance(to: end)
            if ["script", "style", "textarea"].contains(name) {
                let close = find(Array("</\(name)"), in: characters, from: index) ?? characters.count
                advance(to: close)
            }
        }
        return result
    }

    /// Attributes from just after the tag name to the closing `>`; returns the index after it.
    private static func readAttributes(_ characters: [Character], from start: Int) -> ([TemplateLocator.TemplateAttribute], Int) {
        var attributes: [TemplateLocator.TemplateAttribute] = []
        var index = start
        var sectionDepth = 0
        while index < characters.count {
            let character = characters[index]
            if character == ">" { return (attributes, index + 1) }
            if character == "{" && index + 1 < characters.count && characters[index + 1] == "{" {
                let end = closeOfMustache(characters, from: index)
                let inner = String(characters[(index + 2)..<max(index + 2, end - 2)]).trimmingWhitespace
                if inner.hasPrefix("#") || inner.hasPrefix("^") { sectionDepth += 1 }
                if inner.hasPrefix("/") { sectionDepth = max(0, sectionDepth - 1) }
                index = end
                continue
            }
            if character.isWhitespace || character == "/" {
                index += 1
                continue
            }
            var cursor = index
            while cursor < characters.count, !characters[cursor].isWhitespace, !"=>/".contains(characters[cursor]),
                  !(characters[cursor] == "{" && cursor + 1 < characters.count && characters[cursor + 1] == "{") {
                cursor += 1
            }
            let name = String(characters[index..<cursor]).lowercased()
            var value = ""
            index = cursor
            var probe = index
            while probe < characters.count, characters[probe] == " " { probe += 1 }
            if probe < characters.count, characters[probe] == "=" {
                index = probe + 1
                while index < characters.count, characters[index] == " " { index += 1 }
                if index < characters.count, characters[index] == "\"" || characters[index] == "'" {
                    let quote = characters[index]
                    var end = index + 1
                    while end < characters.count, characters[end] != quote {
                        if characters[end] == "{" && end + 1 < characters.count && characters[end + 1] == "{" {
                            end = closeOfMustache(characters, from: end)
                        } else {
                            end += 1
                        }
                    }
                    value = String(characters[(index + 1)..<min(end, characters.count)])
                    index = min(end + 1, characters.count)
                } else {
                    var end = index
                    while end < characters.count, !characters[end].isWhitespace, characters[end] != ">" { end += 1 }
                    value = String(characters[index..<end])
                    index = end
                }
            }
            if !name.isEmpty {
                attributes.append(TemplateLocator.TemplateAttribute(name: name, value: MustachePattern(value), optional: sectionDepth > 0))
            }
        }
        return (attributes, characters.count)
    }

    /// The index just after the `}}` (or `}}}`) closing the Mustache tag that starts at `start`.
    private static func closeOfMustache(_ characters: [Character], from start: Int) -> Int {
        guard let close = find(["}", "}"], in: characters, from: start + 2) else { return characters.count }
        var end = close + 2
        if end < characters.count, characters[end] == "}", start + 2 < characters.count, characters[start + 2] == "{" { end += 1 }
        return end
    }

    private static func find(_ needle: [Character], in characters: [Character], from start: Int) -> Int? {
        guard !needle.isEmpty, start <= characters.count - needle.count else { return nil }
        var index = start
        while index <= characters.count - needle.count {
            if characters[index] == needle[0] && Array(characters[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }
}
