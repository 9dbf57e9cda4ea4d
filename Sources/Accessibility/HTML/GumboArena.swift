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
        if rounded > remaining {
            // A request larger than a block gets a block of its own size.
            let size = max(Self.blockSize, rounded)
            let block = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
            blocks.append(block)
            next = block
            remaining = size
        }
        let start = next!
        next = start + rounded
        remaining -= rounded
        return start
    }

    /// Gumbo's options with this arena as its allocator. The options hold the arena unretained:
    /// use them only while the arena is alive, and never destroy the output with them (the
    /// arena's `deinit` frees it all).
    func options() -> GumboOptions {
        var options = kGumboDefaultOptions
        options.allocator = { userdata, size in
            Unmanaged<GumboArena>.fromOpaque(userdata!).takeUnretainedValue().allocate(size)
        }
        options.deallocator = { _, _ in }
        options.userdata = Unmanaged.passUnretained(self).toOpaque()
        return options
    }
}
