import Core
import Foundation
import Mustache

/// The site's Mustache templates, compiled once and checked before any page is rendered:
/// a syntax error or a missing partial is reported at its template line.
public struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    /// Template name (`page`, `partials/header`) → its source, for locating elements and errors.
    public let sources: [String: String]
    /// The folder the templates came from, as diagnostics name it.
    public let displayRoot: String

    /// Templates every site needs; page kinds fall back to `page` when theirs is absent.
    public static let required = ["layout", "page"]

    /// Loads every `.mustache` file under `directory`.
    public static func load(from fileSystem: FileSystem, directory: String, displayRoot: String = "templates")
        throws(DiagnosticList) -> TemplateSet
    {
        guard fileSystem.kind(of: directory) == .directory else {
            throw DiagnosticList([.error("there is no templates folder at \(directory)",
                                         hint: "Create `templates/` with at least layout.mustache and page.mustache.")])
        }
        var sources: [String: String] = [:]
        let files = (try? fileSystem.recursiveFiles(in: directory)) ?? []
        for file in files where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            sources[name] = (try? fileSystem.readText(Path.join(directory, file))) ?? ""
        }
        return try compile(sources, displayRoot: displayRoot)
    }

    /// Compiles templates given as name → source.
    public static func compile(_ sources: [String: String], displayRoot: String = "templates") throws(DiagnosticList) -> TemplateSet {
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        for name in sources.keys.sorted() {
            let source = sources[name]!
            let file = Path.join(displayRoot, name + ".mustache")
            do {
                library.register(try MustacheTemplate(string: ByteEscapedHTML.prefixed(source)), named: name)
            } catch let error as MustacheTemplate.ParserError {
                if "\(error.error)" == "expectedSectionEnd", let unclosed = UnclosedSection.find(in: source) {
                    let tag = unclosed.tag
                    diagnostics.append(.error("template error: {{\(tag.text)}} is never closed",
                                              at: SourceLocation(file: file, line: tag.line, column: tag.column),
                                              hint: "Close it with {{/\(tag.name)}} where the section ends.",
                                              sourceLine: SourceText.line(tag.line, of: source)))
                } else {
                    let (line, column, text) = ByteEscapedHTML.position(of: error.context)
                    diagnostics.append(.error("template error: \(describe(error.error))", at: SourceLocation(file: file, line: line, column: column),
                                              hint: "Check that every {{#section}} has a matching {{/section}} and every tag is closed.",
                                              sourceLine: text))
                }
            } catch {
                diagnostics.append(.error("template error: \(error)", at: SourceLocation(file: file, line: 1)))
            }
            for reference in PartialReference.scan(source) where sources[reference.name] == nil {
                diagnostics.append(.error("template uses the partial '\(reference.name)', which does not exist",
                                          at: SourceLocation(file: file, line: reference.line, column: reference.column),
                                          hint: "Create \(Path.join(displayRoot, reference.name + ".mustache")) or fix the name.",
                                          sourceLine: SourceText.line(reference.line, of: source)))
            }
        }
        for name in required where sources[name] == nil {
            diagnostics.append(.error("the template \(Path.join(displayRoot, name + ".mustache")) is missing",
                                      hint: "Every site needs layout.mustache (the page frame) and page.mustache."))
        }
        guard diagnostics.isEmpty else { throw DiagnosticList(diagnostics) }
        return TemplateSet(library: library, sources: sources, displayRoot: displayRoot)
    }

    public func has(_ name: String) -> Bool { sources[name] != nil }

    /// Renders `name` with `context`, then wraps the result in the layout.
    public func renderPage(_ name: String, context: [String: Any]) -> String {
        let template = has(name) ? name : "page"
        var full = context
        full["body"] = library.render(context, withTemplate: template) ?? ""
        return library.render(full, withTemplate: "layout") ?? ""
    }

    /// Renders one template on its own (no layout), e.g. a redirect page.
    public func render(_ name: String, context: [String: Any]) -> String? {
        library.render(context, withTemplate: name)
    }

    private static func describe(_ error: Error) -> String {
        switch "\(error)" {
        case "sectionCloseNameIncorrect": "a {{/section}} closes a different section than the one open"
        case "expectedSectionEnd": "a {{#section}} is never closed"
        case "unfinishedName": "a tag is not closed with }}"
        case let other: other
        }
    }
}

/// A `{{…}}` tag in a template's source, with where it starts (1-based line and column).
struct TemplateTag {
    /// What is between the braces, trimmed: `> partials/header`, `#page.toc`, `/page.toc`.
    var text: String
    var line: Int
    var column: Int

    /// The name after the tag's sigil, trimmed: `partials/header` for `> partials/header`.
    var name: String { text.dropFirst().trimmingCharacters(in: .whitespaces) }

    /// Every tag, in order. Triple braces (`{{{body}}}`) are tags too; changed delimiters are not followed.
    static func scan(_ source: String) -> [TemplateTag] {
        var result: [TemplateTag] = []
        var line = 1
        for text in source.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = text[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                var inner = afterOpen[..<close.lowerBound]
                if inner.hasPrefix("{") { inner = inner.dropFirst() }
                let column = text.distance(from: text.startIndex, to: open.lowerBound) + 1
                result.append(TemplateTag(text: inner.trimmingCharacters(in: .whitespaces), line: line, column: column))
                rest = afterOpen[close.upperBound...]
            }
            line += 1
        }
        return result
    }
}

/// A `{{> name}}` tag found in a template's source.
struct PartialReference {
    var name: String
    var line: Int
    var column: Int

    static func scan(_ source: String) -> [PartialReference] {
        TemplateTag.scan(source).compactMap { tag in
            guard tag.text.hasPrefix(">"), !tag.name.isEmpty else { return nil }
            return PartialReference(name: tag.name, line: tag.line, column: tag.column)
        }
    }
}

/// The innermost `{{#section}}` or `{{^section}}` left open at the end of a template: where a
/// "never closed" error belongs, rather than at the end of the file where the parser noticed.
struct UnclosedSection {
    var tag: TemplateTag

    static func find(in source: String) -> UnclosedSection? {
        var open: [TemplateTag] = []
        for tag in TemplateTag.scan(source) {
            if tag.text.hasPrefix("#") || tag.text.hasPrefix("^") {
                open.append(tag)
            } else if tag.text.hasPrefix("/") {
                guard let last = open.last, last.name == tag.name else { return nil }
                open.removeLast()
            }
        }
        return open.last.map(UnclosedSection.init)
    }
}
