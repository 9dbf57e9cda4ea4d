import Core

/// What the preview serves at one moment: the last good site, and the findings of the latest
/// build when it failed.
struct SiteState: Sendable {
    /// The most recent site that built; nil until one has.
    var lastGood: SiteSnapshot?
    /// Set while the latest build failed: every HTML request gets the error page listing these.
    var failure: [Diagnostic]?
    /// Changes with every installed build, so a reconnecting browser can tell it missed one.
    var buildID: String
}
