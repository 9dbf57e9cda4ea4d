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
