import Synchronization
import Testing
@testable import Site

@Suite struct ConcurrencyTests {
    final class Counter: Sendable {
        let count = Atomic<Int>(0)
        var value: Int { count.load(ordering: .relaxed) }
    }

    final class Item: Sendable {
        let value: Int
        let alive: Counter
        init(_ value: Int, alive: Counter) {
            self.value = value
            self.alive = alive
            alive.count.add(1, ordering: .relaxed)
        }
        deinit { alive.count.subtract(1, ordering: .relaxed) }
    }

    @Test func keepsTheOrderOfTheItems() async {
        let results = await concurrentMap(Array(0..<1_000)) { $0 * 2 }
        #expect(results == (0..<1_000).map { $0 * 2 })
    }

    /// Items handed over with `consume` are let go as the work goes: by the time the last item's
    /// work runs, most of the others are gone, and none outlive the call.
    @Test func consumedItemsAreLetGoAsTheWorkGoes() async {
        let alive = Counter()
        var items: [Item] = []
        for value in 0..<2_000 { items.append(Item(value, alive: alive)) }
        let peakSeen = Counter()
        let results = await concurrentMap(consuming: consume items) { item -> Int in
            if item.value == 1_999 { peakSeen.count.store(alive.value, ordering: .relaxed) }
            return item.value + 1
        }
        #expect(results == (1...2_000).map { $0 })
        #expect(alive.value == 0)
        // The last item is in the last chunk: the earlier chunks' items have been released.
        #expect(peakSeen.value < 1_000)
    }
}
