import CGumbo

/// The memory of one gumbo parse, handed out from a few large blocks and let go together.
/// Gumbo asks for thousands of small blocks a page (nodes, attributes, strings, the vectors
/// it grows) and frees each one when its output is destroyed: malloc and free were a tenth
/// of gumbo's time in a full build, and walking the output to destroy it more again.
final class GumboArena {
    private static let blockSize = 128 * 1024
    private var blocks: [UnsafeMutableRawPointer] = []
    private var next: UnsafeMutableRawPointer?
    private var remaining = 0

    init() {}

    deinit {
        for block in blocks { block.deallocate() }
    }

    /// `size` bytes, aligned for any C type; never nil (a failed allocation stops the program,
    /// as it would have inside gumbo).
    func allocate(_ size: Int) -> UnsafeMutableRawPointer {
        let rounded = (max(size, 1) + 15) & ~15
        if rounded > Self.blockSize / 4 {
            // A large request (a long text's buffer) gets a block of its own, and the current
            // block keeps what it has left.
            let block = UnsafeMutableRawPointer.allocate(byteCount: rounded, alignment: 16)
            blocks.append(block)
            return block
        }
        if rounded > remaining {
            let block = UnsafeMutableRawPointer.allocate(byteCount: Self.blockSize, alignment: 16)
            blocks.append(block)
            next = block
            remaining = Self.blockSize
        }
        let start = next!
        next = start + rounded
        remaining -= rounded
        return start
    }

    /// Runs `body` with gumbo's options set to allocate from this arena, which stays alive
    /// until `body` returns. Never destroy gumbo's output with them: the arena frees it all.
    func withOptions<Result>(_ body: (UnsafePointer<GumboOptions>) -> Result) -> Result {
        var options = kGumboDefaultOptions
        options.allocator = { userdata, size in
            Unmanaged<GumboArena>.fromOpaque(userdata!).takeUnretainedValue().allocate(size)
        }
        options.deallocator = { _, _ in }
        options.userdata = Unmanaged.passUnretained(self).toOpaque()
        return withExtendedLifetime(self) { withUnsafePointer(to: options, body) }
    }
}
