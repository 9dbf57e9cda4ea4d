import Foundation

/// Lets go of a build's large values on a thread of their own. Freeing a 10,000-page site's
/// pages, records and results took a tenth of a one-page rebuild, at its very end; a command
/// line build exits as soon as it has reported, and the preview does not wait for the memory.
/// Pass only values the caller is done with, moved in with `consume`: a copy left with the
/// caller races the other thread, and whichever lets go last frees them. The array itself is
/// taken, not borrowed, for the same reason (a variadic list stayed with the caller until the
/// call returned).
func releaseLater(_ values: consuming [Any]) {
    let box = Leftovers(consume values)
    Thread.detachNewThread { box.values.removeAll() }
}

/// What `releaseLater` carries to the other thread; nothing else holds it.
private final class Leftovers: @unchecked Sendable {
    var values: [Any]

    init(_ values: [Any]) { self.values = values }
}
