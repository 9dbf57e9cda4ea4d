import Foundation
import Preview
import Synchronization

/// A preview server on a free loopback port, stopped when the test body ends.
struct TestServer {
    let port: Int
    let server: PreviewServer
    let events: EventLog

    /// Runs `body` against a server for `builder`, then stops the server and waits for it.
    static func with<T>(
        builder: any PreviewBuilder, watching: [String] = [], configure: (inout PreviewOptions) -> Void = { _ in },
        _ body: (TestServer) async throws -> T
    ) async throws -> T {
        var options = PreviewOptions(host: "127.0.0.1", port: 0, watching: watching)
        options.handlesSignals = false
        options.pollInterval = .milliseconds(20)
        options.debounce = .milliseconds(10)
        configure(&options)
        let server = PreviewServer(builder: builder, options: options)
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let recorded = EventLog()
        let running = Task {
            try await server.run { event in
                recorded.append(event)
                if case .listening(_, let port) = event { portSink.yield(port) }
            }
            portSink.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await running.value
            throw SocketError(description: "the server stopped before listening")
        }
        let handle = TestServer(port: port, server: server, events: recorded)
        do {
            let result = try await body(handle)
            await server.stop()
            try await running.value
            return result
        } catch {
            await server.stop()
            try? await running.value
            throw error
        }
    }
}

/// Events the server reported, readable from the test.
final class EventLog: Sendable {
    private let events = Mutex<[PreviewEvent]>([])
    func append(_ event: PreviewEvent) { events.withLock { $0.append(event) } }
    var all: [PreviewEvent] { events.withLock { $0 } }
}

/// A temporary site folder with a `content/` directory, removed when the last holder lets go:
/// a suite makes one per test, and tests that never start a server must not leave it behind.
final class TemporarySite: Sendable {
    let root: String
    var content: String { root + "/content" }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("herald-preview-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
    }

    func write(_ text: String, to name: String) throws {
        try text.write(toFile: content + "/" + name, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    deinit { remove() }
}

/// Polls `condition` until it holds or `seconds` pass.
func eventually(within seconds: Double = 5, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
