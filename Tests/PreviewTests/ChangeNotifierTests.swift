import Foundation
import Testing
@testable import Preview

/// The watcher looks only at the files inotify names: it must name edits, new files, deletions,
/// files in folders made after it started, and a config file replaced by rename (as editors
/// save), say "anything" for folder events, and stay quiet otherwise.
@Suite(.serialized) struct ChangeNotifierTests {
    func folder() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("herald-notify-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/content/report", withIntermediateDirectories: true)
        try "a".write(toFile: root + "/content/report/online.md", atomically: false, encoding: .utf8)
        try "title: A".write(toFile: root + "/herald.yml", atomically: false, encoding: .utf8)
        return root
    }

    /// Events arrive a moment after the write: gathers what is heard until it has been quiet
    /// for a while, as the watcher does.
    func heard(_ notifier: ChangeNotifier) async throws -> ChangeNotifier.Heard {
        var heard = ChangeNotifier.Heard.nothing
        for _ in 0..<40 {
            let more = notifier.drain()
            if more == .nothing && heard != .nothing { return heard }
            heard = heard.adding(more)
            try await Task.sleep(for: .milliseconds(25))
        }
        return heard
    }

    @Test func namesTheFilesEditedAndSaysAnythingForFolders() async throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let notifier = ChangeNotifier(roots: [root + "/content", root + "/herald.yml"])
        try #require(notifier.isListening, "inotify is not available here")
        #expect(notifier.drain() == .nothing)

        try "b".write(toFile: root + "/content/report/online.md", atomically: false, encoding: .utf8)
        #expect(try await heard(notifier) == .files([root + "/content/report/online.md"]))
        #expect(notifier.drain() == .nothing)

        // A folder made after the notifier started: walk everything; then a file written inside it.
        try FileManager.default.createDirectory(atPath: root + "/content/news", withIntermediateDirectories: true)
        #expect(try await heard(notifier) == .anything)
        try "c".write(toFile: root + "/content/news/launch.md", atomically: false, encoding: .utf8)
        #expect(try await heard(notifier) == .files([root + "/content/news/launch.md"]))

        // herald.yml replaced by a rename, as many editors save: the temporary file beside it
        // is no watched file, the config is.
        try "title: B".write(toFile: root + "/herald.yml", atomically: true, encoding: .utf8)
        #expect(try await heard(notifier) == .files([root + "/herald.yml"]))
        // Another file in the site folder is nothing to the watcher.
        try "notes".write(toFile: root + "/NOTES.txt", atomically: false, encoding: .utf8)
        #expect(try await heard(notifier) == .nothing)

        try FileManager.default.removeItem(atPath: root + "/content/news/launch.md")
        #expect(try await heard(notifier) == .files([root + "/content/news/launch.md"]))
        #expect(notifier.drain() == .nothing)
    }

    @Test func hearsEditsInATemplatesFolderThatIsALink() async throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/shared-theme", withIntermediateDirectories: true)
        try "<p>a</p>".write(toFile: root + "/shared-theme/page.mustache", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/templates", withDestinationPath: root + "/shared-theme")
        let notifier = ChangeNotifier(roots: [root + "/templates"])
        try #require(notifier.isListening, "inotify is not available here")
        try "<p>b</p>".write(toFile: root + "/shared-theme/page.mustache", atomically: false, encoding: .utf8)
        #expect(try await heard(notifier) == .files([root + "/templates/page.mustache"]))
    }

    @Test func readsRawEventsAndSaysAnythingForFoldersAndOverflow() {
        func event(watch: UInt32 = 1, mask: UInt32, name: String = "") -> [UInt8] {
            let padded = name.isEmpty ? [] : Array(name.utf8) + [UInt8](repeating: 0, count: 16 - name.utf8.count)
            func le(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
            return le(watch) + le(mask) + le(0) + le(UInt32(padded.count)) + padded
        }
        let events = ChangeNotifier.events(in: ArraySlice(event(mask: 0x2, name: "a.md") + event(watch: 7, mask: 0x100, name: "b.md")))
        #expect(events == [.init(watch: 1, mask: 0x2, name: "a.md"), .init(watch: 7, mask: 0x100, name: "b.md")])
        let notifier = ChangeNotifier(roots: [], enabled: false)
        #expect(notifier.files(in: ChangeNotifier.events(in: ArraySlice(event(mask: 0x4000_0100, name: "news")))) == .anything)
        #expect(notifier.files(in: ChangeNotifier.events(in: ArraySlice(event(mask: 0x4000)))) == .anything)
        // A watch the notifier never made: it cannot say which file, so anything.
        #expect(notifier.files(in: events) == .anything)
        #expect(ChangeNotifier.Heard.files(["a"]).adding(.files(["b"])) == .files(["a", "b"]))
        #expect(ChangeNotifier.Heard.files(["a"]).adding(.anything) == .anything)
        #expect(ChangeNotifier.Heard.nothing.adding(.nothing) == .nothing)
    }
}
