import Core
import Foundation
import Hummingbird
import ServiceLifecycle

/// Answers every request of the preview: the built site from memory as production would serve
/// it, the `/_herald/` files, the live-reload stream, and the error page while the build fails.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let store: SiteStore
    let hub: EventHub

    private static let lastEventID = HTTPFields.Element.Name("Last-Event-ID")!
    private static let errorPagePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; "
        + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    func respond(to request: Request, context: Context) async throws -> Response {
        let isHead = request.method == .head
        guard request.method == .get || isHead else {
            var response = Self.plain(.methodNotAllowed, "Only GET and HEAD are served.\n", isHead: false)
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        guard let path = RequestPath(target: request.head.path ?? "") else {
            return notFound(state: store.installed, isHead: isHead)
        }
        if path.segments.first == "_herald" {
            return await previewFile(path, request: request, isHead: isHead)
        }
        guard let state = await store.current() else {
            return Self.plain(.serviceUnavailable, "The preview is stopping.\n", isHead: isHead)
        }
        let site = state.lastGood
        if let target = site?.redirect(for: path) {
            return Self.redirect(to: target)
        }
        let filePath = path.filePath
        if let site, site.hasFile(filePath), let file = site.file(filePath) {
            if let failure = state.failure, ContentType.isHTML(filePath) {
                return Self.errorPage(failure, isHead: isHead)
            }
            return Self.serve(file, lastModified: site.lastModified, request: request, isHead: isHead)
        }
        if !path.isFolder, let site, site.hasFile(path.sitePath + "/index.html") {
            let query = path.query.map { "?" + $0 } ?? ""
            return Self.redirect(to: path.encodedPath + "/" + query)
        }
        if let failure = state.failure, path.isFolder || Path.fileExtension(filePath).isEmpty || ContentType.isHTML(filePath) {
            // The page may be one the failed build was adding: show why it is not there.
            return Self.errorPage(failure, isHead: isHead)
        }
        return notFound(state: state, isHead: isHead)
    }

    // MARK: - The site's files

    private static func serve(_ file: PreparedFile, lastModified: String, request: Request, isHead: Bool) -> Response {
        var headers: HTTPFields = [
            .contentType: file.contentType,
            .eTag: file.entityTag,
            .lastModified: lastModified,
            .cacheControl: "no-cache",
            .acceptRanges: "bytes",
            .xContentTypeOptions: "nosniff",
        ]
        let length = file.body.readableBytes
        if isNotModified(request.headers, entityTag: file.entityTag, lastModified: lastModified) {
            headers[.contentLength] = String(length)
            return Response(status: .notModified, headers: headers, body: ResponseBody())
        }
        var rangeHeader = request.headers[.range]
        if let ifRange = request.headers[.ifRange], ifRange != file.entityTag, ifRange != lastModified {
            rangeHeader = nil
        }
        switch ByteRange.resolve(rangeHeader, length: length) {
        case .whole:
            headers[.contentLength] = String(length)
            return Response(status: .ok, headers: headers, body: isHead ? ResponseBody() : ResponseBody(byteBuffer: file.body))
        case .partial(let range):
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(length)"
            headers[.contentLength] = String(range.count)
            let slice = file.body.getSlice(at: file.body.readerIndex + range.lowerBound, length: range.count) ?? ByteBuffer()
            return Response(status: .partialContent, headers: headers, body: isHead ? ResponseBody() : ResponseBody(byteBuffer: slice))
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(length)"
            headers[.contentType] = nil
            headers[.contentLength] = "0"
            return Response(status: .rangeNotSatisfiable, headers: headers, body: ResponseBody())
        }
    }

    /// RFC 9110 §13.2.2: `If-None-Match` decides when present; `If-Modified-Since` only without it.
    private static func isNotModified(_ headers: HTTPFields, entityTag: String, lastModified: String) -> Bool {
        if let noneMatch = headers[.ifNoneMatch] {
            return EntityTag.noneMatchHits(noneMatch, tag: entityTag)
        }
        if let since = headers[.ifModifiedSince].flatMap(HTTPDate.parse), let modified = HTTPDate.parse(lastModified) {
            return modified <= since
        }
        return false
    }

    private func notFound(state: SiteState?, isHead: Bool) -> Response {
        let custom = state?.lastGood?.file("404.html")
        let body = custom?.body ?? ByteBuffer(bytes: ReloadInjection.inject(into: Data(NotFoundPage.html.utf8)))
        let headers: HTTPFields = [
            .contentType: ContentType.html,
            .contentLength: String(body.readableBytes),
            .cacheControl: "no-store",
            .xContentTypeOptions: "nosniff",
        ]
        return Response(status: .notFound, headers: headers, body: isHead ? ResponseBody() : ResponseBody(byteBuffer: body))
    }

    private static func redirect(to target: String) -> Response {
        // no-store: a browser must not remember a preview redirect the next edit may remove.
        let headers: HTTPFields = [.location: target, .cacheControl: "no-store", .contentLength: "0"]
        return Response(status: .movedPermanently, headers: headers, body: ResponseBody())
    }

    private static func errorPage(_ diagnostics: [Diagnostic], isHead: Bool) -> Response {
        let body = ByteBuffer(string: ErrorPage.render(diagnostics))
        let headers: HTTPFields = [
            .contentType: ContentType.html,
            .contentLength: String(body.readableBytes),
            .cacheControl: "no-store",
            .contentSecurityPolicy: errorPagePolicy,
            .xContentTypeOptions: "nosniff",
        ]
        return Response(status: .internalServerError, headers: headers, body: isHead ? ResponseBody() : ResponseBody(byteBuffer: body))
    }

    private static func plain(_ status: HTTPResponse.Status, _ text: String, isHead: Bool) -> Response {
        let body = ByteBuffer(string: text)
        let headers: HTTPFields = [
            .contentType: "text/plain; charset=utf-8",
            .contentLength: String(body.readableBytes),
            .cacheControl: "no-store",
        ]
        return Response(status: status, headers: headers, body: isHead ? ResponseBody() : ResponseBody(byteBuffer: body))
    }

    // MARK: - The preview's own files

    private func previewFile(_ path: RequestPath, request: Request, isHead: Bool) async -> Response {
        let asked = path.encodedPath
        if asked == PreviewAssets.eventsPath, !isHead {
            return await eventStream(request: request)
        }
        let text: String
        let type: String
        switch asked {
        case PreviewAssets.scriptPath:
            (text, type) = (PreviewAssets.liveReloadScript, ContentType.forPath(asked))
        case PreviewAssets.stylePath:
            (text, type) = (PreviewAssets.stylesheet, ContentType.forPath(asked))
        default:
            return notFound(state: store.installed, isHead: isHead)
        }
        let body = ByteBuffer(string: text)
        let headers: HTTPFields = [
            .contentType: type,
            .contentLength: String(body.readableBytes),
            .cacheControl: "no-cache",
            .xContentTypeOptions: "nosniff",
        ]
        return Response(status: .ok, headers: headers, body: isHead ? ResponseBody() : ResponseBody(byteBuffer: body))
    }

    /// Server-sent events: `hello` on connect, `reload` after each build, comments to keep the
    /// line alive. The loop ends when the client goes away, the hub drops the stream, or the
    /// server shuts down gracefully.
    private func eventStream(request: Request) async -> Response {
        guard let subscription = hub.subscribe() else {
            return Self.plain(.serviceUnavailable, "The preview is stopping.\n", isHead: false)
        }
        let current = store.installed?.buildID
        // A browser reconnecting after a missed build (or a restart) reloads at once.
        let missed = request.headers[Self.lastEventID].map { $0 != current } ?? false
        let headers: HTTPFields = [
            .contentType: "text/event-stream; charset=utf-8",
            .cacheControl: "no-store",
            .xContentTypeOptions: "nosniff",
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await request.body.consumeWithCancellationOnInboundClose { _ in
                var greeting = "retry: 1000\n"
                if let current { greeting += "id: \(current)\n" }
                greeting += "event: hello\ndata: \(current ?? "")\n\n"
                if missed, let current { greeting += "id: \(current)\nevent: reload\ndata: \(current)\n\n" }
                try await writer.write(ByteBuffer(string: greeting))
                for await message in subscription.cancelOnGracefulShutdown() {
                    switch message {
                    case .reload(let buildID):
                        try await writer.write(ByteBuffer(string: "id: \(buildID)\nevent: reload\ndata: \(buildID)\n\n"))
                    case .heartbeat:
                        try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                    }
                }
            }
            try await writer.finish(nil)
        })
    }
}
