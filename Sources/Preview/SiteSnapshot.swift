import Foundation
import Hummingbird
import Synchronization

/// One built site as served: never changed once made, swapped whole when a build finishes.
///
/// Files are prepared (script injected, tag computed) the first time they are asked for rather
/// than all at once, so that installing a rebuilt site of thousands of pages costs nothing.
final class SiteSnapshot: Sendable {
    let site: BuiltSite
    let lastModified: String
    private let redirects: [String: String]
    private let prepared = Mutex<[String: PreparedFile]>([:])

    init(_ site: BuiltSite) {
        self.site = site
        self.lastModified = HTTPDate.format(site.builtAt)
        var redirects: [String: String] = [:]
        for (alias, target) in site.redirects { redirects[Self.aliasKey(alias)] = target }
        self.redirects = redirects
    }

    func hasFile(_ path: String) -> Bool { site.files[path] != nil }

    func file(_ path: String) -> PreparedFile? {
        if let cached = prepared.withLock({ $0[path] }) { return cached }
        guard let data = site.files[path] else { return nil }
        let file = PreparedFile(path: path, data: data)
        prepared.withLock { $0[path] = file }
        return file
    }

    /// The redirect target for an alias; `/old/`, `/old`, `old/index.html` all name the same alias.
    func redirect(for path: RequestPath) -> String? {
        redirects[Self.aliasKey(path.filePath)]
    }

    private static func aliasKey(_ alias: String) -> String {
        var key = Substring(alias)
        while key.hasPrefix("/") { key = key.dropFirst() }
        if key.hasSuffix("index.html") && (key.count == 10 || key.dropLast(10).hasSuffix("/")) { key = key.dropLast(10) }
        while key.hasSuffix("/") { key = key.dropLast() }
        return String(key)
    }
}
