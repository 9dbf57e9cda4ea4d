import ServiceLifecycle

/// Builds the site, then watches the sources: after each change (once the files have been still
/// for the debounce time) it asks the builder to rebuild, installs the result, and tells every
/// open browser to reload. Runs beside the HTTP server and stops first on shutdown, closing the
/// live-reload streams so that the server can finish its responses.
struct LiveReloadService: Service {
    let builder: any PreviewBuilder
    let store: SiteStore
    let hub: EventHub
    let options: PreviewOptions
    let onEvent: @Sendable (PreviewEvent) -> Void

    /// Settling rounds before a rebuild goes ahead anyway, for a file that is written non-stop.
    private static let maxDebounceRounds = 50

    func run() async throws {
        let hub = hub
        let onEvent = onEvent
        await withGracefulShutdownHandler {
            try? await cancelWhenGracefulShutdown { try await watch() }
        } onGracefulShutdown: {
            onEvent(.stopping)
            hub.close()
        }
        hub.close()
    }

    private func watch() async throws {
        let notifier = ChangeNotifier(roots: options.watchedPaths, enabled: options.usesFileEvents)
        var baseline = FileScan(of: options.watchedPaths)
        await rebuild(changed: nil)
        let clock = ContinuousClock()
        var lastBeat = clock.now
        while true {
            try await Task.sleep(for: notifier.isListening ? options.eventPollInterval : options.pollInterval)
            if clock.now - lastBeat >= options.heartbeatInterval {
                hub.broadcast(.heartbeat)
                lastBeat = clock.now
            }
            var heard = notifier.drain()
            guard heard != .nothing else { continue }
            let changed: [String]
            if notifier.isListening {
                // Settled when inotify has been quiet for the debounce time: then the files it
                // named are looked at, or, after a folder event, every file once.
                for _ in 0..<Self.maxDebounceRounds {
                    try await Task.sleep(for: options.debounce)
                    let more = notifier.drain()
                    if more == .nothing { break }
                    heard = heard.adding(more)
                }
                if case .files(let paths) = heard {
                    changed = baseline.update(paths)
                } else {
                    let latest = FileScan(of: options.watchedPaths)
                    changed = baseline.changes(to: latest)
                    baseline = latest
                }
            } else {
                var latest = FileScan(of: options.watchedPaths)
                guard latest != baseline else { continue }
                for _ in 0..<Self.maxDebounceRounds {
                    try await Task.sleep(for: options.debounce)
                    let again = FileScan(of: options.watchedPaths)
                    if again == latest { break }
                    latest = again
                }
                changed = baseline.changes(to: latest)
                baseline = latest
            }
            guard !changed.isEmpty else { continue }
            await rebuild(changed: changed)
        }
    }

    private func rebuild(changed: [String]?) async {
        let clock = ContinuousClock()
        let start = clock.now
        let build = await builder.build(changed: changed)
        let state = store.install(build)
        onEvent(.built(changed: changed, succeeded: state.failure == nil, duration: clock.now - start))
        hub.broadcast(.reload(buildID: state.buildID))
    }
}
