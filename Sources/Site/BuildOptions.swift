import Core

/// What `herald build`, `herald check` and the preview ask of a build.
public struct BuildOptions: Sendable {
    /// The site folder: `herald.yml`, `content/`, `templates/`.
    public var siteDirectory: String
    /// Where the built site goes (default `public` in the site folder).
    public var outputDirectory: String
    public var includeDrafts: Bool
    /// Replaces the config's `base_url` (a staging host, say).
    public var baseURL: String?
    /// Fail on warnings too.
    public var strict: Bool
    /// Build for the preview server: drafts get a banner, the reload script is expected.
    public var preview: Bool
    public var clock: BuildClock

    public init(siteDirectory: String, outputDirectory: String? = nil, includeDrafts: Bool = false, baseURL: String? = nil,
                strict: Bool = false, preview: Bool = false, clock: BuildClock = .system) {
        self.siteDirectory = siteDirectory
        self.outputDirectory = outputDirectory ?? Path.join(siteDirectory, "public")
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.strict = strict
        self.preview = preview
        self.clock = clock
    }

    var configPath: String { Path.join(siteDirectory, "herald.yml") }
    var contentPath: String { Path.join(siteDirectory, "content") }
    var templatesPath: String { Path.join(siteDirectory, "templates") }
}
