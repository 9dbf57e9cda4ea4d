import Core
import Testing
@testable import Content

@Suite struct ContentDiscoveryTests {
    /// Word writes `~$notes.docx` beside `notes.docx` while it is open; both became `/about/notes.docx`.
    @Test func officeLockFilesAreNotPublished() {
        let fs = InMemoryFileSystem(files: [
            "content/about/_index.md": "---\ntitle: About\n---\n",
            "content/about/notes.docx": "document",
            "content/about/~$notes.docx": "lock",
            "content/about/~$dget.xlsx": "lock",
            "content/~$draft.md": "lock",
        ])
        let discovery = ContentDiscovery.scan(fs, contentPath: "content")
        #expect(discovery.assets.map(\.path) == ["about/notes.docx"])
        #expect(discovery.markdown.map(\.path) == ["about/_index.md"])
        #expect(discovery.diagnostics.isEmpty)
    }

    /// Only the `~$` of a lock file: other names starting with a tilde are the author's own.
    @Test func otherNamesWithATildeArePublished() {
        let fs = InMemoryFileSystem(files: ["content/~notes.docx": "document", "content/a~$b.pdf": "document"])
        let discovery = ContentDiscovery.scan(fs, contentPath: "content")
        #expect(discovery.assets.map(\.path).sorted() == ["a~$b.pdf", "~notes.docx"])
    }
}
