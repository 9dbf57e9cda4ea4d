import Core
@testable import Content

/// A page's front matter read as a build reads it, for the suites that check what it says.
func parseFrontMatter(_ text: String, file: String = "content/a.md") -> (PageMetadata?, [Diagnostic]) {
    let front = try! FrontMatter.split(text, file: file)
    return FrontMatterParser.parse(front, file: file)
}
