import FlyingFox
import Foundation

/// Answers every request while serving: serve's own script, style sheet and event stream under `/__signpost/`, and
/// otherwise a file of the built site, with serve's additions put into each page as it is sent.
struct PreviewHandler: HTTPHandler {
    let resolver: SitePathResolver
    let builder: PreviewBuilder
    let hub: ReloadHub
    /// The names the server answers as; any other `Host:` is refused, so no other site's page can read it.
    let hosts: AllowedHosts
    /// Whether the first build has finished; until then, pages wait for it rather than show an empty site.
    let ready: @Sendable () -> Bool

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        // DNS rebinding: a page of another site that points its own name at this computer sends that name as Host.
        let host = request.headers.values(for: .host)
        guard host.count == 1 else {
            return refusal(.badRequest, "A request needs one Host header. Open \(hosts.home) instead.", closing: true)
        }
        guard hosts.allows(host: host[0]) else {
            return refusal(.misdirectedRequest,
                           "This preview answers only at its own address. Open \(hosts.home) instead.", closing: true)
        }
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET, HEAD"]))
        }
        // The path as the browser sent it: FlyingFox's `request.path` is tidied and loses a folder's closing slash.
        let path = request.target.path()
        switch path {
        case "/__signpost/events":
            // Only serve's own pages may listen for builds: a browser sends Origin when another site's page asks.
            let origin = request.headers.values(for: HTTPHeader("Origin"))
            guard origin.isEmpty || (origin.count == 1 && hosts.allows(origin: origin[0])) else {
                return refusal(.forbidden, "Only this preview's own pages can listen for builds.")
            }
            let body = HTTPBodySequence(from: EventStreamBody(events: hub.connect()))
            return HTTPResponse(statusCode: .ok, headers: [
                .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store",
            ], body: body)
        case "/__signpost/preview.js":
            return text(PreviewScript.text, type: "text/javascript; charset=utf-8")
        case "/__signpost/preview.css":
            return text(PreviewStyle.text, type: "text/css; charset=utf-8")
        default:
            var waited = 0
            while !ready() && waited < 280 {
                try await Task.sleep(nanoseconds: 50_000_000)
                waited += 1
            }
            return siteFile(path)
        }
    }

    /// A short answer in plain words. `closing`: the connection is closed after it, so a page of another site
    /// keeps no connection open.
    private func refusal(_ status: HTTPStatusCode, _ words: String, closing: Bool = false) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"]
        if closing { headers[.connection] = "close" }
        return HTTPResponse(statusCode: status, headers: headers, body: Data((words + "\n").utf8))
    }

    private func text(_ text: String, type: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: Data(text.utf8))
    }

    private func siteFile(_ path: String) -> HTTPResponse {
        switch resolver.resolve(path) {
        case .redirect(let to):
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: to]))
        case .file(let file, let data):
            return send(file: file, data: data, status: .ok)
        case .notFound:
            if case .file(let file, let data) = resolver.resolve("/404.html") {
                return send(file: file, data: data, status: .notFound)
            }
            // No site has been built yet (its first build failed): a bare page, so the error overlay still shows.
            let page = Data("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Nothing here yet</title></head>
                <body><main><h1>Nothing here yet</h1><p>The site has not been built. Fix the problems and save.</p></main></body></html>
                """.utf8)
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                                body: PreviewInjection.inject(into: page, siteNumber: builder.currentSiteNumber, source: nil, findings: []))
        }
    }

    /// A file's answer: `data` is what the resolver read from the file it opened, never read again by name.
    private func send(file: String, data: Data, status: HTTPStatusCode) -> HTTPResponse {
        var data = data
        let type = ContentTypes.forFile(file)
        if file.hasSuffix(".html") {
            let relative = String(file.dropFirst(resolver.root.count + 1))
            let found = builder.findings(forOutput: relative)
            data = PreviewInjection.inject(into: data, siteNumber: builder.currentSiteNumber, source: found?.source,
                                           findings: found?.findings ?? [])
        }
        // Every answer is fresh: the site changes under the browser while serving.
        return HTTPResponse(statusCode: status, headers: [.contentType: type, .cacheControl: "no-store"], body: data)
    }
}
