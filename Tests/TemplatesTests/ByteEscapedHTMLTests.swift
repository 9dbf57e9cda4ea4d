import Core
import Testing
@testable import Templates

/// Template values are escaped by `Escape.html`, byte by byte, through a pragma put before each
/// template: the pages must come out as swift-mustache's own escaping made them.
struct ByteEscapedHTMLTests {
    /// swift-mustache's own escaping, as it is written there: a dictionary of `Character`s.
    static func libraryEscape(_ text: String) -> String {
        let table: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"]
        var result = ""
        for character in text { result += table[character] ?? String(character) }
        return result
    }

    @Test func escapingByByteGivesWhatTheLibraryGave() {
        let samples = ["", "Safer Streets", "Fish & chips <b>bold</b> \"quoted\" 'single'", "Ysgol Gymraeg – Caerdydd",
                       "café naïve \u{1F44D}\u{1F3FD} 👨‍👩‍👧", "&amp; already", "<<>>&&''\"\"", "tab\tand\nnewline\u{7}",
                       "e\u{301} and ﬁ ligature", "<script>alert('x')</script>"]
        for sample in samples {
            #expect(Escape.html(sample) == Self.libraryEscape(sample), "\(sample)")
        }
        // The one difference: a `<` that starts a grapheme cluster with a combining mark is one
        // `Character` the library's table does not hold; by byte it is escaped, as it should be.
        #expect(Escape.html("<\u{338}") == "&lt;\u{338}")
        #expect(Self.libraryEscape("<\u{338}") == "<\u{338}")
    }

    @Test func templatesRenderAsTheyDidWithThePragmaInFront() throws {
        let set = try TemplateSet.compile([
            "layout": "{{#page.items}}\n<li>{{name}}</li>\n{{/page.items}}\n<title>{{page.title}}</title>{{{body}}}",
            "page": "\n<p>{{page.title}}</p>\n",
            "partials/standalone": "{{! a comment alone on the first line }}\n<b>{{v}}</b>",
        ])
        let html = set.renderPage("page", context: ["page": ["title": "Fish & \"chips\" <now>", "items": [["name": "a'1"], ["name": "b"]]]])
        #expect(html == "<li>a&#39;1</li>\n<li>b</li>\n<title>Fish &amp; &quot;chips&quot; &lt;now&gt;</title>\n<p>Fish &amp; &quot;chips&quot; &lt;now&gt;</p>\n")
        #expect(set.render("partials/standalone", context: ["v": "x<"]) == "<b>x&lt;</b>")
    }

    @Test func aParseErrorIsAtItsLineAsWritten() {
        for (source, line) in [("<p>{{name</p>\n", 1), ("<p>ok</p>\n<p>ok</p>\n<p>{{name</p>\n", 3)] {
            do {
                _ = try TemplateSet.compile(["layout": "{{{body}}}", "page": source])
                Issue.record("expected an error for \(source)")
            } catch {
                #expect(error.diagnostics.count == 1)
                #expect(error.diagnostics.first?.location?.line == line, "\(error.diagnostics)")
                #expect(error.diagnostics.first?.sourceLine?.contains("CONTENT_TYPE") == false)
                #expect(error.diagnostics.first?.sourceLine?.contains("{{name") == true, "\(error.diagnostics)")
            }
        }
    }
}
