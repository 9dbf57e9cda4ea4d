import Core

/// What the preview asks of the build: build the whole site, or rebuild after these paths changed.
///
/// The preview never writes anywhere: the builder hands back the output in memory, so nothing a
/// reviewer sees can leak into the `public/` that CI deploys. Drafts and future-dated pages are
/// the builder's business too: in preview it should include them, each with a visible
/// "not published" banner.
public protocol PreviewBuilder: Sendable {
    /// Builds the site. `changed` is nil for a full build, or the watched paths (as the preview
    /// was given them, joined with the path below them) that were created, modified or deleted
    /// since the last call.
    func build(changed: [String]?) async -> PreviewBuild
}

/// The outcome of one build, as the preview serves it.
public enum PreviewBuild: Sendable {
    /// The whole built site, ready to serve.
    case success(BuiltSite)
    /// Every finding that stopped the build. The preview keeps serving the last good site for
    /// assets and shows an error page listing these for every page.
    case failure([Diagnostic])
}
