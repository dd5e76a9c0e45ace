import FlyingFox
import FlyingSocks
import Foundation

/// Serve's HTTP/1.1 server: takes connections on a listening socket, reads each request's head with
/// `RequestHeadReader`'s limits and hands the request to a FlyingFox handler, then writes its answer.
///
/// It does what FlyingFox's `HTTPServer` did for serve, with FlyingFox's own sockets, requests, answers and handlers,
/// but reads request heads itself: see `RequestHeadReader` for why.
final class PreviewServer: Sendable {
    private let listener: Socket
    private let handler: any HTTPHandler

    /// - Parameter listener: a socket already bound and listening (`ServeAddress.listen()`).
    init(listener: Socket, handler: some HTTPHandler) {
        self.listener = listener
        self.handler = handler
    }

    /// Answers connections until the task is cancelled or the socket fails.
    func run() async throws {
        let pool = HTTPServer.defaultPool()
        try await pool.prepare()
        let socket = try AsyncSocket(socket: listener, pool: pool)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pool.run() }
            group.addTask {
                defer { try? socket.close() }
                for try await connection in socket.sockets {
                    // A task of its own for each connection: a slow or stuck one holds up no other.
                    Task { await self.serve(connection) }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Answers the requests on one connection, one after another, until it closes.
    private func serve(_ connection: AsyncSocket) async {
        defer { try? connection.close() }
        var reader = RequestHeadReader()
        while true {
            switch reader.next() {
            case .needMore:
                guard let bytes = try? await connection.read(atMost: 16 * 1024), !bytes.isEmpty else { return }
                reader.append(bytes)
            case .refused(let status, let words):
                let answer = HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"],
                                          body: Data((words + "\n").utf8))
                try? await write(answer, head: false, closing: true, to: connection)
                await closeAfterReading(connection)
                return
            case .request(let request, let keepAlive):
                let answer: HTTPResponse
                do {
                    answer = try await handler.handleRequest(request)
                } catch {
                    answer = HTTPResponse(statusCode: .internalServerError)
                }
                do {
                    try await write(answer, head: request.method == .HEAD, closing: !keepAlive, to: connection)
                } catch {
                    return
                }
                if !keepAlive { return }
            }
        }
    }

    /// Ends the connection after an answer sent before the request had all come in: says no more is coming, then
    /// reads and drops what the client still sends (up to 1 MB, for up to 2 seconds). Closing while bytes are unread
    /// would reset the connection, and the client could lose the answer.
    private func closeAfterReading(_ connection: AsyncSocket) async {
        #if canImport(Glibc)
        _ = shutdown(connection.socket.file.rawValue, Int32(SHUT_WR))
        #else
        _ = shutdown(connection.socket.file.rawValue, SHUT_WR)
        #endif
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                var dropped = 0
                while dropped < 1 << 20, let bytes = try? await connection.read(atMost: 16 * 1024), !bytes.isEmpty {
                    dropped += bytes.count
                }
            }
            group.addTask { try? await Task.sleep(nanoseconds: 2_000_000_000) }
            await group.next()
            group.cancelAll()
        }
    }

    /// Writes an answer: its status line and headers, with its length (or chunked transfer, for a body of unknown
    /// length such as the event stream), then its body, unless the request was HEAD.
    private func write(_ response: HTTPResponse, head: Bool, closing: Bool, to connection: AsyncSocket) async throws {
        guard case .httpBody(let body) = response.payload else {
            throw SocketError.disconnected
        }
        var headers = response.headers
        if let count = body.count {
            if headers[.contentLength] == nil { headers[.contentLength] = String(count) }
        } else {
            headers[.transferEncoding] = "chunked"
        }
        headers[.connection] = closing ? "close" : "keep-alive"
        var text = "\(response.version.rawValue) \(response.statusCode.code) \(response.statusCode.phrase)\r\n"
        for name in headers.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            for value in headers.values(for: name) { text += "\(name.rawValue): \(value)\r\n" }
        }
        text += "\r\n"
        try await connection.write(Data(text.utf8))
        guard !head else { return }
        for try await chunk in body {
            try await connection.write(chunk)
        }
    }
}
