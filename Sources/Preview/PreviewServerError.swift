/// Why the preview could not start, phrased for the person who ran `herald serve`.
public enum PreviewServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another program already listens on this port.
    case portInUse(host: String, port: Int)
    /// The address could not be listened on for another reason (unknown host, no permission).
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            "port \(port) is already in use on \(host): stop the other program or choose another port with --port"
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host):\(port): \(reason)"
        }
    }
}
