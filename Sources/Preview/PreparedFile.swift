import Foundation
import Hummingbird

/// One file as the preview sends it: the bytes (with the reload script in HTML), its type and tag.
struct PreparedFile: Sendable {
    var body: ByteBuffer
    var contentType: String
    var entityTag: String

    init(path: String, data: Data) {
        let isHTML = ContentType.isHTML(path)
        let served = isHTML ? ReloadInjection.inject(into: data) : data
        body = ByteBuffer(bytes: served)
        contentType = ContentType.forPath(path)
        entityTag = served.withUnsafeBytes(EntityTag.of)
    }
}
