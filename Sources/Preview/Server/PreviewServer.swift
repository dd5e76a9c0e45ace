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
    /// The connections open now. One person's browser needs a few (six or so a page, one more for the event
    /// stream); past `connectionLimit`, the one that has waited longest for a request head (idle between requests,
    /// or part way through one) is closed to make room, so sockets left open by anyone lock no one out. Only when
    /// every connection is busy answering is a new one closed as it comes, before the system runs out of descriptors.
    private let connections = Connections(limit: connectionLimit)
    static let connectionLimit = 256
    /// How long a new connection may take to send its first request's head whole: a browser sends it at once.
    static let firstHeadTimeout: Duration = .seconds(10)
    /// How long a kept-alive connection may wait for its next request's head whole, counted from when its last
    /// answer was sent: a browser keeps a connection idle between a page and the next, and expects it open for a
    /// while (60 s, as most servers). It holds no one up: an idle connection is the first closed when all are taken.
    static let headTimeout: Duration = .seconds(60)

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
            // One watchdog for every connection's time limits, not a sleeping task for each read: a sleep cancelled
            // when the read comes first keeps its memory (about 0.6 KB), so each connection served left some behind.
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(nanoseconds: 250_000_000)
                    self.connections.closeOverdue(at: .now)
                }
            }
            group.addTask {
                defer { try? socket.close() }
                while !Task.isCancelled {
                    let connection: AsyncSocket
                    do {
                        connection = try await socket.accept()
                    } catch {
                        // Out of descriptors for a moment, or a connection reset before it was taken: go on.
                        try await Task.sleep(nanoseconds: 50_000_000)
                        continue
                    }
                    guard let id = self.connections.open(connection.socket.file.rawValue,
                                                         until: .now + Self.firstHeadTimeout) else {
                        try? connection.close()
                        continue
                    }
                    // A task of its own for each connection: a slow or stuck one holds up no other.
                    Task {
                        await self.serve(connection, id: id)
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Answers the requests on one connection, one after another, until it closes.
    private func serve(_ connection: AsyncSocket, id: Int) async {
        defer {
            // Taken off the list before its descriptor is closed, so it is never shut down once the number is reused.
            connections.close(id)
            try? connection.close()
        }
        var reader = RequestHeadReader()
        while true {
            switch reader.next() {
            case .needMore:
                // Past its time limit the watchdog shuts the connection down, and this read finds it closed.
                guard let bytes = try? await connection.read(atMost: 16 * 1024), !bytes.isEmpty else { return }
                reader.append(bytes)
            case .refused(let status, let words):
                let answer = HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8",
                                                                        .cacheControl: "no-store"],
                                          body: Data((words + "\n").utf8))
                try? await write(answer, head: false, closing: true, to: connection)
                await closeAfterReading(connection, id: id)
                return
            case .request(let request, let keepAlive):
                connections.answering(id)
                let answer: HTTPResponse
                do {
                    answer = try await handler.handleRequest(request)
                } catch {
                    answer = HTTPResponse(statusCode: .internalServerError)
                }
                // The handler says to close after an answer that refuses the request (another site's Host).
                let closing = !keepAlive || answer.headers[.connection]?.lowercased() == "close"
                do {
                    try await write(answer, head: request.method == .HEAD, closing: closing, to: connection)
                } catch {
                    return
                }
                if closing {
                    // A body the request came with may still be arriving.
                    await closeAfterReading(connection, id: id)
                    return
                }
                connections.waiting(id, until: .now + Self.headTimeout)
            }
        }
    }

    /// Ends the connection after its last answer, which may have been sent before the request had all come in: says
    /// no more is coming, then reads and drops what the client still sends (up to 1 MB, for up to 2 seconds). Closing
    /// while bytes are unread would reset the connection, and the client could lose the answer.
    private func closeAfterReading(_ connection: AsyncSocket, id: Int) async {
        connections.waiting(id, until: .now + .seconds(2))
        #if canImport(Glibc)
        _ = shutdown(connection.socket.file.rawValue, Int32(SHUT_WR))
        #else
        _ = shutdown(connection.socket.file.rawValue, SHUT_WR)
        #endif
        var dropped = 0
        while dropped < 1 << 20, let bytes = try? await connection.read(atMost: 16 * 1024), !bytes.isEmpty {
            dropped += bytes.count
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

/// The connections open now, each with whether it is waiting for a request head and since when, shared between
/// tasks.
private final class Connections: @unchecked Sendable {
    private struct Entry {
        var descriptor: Int32
        /// When it began waiting for a request head; nil while a request is being answered.
        var waitingSince: ContinuousClock.Instant?
        /// When it is shut down if still waiting; nil while a request is being answered.
        var deadline: ContinuousClock.Instant?
    }

    private let lock = NSLock()
    private let limit: Int
    private var entries: [Int: Entry] = [:]
    private var lastID = 0

    init(limit: Int) { self.limit = limit }

    /// Takes a new connection, waiting for its first head, and gives its number; when `limit` are open, first closes
    /// the one that has waited longest for a head (its task then finds it closed, and ends). Nil when every one is
    /// busy answering: the new one is then to be closed.
    func open(_ descriptor: Int32, until deadline: ContinuousClock.Instant) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        if entries.count >= limit {
            let oldest = entries.compactMap { id, entry in entry.waitingSince.map { (id, entry.descriptor, $0) } }
                .min { $0.2 < $1.2 }
            guard let (id, old, _) = oldest else { return nil }
            entries[id] = nil
            Self.shutDown(old)
        }
        lastID += 1
        entries[lastID] = Entry(descriptor: descriptor, waitingSince: .now, deadline: deadline)
        return lastID
    }

    /// The connection is answering a request: it is not closed to make room.
    func answering(_ id: Int) {
        lock.lock()
        defer { lock.unlock() }
        entries[id]?.waitingSince = nil
        entries[id]?.deadline = nil
    }

    /// The connection is waiting for its next request's head (or for the client to finish, before closing), and is
    /// shut down if still waiting at `deadline`.
    func waiting(_ id: Int, until deadline: ContinuousClock.Instant) {
        lock.lock()
        defer { lock.unlock() }
        entries[id]?.waitingSince = .now
        entries[id]?.deadline = deadline
    }

    /// Shuts down the connections still waiting past their deadlines: each one's task then finds it closed, and ends.
    func closeOverdue(at now: ContinuousClock.Instant) {
        lock.lock()
        defer { lock.unlock() }
        for (id, entry) in entries {
            if let deadline = entry.deadline, deadline <= now {
                entries[id] = nil
                Self.shutDown(entry.descriptor)
            }
        }
    }

    /// Shut down, not closed: its own task still reads it and closes it, so its number is not reused meanwhile.
    private static func shutDown(_ descriptor: Int32) {
        _ = shutdown(descriptor, Int32(SHUT_RDWR))
    }

    /// The connection is closing: called before its descriptor is closed.
    func close(_ id: Int) {
        lock.lock()
        defer { lock.unlock() }
        entries[id] = nil
    }
}
