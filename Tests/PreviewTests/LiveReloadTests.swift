import Foundation
import Testing
@testable import Preview

/// Opens `/_herald/events` and waits for the greeting, so the stream is registered.
func openEventStream(port: Int, lastEventID: String? = nil) async throws -> (RawConnection, hello: String) {
    let connection = try RawConnection(port: port)
    var request = "GET /_herald/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n"
    if let lastEventID { request += "Last-Event-ID: \(lastEventID)\r\n" }
    try connection.write(request + "\r\n")
    let head = try await connection.read(until: "\r\n\r\n")
    guard head.hasPrefix("HTTP/1.1 200"), head.lowercased().contains("content-type: text/event-stream") else {
        throw SocketError(description: "not an event stream: \(head)")
    }
    let greeting = try await connection.read(until: "event: hello\n")
    let hello = try await greeting + connection.read(until: "\n\n")
    return (connection, hello)
}

@Suite("Live reload")
struct LiveReloadTests {
    let site: TemporarySite
    init() throws {
        site = try TemporarySite()
        try site.write("First draft", to: "news.md")
    }

    @Test func savingAFileRebuildsAndSendsReload() async throws {
        defer { site.remove() }
        let builder = FakeBuilder(contentFolder: site.content)
        try await TestServer.with(builder: builder, watching: [site.content]) { server in
            #expect(try await RawHTTP.get("/news/", port: server.port).text.contains("First draft"))
            let (stream, _) = try await openEventStream(port: server.port)
            try site.write("Second draft", to: "news.md")
            let event = try await stream.read(until: "\n\n")
            #expect(event.contains("event: reload"))
            #expect(try await RawHTTP.get("/news/", port: server.port).text.contains("Second draft"))
            #expect(builder.requests.first! == nil)
            #expect(builder.requests.last! == [site.content + "/news.md"])
        }
    }

    /// Without file events (another system, or inotify out of watches) the files are walked on
    /// every poll, and a save still rebuilds and reloads.
    @Test func withoutFileEventsASaveStillRebuilds() async throws {
        defer { site.remove() }
        let builder = FakeBuilder(contentFolder: site.content)
        try await TestServer.with(builder: builder, watching: [site.content], configure: { $0.usesFileEvents = false }) { server in
            let (stream, _) = try await openEventStream(port: server.port)
            try site.write("Third draft", to: "news.md")
            #expect(try await stream.read(until: "\n\n").contains("event: reload"))
            #expect(try await RawHTTP.get("/news/", port: server.port).text.contains("Third draft"))
            #expect(builder.requests.last! == [site.content + "/news.md"])
        }
    }

    @Test func addingAndDeletingFilesAreChangesToo() async throws {
        defer { site.remove() }
        let builder = FakeBuilder(contentFolder: site.content)
        try await TestServer.with(builder: builder, watching: [site.content]) { server in
            let (stream, _) = try await openEventStream(port: server.port)
            try site.write("New page", to: "added.md")
            _ = try await stream.read(until: "event: reload")
            #expect(try await RawHTTP.get("/added/", port: server.port).status == 200)
            try FileManager.default.removeItem(atPath: site.content + "/added.md")
            _ = try await stream.read(until: "event: reload")
            #expect(try await RawHTTP.get("/added/", port: server.port).status == 404)
            #expect(builder.requests.suffix(2).map { $0 ?? [] } == [[site.content + "/added.md"], [site.content + "/added.md"]])
        }
    }

    @Test func aBrowserThatMissedABuildReloadsWhenItReconnects() async throws {
        defer { site.remove() }
        try await TestServer.with(builder: FakeBuilder(contentFolder: site.content)) { server in
            let (_, hello) = try await openEventStream(port: server.port, lastEventID: "an-earlier-run-7")
            #expect(hello.contains("retry: 1000"))
            let (fresh, freshHello) = try await openEventStream(port: server.port)
            let id = try #require(freshHello.split(separator: "\n").first { $0.hasPrefix("id: ") }?.dropFirst(4))
            let (current, _) = try await openEventStream(port: server.port, lastEventID: String(id))
            _ = fresh
            _ = current
            let (stale, _) = try await openEventStream(port: server.port, lastEventID: "an-earlier-run-7")
            #expect(try await stale.read(until: "\n\n").contains("event: reload"))
        }
    }

