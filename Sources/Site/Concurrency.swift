import Foundation

/// Runs `work` over `items` on every core, keeping the input order in the result. Work is
/// handed out in chunks so thousands of small pages do not become thousands of tasks.
func concurrentMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], work: @escaping @Sendable (Item) -> Result
) async -> [Result] {
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    guard items.count > 1, workers > 1 else { return items.map(work) }
    let chunkSize = max(1, min(64, (items.count + workers * 4 - 1) / (workers * 4)))
    let chunks = stride(from: 0, to: items.count, by: chunkSize).map { $0..<min($0 + chunkSize, items.count) }
    var results = [Result?](repeating: nil, count: items.count)
    await withTaskGroup(of: (Range<Int>, [Result]).self) { group in
        var next = 0
        func submit() {
            guard next < chunks.count else { return }
            let range = chunks[next]
            next += 1
            let slice = Array(items[range])
            group.addTask { (range, slice.map(work)) }
        }
        for _ in 0..<min(workers * 2, chunks.count) { submit() }
        while let (range, values) = await group.next() {
            for (offset, value) in values.enumerated() { results[range.lowerBound + offset] = value }
            submit()
        }
    }
    return results.map { $0! }
}

/// `concurrentMap` that lets each item go as soon as its work is done, so that what items hold
/// (a page's Markdown tree) is not kept until every item is finished. The caller passes the
/// only reference to the array (`consume`), or the items live on in the caller's copy.
func concurrentMap<Item: Sendable, Result: Sendable>(
    consuming items: consuming [Item], work: @escaping @Sendable (Item) -> Result
) async -> [Result] {
    let slots = Slots(items)
    return await concurrentMap(Array(0..<slots.count)) { index in work(slots.take(index)) }
}

/// Items handed out once each, by index, from any task.
private final class Slots<Item: Sendable>: @unchecked Sendable {
    // Each index is taken by exactly one task, and the array is never resized, so tasks touch
    // disjoint elements; the storage pointer is fixed before any task starts.
    private let storage: UnsafeMutableBufferPointer<Item?>

    init(_ items: consuming [Item]) {
        storage = .allocate(capacity: items.count)
        for (index, item) in items.enumerated() { (storage.baseAddress! + index).initialize(to: item) }
    }

    var count: Int { storage.count }

    func take(_ index: Int) -> Item {
        let item = storage[index]!
        storage[index] = nil
        return item
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
}
