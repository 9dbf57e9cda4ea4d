import Synchronization

/// What the staging folder held when it was made (`StagingArea.prepare`), kept for the end of
/// the build, which removes what it did not write again. A class, for a clean build makes the
/// folder from inside the render, when the first page is about to be written.
final class StagedEntries: Sendable {
    let entries = Mutex<[String: Manifest.Entry]>([:])
}
