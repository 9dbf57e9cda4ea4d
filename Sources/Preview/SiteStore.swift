import Core
import Synchronization

/// Holds the site being served and swaps it whole when a build finishes, so every request sees
/// one complete build, never a mix. Requests that arrive before the first build wait for it.
///
/// A lock rather than an actor: every request reads the current state, and under load a hop to
/// an actor's executor per request costs more than the read itself.
final class SiteStore: Sendable {
    private struct Contents {
        var state: SiteState?
        var waiting: [Int: CheckedContinuation<SiteState?, Never>] = [:]
        var nextWaiter = 0
        var generation = 0
    }

    private let contents = Mutex(Contents())
    /// Distinguishes this run from a previous one, whose build numbers start over.
    private let runID = String(UInt32.random(in: .min ... .max), radix: 36)

    /// The state if a build has finished, without waiting.
    var installed: SiteState? { contents.withLock { $0.state } }

    /// The state to serve, waiting for the first build if none has finished yet; nil if the
    /// waiting request is cancelled first (the server is stopping).
    func current() async -> SiteState? {
        if let state = installed { return state }
        let id = contents.withLock { contents in
            contents.nextWaiter += 1
            return contents.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready: SiteState?? = self.contents.withLock { contents in
                    if let state = contents.state { return .some(state) }
                    if Task.isCancelled { return .some(nil) }
                    contents.waiting[id] = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            self.contents.withLock { $0.waiting.removeValue(forKey: id) }?.resume(returning: nil)
        }
    }

    /// Installs a finished build and returns the new state.
    @discardableResult
    func install(_ build: PreviewBuild) -> SiteState {
        let (next, resumed) = contents.withLock { contents in
            contents.generation += 1
            let buildID = "\(runID)-\(contents.generation)"
            let next: SiteState = switch build {
            case .success(let site):
                SiteState(lastGood: SiteSnapshot(site), failure: nil, buildID: buildID)
            case .failure(let diagnostics):
                SiteState(lastGood: contents.state?.lastGood, failure: diagnostics, buildID: buildID)
            }
            contents.state = next
            let resumed = contents.waiting
            contents.waiting = [:]
            return (next, resumed)
        }
        for continuation in resumed.values { continuation.resume(returning: next) }
        return next
    }
}
