import Accessibility
import Core
import Foundation
@testable import Site

/// The strings an attacker (or a careless paste) would put in a field, and the site that
/// carries them into every output Herald writes.
enum Payload {
    static let script = "<script>alert(1)</script>"
    static let attributeBreakout = "\"><img src=x onerror=alert(1)>"
    static let cdataEnd = "]]>"
    static let jsonBreak = "\"}],\"x\":\"\\u0022\\"
    static let lineSeparators = "\u{2028}\u{2029}"
    static let formula = "=HYPERLINK(\"http://evil.example/\",\"click\")"
    static let mustache = "{{site.title}}{{{body}}}"
    static let quote = "'"

    /// Every breaker at once, after a marker that tells the fields apart. A leading formula
    /// character makes the CSV defence show; the rest must survive as text everywhere.
    static func value(_ marker: String, formulaFirst: Bool = false) -> String {
        let rest = "\(marker) \(script) \(attributeBreakout) \(cdataEnd) \(jsonBreak) \(lineSeparators) \(mustache) \(quote)"
        return formulaFirst ? formula + " " + rest : rest
    }

    /// A YAML double-quoted scalar holding `text` exactly.
    static func yaml(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    result += String(format: "\\u%04X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// The same payload written into Markdown so that it is text, not markup.
    static func markdownText(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#!&|{}".contains(character) { result.append("\\") }
            if character == "\u{2028}" || character == "\u{2029}" { result.append(" "); continue }
            result.append(character)
        }
        return result
    }
}

/// The repository's own theme, loaded into memory so tests see the templates the site ships with.
enum RealTheme {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `templates/…` path → bytes.
    static func files() throws -> [String: Data] {
        let root = packageRoot.appendingPathComponent("templates")
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            result["templates/" + relative] = try Data(contentsOf: url)
        }
        return result
    }

    static func fileSystem(config: String, content: [String: String]) throws -> InMemoryFileSystem {
        let fs = InMemoryFileSystem(files: ["herald.yml": config])
        for (path, data) in try files() { try fs.write(data, to: path) }
        for (path, text) in content { try fs.write(text, to: "content/" + path) }
        return fs
    }
}

/// What a browser would run in a page, found by parsing it as browsers do (gumbo).
enum ScriptScan {
    static let dangerousSchemes = ["javascript:", "vbscript:", "data:"]
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "poster", "data", "cite", "background", "srcset", "xlink:href"]

    /// Every way `html` could run script, described; empty when it cannot.
    static func problems(in html: String, page: String) -> [String] {
        var found: [String] = []
        let document = HTMLParser.parse(html)
        if document.refusedNesting != nil { found.append("\(page): too deep to check") }
        var stack = [document.root]
        while let element = stack.popLast() {
            if element.tag == "script" {
                let src = element.attribute("src") ?? ""
                if !src.hasPrefix("/assets/") || !element.textContent.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    found.append("\(page): <script src=\"\(src)\"> with \(element.textContent.count) characters of inline code")
                }
            }
            if ["iframe", "object", "embed", "base", "frame", "frameset", "applet"].contains(element.tag) {
                found.append("\(page): <\(element.tag)>")
            }
            for attribute in element.attributes {
                let name = attribute.name.lowercased()
                if name.hasPrefix("on") { found.append("\(page): <\(element.tag) \(name)=…>") }
                if name == "style" { found.append("\(page): <\(element.tag) style=…>") }
                // SVG animation sets another attribute (href, say) to its `to`/`values`/`from`.
                let animates = ["set", "animate", "animatemotion", "animatetransform"].contains(element.tag) && ["to", "values", "from", "by"].contains(name)
                if (urlAttributes.contains(name) || animates) && isDangerousURL(attribute.value) {
                    found.append("\(page): <\(element.tag) \(name)=\"\(attribute.value)\">")
                }
                if element.tag == "meta", name == "content", element.attribute("http-equiv")?.lowercased() == "refresh",
                   let url = attribute.value.range(of: "url=", options: .caseInsensitive).map({ String(attribute.value[$0.upperBound...]) }),
                   isDangerousURL(url) {
                    found.append("\(page): refresh to \(url)")
                }
            }
            stack += element.childElements
        }
        return found
    }

    /// What a browser does before reading a scheme: drop whitespace and control characters.
    static func isDangerousURL(_ value: String) -> Bool {
        let squeezed = String(value.unicodeScalars.filter { $0.value > 0x20 && !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init)).lowercased()
        return dangerousSchemes.contains { squeezed.hasPrefix($0) }
    }

    /// The page's Content-Security-Policy, from its `<meta http-equiv>`.
    static func contentSecurityPolicy(in html: String) -> String? {
        let document = HTMLParser.parse(html)
        var stack = [document.root]
        while let element = stack.popLast() {
            if element.tag == "meta", element.attribute("http-equiv")?.lowercased() == "content-security-policy" {
                return element.attribute("content")
            }
            stack += element.childElements
        }
        return nil
    }

    /// All the text and attribute values of a page, decoded, for "the payload arrived as text" checks.
    static func decodedText(of html: String) -> String {
        let document = HTMLParser.parse(html)
        var parts: [String] = []
        var stack = [document.root]
        while let element = stack.popLast() {
            parts.append(element.attributes.map(\.value).joined(separator: "\n"))
            for child in element.children {
                switch child {
                case .text(let text, _, _): parts.append(text)
                default: break
                }
            }
            stack += element.childElements
        }
        return parts.joined(separator: "\n")
    }
}

/// RFC 4180, strictly: quoted fields, doubled quotes, CRLF between records.
enum CSVReader {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func records(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var scalars = Array(text.unicodeScalars)[...]
        var atFieldStart = true
        while let scalar = scalars.popFirst() {
            if atFieldStart && scalar == "\"" {
                atFieldStart = false
                var closed = false
                while let inner = scalars.popFirst() {
                    if inner == "\"" {
                        if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { closed = true; break }
                    } else {
                        field.unicodeScalars.append(inner)
                    }
                }
                guard closed else { throw Malformed(description: "unclosed quote") }
                guard let next = scalars.first, next == "," || next == "\r" else {
                    if scalars.isEmpty { continue }
                    throw Malformed(description: "text after a closing quote: \(field)")
                }
                continue
            }
            atFieldStart = false
            switch scalar {
            case ",":
                record.append(field); field = ""; atFieldStart = true
            case "\r":
                guard scalars.popFirst() == "\n" else { throw Malformed(description: "a CR without LF") }
                record.append(field); records.append(record); record = []; field = ""; atFieldStart = true
            case "\n":
                throw Malformed(description: "a bare LF outside quotes")
            case "\"":
                throw Malformed(description: "a quote inside an unquoted field: \(field)")
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if !record.isEmpty || !field.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
