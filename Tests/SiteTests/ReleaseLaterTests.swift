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

    /// Many times over, since a copy left with the caller only sometimes loses the race.
    @Test func valuesAreFreedOnAnotherThread() {
        let caller = pthread_self()
        var onCaller = 0, neverFreed = 0
        for _ in 0..<300 {
            let witness = Witness()
            // Moved in: a copy kept here (`releaseLater([held])`, then `held = nil`), or the
            // variadic list releaseLater once took, races the other thread, and whichever lets go
            // last frees it; that race once freed a build's cache on the build's thread.
            let held = [Tracked(witness)]
            releaseLater([consume held, "a string", 42])
            if witness.freed.wait(timeout: .now() + 10) != .success { neverFreed += 1; continue }
            if witness.thread.map({ pthread_equal($0, caller) != 0 }) ?? true { onCaller += 1 }
        }
        #expect(neverFreed == 0, "a value was never freed")
        #expect(onCaller == 0, "freed on the caller's thread")
    }

    @Test func aValueStillHeldIsNotFreed() {
        let witness = Witness()
        let kept = Tracked(witness)
        releaseLater([kept])
        #expect(witness.freed.wait(timeout: .now() + 0.5) == .timedOut)
        withExtendedLifetime(kept) {}
    }
}
