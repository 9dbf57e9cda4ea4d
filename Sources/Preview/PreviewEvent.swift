/// What the preview reports to its caller while it runs, for the terminal.
public enum PreviewEvent: Sendable, Equatable {
    /// The server accepts connections at this address (the real port when 0 was asked for).
    case listening(host: String, port: Int)
    /// A build finished and is now served; `changed` is nil for the first, full build.
    case built(changed: [String]?, succeeded: Bool, duration: Duration)
    /// A shutdown signal arrived; open connections are being closed.
    case stopping
}

extension PreviewEvent {
    /// The address a person opens in their browser, for `.listening`.
    public static func url(host: String, port: Int) -> String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return "http://\(shown):\(port)/"
    }
}