    @Test func eventStreamsAreBoundedAndTheOldestIsDropped() async throws {
        defer { site.remove() }
        try await TestServer.with(builder: FakeBuilder(contentFolder: site.content), configure: { $0.maxEventStreams = 3 }) { server in
            let (oldest, _) = try await openEventStream(port: server.port)
            var others: [RawConnection] = []
            for _ in 0..<3 { others.append(try await openEventStream(port: server.port).0) }
            #expect(await oldest.isClosedByServer())
            // The newest three still receive events: a rebuild would reach them (checked via hub in unit tests).
            #expect(others.count == 3)
        }
    }

    @Test func theServerStopsCleanlyWithStreamsOpen() async throws {
        defer { site.remove() }
        let clock = ContinuousClock()
        var streams: [RawConnection] = []
        var events: EventLog?
        var stopStarted = clock.now
        try await TestServer.with(builder: FakeBuilder(contentFolder: site.content), watching: [site.content]) { server in
            for _ in 0..<5 { streams.append(try await openEventStream(port: server.port).0) }
            events = server.events
            stopStarted = clock.now
        }
        // `with` has called stop() and waited for run() to return.
        let stoppedIn = clock.now - stopStarted
        #expect(events?.all.contains(.stopping) == true)
        for stream in streams { #expect(await stream.isClosedByServer()) }
        // Graceful shutdown escalates to cancellation after 5 s; a clean stop is well under it.
        #expect(stoppedIn < .seconds(4))
    }
}

@Suite("Event hub")
struct EventHubTests {
    @Test func aBroadcastReachesEveryStream() async {
        let hub = EventHub(limit: 10)
        let streams = (0..<3).compactMap { _ in hub.subscribe() }
        hub.broadcast(.reload(buildID: "b2"))
        for stream in streams {
            var iterator = stream.makeAsyncIterator()
            #expect(await iterator.next() == .reload(buildID: "b2"))
        }
    }

    @Test func pastTheLimitTheOldestStreamEnds() async {
        let hub = EventHub(limit: 2)
        let first = hub.subscribe()!
        let second = hub.subscribe()
        let third = hub.subscribe()
        #expect(hub.count == 2)
        _ = (second, third)
        var iterator = first.makeAsyncIterator()
        #expect(await iterator.next() == nil)
    }

    @Test func aStreamWhoseReaderGoesAwayIsRemoved() async throws {
        let hub = EventHub(limit: 10)
        let stream = hub.subscribe()!
        let reader = Task { for await _ in stream {} }
        #expect(hub.count == 1)
        reader.cancel()
        _ = await reader.value
        #expect(await eventually { hub.count == 0 })
    }

    @Test func aReaderThatNeverReadsDoesNotHoldUpTheOthers() async {
        let hub = EventHub(limit: 10)
        let stalled = hub.subscribe()!
        let live = hub.subscribe()!
        for index in 0..<1000 { hub.broadcast(.reload(buildID: "b\(index)")) }
        var iterator = live.makeAsyncIterator()
        // Only the newest few are kept for a slow reader; the last build is among them.
        var last: EventHub.Message?
        for _ in 0..<4 { last = await iterator.next() }
        #expect(last == .reload(buildID: "b999"))
        _ = stalled
    }

    @Test func afterCloseNoStreamOpens() {
        let hub = EventHub(limit: 10)
        _ = hub.subscribe()
        hub.close()
        #expect(hub.count == 0)
        #expect(hub.subscribe() == nil)
    }
}
