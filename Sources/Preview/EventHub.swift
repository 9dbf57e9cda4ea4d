import Synchronization

/// The open live-reload streams, and the one place that tells them all a build finished.
///
/// Telling never waits on a client: each stream has its own small buffer that keeps only the
/// newest messages, and each connection's task drains its own at the client's pace. The number
/// of streams is bounded; past the bound the oldest is closed (its browser reconnects later).
final class EventHub: Sendable {
    /// One message on a stream.
    enum Message: Sendable, Equatable {
        case reload(buildID: String)
        case heartbeat
    }

    private struct Streams {
        var open: [(id: Int, continuation: AsyncStream<Message>.Continuation)] = []
        var nextID = 0
        var closed = false
    }

    private let limit: Int
    private let streams = Mutex(Streams())

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// How many streams are open now.
    var count: Int { streams.withLock { $0.open.count } }

    /// Opens a stream for one client; nil once the hub is closed (the server is stopping).
    func subscribe() -> AsyncStream<Message>? {
        let (stream, continuation) = AsyncStream<Message>.makeStream(bufferingPolicy: .bufferingNewest(4))
        let dropped: [AsyncStream<Message>.Continuation]? = streams.withLock { streams in
            guard !streams.closed else { return nil }
            let id = streams.nextID
            streams.nextID += 1
            streams.open.append((id, continuation))
            let excess = max(0, streams.open.count - limit)
            let oldest = streams.open.prefix(excess).map(\.continuation)
            streams.open.removeFirst(excess)
            continuation.onTermination = { [weak self] _ in self?.remove(id) }
            return oldest
        }
        guard let dropped else {
            continuation.finish()
            return nil
        }
        for old in dropped { old.finish() }
        return stream
    }

    /// Sends a message to every open stream without waiting for any of them.
    func broadcast(_ message: Message) {
        let targets = streams.withLock { $0.open.map(\.continuation) }
        for continuation in targets { continuation.yield(message) }
    }

    /// Ends every stream and refuses new ones, so the server can finish its open responses.
    func close() {
        let targets = streams.withLock { streams in
            streams.closed = true
            let all = streams.open.map(\.continuation)
            streams.open.removeAll()
            return all
        }
        for continuation in targets { continuation.finish() }
    }

    private func remove(_ id: Int) {
        streams.withLock { streams in streams.open.removeAll { $0.id == id } }
    }
}
