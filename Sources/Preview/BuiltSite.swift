import Foundation

/// A built site held in memory: what `public/` would contain, without ever touching a disk.
public struct BuiltSite: Sendable {
    /// Output path relative to the site root ("report/index.html", "404.html") → bytes.
    public var files: [String: Data]
    /// Alias URL path ("/old-report/") → the URL it moved to ("/report/"), answered with 301.
    public var redirects: [String: String]
    /// When this output was made; served as `Last-Modified`.
    public var builtAt: Date

    public init(files: [String: Data], redirects: [String: String] = [:], builtAt: Date = Date()) {
        self.files = files
        self.redirects = redirects
        self.builtAt = builtAt
    }
}
