import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle
import Synchronization
import UnixSignals

/// `herald serve`: builds the site through a `PreviewBuilder`, serves it from memory on
/// Hummingbird, rebuilds when a watched file changes and reloads open browsers.
///
/// The output never touches a disk, so there are no symbolic links to follow out of it and
/// nothing the preview shows can end up in `public/`. HTML pages get
/// `<script src="/_herald/live-reload.js" defer>` before `</body>`: a page's
/// Content-Security-Policy must allow `script-src 'self'` and `connect-src 'self'` (the
/// `default-src 'self'` a strict policy starts from does) for live reload to work.
///
/// ```swift
/// let server = PreviewServer(builder: builder, options: PreviewOptions(host: host, port: port,
///                                                                      watching: ["content", "templates", "herald.yml"]))
/// if let warning = server.options.hostWarning { print(warning) }
/// try await server.run { event in … }   // returns after Ctrl-C, once every connection is closed
/// ```
public final class PreviewServer: Sendable {
    public let options: PreviewOptions
    private let builder: any PreviewBuilder
    private let logger: Logger
    private let control = Mutex(Control())

    private struct Control {
        var group: ServiceGroup?
        var stopRequested = false
        var started = false
    }

    public init(builder: any PreviewBuilder, options: PreviewOptions, logger: Logger? = nil) {
        self.builder = builder
        self.options = options
        self.logger = logger ?? {
            var logger = Logger(label: "herald.preview")
            logger.logLevel = .warning
            return logger
        }()
    }

    /// Serves until SIGINT or SIGTERM (when `options.handlesSignals`) or `stop()`, then closes
    /// every connection and returns. Throws only when it cannot listen on the address.
    public func run(onEvent: @escaping @Sendable (PreviewEvent) -> Void = { _ in }) async throws(PreviewServerError) {
        let host = options.host
        let port = options.port
        try PortProbe.check(host: host, port: port)

        let store = SiteStore()
        let hub = EventHub(limit: options.maxEventStreams)
        let app = Application(
            responder: PreviewResponder(store: store, hub: hub),
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(Self.nanoseconds(options.idleTimeout)))),
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: port),
                serverName: nil,
                backlog: 1024,
                availableConnectionsDelegate: MaximumAvailableConnections(options.maxConnections, logger: logger)
            ),
            onServerRunning: { channel in
                self.control.withLock { $0.started = true }
                onEvent(.listening(host: host, port: channel.localAddress?.port ?? port))
            },
            logger: logger
        )
        let liveReload = LiveReloadService(builder: builder, store: store, hub: hub, options: options, onEvent: onEvent)
        // Graceful shutdown runs in reverse order: the watcher first (closing the event streams),
        // then the server, which finishes the responses in flight.
        var configuration = ServiceGroupConfiguration(
            services: [app, liveReload],
            gracefulShutdownSignals: options.handlesSignals ? [.sigint, .sigterm] : [],
            logger: logger
        )
        configuration.maximumGracefulShutdownDuration = Duration.seconds(5)
        let group = ServiceGroup(configuration: configuration)
        let stopAtOnce = control.withLock { control in
            control.group = group
            return control.stopRequested
        }
        if stopAtOnce { await group.triggerGracefulShutdown() }
        do {
            try await group.run()
        } catch {
            let started = control.withLock { $0.started }
            if !started {
                throw .cannotListen(host: host, port: port, reason: Self.reason(error))
            }
            logger.error("preview stopped: \(error)")
        }
    }

    /// Stops a running server gracefully, as Ctrl-C does; `run` then returns.
    public func stop() async {
        let group = control.withLock { control in
            control.stopRequested = true
            return control.group
        }
        await group?.triggerGracefulShutdown()
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    private static func reason(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("Address already in use") { return "the port is already in use" }
        if text.contains("Cannot assign requested address") { return "this computer has no such address" }
        if text.contains("Permission denied") { return "permission denied (ports below 1024 need special rights)" }
        return text
    }
}
