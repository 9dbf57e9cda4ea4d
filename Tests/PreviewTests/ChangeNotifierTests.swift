import Foundation
import Testing
@testable import Preview

/// The watcher walks the files only when inotify says something moved: it must hear edits,
/// new files, deletions, files in folders made after it started, and a config file replaced
/// by rename (as editors save), and stay quiet otherwise.
@Suite(.serialized) struct ChangeNotifierTests {
    func folder() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("herald-notify-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/content/report", withIntermediateDirectories: true)
        try "a".write(toFile: root + "/content/report/online.md", atomically: false, encoding: .utf8)
        try "title: A".write(toFile: root + "/herald.yml", atomically: false, encoding: .utf8)
        return root
    }

    /// Events arrive a moment after the write; ask a few times before saying none came.
    func heard(_ notifier: ChangeNotifier) async throws -> Bool {
        for _ in 0..<40 {
            if notifier.drain() { return true }
            try await Task.sleep(for: .milliseconds(25))
        }
        return false
    }

    @Test func hearsEditsNewFoldersAndRenamesAndIsQuietOtherwise() async throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let notifier = ChangeNotifier(roots: [root + "/content", root + "/herald.yml"])
        try #require(notifier.isListening, "inotify is not available here")
        #expect(!notifier.drain())

        try "b".write(toFile: root + "/content/report/online.md", atomically: false, encoding: .utf8)
        #expect(try await heard(notifier))
        #expect(!notifier.drain())

        // A folder made after the notifier started, and a file written inside it.
        try FileManager.default.createDirectory(atPath: root + "/content/news", withIntermediateDirectories: true)
        #expect(try await heard(notifier))
        try "c".write(toFile: root + "/content/news/launch.md", atomically: false, encoding: .utf8)
        #expect(try await heard(notifier))

        // herald.yml replaced by a rename, as many editors save.
        try "title: B".write(toFile: root + "/herald.yml", atomically: true, encoding: .utf8)
        #expect(try await heard(notifier))

        try FileManager.default.removeItem(atPath: root + "/content/news/launch.md")
        #expect(try await heard(notifier))
        #expect(!notifier.drain())
    }

    @Test func readsFolderEventsAndOverflowFromTheRawEvents() {
        func event(mask: UInt32, name: String = "") -> [UInt8] {
            let padded = name.isEmpty ? [] : Array(name.utf8) + [UInt8](repeating: 0, count: 16 - name.utf8.count)
            func le(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
            return le(1) + le(mask) + le(0) + le(UInt32(padded.count)) + padded
        }
        #expect(!ChangeNotifier.mentionsFolders(ArraySlice(event(mask: 0x2, name: "a.md") + event(mask: 0x100, name: "b.md"))))
        #expect(ChangeNotifier.mentionsFolders(ArraySlice(event(mask: 0x2, name: "a.md") + event(mask: 0x4000_0100, name: "news"))))
        #expect(ChangeNotifier.mentionsFolders(ArraySlice(event(mask: 0x4000))))
    }
}
