#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Remembers what the page rules found in blocks of template chrome (a header, a footer, a
/// navigation) that are byte-for-byte the same from page to page, so that a site of 10,000 pages
/// checks its footer once. Share one cache across the pages of a build that use the same
/// `LintConfiguration`; it is safe to use from several threads.
public final class ChromeCache: Sendable {
    /// A block's place and a digest of its bytes: looked up without copying the block.
    struct Key: Hashable, Sendable {
        var context: String
        var count: Int
        var digest: Int

        init(context: String, bytes: ArraySlice<UInt8>) {
            self.context = context
            count = bytes.count
            var hasher = Hasher()
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            digest = hasher.finalize()
        }
    }

    struct Entry: Sendable {
        var record: PageRecord
        var start: (line: Int, column: Int)
    }

    /// Blocks by key; the bytes are compared too, so two blocks with one digest stay apart.
    private let entries = Mutex<[Key: [(bytes: [UInt8], entry: Entry)]]>([:])
    private let counters = Mutex<(hits: Int, misses: Int)>((0, 0))

    public init() {}

    /// How many chrome blocks were replayed, and how many had to be checked.
    public var statistics: (hits: Int, misses: Int) { counters.withLock { $0 } }

    func lookup(_ key: Key, bytes: ArraySlice<UInt8>) -> Entry? {
        let entry = entries.withLock { entries in
            entries[key]?.first { Self.same($0.bytes, bytes) }?.entry
        }
        counters.withLock { counters in
            if entry == nil { counters.misses += 1 } else { counters.hits += 1 }
        }
        return entry
    }

    func store(_ entry: Entry, for key: Key, bytes: ArraySlice<UInt8>) {
        let copy = Array(bytes)
        entries.withLock { entries in
            guard entries[key]?.contains(where: { Self.same($0.bytes, bytes) }) != true else { return }
            entries[key, default: []].append((copy, entry))
        }
    }

    private static func same(_ stored: [UInt8], _ bytes: ArraySlice<UInt8>) -> Bool {
        guard stored.count == bytes.count else { return false }
        return stored.withUnsafeBytes { a in
            bytes.withUnsafeBytes { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
    }

    /// Blocks smaller than this are checked every time: hashing them would cost as much.
    static let minimumBlockBytes = 256
}
