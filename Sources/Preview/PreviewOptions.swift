/// How `herald serve` runs: where it listens, what it watches, and the limits that keep one
/// misbehaving client from starving the rest.
public struct PreviewOptions: Sendable {
    /// The address to listen on; loopback unless the person asks otherwise.
    public var host: String
    /// The port; 0 picks a free one (reported in `PreviewEvent.listening`).
    public var port: Int
    /// Files and folders whose changes trigger a rebuild (`content`, `templates`, the config).
    public var watchedPaths: [String]
    /// How often the watched paths are scanned when there are no file events.
    public var pollInterval: Duration
    /// How often the file events are read (a read of a queue, no walk).
    public var eventPollInterval: Duration
    /// How long the files must stay still after a change before the rebuild starts, so that an
    /// editor's save in several writes gives one rebuild.
    public var debounce: Duration
    /// Open live-reload streams kept at most; the oldest is dropped past this.
    public var maxEventStreams: Int
    /// Connections served at once; more wait in the listen queue.
    public var maxConnections: Int
    /// A connection with no complete request for this long is closed (stalled clients).
    public var idleTimeout: Duration
    /// Interval of the comment line sent on idle live-reload streams, which finds dead clients.
    public var heartbeatInterval: Duration
    /// Stop gracefully on SIGINT and SIGTERM. Tests turn it off and call `stop()`.
    public var handlesSignals: Bool
    /// Listen for file events (inotify on Linux) and walk the files only when one arrives; off,
    /// or where there are none, the files are walked on every poll.
    public var usesFileEvents: Bool

    public init(host: String = "127.0.0.1", port: Int = 8080, watching watchedPaths: [String] = []) {
        self.host = host
        self.port = port
        self.watchedPaths = watchedPaths
        self.pollInterval = .milliseconds(50)
        self.eventPollInterval = .milliseconds(10)
        self.debounce = .milliseconds(20)
        self.maxEventStreams = 100
        self.maxConnections = 4096
        self.idleTimeout = .seconds(15)
        self.heartbeatInterval = .seconds(15)
        self.handlesSignals = true
        self.usesFileEvents = true
    }

    /// The warning the caller prints when the preview will be reachable from other machines.
    public var hostWarning: String? {
        guard !Self.isLoopback(host) else { return nil }
        return "warning: serving on \(host) makes the preview, drafts included, reachable from other "
            + "computers on the network; use --host 127.0.0.1 to keep it to this computer"
    }

    static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered == "::1" || lowered == "[::1]" { return true }
        let parts = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
