import Foundation
import Content

/// The site-wide part of every template's context.
public struct SiteView: Sendable {
    public var config: SiteConfig
    /// Asset path under `assets/` → its fingerprinted URL.
    public var assets: [String: String] {
        didSet { assetKeys = Self.templateKeys(assets) }
    }
    /// The same URLs under the names templates use (`assets.site_css`), made once, not per page.
    private var assetKeys: [String: String]
    public var buildYear: Int
    public var preview: Bool

    public init(config: SiteConfig, assets: [String: String], buildYear: Int, preview: Bool) {
        self.config = config
        self.assets = assets
        assetKeys = Self.templateKeys(assets)
        self.buildYear = buildYear
        self.preview = preview
    }

    /// The context for a page at `currentURL`: navigation marks the entry that contains it.
    public func context(currentURL: String) -> [String: Any] {
        var organisation: [String: Any] = ["name": config.organisation.name]
        organisation["email"] = config.organisation.email
        organisation["phone"] = config.organisation.phone
        organisation["address"] = config.organisation.address
        var site: [String: Any] = [
            "title": config.title, "base_url": config.baseURL, "language": config.language,
            "organisation": organisation,
            "navigation": config.navigation.map { link in
                ["title": link.title, "url": link.url, "current": Self.isCurrent(link.url, for: currentURL)] as [String: Any]
            },
            "footer": config.footer.map { ["title": $0.title, "url": $0.url] },
            "search": config.search,
            "exit_this_page_url": config.exitThisPageURL,
        ]
        if let phase = config.phase { site["phase"] = ["tag": phase.tag, "message": phase.message] }
        return ["site": site, "assets": assetKeys,
                "build": ["generator": "Herald", "year": buildYear, "preview": preview] as [String: Any]]
    }

    /// `css/site.css` → `css_site_css`: slashes, dots and hyphens become underscores.
    private static func templateKeys(_ assets: [String: String]) -> [String: String] {
        var keys: [String: String] = [:]
        for (path, url) in assets {
            keys[path.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: ".", with: "_")
                .replacingOccurrences(of: "-", with: "_")] = url
        }
        return keys
    }

    /// A navigation entry is current on its own page and on the pages below it (not the home link everywhere).
    static func isCurrent(_ linkURL: String, for pageURL: String) -> Bool {
        linkURL == pageURL || (linkURL != "/" && linkURL.hasPrefix("/") && pageURL.hasPrefix(linkURL))
    }
}
