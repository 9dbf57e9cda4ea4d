import Core
import Foundation
@testable import Markdown

/// The Markdown pipeline as a page goes through it: parse (cmark), callouts, tables, heading ids,
/// unsafe URLs and raw HTML checks, then the HTML renderer. The first byte picks the raw HTML
/// a site lists (none, or a generous set). Invariants: no crash; the rendered HTML, parsed as
/// a browser would, runs no script whatever the Markdown said; diagnostics point into the page;
/// heading ids are unique; removing source positions leaves none.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var (choice, text) = FuzzInput(data, count).choiceAndText
    // As Herald's decoder hands it over: Windows and old Mac line endings are already `\n`.
    if text.utf8.contains(UInt8(ascii: "\r")) {
        text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
    let allowed: Set<String> = choice & 1 == 1
        ? ["abbr", "a", "img", "span", "div", "p", "b", "i", "em", "strong", "sup", "sub", "br", "table", "tr", "td", "th",
           "details", "summary", "ul", "ol", "li", "svg", "math", "mi", "text", "g", "use", "picture", "source", "video", "audio",
           "button", "input", "select", "option", "textarea", "label", "area", "map", "blockquote", "q", "del", "ins", "s", "u",
           "kbd", "code", "pre", "dl", "dt", "dd", "figure", "figcaption", "caption", "col", "colgroup", "tbody", "thead", "tfoot",
           "time", "mark", "small", "wbr", "bdi", "bdo", "ruby", "rt", "rp", "data", "meter", "progress", "output", "h1", "h2"]
        : []
    let pipeline = MarkdownPipeline(allowedRawHTML: allowed, reservedIDs: ["main-content", "contents"])
    let firstLine = 4
    let result = pipeline.run(text, firstLine: firstLine, file: "content/fuzz.md")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
    for diagnostic in result.diagnostics {
        guard let location = diagnostic.location else { continue }
        if location.line < firstLine || location.line > firstLine + lines || location.column < 1 {
            fuzzFailure("diagnostic outside the page (lines \(firstLine)…\(firstLine + lines)): \(location) \(diagnostic.message)")
        }
    }
    let ids = result.headings.map(\.id)
    if Set(ids).count != ids.count { fuzzFailure("heading ids repeat: \(ids)") }
    if ids.contains("main-content") || ids.contains("contents") { fuzzFailure("a heading took a reserved id: \(ids)") }
    let html = HTMLRenderer(sourcePositions: true, allowedRawHTML: allowed).render(result.document)
    if let problem = ScriptOracle.problem(in: html) { fuzzFailure("rendered HTML could run script: \(problem)\n\(html.prefix(4000))") }
    let plain = HTMLRenderer.removingSourcePositions(html)
    if plain.contains("data-sourcepos=") && !text.contains("data-sourcepos") { fuzzFailure("source positions left in") }
    if let problem = ScriptOracle.problem(in: plain) { fuzzFailure("HTML without positions could run script: \(problem)") }
    return 0
}
