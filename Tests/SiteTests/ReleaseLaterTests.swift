import Foundation
import Testing
@testable import Site

/// `releaseLater` frees what it is given, on another thread, and nothing the caller still holds.
struct ReleaseLaterTests {
    /// Where a `Tracked` value says it was freed.
    final class Witness: @unchecked Sendable {
        let freed = DispatchSemaphore(value: 0)
        var thread: pthread_t?
    }

    final class Tracked: @unchecked Sendable {
        let witness: Witness

        init(_ witness: Witness) { self.witness = witness }

        deinit {
            witness.thread = pthread_self()
            witness.freed.signal()
        }
    }

    @Test func valuesAreFreedOnAnotherThread() {
        let witness = Witness()
        let caller = pthread_self()
        // Moved in: a copy kept here (`releaseLater(held)`, then `held = nil`) races the other
        // thread, and whichever lets go last frees it; that race once freed a build's cache here.
        let held = [Tracked(witness)]
        releaseLater(consume held, "a string", 42)
        #expect(witness.freed.wait(timeout: .now() + 10) == .success, "the value was never freed")
        #expect(witness.thread.map { pthread_equal($0, caller) == 0 } == true, "freed on the caller's thread")
    }

    @Test func aValueStillHeldIsNotFreed() {
        let witness = Witness()
        let kept = Tracked(witness)
        releaseLater(kept)
        #expect(witness.freed.wait(timeout: .now() + 0.5) == .timedOut)
        withExtendedLifetime(kept) {}
    }
}
