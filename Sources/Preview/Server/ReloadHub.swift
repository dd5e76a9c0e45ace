import Foundation

/// Every open page's event stream, and the last build's news, which each page is sent as soon as it connects.
///
/// Builds run on their own thread and call `send`; the web server calls `connect` for each page. A page that has
/// gone is forgotten the next time anything is sent to it (and a comment is sent every few seconds so that happens
/// even when nothing is built), so the list never grows with the number of builds or reloads.
public final class ReloadHub: @unchecked Sendable {
    private let lock = NSLock()
    private var clients: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextID = 0
    private var latest: [UInt8]?

    public init() {}

    /// A new stream for one page, starting with the latest news.
    func connect() -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(16))
        lock.lock()
        let id = nextID
        nextID += 1
        clients[id] = continuation
        // Tells the browser to try again after a second if the server goes away, then the news so far.
        var first = Array("retry: 1000\n\n".utf8)
        if let latest { first += latest }
        lock.unlock()
        continuation.yield(first)
        continuation.onTermination = { [weak self] _ in self?.forget(id) }
        return stream
    }

    /// Sends an event to every open page and keeps it for pages that connect later.
    public func send(event: String, data: String) {
        var bytes = Array("event: \(event)\n".utf8)
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            bytes += Array("data: \(line)\n".utf8)
        }
        bytes += Array("\n".utf8)
        lock.lock()
        latest = bytes
        lock.unlock()
        broadcast(bytes)
    }

    /// A comment line, which browsers ignore; writing it finds pages that were closed.
    public func keepAlive() { broadcast(Array(": still here\n\n".utf8)) }

    /// How many pages are listening now.
    public var clientCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return clients.count
    }

    private func broadcast(_ bytes: [UInt8]) {
        lock.lock()
        let current = clients
        lock.unlock()
        for (id, client) in current {
            if case .terminated = client.yield(bytes) { forget(id) }
        }
    }

    private func forget(_ id: Int) {
        lock.lock()
        clients[id] = nil
        lock.unlock()
    }

    /// Ends every stream, so the server can stop.
    public func closeAll() {
        lock.lock()
        let current = clients
        clients = [:]
        lock.unlock()
        for client in current.values { client.finish() }
    }
}
