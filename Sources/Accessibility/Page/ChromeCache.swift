import Synchronization

/// Remembers what the page rules found in blocks of template chrome (a header, a footer, a
/// navigation) that are byte-for-byte the same from page to page, so that a site of 10,000 pages
/// checks its footer once. Share one cache across the pages of a build that use the same
/// `LintConfiguration`; it is safe to use from several threads.
public final class ChromeCache: Sendable {
    struct Key: Hashable, Sendable {
        var context: String
        var bytes: [UInt8]

        // An array hashes element by element: a block of chrome is kilobytes, hashed as one run.
        func hash(into hasher: inout Hasher) {
            hasher.combine(context)
            hasher.combine(bytes.count)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    struct Entry: Sendable {
        var record: PageRecord
        var start: (line: Int, column: Int)
    }

    private let entries = Mutex<[Key: Entry]>([:])
    private let counters = Mutex<(hits: Int, misses: Int)>((0, 0))

    public init() {}

    /// How many chrome blocks were replayed, and how many had to be checked.
    public var statistics: (hits: Int, misses: Int) { counters.withLock { $0 } }

    func lookup(_ key: Key) -> Entry? {
        let entry = entries.withLock { $0[key] }
        counters.withLock { counters in
            if entry == nil { counters.misses += 1 } else { counters.hits += 1 }
        }
        return entry
    }

    func store(_ entry: Entry, for key: Key) {
        entries.withLock { $0[key] = entry }
    }

    /// Blocks smaller than this are checked every time: hashing them would cost as much.
    static let minimumBlockBytes = 256
}
